"""Casework admin views: the team queue (a scoped, audited listing) and one request's case page."""

import re
import time

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Min, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from support import access, deadlines, subject_access
from support.models import (
    AuditEntry,
    CaseNote,
    CaseworkTeam,
    ContactAttempt,
    DisclosureRequest,
)
from website.request_policy.spreadsheets import FormulaSafeExportMixin

Action = AuditEntry.Action


def forbidden(request):
    return TemplateResponse(request, "support/admin/forbidden.html", status=403)


class DeadlineColumn(Column):
    """Age, and where the first-contact promise stands: due on a date, due today, or overdue."""

    cell_template_name = "support/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["case"] = instance
        return context


class SafetyFlagsColumn(Column):
    """The safety flags, first in every row."""

    cell_template_name = "support/admin/flags_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["flags"] = instance.safety_flag_labels
        return context


def reference_filter(query):
    """Match a reference however it is typed: 'DR-7KQ2-M9XA', 'dr 7kq2 m9xa', '7KQ2M9XA', 'M9XA'; or the
    person's own reference, as they read it out: 'K7Q-M9X-3PH', 'k7q m9x 3ph', 'K7QM9X3PH'."""
    compact = re.sub(r"[^A-Z0-9]", "", query.upper())
    if not compact:
        return Q(pk__in=[])
    if len(compact) == 10 and compact[:2] in DisclosureRequest.REFERENCE_PREFIXES.values():
        return Q(reference=f"{compact[:2]}-{compact[2:6]}-{compact[6:]}")
    if len(compact) == 8:
        return Q(reference__endswith=f"-{compact[:4]}-{compact[4:]}")
    if len(compact) == 9:
        return Q(public_reference=f"{compact[:3]}-{compact[3:6]}-{compact[6:]}")
    typed = query.strip().upper()
    return Q(reference__icontains=typed) | Q(public_reference__icontains=typed)


class QueueFilterSet(WagtailFilterSet):
    deadline = django_filters.ChoiceFilter(
        label=_("First contact"),
        choices=[("overdue", _("Overdue")), ("due_today", _("Due today"))],
        method="filter_deadline",
        empty_label=_("Any"),
    )
    assigned = django_filters.ChoiceFilter(
        label=_("Assigned"),
        choices=[("me", _("To me")), ("nobody", _("To nobody"))],
        method="filter_assigned",
        empty_label=_("Anyone"),
    )
    flagged = django_filters.ChoiceFilter(
        label=_("Safety flags"),
        choices=[("yes", _("Flagged only"))],
        method="filter_flagged",
        empty_label=_("Flagged or not"),
    )
    flag = django_filters.ChoiceFilter(
        label=_("Safety flag"),
        choices=DisclosureRequest.SafetyFlag.choices,
        method="filter_flag",
        empty_label=_("Any"),
    )

    class Meta:
        model = DisclosureRequest
        fields = ["kind", "status", "team"]

    def filter_deadline(self, queryset, name, value):
        if value == "overdue":
            return queryset.filter(deadlines.overdue_filter())
        if value == "due_today":
            return queryset.filter(deadlines.due_today_filter())
        return queryset

    def filter_assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_to=self.request.user)
        if value == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset

    def filter_flagged(self, queryset, name, value):
        if value == "yes":
            return queryset.exclude(safety_flags=[])
        return queryset

    def filter_flag(self, queryset, name, value):
        return queryset.with_flag(value) if value else queryset


