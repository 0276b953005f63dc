"""Template tags for the petition: number formatting, and the petition's count near a letter writer."""

from django import template
from django.utils.translation import gettext, ngettext

from petition import stats
from petition.models import PetitionCount, PetitionPage

register = template.Library()


@register.filter
def intcomma_gb(value):
    """12345 -> '12,345' (without enabling django.contrib.humanize)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.inclusion_tag("petition/signed_nearby.html")
def signed_nearby(letter_page, constituency_code, constituency_name):
    """After a letter is written: how many people in the writer's constituency have signed the petition,
    and a link to sign. From the counters (one indexed read); nothing when there is no petition."""
    petition = PetitionPage.objects.for_letters(letter_page)
    if petition is None or not constituency_code:
        return {"petition": None}
    count, collecting = stats.signed_in(petition, constituency_code), petition.is_collecting()
    if count:
        headline = ngettext(
            "%(count)s person in your constituency has signed the petition",
            "%(count)s people in your constituency have signed the petition",
            count,
        ) % {"count": f"{count:,}"}
    elif collecting:
        headline = gettext("Nobody in %(constituency)s has signed the petition yet") % {
            "constituency": constituency_name
        }
    else:
        headline = gettext("Nobody in %(constituency)s has signed the petition") % {
            "constituency": constituency_name
        }
    return {"petition": petition, "count": count, "headline": headline, "collecting": collecting}


@register.simple_tag
def signature_count(petition):
    """The petition's verified signatures, from its counter: one primary-key read (the home page shows it)."""
    return PetitionCount.objects.filter(pk=petition.pk).values_list("signature_count", flat=True).first() or 0
