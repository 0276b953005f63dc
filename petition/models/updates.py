"""Campaign updates: who asked for them (Supporter, the consent record), what staff send (CampaignUpdate),
and one record per recipient of each update (UpdateDelivery), claimed before the email goes."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class SupporterQuerySet(models.QuerySet):
    def active(self):
        """Those we may email: consent given, not withdrawn, not erased."""
        return self.filter(unsubscribed_at__isnull=True, erased_at__isnull=True).exclude(email="")


class Supporter(models.Model):
    """Someone who ticked "Email me campaign updates" when they signed. Kept apart from the signature, so the
    consent outlives the petition's anonymisation, for as long as the privacy notice says
    (petition.retention.SUPPORTER_CONSENT_MONTHS after the last consent) or until they unsubscribe."""

    wagtail_reference_index_ignore = True

    email = models.CharField(max_length=254, blank=True, help_text="Lower case. Blank once erased.")
    name = models.CharField(max_length=255, blank=True)
    source_petition = models.ForeignKey(
        "petition.PetitionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The petition they last asked for updates on.",
    )
    consented_at = models.DateTimeField(help_text="When they last confirmed a signature with the box ticked.")
    consent_wording = models.CharField(max_length=200, help_text="What the box they ticked said.")
    language = models.CharField(
        max_length=15,
        default=settings.LANGUAGE_CODE,
        help_text="The language they signed in: updates go to them in it when there is a version in it.",
    )
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        ordering = ["-consented_at"]
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="one_supporter_per_email"),
        ]

    def __str__(self):
        return self.name or f"Supporter {self.pk}"


class CampaignUpdate(models.Model):
    """An email to every active supporter. Staff write it, preview it, send themselves a test, then send."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    subject = models.CharField(max_length=150)
    body = models.TextField(
        help_text="Plain text. The email adds why they are receiving it and a one-click unsubscribe link."
    )
    # Supporters who signed in Welsh get the Welsh version; without one, they get the English.
    subject_cy = models.CharField("subject in Welsh", max_length=150, blank=True)
    body_cy = models.TextField(
        "body in Welsh",
        blank=True,
        help_text="Optional. Supporters who signed in Welsh get this version (and the English one if blank).",
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    test_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    send_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    send_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("send_campaignupdate", "Can send campaign updates to supporters")]

    def __str__(self):
        return self.subject

    # The languages an update can be written in besides English, each with its own subject and body fields.
    TRANSLATED = {"cy": ("subject_cy", "body_cy")}

    def version(self, language):
        """(language, subject, body): the version in `language` when its subject and body are both written,
        else the English one (language None)."""
        fields = self.TRANSLATED.get((language or "").split("-")[0])
        if fields:
            subject, body = (getattr(self, name).strip() for name in fields)
            if subject and body:
                return language, subject, body
        return None, self.subject, self.body

    @property
    def tested_since_last_edit(self):
        return bool(self.test_sent_at and self.test_sent_at >= self.updated_at)


class UpdateDelivery(models.Model):
    """One supporter's copy of one update. The row is written (claimed) before the email is sent and the
    unique constraint admits one per supporter, so however often sending is resumed, nobody gets two."""

    class State(models.TextChoices):
        CLAIMED = "claimed", "Claimed, not confirmed sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    update = models.ForeignKey(CampaignUpdate, on_delete=models.CASCADE, related_name="deliveries")
    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=8, choices=State.choices, default=State.CLAIMED)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=100, blank=True, help_text="The kind of failure; never the address.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["update", "supporter"], name="one_delivery_per_supporter"),
        ]
        verbose_name_plural = "update deliveries"

    def __str__(self):
        return f"{self.update_id} → {self.supporter_id}: {self.state}"
