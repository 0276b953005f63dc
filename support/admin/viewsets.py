"""Support's admin viewsets: helplines (Support menu), casework (queue, teams, routing rules, audit log)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from support.admin.views import CaseQueueView, CaseView, DeadlineColumn, QueueFilterSet
from support.models import AuditEntry, CaseworkTeam, DisclosureRequest, Helpline, RoutingRule
from website.admin_viewsets import ReadOnlyViewSet


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Helplines")
    list_display = ["name", "number", "hours", "is_free", "is_silent_option"]
    list_filter = ["is_free", "is_silent_option", "is_emergency"]
    search_fields = ["name", "description"]


class SupportGroup(ViewSetGroup):
    menu_label = _("Support")
    menu_icon = "help"
    menu_order = 250
    items = (HelplineViewSet,)


class DisclosureRequestViewSet(ModelViewSet):
    """The casework queue: disclosure and call-back requests. They arrive from the public forms, so there is
    no add, copy or delete."""

    model = DisclosureRequest
    name = "disclosure_requests"
    icon = "list-ul"
    menu_label = _("Requests")
    index_view_class = CaseQueueView
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "reference",  # the link to the case; CaseQueueView puts the safety flags before it
        Column("kind", accessor="get_kind_display", label=_("Type"), sort_key="kind"),
        "team",
        Column("status", accessor="get_status_display", label=_("Status"), sort_key="status"),
        DeadlineColumn("deadline", label=_("First contact"), sort_key="created_at"),
        "assigned_to",
    ]
    # No "assigned to" filter: its choices would list every staff account to every caseworker.
    filterset_class = QueueFilterSet
    # By reference only (CaseQueueView.search_queryset): personal fields are encrypted and never searched.
    search_fields = ["reference"]
    # Exports hold no personal data: what a manager needs to see the load, nothing more.
    list_export = [
        "reference",
        "kind",
        "team",
        "status",
        "police_force",
        "nation",
        "created_at",
        "assigned_to",
        "closed_at",
    ]
    export_filename = "disclosure-requests"
    list_per_page = 50

    def get_index_view_kwargs(self, **kwargs):
        # No add, copy or delete: requests only come from the public form and are never deleted here.
        return super().get_index_view_kwargs(
            add_url_name=None, delete_url_name=None, copy_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        case_view = CaseView.as_view(index_url_name=self.get_url_name("index"))
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("case/<id:pk>/", case_view, name="edit"),
        ]


class CaseworkTeamViewSet(ModelViewSet):
    model = CaseworkTeam
    name = "casework_teams"
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "email", "is_default"]
    copy_view_enabled = False


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    name = "routing_rules"
    icon = "redirect"
    menu_label = _("Routing rules")
    list_display = ["police_force", "team"]
    list_filter = ["team"]
    copy_view_enabled = False


class AuditLogViewSet(ReadOnlyViewSet):
    """Read only, for everyone: the trail cannot be edited or deleted from the admin."""

    model = AuditEntry
    name = "casework_audit_log"
    icon = "history"
    menu_label = _("Audit log")
    list_display = [
        "at",
        "username",
        Column("action", accessor="get_action_display", label=_("Action")),
        "request_id",
        "detail",
    ]
    list_filter = ["action"]
    list_export = ["at", "username", "action", "request_id", "detail"]
    export_filename = "casework-audit-log"


class CaseworkGroup(ViewSetGroup):
    menu_label = _("Casework")
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (DisclosureRequestViewSet, CaseworkTeamViewSet, RoutingRuleViewSet, AuditLogViewSet)
