"""Survivors' requests to caseworkers, and the queries casework makes.

Two kinds share one model, one encrypted pipeline, one queue, retention and audit trail: a right-to-ask
disclosure request (Clare's Law; support.models.disclosure_page) and a safe call-back request
(support.models.callback_page). Every personal field is encrypted at rest (support.encryption); casework
happens in the Wagtail admin (support/admin/).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from support import access, deadlines, police_forces
from support.encryption import EncryptedTextField

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_reference(prefix="DR"):
    """A staff-only reference: 'DR-7KQ2-M9XA', or 'CB-…' for a call-back. Never shown to the person."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def new_public_reference():
    """The person's own reference, 'K7Q-M9X-3PH': shown once on the confirmation page, for them to quote.

    Random (45 bits), so it cannot be guessed or worked out from anything about them, and unlike the staff
    reference it names no kind of request. Erasure blanks it with the personal data: once a request is
    erased, nothing the person holds leads to what is left of it."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(9))
    return f"{body[:3]}-{body[3:6]}-{body[6:]}"


class DisclosureRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """The requests this member of staff may see: their own teams' only (support/access.py)."""
        if not access.may_do_casework(user):
            return self.none()
        return self.filter(access.requests_filter(user)).distinct()

    def open(self):
        return self.filter(status__in=DisclosureRequest.OPEN_STATUSES)

    def casework_queue(self, user):
        """The rows of this member of staff's queue, as the queue and the dashboard list them: their teams'
        requests only, with what a row shows (no personal field is loaded) and whether anyone has made
        contact, so a page of rows costs one query."""
        return (
            self.for_user(user)
            .with_contacted()
            .select_related("team", "assigned_to")
            .only(
                "pk",
                "reference",
                "kind",
                "created_at",
                "status",
                "team__name",
                "assigned_to",
                "police_force",
                "nation",
                "safety_flags",
                "closed_at",
            )
        )

    def with_contacted(self):
        """Annotate whether anyone has logged a contact attempt, so deadlines cost no query per row."""
        from support.models.casework import ContactAttempt

        return self.annotate(contacted=Exists(ContactAttempt.objects.filter(request=OuterRef("pk"))))

    def with_flag(self, code):
        """Requests carrying the safety flag `code`, matched exactly. JSON containment is not a lookup
        SQLite has, but an item of the list by its position is, on SQLite and PostgreSQL alike: a request
        holds each flag at most once, so the code can only sit at one of as many positions as there are
        flags."""
        at_any_position = Q()
        for position in range(len(DisclosureRequest.SafetyFlag.values)):
            at_any_position |= Q(**{f"safety_flags__{position}": code})
        return self.filter(at_any_position)

    def flagged_first(self):
        """Requests with safety flags before the rest, then oldest first."""
        no_flags = Case(When(safety_flags=[], then=Value(1)), default=Value(0))
        return self.alias(no_flags=no_flags).order_by("no_flags", "created_at", "pk")


