"""The bench's URLconf: the site's own URLs plus the bare baseline view. Used only by settings.bench.

The site's patterns are spliced in, not included: Django refuses `i18n_patterns` (the /cy/ prefixes) inside an
included URLconf.
"""

from django.http import HttpResponse
from django.urls import path

from website.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The baseline: a Django view that does nothing, behind the site's full middleware stack."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__bench__/bare", bare),
    *site_urlpatterns,
]
