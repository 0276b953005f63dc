"""The follow-up a letter writer may ask for: an email two weeks later asking whether their representative
replied. Only the address, the recipient and the language are kept, never the letter."""

from datetime import timedelta

from django.utils import timezone

from campaign.models.stances import LetterFollowUp

FOLLOW_UP_AFTER = timedelta(days=14)


def schedule(*, email, recipient, language):
    """Keep what the follow-up needs. `recipient`: the MemberOfParliament or Representative written to."""
    field = "mp" if recipient._meta.model_name == "memberofparliament" else "representative"
    return LetterFollowUp.objects.create(
        email=email,
        language=language,
        name=recipient.name,
        due_on=timezone.localdate() + FOLLOW_UP_AFTER,
        **{field: recipient},
    )
