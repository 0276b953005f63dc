"""The disclosure form's answers so far, held only in the server session, encrypted, for 30 minutes, and
bound to the browser tab that gave them.

The answers are encrypted with the disclosure key and a 30-minute lifetime (Fernet's TTL), so an abandoned
form is unreadable even in the session table, and the quick exit (which flushes the session) forgets them at
once. The page (support.models.disclosure_page) reads and writes them; a periodic task
(support.tasks.forget_abandoned_form_answers) removes abandoned ones from the session store.

Tabs: the session cookie is shared by every tab and outlives a closed tab, so answers kept only "in the
session" come back when someone opens the form again in the same browser. With JavaScript,
static/js/history.js sends each request for the form with a random id kept in the tab's sessionStorage
(the `Waymark-Tab` header: a header, not a field, because the GET after each step's redirect must carry it
too). The answers are kept under that id, so a new tab (no sessionStorage) starts afresh and a closed tab's
answers can no longer be reached; they expire 30 minutes later like any others. A request without the
header (no JavaScript) uses one slot for the whole session, as before: closing the tab does not forget
those answers, and the page says so.

Beside the answers, each tab may hold a confirmation (`remember_sent`/`recall_sent`): the reference and the
date a request was given when it was sent, so that its confirmation page can show them without either
appearing in a URL. It is kept like the answers (encrypted, for this tab, forgotten after 30 minutes or at
the quick exit), in a slot of its own per form: "disclosure-sent", "callback-sent".
"""

import json
import re
from datetime import date

from cryptography.fernet import InvalidToken
from django.views.decorators.debug import sensitive_variables

from support.encryption import DecryptionError, decrypt, encrypt, get_fernet

SESSION_KEY = "disclosure_request"
# Unfinished answers are forgotten after this many seconds without a step (the page tells people so).
TIMEOUT_SECONDS = 30 * 60
TAB_HEADER = "Waymark-Tab"
# The slot used without JavaScript (no tab id).
NO_TAB = ""
# 128 random bits, as history.js makes them.
TAB_ID = re.compile(r"[0-9a-f]{32}")
# A session keeps at most this many tabs' answers (the newest): a script inventing ids cannot bloat it.
MAX_TABS = 8
# The disclosure form's answers are kept under the tab's id alone; anything else under "<kind>:<tab>".
DISCLOSURE = "disclosure"


def fresh():
    return {"step": 0, "answers": {}}


def tab_of(request):
    """The id of the tab this request came from, or NO_TAB (no JavaScript, or not one of our ids)."""
    value = request.headers.get(TAB_HEADER, "")
    return value if TAB_ID.fullmatch(value) else NO_TAB


def is_tab_bound(request):
    return tab_of(request) != NO_TAB


def _slot(request, kind):
    tab = tab_of(request)
    return tab if kind == DISCLOSURE else f"{kind}:{tab}"


def _kind_of(slot):
    return slot.split(":", 1)[0] if ":" in slot else DISCLOSURE


@sensitive_variables()
def load(request, kind=DISCLOSURE):
    """(state, expired): this tab's answers so far, or a fresh start when there are none or they timed out."""
    tabs = _tabs(request.session)
    tab = _slot(request, kind)
    token = tabs.get(tab)
    if token:
        try:
            return json.loads(decrypt(token, ttl=TIMEOUT_SECONDS)), False
        except (DecryptionError, ValueError):
            del tabs[tab]
            _store(request.session, tabs)
            return fresh(), True
    return fresh(), False


@sensitive_variables()
def save(request, state, kind=DISCLOSURE):
    tabs = _tabs(request.session)
    tab = _slot(request, kind)
    tabs.pop(tab, None)  # the most recently saved tab goes last (the session keeps the order)
    tabs[tab] = encrypt(json.dumps(state, default=_json_value))
    # The newest MAX_TABS of each kind.
    same_kind = [slot for slot in tabs if _kind_of(slot) == _kind_of(tab)]
    for slot in same_kind[:-MAX_TABS]:
        del tabs[slot]
    _store(request.session, tabs)


def clear(request, kind=DISCLOSURE):
    """Forget this tab's answers (the other tabs' are theirs)."""
    tabs = _tabs(request.session)
    tabs.pop(_slot(request, kind), None)
    _store(request.session, tabs)


def remember_sent(request, form, reference, due):
    """Keep, for this tab's confirmation page, the reference the request was given and its due date."""
    save(request, {"reference": reference, "due": due.isoformat()}, kind=f"{form}-sent")


def recall_sent(request, form):
    """{"reference", "due"} of the request this tab sent in the last 30 minutes, or None."""
    state, _expired = load(request, kind=f"{form}-sent")
    if not isinstance(state.get("reference"), str):
        return None
    try:
        return {"reference": state["reference"], "due": date.fromisoformat(state["due"])}
    except (KeyError, TypeError, ValueError):
        return None


def forget_if_abandoned(session, now):
    """Remove answers older than TIMEOUT_SECONDS from a stored session; True if it had some to remove."""
    tabs = _tabs(session)
    live = {tab: token for tab, token in tabs.items() if now.timestamp() - _written(token) <= TIMEOUT_SECONDS}
    if live == tabs:
        return False
    _store(session, live)
    session.save()
    return True


def _tabs(session):
    value = session.get(SESSION_KEY)
    if isinstance(value, str):  # answers stored without a tab id: they belong to no tab in particular
        return {NO_TAB: value}
    return dict(value) if isinstance(value, dict) else {}


def _store(session, tabs):
    if tabs:
        session[SESSION_KEY] = tabs
    else:
        session.pop(SESSION_KEY, None)


def _written(token):
    try:
        return get_fernet().extract_timestamp(token.encode("ascii"))
    except (InvalidToken, UnicodeError, AttributeError):  # unreadable is as good as abandoned
        return 0


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