@method_decorator(never_cache, name="dispatch")
class CaseQueueView(FormulaSafeExportMixin, IndexView):
    """A team's queue: only requests of the viewer's teams; counts and age per team; exports audited."""

    template_name = "support/admin/queue.html"
    default_ordering = "created_at"

    def get_base_queryset(self):
        return DisclosureRequest.objects.casework_queue(self.request.user)

    @cached_property
    def columns(self):
        """The viewset's columns (the reference first, as the link to the case), after the safety flags."""
        return [SafetyFlagsColumn("safety_flags", label=_("Safety")), *super().columns]

    def search_queryset(self, queryset):
        """By reference only: nothing personal can be searched (it is encrypted, and must not be)."""
        if not self.is_searching:
            return queryset
        return queryset.filter(reference_filter(self.search_query))

    def get_team_summaries(self):
        teams = CaseworkTeam.objects.for_user(self.request.user)
        visible = DisclosureRequest.objects.for_user(self.request.user)
        overdue = dict(
            visible.filter(deadlines.overdue_filter())
            .order_by()  # the model's ordering would split the groups
            .values_list("team")
            .annotate(n=Count("pk", distinct=True))
        )
        open_requests = Q(requests__status__in=DisclosureRequest.OPEN_STATUSES)
        teams = teams.annotate(
            open_count=Count("requests", filter=open_requests, distinct=True),
            new_count=Count(
                "requests", filter=Q(requests__status=DisclosureRequest.Status.NEW), distinct=True
            ),
            unassigned_count=Count(
                "requests", filter=open_requests & Q(requests__assigned_to__isnull=True), distinct=True
            ),
            oldest_open=Min("requests__created_at", filter=open_requests),
        )
        now = timezone.now()
        return [
            {
                "team": team,
                "open": team.open_count,
                "new": team.new_count,
                "unassigned": team.unassigned_count,
                "overdue": overdue.get(team.pk, 0),
                "oldest_days": (now - team.oldest_open).days if team.oldest_open else None,
                "url": f"{reverse(self.index_url_name)}?team={team.pk}",
            }
            for team in teams
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.results_only:
            context["team_summaries"] = self.get_team_summaries()
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        AuditEntry.record(
            Action.EXPORTED,
            user=self.request.user,
            detail=f"{spreadsheet_format} export of {queryset.count()} request(s)",
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Add a note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_("Notes cannot be edited or deleted once added."),
    )


class ContactAttemptForm(forms.Form):
    method = forms.ChoiceField(label=_("How"), choices=ContactAttempt.Method.choices)
    outcome = forms.ChoiceField(label=_("What happened"), choices=ContactAttempt.Outcome.choices)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DisclosureRequest.Status.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)

    def __init__(self, *args, kind=DisclosureRequest.Kind.DISCLOSURE, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the statuses and outcomes of this kind of request: a call-back is called back, not
        # "disclosed", and nobody is "supported to apply" for one.
        statuses = DisclosureRequest.status_choices_for(kind)
        current = self.initial.get("status")
        if current and current not in dict(statuses):
            # A call-back set to "Supported to apply" before it was refused: shown as it is, so the form
            # does not quietly move it to the first status offered.
            statuses = [*statuses, (current, DisclosureRequest.Status(current).label)]
        self.fields["status"].choices = statuses
        self.fields["outcome"].choices = [("", "—"), *DisclosureRequest.outcome_choices_for(kind)]


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=get_user_model().objects.none())

    def __init__(self, *args, team=None, case=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        members = team.members.filter(is_active=True) if team else get_user_model().objects.none()
        self.fields["assignee"].queryset = members.order_by("username")
        # Preselect the current assignee; on an unassigned request, the caseworker looking at it.
        current = case.assigned_to if case is not None else None
        if current is None and user is not None and members.filter(pk=user.pk).exists():
            current = user
        if current is not None:
            self.fields["assignee"].initial = current.pk


class SafetyFlagsForm(forms.Form):
    safety_flags = forms.MultipleChoiceField(
        label=_("Safety flags"),
        required=False,
        choices=DisclosureRequest.SafetyFlag.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Shown first wherever this request appears: the queue, the dashboard and this page."),
    )


class EraseForm(forms.Form):
    confirm_reference = forms.CharField(
        label=_("Type the reference to confirm"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Erasure deletes every personal detail, note and contact note of this request for good."),
    )

    def __init__(self, *args, reference="", **kwargs):
        super().__init__(*args, **kwargs)
        self.reference = reference

    def clean_confirm_reference(self):
        value = self.cleaned_data["confirm_reference"].strip().upper()
        if value != self.reference:
            raise forms.ValidationError(
                gettext("Type %(reference)s exactly to erase this request's data")
                % {"reference": self.reference}
            )
        return value


@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters(), name="dispatch")
class CaseView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One request: safe-contact rules first, then the details, notes, contact attempts and actions.

    Any request outside the viewer's teams answers 403, whatever the URL says, and the refusal is audited.
    """

    template_name = "support/admin/case.html"
    any_permission_required = ["view", "change"]
    header_icon = "list-ul"
    model = DisclosureRequest
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # A plain 403, not Wagtail's usual redirect to the dashboard: the answer to a guessed URL must
        # be the same whether or not the request exists, and must say nothing about it.
        if not access.may_do_casework(request.user):
            return forbidden(request)
        self.object = (
            DisclosureRequest.objects.select_related("team", "assigned_to").filter(pk=kwargs["pk"]).first()
        )
        if self.object is None:
            return forbidden(request)
        if not self.object.is_visible_to(request.user):
            AuditEntry.record(Action.DENIED, user=request.user, request=self.object)
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext("Request %(reference)s") % {"reference": self.object.reference}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext("Home")},
            {"url": reverse(self.index_url_name), "label": gettext("Requests")},
            {"url": "", "label": self.object.reference},
        ]

    @cached_property
    def can_change(self):
        return access.may_change_cases(self.request.user)

    # Every render of the case is audited exactly once: a plain GET as "Viewed"; an action as itself (its
    # redirect's GET is the same look, so it adds nothing); a POST that renders the case again (a form with
    # errors, an unknown action) as "Viewed" with what was refused.
    ACTED_SESSION_KEY = "casework_acted_on"
    ACTED_SECONDS = 60

    def get(self, request, *args, **kwargs):
        acted = request.session.pop(self.ACTED_SESSION_KEY, None) or {}
        follows_action = (
            acted.get("pk") == self.object.pk and time.time() - acted.get("at", 0) < self.ACTED_SECONDS
        )
        if not follows_action:
            AuditEntry.record(Action.VIEWED, user=request.user, request=self.object)
        return super().get(request, *args, **kwargs)

    def acted(self, request):
        """After an audited action: back to the case, whose next GET is that action's render."""
        request.session[self.ACTED_SESSION_KEY] = {"pk": self.object.pk, "at": time.time()}
        return redirect(request.path)

    def render_again(self, request, refused, **forms):
        """A POST that shows the case again without doing anything: audited as a view."""
        AuditEntry.record(Action.VIEWED, user=request.user, request=self.object, detail=f"{refused} refused")
        return self.render_to_response(self.get_context_data(**forms))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        context.update(
            case=case,
            can_change=self.can_change,
            notes=case.notes.select_related("author"),
            contact_attempts=case.contact_attempts.select_related("caseworker"),
            audit_entries=AuditEntry.objects.filter(request_id=case.pk)[:50],
            note_form=kwargs.get("note_form") or NoteForm(),
            contact_form=kwargs.get("contact_form") or ContactAttemptForm(),
            status_form=kwargs.get("status_form")
            or StatusForm(initial={"status": case.status, "outcome": case.outcome}, kind=case.kind),
            assign_form=kwargs.get("assign_form")
            or AssignForm(team=case.team, case=case, user=self.request.user),
            flags_form=kwargs.get("flags_form")
            or SafetyFlagsForm(initial={"safety_flags": case.safety_flags}),
            erase_form=kwargs.get("erase_form") or EraseForm(reference=case.reference),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            return forbidden(request)
        if self.object.personal_data_deleted_at:
            messages.error(
                request, gettext("This request's personal data has been deleted; it cannot be changed.")
            )
            return redirect(request.path)
        handler = {
            "claim": self.claim,
            "assign": self.assign,
            "status": self.change_status,
            "note": self.add_note,
            "contact": self.log_contact,
            "flags": self.set_flags,
            "subject_access": self.subject_access_export,
            "erase": self.erase,
        }.get(request.POST.get("action"))
        if handler is None:
            messages.error(request, gettext("Unknown action."))
            return self.render_again(request, "Unknown action")
        return handler(request)

    def claim(self, request):
        case = self.object
        case.assigned_to = request.user
        case.save(update_fields=["assigned_to", "updated_at"])
        AuditEntry.record(Action.CLAIMED, user=request.user, request=case)
        messages.success(request, gettext("You have claimed this request."))
        return self.acted(request)

    def assign(self, request):
        form = AssignForm(request.POST, team=self.object.team, case=self.object, user=request.user)
        if not form.is_valid():
            return self.render_again(request, "Assignment", assign_form=form)
        case = self.object
        case.assigned_to = form.cleaned_data["assignee"]
        case.save(update_fields=["assigned_to", "updated_at"])
        AuditEntry.record(
            Action.ASSIGNED, user=request.user, request=case, detail=f"to {case.assigned_to.get_username()}"
        )
        messages.success(
            request, gettext("Assigned to %(username)s.") % {"username": case.assigned_to.get_username()}
        )
        return self.acted(request)

    def change_status(self, request):
        form = StatusForm(request.POST, kind=self.object.kind)
        if not form.is_valid():
            return self.render_again(request, "Status change", status_form=form)
        case = self.object
        before = case.get_status_display()
        case.set_status(form.cleaned_data["status"])
        case.outcome = form.cleaned_data["outcome"] or case.outcome
        case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
        detail = f"{before} → {case.get_status_display()}"
        if case.outcome:
            detail += f" (outcome: {case.get_outcome_display()})"
        AuditEntry.record(Action.STATUS_CHANGED, user=request.user, request=case, detail=detail)
        messages.success(
            request, gettext("Status is now %(status)s.") % {"status": case.get_status_display()}
        )
        return self.acted(request)

    def add_note(self, request):
        form = NoteForm(request.POST)
        if not form.is_valid():
            return self.render_again(request, "Note", note_form=form)
        CaseNote.objects.create(request=self.object, author=request.user, text=form.cleaned_data["text"])
        AuditEntry.record(Action.NOTE_ADDED, user=request.user, request=self.object)
        messages.success(request, gettext("Note added."))
        return self.acted(request)

    def log_contact(self, request):
        form = ContactAttemptForm(request.POST)
        if not form.is_valid():
            return self.render_again(request, "Contact attempt", contact_form=form)
        attempt = ContactAttempt.objects.create(
            request=self.object, caseworker=request.user, **form.cleaned_data
        )
        AuditEntry.record(
            Action.CONTACT_LOGGED,
            user=request.user,
            request=self.object,
            detail=f"{attempt.get_method_display()}: {attempt.get_outcome_display()}",
        )
        messages.success(request, gettext("Contact attempt logged."))
        return self.acted(request)

    def set_flags(self, request):
        form = SafetyFlagsForm(request.POST)
        if not form.is_valid():
            return self.render_again(request, "Safety flags", flags_form=form)
        case = self.object
        # Stored in the order of the choices, so every screen lists them the same way.
        chosen = set(form.cleaned_data["safety_flags"])
        case.safety_flags = [code for code in DisclosureRequest.SafetyFlag.values if code in chosen]
        case.save(update_fields=["safety_flags", "updated_at"])
        # The audit log is read by administrators who cannot read requests: the count only, not the flags.
        AuditEntry.record(
            Action.FLAGS_CHANGED, user=request.user, request=case, detail=f"{len(chosen)} flag(s) set"
        )
        messages.success(request, gettext("Safety flags saved."))
        return self.acted(request)

    def subject_access_export(self, request):
        """A download of the person's own data. Rendered nowhere, stored nowhere, never cached; audited."""
        body = subject_access.export(self.object, user=request.user)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{subject_access.filename(self.object)}"'
        return response

    def erase(self, request):
        form = EraseForm(request.POST, reference=self.object.reference)
        if not form.is_valid():
            return self.render_again(request, "Erasure", erase_form=form)
        subject_access.erase(self.object, user=request.user)
        messages.success(request, gettext("The personal data of this request has been erased."))
        return self.acted(request)
