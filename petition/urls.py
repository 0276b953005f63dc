"""Routes of this app outside the page tree.

- `<petition URL>count.json`: Wagtail's own URL pattern (path segments ending in a slash) cannot reach
  it, so it is handed to the petition page's count.json route here.
- the signing form's target: one primary-key query finds the petition, instead of Wagtail's routing
  through the tree, so signing stays cheap under load.
"""

from django.db import connection
from django.http import Http404, HttpResponseRedirect
from django.urls import path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

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


_SIGNING_PAGE_SQL = None


def live_petition_for_signing(petition_id):
    """The live petition with only what signing reads (routing and collecting fields), or None.

    One plain primary-key join: the ORM's compile of the same query cost more CPU than the rest of the
    lookup. The other fields are deferred; a form with errors reloads the whole page to render it.
    """
    global _SIGNING_PAGE_SQL
    if _SIGNING_PAGE_SQL is None:
        qn = connection.ops.quote_name
        _SIGNING_PAGE_SQL = (
            # Table names come from our own models; the id is a parameter.
            "SELECT p.id, pp.page_ptr_id, p.path, p.depth, p.url_path, p.live, p.locale_id, "  # noqa: S608
            "p.content_type_id, pp.state, pp.opens_at, pp.closes_at "
            f"FROM {qn(PetitionPage._meta.db_table)} pp "
            f"JOIN {qn(Page._meta.db_table)} p ON p.id = pp.page_ptr_id "
            "WHERE pp.page_ptr_id = %s AND p.live"
        )
    return next(iter(PetitionPage.objects.raw(_SIGNING_PAGE_SQL, [petition_id])), None)


@never_cache
@require_POST
def sign(request, petition_id):
    page = live_petition_for_signing(petition_id)
    if page is None:
        raise Http404
    if not page.is_collecting():
        return HttpResponseRedirect(page.url, status=303)
    return views.sign(request, page)


urlpatterns = [
    path("petitions/<int:petition_id>/sign/", sign, name="petition_sign"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$", count_json, name="petition_count_json"),
]
