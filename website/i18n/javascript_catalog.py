"""The scripts' interface strings: Django's JavaScript catalog, served from this site, one file per language.

Every page loads `/jsi18n/<language>.js` with `defer` (base.html), after quick-exit.js and history.js, so
nothing waits for it: the scripts look the catalog up when they speak, and say it in English when it has
not arrived or failed to load. The language is in the address, not taken from the request, so the file is the
same for everyone and a browser or CDN may keep it (an hour, then revalidated with its ETag). It reads only
the compiled catalogs (locale/*/LC_MESSAGES/djangojs.mo), never the database or the session, and sets no
cookie; the CSP's script-src 'self' covers it, as it is a plain script from this origin.
"""

import hashlib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe
from django.views.i18n import JavaScriptCatalog

CATALOG_SECONDS = 60 * 60
# Our own strings only (locale/ is always read): the Wagtail admin's catalogs have no place on public pages.
PACKAGES = ["website"]

# The catalogs are read once per process, as Django reads its .mo files: a new release restarts the process.
_built = {}


def _build(request, language):
    if language not in _built:
        with translation.override(language):
            response = JavaScriptCatalog.as_view(packages=PACKAGES)(request)
        body = response.content
        _built[language] = (body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')
    return _built[language]


@require_safe
def javascript_catalog(request, language):
    if language not in dict(settings.LANGUAGES):
        raise Http404("No such language")
    body, etag = _build(request, language)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=CATALOG_SECONDS)
    return response
