"""The letter page's answer to a found postcode, rendered once per page, site, language and set of
representatives and then kept.

After a postcode is found, the page it answers with ("Your MP is …", your other representatives with their
stands, the guidance and the details form) is the same for everyone with those representatives but for two
values: the CSRF token and the signed reference (`ref`: the constituency and the areas, with its own
timestamp). So the page is rendered with a placeholder for each, stored in the shared cache, and every later
visitor with the same representatives gets the stored copy with their own token and reference put in: the
lookup's queries and one cache read instead of the page, its restrictions and a full render.

What keeps the stored copy honest:
- its key holds everything the page shows that can differ: the page, the scheme, host and path (the
  site's furniture, the language links), the active language, the constituency, MP, party and email
  the lookup found, and the listing's fingerprint (campaign.recipients: every area, oversight text,
  representative's details and recorded stand) — so a new MP, an imported commissioner or a newly recorded
  stand is a new key, never a stale page. The listing is read before the cache is (from the process's own
  copy under the current generation, else in three queries);
- it is stored with the page cache's generation (`website.page_cache`) and used only while that is
  current: any publish, unpublish, move or delete of a page, view restriction, site settings or helpline
  change, or postcode import moves it on, and then the page is rendered (and checked) afresh. So a copy
  exists only for a page that was live and unrestricted in the current generation;
- it is stored only for visitors who are not signed in (an editor's page carries the Wagtail user bar),
  from a request with no query string, and holds no postcode: the key names the constituency only.

Each app process also keeps the copies it has used (at most KEEP_IN_PROCESS), checked against the generation
read with the rate limit in the same round trip; so a warm lookup reads no copy from Redis at all.

A Redis outage is a miss: the page is rendered every time, as before.
"""

import hashlib
import threading
from collections import OrderedDict

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

from campaign.forms import sign_constituency
from website import page_cache

KEY_PREFIX = "letter-details:v1:"
STORE_SECONDS = 60 * 60
# Stand-ins rendered in place of the per-visitor values: plain ASCII that HTML escaping leaves alone and
# no page text contains.
CSRF_PLACEHOLDER = "waymarkcsrfplaceholder0000000000"
REF_PLACEHOLDER = "waymark-ref-placeholder-0000000000"
# What the postcode step reads from the shared cache with its rate limit (one round trip).
READ_WITH_THE_LIMIT = (page_cache.GENERATION_KEY,)
# Copies kept in this process, most recently used last: key -> (generation, content). A copy is ~9 kB.
KEEP_IN_PROCESS = 300
_in_process = OrderedDict()
# gunicorn's threads share it: reordering and evicting are two steps each, so they hold this lock.
_in_process_lock = threading.Lock()


def key_for(request, page_id, result, listing=None):
    shown = "\x1f".join(
        (result.constituency_code, result.constituency_name, result.mp_name, result.mp_party, result.mp_email)
    )
    if listing is not None:
        shown += "\x1e" + listing.fingerprint()
    digest = hashlib.sha256(shown.encode()).hexdigest()[:32]
    scheme = "https" if request.is_secure() else "http"
    # The path too: the language switcher's links and hreflang alternates are built from it.
    where = f"{scheme}://{request.get_host()}{request.path}"
    return f"{KEY_PREFIX}{page_id}:{where}:{translation.get_language()}:{digest}"


def usable(request):
    """May this request read or store a shared copy? Not for signed-in users, nor with a query string."""
    return not request.GET and not request.user.is_authenticated


def stored(request, page_id, result, found=None, listing=None):
    """The stored answer for this page and lookup result, filled in for this visitor, or None.

    `found`: what the step has already read from the shared cache with its rate limit (READ_WITH_THE_LIMIT):
    the current generation. A copy this process kept under that generation is used as it is; otherwise the
    copy is read from the shared cache (with the generation, when it was not read already). On a miss the
    generation read is kept on the request (as the page cache middleware does for pages), so the copy
    rendered next is stored under the generation it was rendered in, never a newer one."""
    if not usable(request):
        return None
    key = key_for(request, page_id, result, listing)
    current = (found or {}).get(page_cache.GENERATION_KEY)
    kept = _in_process.get(key) if current is not None else None
    if kept is not None and kept[0] == current:
        with _in_process_lock:
            if key in _in_process:  # another thread may have evicted it since
                _in_process.move_to_end(key)
        return HttpResponse(fill(kept[1], request, result, listing))
    try:
        shared = cache.get_many([key] if current is not None else [key, page_cache.GENERATION_KEY])
    except Exception:  # noqa: BLE001 (a cache outage is a miss)
        return None
    current = current if current is not None else shared.get(page_cache.GENERATION_KEY)
    entry = shared.get(key)
    if current is not None:
        request._page_cache_generation = current
    if current is None or entry is None or entry["generation"] != current:
        return None
    _keep(key, current, entry["content"])
    return HttpResponse(fill(entry["content"], request, result, listing))


def _keep(key, generation, content):
    with _in_process_lock:
        _in_process[key] = (generation, content)
        _in_process.move_to_end(key)
        while len(_in_process) > KEEP_IN_PROCESS:
            _in_process.popitem(last=False)


def context():
    """Template context that renders the placeholders instead of this visitor's values."""
    return {"csrf_token": CSRF_PLACEHOLDER}


def store(request, page_id, result, content, listing=None):
    """Keep `content` (rendered with the placeholders) for the next visitor with these representatives;
    return it filled in for this one."""
    if usable(request):
        entry = {"generation": page_cache.generation(request), "content": content}
        key = key_for(request, page_id, result, listing)
        cache.set(key, entry, STORE_SECONDS)
        _keep(key, entry["generation"], content)
    return fill(content, request, result, listing)


def fill(content, request, result, listing=None):
    area_ids = listing.area_ids if listing is not None else ()
    # get_token also marks the CSRF cookie to be sent, as rendering {% csrf_token %} would.
    return content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode()).replace(
        REF_PLACEHOLDER.encode(), sign_constituency(result.constituency_code, area_ids).encode()
    )
