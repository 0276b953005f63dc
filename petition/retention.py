"""How long signers' personal data is kept: anonymised some months after a petition closes, never-confirmed
signatures deleted a month after their link expired, and consent to campaign updates erased two years after
it was last given. Run daily by petition.periodic_tasks."""

import calendar
from datetime import timedelta

from django.utils import timezone

from petition import privacy, supporters, tokens
from petition.models import PetitionPage, Signature

# The privacy notice promises this: names, emails, postcodes and network hashes go six months after closing.
ANONYMISE_AFTER_MONTHS = 6
# And this: someone who asked for campaign updates is kept (name and email only, apart from their signature)
# for two years after they last asked, unless they unsubscribe first, which erases them at once.
SUPPORTER_CONSENT_MONTHS = 24


def add_months(moment, months):
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def anonymise_closed_petitions(now=None):
    """Anonymise the signatures of every petition closed more than ANONYMISE_AFTER_MONTHS ago,
    delete signatures never confirmed a month after their link expired, and erase consent to campaign updates
    last given more than SUPPORTER_CONSENT_MONTHS ago. Returns rows changed."""
    now = now or timezone.now()
    changed = 0
    for page in PetitionPage.objects.all():
        closed = page.closed_since(now)
        if closed and add_months(closed, ANONYMISE_AFTER_MONTHS) <= now:
            changed += privacy.anonymise(page.pk)
    stale = now - timedelta(days=tokens.CONFIRM_DAYS + 30)
    deleted, _ = Signature.objects.filter(
        state=Signature.State.PENDING, counted=False, created_at__lt=stale
    ).delete()
    lapsed = supporters.erase_lapsed(add_months(now, -SUPPORTER_CONSENT_MONTHS))
    return changed + deleted + lapsed
