"""Casework admin views: the team queue (a scoped, audited listing) and one request's case page."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Min, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from support.models import (
    AuditEntry,
    CaseNote,
    CaseworkTeam,
    ContactAttempt,
    DisclosureRequest,
)
from website.spreadsheets import FormulaSafeExportMixin

Action = AuditEntry.Action


def forbidden(request):
    return TemplateResponse(request, "support/admin/forbidden.html", status=403)


class AgeColumn(Column):
    """Days since the request arrived, highlighted once it is older than the configured limit."""

    cell_template_name = "support/admin/age_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["days"] = instance.age_in_days
        context["overdue"] = instance.is_overdue
        return context


@method_decorator(never_cache, name="dispatch")
class CaseQueueView(FormulaSafeExportMixin, IndexView):
    """A team's queue: only requests of the viewer's teams; counts and age per team; exports audited."""

    template_name = "support/admin/queue.html"
    default_ordering = "created_at"

    def get_base_queryset(self):
        return (
            DisclosureRequest.objects.for_user(self.request.user)
            .select_related("team", "assigned_to")
            .only(
                "pk", "reference", "created_at", "status", "team", "assigned_to", "police_force", "closed_at"
            )
        )

    def get_team_summaries(self):
        teams = CaseworkTeam.objects.all()
        if not self.request.user.has_perm("support.view_all_disclosure_requests"):
            teams = teams.filter(members=self.request.user)
        overdue_before = timezone.now() - timedelta(days=DisclosureRequest.HIGHLIGHT_AFTER_DAYS)
        open_requests = Q(requests__status__in=DisclosureRequest.OPEN_STATUSES)
        teams = teams.annotate(
            open_count=Count("requests", filter=open_requests, distinct=True),
            new_count=Count(
                "requests", filter=Q(requests__status=DisclosureRequest.Status.NEW), distinct=True
            ),
            unassigned_count=Count(
                "requests", filter=open_requests & Q(requests__assigned_to__isnull=True), distinct=True
            ),
            overdue_count=Count(
                "requests", filter=open_requests & Q(requests__created_at__lt=overdue_before), distinct=True
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
                "overdue": team.overdue_count,
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
        label="Add a note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text="Notes cannot be edited or deleted once added.",
    )


class ContactAttemptForm(forms.Form):
    method = forms.ChoiceField(label="How", choices=ContactAttempt.Method.choices)
    outcome = forms.ChoiceField(label="What happened", choices=ContactAttempt.Outcome.choices)
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=DisclosureRequest.Status.choices)
    outcome = forms.ChoiceField(
        label="Outcome", required=False, choices=[("", "—"), *DisclosureRequest.Outcome.choices]
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Assign to", queryset=get_user_model().objects.none())

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        members = team.members.filter(is_active=True) if team else get_user_model().objects.none()
        self.fields["assignee"].queryset = members.order_by("username")


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
        if not self.user_has_any_permission(self.any_permission_required):
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
        return f"Request {self.object.reference}"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse(self.index_url_name), "label": "Disclosure requests"},
            {"url": "", "label": self.object.reference},
        ]

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    def get(self, request, *args, **kwargs):
        AuditEntry.record(Action.VIEWED, user=request.user, request=self.object)
        return super().get(request, *args, **kwargs)

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
            or StatusForm(initial={"status": case.status, "outcome": case.outcome}),
            assign_form=kwargs.get("assign_form") or AssignForm(team=case.team),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            return forbidden(request)
        if self.object.personal_data_deleted_at:
            messages.error(request, "This request's personal data has been deleted; it cannot be changed.")
            return redirect(request.path)
        handler = {
            "claim": self.claim,
            "assign": self.assign,
            "status": self.change_status,
            "note": self.add_note,
            "contact": self.log_contact,
        }.get(request.POST.get("action"))
        if handler is None:
            messages.error(request, "Unknown action.")
            return redirect(request.path)
        return handler(request)

    def claim(self, request):
        case = self.object
        case.assigned_to = request.user
        case.save(update_fields=["assigned_to", "updated_at"])
        AuditEntry.record(Action.CLAIMED, user=request.user, request=case)
        messages.success(request, "You have claimed this request.")
        return redirect(request.path)

    def assign(self, request):
        form = AssignForm(request.POST, team=self.object.team)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(assign_form=form))
        case = self.object
        case.assigned_to = form.cleaned_data["assignee"]
        case.save(update_fields=["assigned_to", "updated_at"])
        AuditEntry.record(
            Action.ASSIGNED, user=request.user, request=case, detail=f"to {case.assigned_to.get_username()}"
        )
        messages.success(request, f"Assigned to {case.assigned_to.get_username()}.")
        return redirect(request.path)

    def change_status(self, request):
        form = StatusForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(status_form=form))
        case = self.object
        before = case.get_status_display()
        case.set_status(form.cleaned_data["status"])
        case.outcome = form.cleaned_data["outcome"] or case.outcome
        case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
        detail = f"{before} → {case.get_status_display()}"
        if case.outcome:
            detail += f" (outcome: {case.get_outcome_display()})"
        AuditEntry.record(Action.STATUS_CHANGED, user=request.user, request=case, detail=detail)
        messages.success(request, f"Status is now {case.get_status_display()}.")
        return redirect(request.path)

    def add_note(self, request):
        form = NoteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(note_form=form))
        CaseNote.objects.create(request=self.object, author=request.user, text=form.cleaned_data["text"])
        AuditEntry.record(Action.NOTE_ADDED, user=request.user, request=self.object)
        messages.success(request, "Note added.")
        return redirect(request.path)

    def log_contact(self, request):
        form = ContactAttemptForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(contact_form=form))
        attempt = ContactAttempt.objects.create(
            request=self.object, caseworker=request.user, **form.cleaned_data
        )
        AuditEntry.record(
            Action.CONTACT_LOGGED,
            user=request.user,
            request=self.object,
            detail=f"{attempt.get_method_display()}: {attempt.get_outcome_display()}",
        )
        messages.success(request, "Contact attempt logged.")
        return redirect(request.path)
