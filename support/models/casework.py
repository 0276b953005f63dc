"""Casework behind requests: teams, routing rules, notes, contact attempts and the audit log.

Notes, contact attempts and audit entries are append-only: once written they are never edited, and only
erasure (the retention task, or the person's request: support.subject_access) removes what notes say.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from support import access, police_forces
from support.encryption import EncryptedTextField


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an append-only record."""


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("allow_update", False):
            raise AppendOnlyError(f"{type(self).__name__} records cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} records cannot be deleted.")


class CaseworkTeamQuerySet(models.QuerySet):
    def for_user(self, user):
        """The teams whose requests this member of staff may see (support/access.py)."""
        return self.filter(access.teams_filter(user)).distinct()


class CaseworkTeam(models.Model):
    name = models.CharField(max_length=120, unique=True)
    email = models.EmailField(
        blank=True,
        help_text=_("Team inbox told that a request is waiting. Leave blank to tell each member instead."),
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="casework_teams")
    is_default = models.BooleanField(
        _("Default triage team"),
        default=False,
        help_text=_("Receives every request no routing rule matches. Only one team can be the default."),
    )

    objects = CaseworkTeamQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("is_default"), FieldPanel("members")]

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="one_default_casework_team"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.is_default and CaseworkTeam.objects.filter(is_default=True).exclude(pk=self.pk).exists():
            raise ValidationError({"is_default": gettext("Another team is already the default triage team.")})

    def notification_addresses(self):
        if self.email:
            return [self.email]
        return [user.email for user in self.members.filter(is_active=True) if user.email]


class RoutingRule(models.Model):
    """Requests for this police force area go to this team."""

    police_force = models.CharField(max_length=40, choices=police_forces.CHOICES, unique=True)
    team = models.ForeignKey(CaseworkTeam, on_delete=models.CASCADE, related_name="routing_rules")

    panels = [FieldPanel("police_force"), FieldPanel("team")]

    class Meta:
        ordering = ["police_force"]

    def __str__(self):
        return f"{self.get_police_force_display()} → {self.team}"


def team_for_force(force_key):
    """The team a request for this force goes to: its routing rule, else the default triage team."""
    rule = RoutingRule.objects.select_related("team").filter(police_force=force_key).first()
    if rule:
        return rule.team
    return CaseworkTeam.objects.filter(is_default=True).first() or CaseworkTeam.objects.order_by("pk").first()


def team_for_area(force_key, nation=""):
    """The team for a request by police force or, without one, by nation.

    A nation goes to the team that every one of its forces' routing rules names (Wales to the Wales team when
    all four Welsh forces route there); when its forces are split between teams, or have no rules, to the
    default triage team.
    """
    if force_key:
        return team_for_force(force_key)
    forces = police_forces.keys_in_nation(nation)
    team_ids = set(RoutingRule.objects.filter(police_force__in=forces).values_list("team_id", flat=True))
    ruled = RoutingRule.objects.filter(police_force__in=forces).count()
    if forces and ruled == len(forces) and len(team_ids) == 1:
        return CaseworkTeam.objects.get(pk=team_ids.pop())
    return team_for_force("")


class CaseNote(AppendOnlyModel):
    request = models.ForeignKey("support.DisclosureRequest", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note on {self.request_id} at {self.created_at:%Y-%m-%d %H:%M}"


class ContactAttempt(AppendOnlyModel):
    class Method(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class Outcome(models.TextChoices):
        SPOKE = "spoke", _("Spoke to them")
        NO_ANSWER = "no_answer", _("No answer, no message left")
        VOICEMAIL = "voicemail", _("Left a voicemail")
        MESSAGE_SENT = "message_sent", _("Message sent")
        UNSAFE = "unsafe", _("Not safe to talk: ended the contact")

    request = models.ForeignKey(
        "support.DisclosureRequest", on_delete=models.CASCADE, related_name="contact_attempts"
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempted_at = models.DateTimeField(default=timezone.now, editable=False)
    method = models.CharField(max_length=20, choices=Method.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["attempted_at", "pk"]

    def __str__(self):
        return f"{self.get_method_display()}: {self.get_outcome_display()}"


class AuditEntry(AppendOnlyModel):
    """Who looked at or changed which request, and when. Never holds personal data itself."""

    class Action(models.TextChoices):
        CREATED = "created", _("Request received")
        VIEWED = "viewed", _("Viewed")
        EXPORTED = "exported", _("Exported the queue")
        CLAIMED = "claimed", _("Claimed")
        ASSIGNED = "assigned", _("Assigned")
        STATUS_CHANGED = "status_changed", _("Changed status")
        NOTE_ADDED = "note_added", _("Added a note")
        CONTACT_LOGGED = "contact_logged", _("Logged a contact attempt")
        DENIED = "denied", _("Refused access (another team's request)")
        PERSONAL_DATA_DELETED = "personal_data_deleted", _("Deleted personal data (retention)")
        SUBJECT_ACCESS_EXPORTED = "subject_access_exported", _("Exported the person's data (subject access)")
        ERASED = "erased", _("Erased the person's data on request")
        FLAGS_CHANGED = "flags_changed", _("Changed safety flags")
        REMINDER_SENT = "reminder_sent", _("Sent an overdue reminder")
        KEY_ROTATED = "key_rotated", _("Re-encrypted with the newest key")
        ACCESS_GRANTED = "access_granted", _("Casework access granted")
        ACCESS_REMOVED = "access_removed", _("Casework access removed")

    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text so the trail survives a staff account being deleted.
    username = models.CharField(max_length=150, blank=True)
    # A plain id, not a foreign key: the trail outlives anything that happens to the request.
    request_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    detail = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"

    def __str__(self):
        who = self.username or "system"
        return f"{self.at:%Y-%m-%d %H:%M} {who}: {self.get_action_display()}"

    @classmethod
    def record(cls, action, *, user=None, request=None, detail="", at=None):
        """Add an entry; `at` is the moment the caller read the clock for its own decision, so the entry and
        that decision agree (a job that checks "already done today" stamps the day it checked)."""
        if user is not None and not user.is_authenticated:
            user = None
        return cls.objects.create(
            at=at or timezone.now(),
            action=action,
            user=user,
            username=user.get_username() if user else "",
            request_id=getattr(request, "pk", request),
            detail=detail[:255],
        )
