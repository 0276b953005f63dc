"""The right-to-ask form: short steps posted to the page's own URL, answers held only in the session.

The answers are kept in the session encrypted with the disclosure key and a 30-minute lifetime (Fernet's
TTL), so an abandoned form is unreadable even in the session table, and the quick exit (which flushes the
session) forgets them at once. Nothing personal reaches a URL, a log line or an error report.
"""

import json
from datetime import date

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from support.encryption import DecryptionError, decrypt, encrypt
from support.forms import STEPS, ConsentForm
from support.services import submit_request
from website import ratelimits

SESSION_KEY = "disclosure_request"


@sensitive_variables()
def load_state(request):
    """(state, expired): the answers so far, or a fresh start when there are none or they timed out."""
    token = request.session.get(SESSION_KEY)
    if token:
        try:
            return json.loads(decrypt(token, ttl=settings.DISCLOSURE_FORM_TIMEOUT)), False
        except (DecryptionError, ValueError):
            del request.session[SESSION_KEY]
            return {"step": 0, "answers": {}}, True
    return {"step": 0, "answers": {}}, False


@sensitive_variables()
def save_state(request, state):
    request.session[SESSION_KEY] = encrypt(json.dumps(state, default=_json_value))


def clear_state(request):
    request.session.pop(SESSION_KEY, None)


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _step_from_post(request, state):
    """The step a POST answers: the session's, or an earlier one (the browser's Back), never a later one."""
    try:
        posted = int(request.POST.get("step", state["step"]))
    except (TypeError, ValueError):
        return state["step"]
    return min(max(posted, 0), state["step"])


def _form_for(step, state, data=None):
    form_class = STEPS[step]
    if data is not None:
        return form_class(data)
    return form_class(initial=state["answers"].get(str(step), {}))


def _render(request, page, step, form, *, expired=False):
    return page.render(
        request,
        context_overrides={
            "form": form,
            "step": step,
            "step_number": step + 1,
            "step_count": len(STEPS),
            "is_first_step": step == 0,
            "is_last_step": step == len(STEPS) - 1,
            "show_privacy_notice": isinstance(form, ConsentForm),
            "expired": expired,
        },
    )


@sensitive_post_parameters()
@sensitive_variables()
def disclosure_form(request, page):
    if request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    state, expired = load_state(request)
    if request.method == "GET":
        step = state["step"]
        return _render(request, page, step, _form_for(step, state), expired=expired)

    if ratelimits.exceeded(request, "disclosure-step", settings.DISCLOSURE_STEP_RATE):
        return ratelimits.too_many_requests(request)
    if expired:
        # The answers timed out while the page was open: start again, saying why.
        return _render(request, page, 0, _form_for(0, state), expired=True)

    step = _step_from_post(request, state)
    form = _form_for(step, state, data=request.POST)
    if form.is_spam:
        clear_state(request)
        return HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("sent"))
    if request.POST.get("action") == "back":
        if form.is_valid():
            state["answers"][str(step)] = form.answers()
        state["step"] = max(step - 1, 0)
        save_state(request, state)
        return HttpResponseRedirect(page.get_url(request))
    if not form.is_valid():
        return _render(request, page, step, form)

    state["answers"][str(step)] = form.answers()
    if step + 1 < len(STEPS):
        state["step"] = step + 1
        save_state(request, state)
        return HttpResponseRedirect(page.get_url(request))

    if ratelimits.exceeded(request, "disclosure-submit", settings.DISCLOSURE_SUBMIT_RATE):
        return ratelimits.too_many_requests(request)
    answers = {}
    for index in range(len(STEPS)):
        answers.update(state["answers"].get(str(index), {}))
    if len(state["answers"]) < len(STEPS):
        # A step was skipped (an old tab, a crafted POST): go back to the first missing one.
        state["step"] = min(index for index in range(len(STEPS)) if str(index) not in state["answers"])
        save_state(request, state)
        return HttpResponseRedirect(page.get_url(request))
    submit_request(answers)
    clear_state(request)
    return HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("sent"))


def disclosure_sent(request, page):
    """The confirmation: repeats none of the answers."""
    return page.render(request, template="pages/disclosure_request_page_sent.html")
