"""Signatures: one row per canonical email per petition, pending until its owner confirms by email."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery

from geography.models.places import Constituency


class SignatureQuerySet(models.QuerySet):
    def with_constituency_names(self):
        """Each row with `constituency_name` (blank when unknown), in the same query: staff read names."""
        names = Constituency.objects.filter(code=OuterRef("constituency_code")).values("name")[:1]
        return self.annotate(constituency_name=Subquery(names))


class Signature(models.Model):
    # Not content: keep signature writes free of Wagtail's reference-index bookkeeping.
    wagtail_reference_index_ignore = True

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for email confirmation"
        VERIFIED = "verified", "Verified"
        FRAUDULENT = "fraudulent", "Fraudulent (rate-limited or blocked)"
        INVALIDATED = "invalidated", "Invalidated by staff"
        WITHDRAWN = "withdrawn", "Withdrawn by the signer"

    class Reason(models.TextChoices):
        NONE = "", "—"
        # Never given to a new row (over a limit, nothing is stored and the signer is told); stored rows
        # may carry it.
        RATE_LIMITED = "rate_limited", "Rate-limited"
        BLOCKED_IP = "blocked_ip", "Blocked network"
        BLOCKED_DOMAIN = "blocked_domain", "Blocked email domain"
        HONEYPOT = "honeypot", "Filled the hidden field"
        STAFF = "staff", "Invalidated by staff"

    petition = models.ForeignKey("petition.PetitionPage", on_delete=models.CASCADE, related_name="signatures")
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    fraud_reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    name = models.CharField(max_length=255)
    email = models.CharField(max_length=254, help_text="As typed; emails go here.")
    # Unique per petition for every state, so two concurrent requests can never make two rows:
    # the loser of the race re-uses the winner's row (see petition.signing).
    canonical_email = models.CharField(max_length=254)
    email_domain = models.CharField(max_length=253, blank=True, db_index=True)
    postcode = models.CharField(max_length=10, blank=True)
    constituency_code = models.CharField(max_length=9, blank=True)
    country_code = models.CharField(
        max_length=9, blank=True, help_text="ONS country code from the postcode, or ISO code outside the UK."
    )
    opt_in = models.BooleanField("campaign updates", default=False)
    # The language they signed in (petition.languages): their emails are written in it, even when sent later.
    language = models.CharField(max_length=15, default=settings.LANGUAGE_CODE)
    ip_hash = models.CharField(
        max_length=64, blank=True, help_text="HMAC of the IP address, never the address."
    )
    # What someone typed when signing again while this signature was pending (name, postcode…): applied only
    # when the mailbox owner confirms with the link that signing sent, never before.
    proposed_details = models.JSONField(null=True, blank=True, editable=False)

    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    emails_sent = models.PositiveSmallIntegerField(default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    invalidated_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # True while this row is included in the counters. The counting batch moves rows whose
    # `counted` disagrees with their state, so counters always equal the rows marked counted.
    counted = models.BooleanField(default=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "canonical_email"], name="one_signature_per_email"),
        ]
        indexes = [
            # Only the rows the counting batch still has to move: tiny even at millions of signatures.
            models.Index(
                fields=["petition"],
                name="signature_uncounted",
                condition=Q(state="verified", counted=False) | (Q(counted=True) & ~Q(state="verified")),
            ),
            models.Index(fields=["state", "verified_at"], name="signature_state_verified"),
            models.Index(fields=["-created_at"], name="signature_created"),  # the admin listing's order
            models.Index(fields=["petition", "state", "constituency_code"], name="signature_by_constituency"),
        ]
        permissions = [("invalidate_signature", "Can invalidate signatures in bulk")]

    def __str__(self):
        return f"Signature {self.pk}"
