"""The letter's rate limits, per IP address: one budget for postcode lookups (the letter page's postcode
step and the JSON lookup share it), another for making letters and PDFs."""

from django.conf import settings

from website.request_policy import ratelimits

# Rate-limit groups: postcode lookups (the page and the JSON API share one), and finished letters and PDFs.
LOOKUP_GROUP, LETTER_GROUP = "geography.lookup", "campaign.letter"


def lookups_exceeded(request, group=LOOKUP_GROUP):
    """One budget per IP address for the page's postcode step and the JSON lookup together; another for
    making letters and PDFs (which are counted, and cost CPU). Only POSTs count."""
    if request.method != "POST":
        return False
    return ratelimits.exceeded(request, group, settings.LETTER_LOOKUP_RATE)


def lookups_exceeded_and_read(request, keys):
    """`lookups_exceeded` for the postcode step, with `keys` of the shared cache read in the same round trip
    (website.request_policy.ratelimits.exceeded_and_read): (over, {key: value})."""
    return ratelimits.exceeded_and_read(request, LOOKUP_GROUP, settings.LETTER_LOOKUP_RATE, keys)
