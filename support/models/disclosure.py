"""Right-to-ask disclosure requests (Clare's Law): the request itself, and the queries casework makes.

Every personal field of a request is encrypted at rest (support.encryption). The public form is
support.models.disclosure_page; casework happens in the Wagtail admin (support.wagtail_hooks).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from support import police_forces
from support.encryption import EncryptedTextField


def new_reference():
    """A reference for staff only, e.g. 'DR-7KQ2-M9XA' (never shown to the person asking)."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    body = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"DR-{body[:4]}-{body[4:]}"


class DisclosureRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """The requests this staff member may see: their own teams' (or every team's, if allowed)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("support.view_all_disclosure_requests"):
            return self
        return self.filter(team__members=user).distinct()

    def open(self):
        return self.filter(status__in=DisclosureRequest.OPEN_STATUSES)


class DisclosureRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        TRIAGED = "triaged", "Triaged"
        CONTACTED = "contacted", "Contacted"
        SUPPORTED = "supported", "Supported to apply"
        OUTCOME = "outcome", "Outcome recorded"
        CLOSED = "closed", "Closed"

    class AskingFor(models.TextChoices):
        MYSELF = "myself", "For myself"
        SOMEONE_ELSE = "someone_else", "For someone else"

    class ContactMethod(models.TextChoices):
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"
        EMAIL = "email", "Email"

    class YesNo(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    class IdentifyAs(models.TextChoices):
        CHARITY = "charity", "You may say you are from Waymark"
        COVER = "cover", "Use a cover name"

    class Outcome(models.TextChoices):
        DISCLOSED = "disclosed", "Police made a disclosure"
        NOT_DISCLOSED = "not_disclosed", "Police made no disclosure"
        WITHDRAWN = "withdrawn", "Request withdrawn"
        NOT_APPLIED = "not_applied", "Decided not to apply"
        UNKNOWN = "unknown", "Not known"

    # Not personal: kept for anonymous counts after the retention period.
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    team = models.ForeignKey(
        "support.CaseworkTeam", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    police_force = models.CharField(max_length=40, choices=police_forces.CHOICES)
    asking_for = models.CharField(max_length=20, choices=AskingFor.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
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

    objects = DisclosureRequestQuerySet.as_manager()

    # Open requests older than this are highlighted in the casework queue.
    HIGHLIGHT_AFTER_DAYS = 5
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
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "disclosure request"
        permissions = [("view_all_disclosure_requests", "Can see every team's disclosure requests")]

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
    def is_overdue(self):
        if self.is_closed:
            return False
        return self.age >= timedelta(days=self.HIGHLIGHT_AFTER_DAYS)

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
        self.personal_data_deleted_at = timezone.now()
        self.save()
        self.notes.all().delete()
        self.contact_attempts.update(note="")
