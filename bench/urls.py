"""The bench's URLconf: the site's own URLs plus the bare baseline view. Used only by settings.bench."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """The baseline: a Django view that does nothing, behind the site's full middleware stack."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__bench__/bare", bare),
    path("", include("website.urls")),
]
