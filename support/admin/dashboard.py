"""The caseworker's dashboard: what needs them first, as Wagtail homepage panels (registered in
support/wagtail_hooks.py).

Four panels, in this order: overdue (past the two-working-day promise), due today, my open requests, and
unassigned requests in my teams. Each lists safety-flagged requests first, with the flags before anything
else in the row, and shows no personal data: reference, type, team, status and deadline only.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from support import deadlines
from support.models import CaseworkTeam, DisclosureRequest

ROWS_PER_PANEL = 10


class CaseworkPanel(Component):
    template_name = "support/admin/dashboard_panel.html"

    def __init__(self, *, name, heading, requests, empty, queue_query, order):
        self.name = name
        self.heading = heading
        self.requests = requests
        self.empty = empty
        self.queue_query = queue_query
        self.order = order

    def get_context_data(self, parent_context=None):
        rows = list(self.requests.flagged_first()[:ROWS_PER_PANEL])
        total = len(rows) if len(rows) < ROWS_PER_PANEL else self.requests.count()
        return {
            "panel_id": f"casework-{self.name}",
            "heading": self.heading,
            "rows": rows,
            "total": total,
            "empty": self.empty,
            "queue_url": f"{reverse('disclosure_requests:index')}?{self.queue_query}",
        }


def panels_for(user):
    """The casework panels for this member of staff; none for someone in no casework team."""
    if not CaseworkTeam.objects.for_user(user).exists():
        return []
    visible = DisclosureRequest.objects.casework_queue(user)
    open_requests = visible.open()
    return [
        CaseworkPanel(
            name="overdue",
            heading=_("Overdue: not contacted within two working days"),
            requests=visible.filter(deadlines.overdue_filter()),
            empty=_("Nothing is overdue."),
            queue_query="deadline=overdue",
            order=10,
        ),
        CaseworkPanel(
            name="due-today",
            heading=_("Due today: first contact"),
            requests=visible.filter(deadlines.due_today_filter()),
            empty=_("Nothing falls due today."),
            queue_query="deadline=due_today",
            order=20,
        ),
        CaseworkPanel(
            name="mine",
            heading=_("My open requests"),
            requests=open_requests.filter(assigned_to=user),
            empty=_("No open requests are assigned to you."),
            queue_query="assigned=me",
            order=30,
        ),
        CaseworkPanel(
            name="unassigned",
            heading=_("Unassigned in my teams"),
            requests=open_requests.filter(assigned_to__isnull=True),
            empty=_("Every open request in your teams has someone on it."),
            queue_query="assigned=nobody",
            order=40,
        ),
    ]