class DisclosureRequest(models.Model):
    class Kind(models.TextChoices):
        DISCLOSURE = "disclosure", _("Disclosure request")
        CALLBACK = "callback", _("Call-back request")

    class SafetyFlag(models.TextChoices):
        """Set by caseworkers; shown before anything else wherever the request appears."""

        IMMEDIATE_HARM = "immediate_harm", _("Risk of immediate harm")
        DO_NOT_CALL = "do_not_call", _("Do not call")
        NO_VOICEMAIL = "no_voicemail", _("Never leave a voicemail")
        PERPETRATOR_SEES_POST = "perpetrator_sees_post", _("Perpetrator may see post")
        PERPETRATOR_READS_MESSAGES = "perpetrator_reads_messages", _("Perpetrator may read messages")
        CHILDREN_AT_RISK = "children_at_risk", _("Children at risk")
        INTERPRETER = "interpreter", _("Needs an interpreter")

    REFERENCE_PREFIXES = {Kind.DISCLOSURE: "DR", Kind.CALLBACK: "CB"}

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGED = "triaged", _("Triaged")
        CONTACTED = "contacted", _("Contacted")
        SUPPORTED = "supported", _("Supported to apply")
        OUTCOME = "outcome", _("Outcome recorded")
        CLOSED = "closed", _("Closed")

    class AskingFor(models.TextChoices):
        MYSELF = "myself", _("For myself")
        SOMEONE_ELSE = "someone_else", _("For someone else")

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class YesNo(models.TextChoices):
        YES = "yes", pgettext_lazy("is it safe", "Yes")
        NO = "no", pgettext_lazy("is it safe", "No")

    class IdentifyAs(models.TextChoices):
        CHARITY = "charity", _("You may say you are from Waymark")
        COVER = "cover", _("Use a cover name")

    class Outcome(models.TextChoices):
        """How a disclosure request ended."""

        DISCLOSED = "disclosed", _("Police made a disclosure")
        NOT_DISCLOSED = "not_disclosed", _("Police made no disclosure")
        WITHDRAWN = "withdrawn", _("Request withdrawn")
        NOT_APPLIED = "not_applied", _("Decided not to apply")
        UNKNOWN = "unknown", _("Not known")

    class CallbackOutcome(models.TextChoices):
        """How a call-back request ended: in the same column as Outcome, with values of its own."""

        CALLED_BACK = "called_back", _("Called back")
        NOT_REACHED_SAFELY = "not_reached_safely", _("Could not reach safely")
        REFERRED = "referred", _("Called back and referred to another service")
        SUPPORT_DECLINED = "support_declined", _("Did not want support now")
        CALLBACK_WITHDRAWN = "callback_withdrawn", _("Asked us not to call")

    # Not personal: kept for anonymous counts after the retention period.
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    # The person's reference (new_public_reference): set when the request arrives, blanked by erasure.
    public_reference = models.CharField(
        _("Their reference"), max_length=11, unique=True, null=True, blank=True, default=None, editable=False
    )
    kind = models.CharField(
        _("Request type"), max_length=20, choices=Kind.choices, default=Kind.DISCLOSURE, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    team = models.ForeignKey(
        "support.CaseworkTeam", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    police_force = models.CharField(max_length=40, choices=police_forces.CHOICES, blank=True)
    # Whose bank holidays the deadline counts (support/deadlines.py); from the force, or asked for directly.
    nation = models.CharField(max_length=20, choices=deadlines.NATION_CHOICES, blank=True)
    # Codes only (SafetyFlag), never free text: they show in the queue, which holds no personal data.
    safety_flags = models.JSONField(default=list, blank=True)
    asking_for = models.CharField(max_length=20, choices=AskingFor.choices)
    # One column for both kinds; outcome_choices says which of them a request may take.
    outcome = models.CharField(
        max_length=20, choices=[*Outcome.choices, *CallbackOutcome.choices], blank=True
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    personal_data_deleted_at = models.DateTimeField(null=True, blank=True)

    # Personal data: encrypted at rest, blanked by the retention task.
    relationship_to_person_at_risk = EncryptedTextField(blank=True)
    your_name = EncryptedTextField(blank=True)
    contact_method = EncryptedTextField(blank=True, choices=ContactMethod.choices)
    phone = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    safe_times = EncryptedTextField(blank=True)
    voicemail_safe = EncryptedTextField(blank=True, choices=YesNo.choices)
    identify_as = EncryptedTextField(blank=True, choices=IdentifyAs.choices)
    cover_name = EncryptedTextField(blank=True)
    person_name = EncryptedTextField(blank=True)
    person_other_names = EncryptedTextField(blank=True)
    person_date_of_birth = EncryptedTextField(blank=True)
    person_age = EncryptedTextField(blank=True)
    person_address = EncryptedTextField(blank=True)
    person_previous_addresses = EncryptedTextField(blank=True)
    person_relationship = EncryptedTextField(blank=True)
    concerns = EncryptedTextField(blank=True)
    language = EncryptedTextField(blank=True)

    objects = DisclosureRequestQuerySet.as_manager()

    OPEN_STATUSES = [Status.NEW, Status.TRIAGED, Status.CONTACTED, Status.SUPPORTED, Status.OUTCOME]

    PERSONAL_FIELDS = [
        "relationship_to_person_at_risk",
        "your_name",
        "contact_method",
        "phone",
        "email",
        "safe_times",
        "voicemail_safe",
        "identify_as",
        "cover_name",
        "person_name",
        "person_other_names",
        "person_date_of_birth",
        "person_age",
        "person_address",
        "person_previous_addresses",
        "person_relationship",
        "concerns",
        "language",
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        # Disclosure and call-back requests: "Casework → Requests".
        verbose_name = "request"

    def __str__(self):
        return self.reference

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    @property
    def age(self):
        return timezone.now() - self.created_at

    @property
    def age_in_days(self):
        return self.age.days

    @property
    def is_callback(self):
        return self.kind == self.Kind.CALLBACK

    @property
    def outcome_choices(self):
        """The outcomes a request of this kind can have: a call-back is never "police made a disclosure"."""
        return self.outcome_choices_for(self.kind)

    @classmethod
    def outcome_choices_for(cls, kind):
        return cls.CallbackOutcome.choices if kind == cls.Kind.CALLBACK else cls.Outcome.choices

    # "Supported to apply" is a step of a disclosure application: a call-back has nothing to apply for.
    CALLBACK_STATUSES = [Status.NEW, Status.TRIAGED, Status.CONTACTED, Status.OUTCOME, Status.CLOSED]

    @classmethod
    def status_choices_for(cls, kind):
        """The statuses a request of this kind can take."""
        if kind == cls.Kind.CALLBACK:
            return [(value, label) for value, label in cls.Status.choices if value in cls.CALLBACK_STATUSES]
        return cls.Status.choices

    @property
    def safety_flag_labels(self):
        labels = dict(self.SafetyFlag.choices)
        # Plain strings in the active language (a JSON export cannot hold lazy ones).
        return [str(labels[code]) for code in self.SafetyFlag.values if code in (self.safety_flags or [])]

    @property
    def due_date(self):
        return deadlines.due_date(self.created_at, self.nation)

    @property
    def awaiting_contact(self):
        """Nobody has contacted the person yet (the queue annotates `contacted` to save a query a row)."""
        if self.status not in deadlines.AWAITING_CONTACT_STATUSES:
            return False
        contacted = getattr(self, "contacted", None)
        if contacted is None:
            contacted = self.contact_attempts.exists()
        return not contacted

    @property
    def deadline_state(self):
        """Where the promise stands: overdue, due_today or due; blank once someone has made contact."""
        if not self.awaiting_contact:
            return ""
        today = timezone.localdate()
        if self.due_date < today:
            return "overdue"
        return "due_today" if self.due_date == today else "due"

    @property
    def is_overdue(self):
        return self.deadline_state == "overdue"

    @property
    def police_force_name(self):
        return police_forces.name_for(self.police_force)

    def is_visible_to(self, user):
        return DisclosureRequest.objects.for_user(user).filter(pk=self.pk).exists()

    def set_status(self, status):
        self.status = status
        if status == self.Status.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None

    def erase_personal_data(self):
        """Blank every personal field and what notes and contact attempts said; keep the counts."""
        for name in self.PERSONAL_FIELDS:
            setattr(self, name, "")
        self.safety_flags = []
        self.public_reference = None
        self.personal_data_deleted_at = timezone.now()
        self.save()
        self.notes.all().delete()
        self.contact_attempts.update(note="")
