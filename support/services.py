"""Turning a finished form into a routed, encrypted request (disclosure or call-back); telling the team."""

from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from support import police_forces
from support.models.casework import AuditEntry, team_for_area
from support.models.disclosure import DisclosureRequest, new_public_reference, new_reference

REQUEST_FIELDS = {
    "asking_for",
    "police_force",
    "nation",
    *DisclosureRequest.PERSONAL_FIELDS,
}


@sensitive_variables()
def submit_request(answers, kind=DisclosureRequest.Kind.DISCLOSURE):
    """Save the answers as one request of `kind`, routed to its team; the team is told after commit.

    Both kinds take this one path: same encryption, routing, audit trail, notification and (later) retention.
    """
    from support.tasks import notify_team_of_new_request

    data = {
        name: "" if value is None else str(value) for name, value in answers.items() if name in REQUEST_FIELDS
    }
    with transaction.atomic():
        request = DisclosureRequest(
            **data,
            kind=kind,
            reference=new_reference(DisclosureRequest.REFERENCE_PREFIXES[kind]),
            public_reference=new_public_reference(),
            safety_flags=flags_from_answers(data),
        )
        request.nation = police_forces.nation_for(request.police_force) or request.nation
        request.team = team_for_area(request.police_force, request.nation)
        request.save()
        detail = f"Routed to {request.team}" if request.team else "No casework team exists"
        if request.safety_flags:
            # Codes are not personal, but the log is read by administrators: the count, as set_flags does.
            detail += f"; {len(request.safety_flags)} flag(s) set from the answers"
        AuditEntry.record(AuditEntry.Action.CREATED, request=request, detail=detail)
        transaction.on_commit(lambda: notify_team_of_new_request.enqueue(request.pk))
    return request


def flags_from_answers(answers):
    """The safety flags the person's own answers call for, so that nobody has to remember to set them.

    "Is it safe to leave a voicemail?" answered No (on either form) is "Never leave a voicemail": the flag
    puts it first in the queue, on the dashboard and on the case, and lets the queue be filtered by it."""
    flags = set()
    if answers.get("voicemail_safe") == DisclosureRequest.YesNo.NO:
        flags.add(DisclosureRequest.SafetyFlag.NO_VOICEMAIL)
    # In the order of the choices, as the case page stores them.
    return [code for code in DisclosureRequest.SafetyFlag.values if code in flags]
