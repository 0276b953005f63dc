"""Turning a finished form into a routed, encrypted DisclosureRequest, and telling the team."""

from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from support.models.casework import AuditEntry, team_for_force
from support.models.disclosure import DisclosureRequest

REQUEST_FIELDS = {
    "asking_for",
    "police_force",
    *DisclosureRequest.PERSONAL_FIELDS,
}


@sensitive_variables()
def submit_request(answers):
    """Save the answers of every step as one request, routed to its team; the team is told after commit."""
    from support.tasks import notify_team_of_new_request

    data = {
        name: "" if value is None else str(value) for name, value in answers.items() if name in REQUEST_FIELDS
    }
    with transaction.atomic():
        request = DisclosureRequest(**data)
        request.team = team_for_force(request.police_force)
        request.save()
        AuditEntry.record(
            AuditEntry.Action.CREATED,
            request=request,
            detail=f"Routed to {request.team}" if request.team else "No casework team exists",
        )
        transaction.on_commit(lambda: notify_team_of_new_request.enqueue(request.pk))
    return request
