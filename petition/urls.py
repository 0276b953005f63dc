"""Routes of this app outside the page tree.

- `<petition URL>count.json`: Wagtail's own URL pattern (path segments ending in a slash) cannot reach
  it, so it is handed to the petition page's count.json route here.
- the signing form's target: one primary-key query finds the petition, instead of Wagtail's routing
  through the tree, so signing stays cheap under load.
"""

from django.http import Http404, HttpResponseRedirect
from django.urls import path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Site

from petition import views
from petition.models import PetitionPage


def count_json(request, page_path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [part for part in page_path.split("/") if part]
    page, args, kwargs = site.root_page.localized.specific.route(request, [*components, "count.json"])
    if not isinstance(page, PetitionPage) or page.get_view_restrictions().exists():
        raise Http404
    return page.serve(request, *args, **kwargs)


SIGNING_FIELDS = (
    "id", "path", "depth", "url_path", "live", "locale_id", "content_type_id",
    "state", "opens_at", "closes_at",
)


@never_cache
@require_POST
def sign(request, petition_id):
    # Only what signing reads; a form with errors is shown on the whole page, loaded then.
    page = PetitionPage.objects.live().filter(pk=petition_id).only(*SIGNING_FIELDS).first()
    if page is None:
        raise Http404
    if not page.is_collecting():
        return HttpResponseRedirect(page.url, status=303)
    return views.sign(request, page)


urlpatterns = [
    path("petitions/<int:petition_id>/sign/", sign, name="petition_sign"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$", count_json, name="petition_count_json"),
]
