"""Plain views of the petition app outside the page tree (the page's own routes are on PetitionPage).

- the signing form's target, `/petitions/<id>/sign/`: one primary-key query finds the petition, instead of
  Wagtail's routing through the tree, so signing stays cheap under load. It takes no CSRF token, so the
  petition page carries none and any cache can share it; a post from another website is refused instead
  (`website.request_policy.cross_origin`, docs/security.md);
- `<petition URL>count.json`: Wagtail's own URL pattern (path segments ending in a slash) cannot reach it,
  so it is handed to the petition page's count.json route;
- `/updates/unsubscribe/<token>/`: the one-click unsubscribe of campaign updates (RFC 8058).
"""

from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from petition import languages as signer_languages
from petition import supporters, tokens
from petition.models.pages import PetitionPage
from website.i18n import languages
from website.request_policy.cross_origin import same_origin_posts
from website.view_restrictions import refused_by_view_restrictions

# The id of the signing form's heading on the petition page (templates/pages/petition_page.html).
SIGN_FORM_ANCHOR = "sign-title"


@never_cache
@same_origin_posts
@require_http_methods(["GET", "HEAD", "POST"])
def sign(request, petition_id):
    page = PetitionPage.objects.for_signing(petition_id)
    if page is None:
        raise Http404
    if request.method != "POST":
        # The address bar shows this address after a form with errors: a reload, or a phone restoring the
        # tab, asks for it again, and finds the form on the petition page.
        return HttpResponseRedirect(f"{page.url}#{SIGN_FORM_ANCHOR}")
    # A translation is open or closed as its source petition is (PetitionPage.source_petition).
    if not page.source_petition.is_collecting() or (
        page.restricted and refused_by_view_restrictions(page, request)
    ):
        # The page itself then shows why: closed, or its password or sign-in form.
        return HttpResponseRedirect(page.url, status=303)
    # The address is the same in every language, so the language is the page's: the Welsh petition's form
    # answers in Welsh, and its signatures get their emails in Welsh.
    language = signer_languages.supported(page.locale_language)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = page.sign(request)
        if not getattr(response, "is_rendered", True):
            response.render()  # a form with errors: render it in the page's language, not after
    response["Content-Language"] = language
    return response


def count_json(request, page_path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    # /cy/petition/count.json: the language prefix chose the tree (`localized` below), it is not a page.
    components = [part for part in languages.unprefixed(f"/{page_path}").split("/") if part]
    page, args, kwargs = site.root_page.localized.specific.route(request, [*components, "count.json"])
    if not isinstance(page, PetitionPage) or refused_by_view_restrictions(page, request):
        raise Http404
    return page.serve(request, *args, **kwargs)


@csrf_exempt  # RFC 8058: a mail provider POSTs "List-Unsubscribe=One-Click" with no cookie or token
@never_cache
def unsubscribe_from_updates(request, token):
    """GET shows a button and changes nothing (mail scanners follow links); POST unsubscribes, idempotently,
    whether from the button or a mail app's one-click. The token (supporter id + HMAC) is the only key."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    supporter_id = tokens.read_supporter_token(token)
    context = {"valid": supporter_id is not None, "done": request.method == "POST"}
    if supporter_id is not None and request.method == "POST":
        supporters.unsubscribe(supporter_id)
    response = render(
        request, "petition/update_unsubscribe.html", context, status=200 if context["valid"] else 404
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
