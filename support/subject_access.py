"""The person's rights over one request: a subject access export (their data, decrypted) and erasure.

Both are audited with a record that says what was done, by whom and when, and nothing of what the request
held. The case page (support.admin.views.CaseView) offers them to caseworkers of the request's team.
"""

import json

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from support.models.casework import AuditEntry
from support.models.disclosure import DisclosureRequest

# What the person told us, in the order the forms ask, with the labels they saw (in the language of the
# caseworker who exports it, like the answers' choices).
ANSWER_LABELS = {
    "asking_for": _("Who you were asking for"),
    "relationship_to_person_at_risk": _("Your relationship to the person at risk"),
    "your_name": _("The name you asked us to use"),
    "contact_method": _("How to contact you"),
    "phone": _("Phone number"),
    "email": _("Email address"),
    "safe_times": _("Safe times to contact you"),
    "voicemail_safe": _("Whether a voicemail or message is safe"),
    "identify_as": _("Whether we may say who we are"),
    "cover_name": _("Cover name"),
    "language": _("Language"),
    "person_name": _("The person you were worried about: name"),
    "person_other_names": _("Their other names"),
    "person_date_of_birth": _("Their date of birth"),
    "person_age": _("Their approximate age"),
    "person_address": _("Their address"),
    "person_previous_addresses": _("Their previous addresses"),
    "person_relationship": _("Their relationship to you"),
    "concerns": _("What you told us"),
    "police_force": _("Police force area"),
    "nation": _("Nation"),
}
CHOICE_FIELDS = {"asking_for", "contact_method", "voicemail_safe", "identify_as", "police_force", "nation"}


@sensitive_variables()
def export(request, *, user):
    """The person's own data held for this request, as a JSON document (bytes); audited."""
    answers = {}
    for name, label in ANSWER_LABELS.items():
        value = getattr(request, name)
        if name in CHOICE_FIELDS and value:
            value = getattr(request, f"get_{name}_display")()
        if value:
            answers[str(label)] = value
    document = {
        "about": gettext(
            "The personal data Waymark holds about you for one request, as at the date below. "
            "Staff review it before it is sent, to remove anything about other people that the law "
            "does not let us share."
        ),
        "exported_at": timezone.localtime().isoformat(timespec="minutes"),
        "reference": request.reference,
        # The reference the person was given on the confirmation page, the one they quote to us.
        "your_reference": request.public_reference,
        "type": request.get_kind_display(),
        "received": timezone.localtime(request.created_at).isoformat(timespec="minutes"),
        "status": request.get_status_display(),
        "safety_flags": request.safety_flag_labels,
        "what_you_told_us": answers,
        "notes_by_caseworkers": [
            {"at": timezone.localtime(note.created_at).isoformat(timespec="minutes"), "text": note.text}
            for note in request.notes.all()
        ],
        "contact_attempts": [
            {
                "at": timezone.localtime(attempt.attempted_at).isoformat(timespec="minutes"),
                "how": attempt.get_method_display(),
                "outcome": attempt.get_outcome_display(),
                "note": attempt.note,
            }
            for attempt in request.contact_attempts.all()
        ],
    }
    AuditEntry.record(AuditEntry.Action.SUBJECT_ACCESS_EXPORTED, user=user, request=request)
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def filename(request):
    return f"subject-access-{request.reference}.json"


def erase(request: DisclosureRequest, *, user):
    """Erase every personal field, note and contact-attempt note of this request, on the person's request.

    What stays is what retention keeps (reference, type, dates, status, team, force area) and the audit trail.
    """
    request.erase_personal_data()
    return AuditEntry.record(
        AuditEntry.Action.ERASED,
        user=user,
        request=request,
        detail="Right to erasure: personal fields blanked",
    )
