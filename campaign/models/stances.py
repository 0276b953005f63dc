"""Where each representative stands on the campaign's ask, as staff record it from a public source, and what
letter writers said when the follow-up asked them whether they had a reply.

A stand is about one person in one office: it points at the MP's seat or at the representative's record and
keeps the name it was recorded for, so a new MP in the same seat starts with no stand."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Position(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    UNDECIDED = "undecided", _("Undecided")
    OPPOSES = "opposes", _("Opposes")
    NO_REPLY = "no_reply", _("No reply")


def _exactly_one_recipient(name):
    return models.CheckConstraint(
        condition=(Q(mp__isnull=False) & Q(representative__isnull=True))
        | (Q(mp__isnull=True) & Q(representative__isnull=False)),
        name=name,
    )


class RecipientMixin(models.Model):
    """An MP's seat or another representative: exactly one of the two."""

    mp = models.ForeignKey(
        "geography.MemberOfParliament", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    representative = models.ForeignKey(
        "geography.Representative", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=160, help_text="The representative's name when this was recorded.")

    class Meta:
        abstract = True

    @property
    def recipient(self):
        return self.mp or self.representative


class StanceQuerySet(models.QuerySet):
    def current_for(self, recipient):
        """The latest stand recorded for this person in this office, or None."""
        field = "mp" if recipient._meta.model_name == "memberofparliament" else "representative"
        return self.filter(**{field: recipient, "name": recipient.name}).order_by("-stated_on", "-pk").first()


class Stance(RecipientMixin):
    position = models.CharField(max_length=12, choices=Position.choices)
    stated_on = models.DateField(help_text="When they said so (or, for no reply, when staff last checked).")
    source_url = models.URLField(
        blank=True, help_text="A public source: a statement, a letter they published, Hansard, a news story."
    )
    note = models.CharField(max_length=255, blank=True, help_text="Shown to staff only.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = StanceQuerySet.as_manager()

    class Meta:
        ordering = ["-stated_on", "-pk"]
        constraints = [_exactly_one_recipient("stance_has_one_recipient")]

    def __str__(self):
        return f"{self.name}: {self.get_position_display()} ({self.stated_on})"


class FollowUpAnswer(RecipientMixin):
    """A letter writer's answer to the follow-up: did they reply, and what did the writer make of it.
    Unverified, and anonymous: no writer, no letter, only the week it was answered in."""

    replied = models.BooleanField()
    position_as_read = models.CharField(max_length=12, choices=Position.choices, blank=True)
    week = models.DateField(help_text="The Monday (UTC) of the week it was answered.")
    token_hash = models.CharField(
        max_length=64, unique=True, help_text="A hash of the follow-up's random id: one answer per follow-up."
    )

    class Meta:
        constraints = [_exactly_one_recipient("follow_up_answer_has_one_recipient")]

    def __str__(self):
        return f"{self.name}: {'replied' if self.replied else 'no reply yet'}"


class LetterFollowUp(RecipientMixin):
    """A writer's request to be asked, on `due_on`, whether their representative replied. Only the address and
    the recipient are kept, never the letter; the row is deleted once the email is sent."""

    email = models.EmailField()
    language = models.CharField(max_length=12)
    due_on = models.DateField(db_index=True)

    class Meta:
        constraints = [_exactly_one_recipient("follow_up_has_one_recipient")]

    def __str__(self):
        return f"Follow-up due {self.due_on}"
