"""The right-to-ask answers belong to the browser tab that gave them (support.form_state): history.js sends
the tab's id in the Waymark-Tab header; without it (no JavaScript) one slot serves the whole session."""

from datetime import timedelta

import pytest
from django.utils import timezone

from support import form_state
from support.form_state import MAX_TABS, SESSION_KEY
from support.models import DisclosureRequest
from tests.support.conftest import VALID_STEPS, fill_in

pytestmark = pytest.mark.django_db

TAB_A = "a" * 32
TAB_B = "0123456789abcdef" * 2


def in_tab(tab):
    return {"HTTP_WAYMARK_TAB": tab}


def post_steps(client, url, steps, tab=None):
    """The steps given; all of them are sent from the check-answers page."""
    return fill_in(client, url, steps, **(in_tab(tab) if tab else {}))


def test_a_tab_sees_its_own_answers(client, request_page):
    post_steps(client, request_page.url, VALID_STEPS[:2], tab=TAB_A)
    content = client.get(request_page.url, **in_tab(TAB_A)).content.decode()
    assert "Step 3 of 5" in content


def test_another_tab_or_a_request_without_a_tab_starts_afresh(client, request_page):
    post_steps(client, request_page.url, VALID_STEPS[:2], tab=TAB_A)
    for headers in (in_tab(TAB_B), {}):
        content = client.get(request_page.url, **headers).content.decode()
        assert "Step 1 of 5" in content
        assert "Marigold" not in content and "cleared your answers" not in content
    # ...and going back from the other tab's step 2 shows none of the first tab's answers.
    post_steps(client, request_page.url, VALID_STEPS[:1], tab=TAB_B)
    content = client.get(request_page.url, **in_tab(TAB_B)).content.decode()
    assert "Step 2 of 5" in content and "Marigold" not in content


def test_the_redirect_after_a_step_is_followed_in_the_same_tab(client, request_page):
    response = client.post(
        request_page.url, {"step": 0, "action": "continue", **VALID_STEPS[0]}, follow=True, **in_tab(TAB_A)
    )
    assert "Step 2 of 5" in response.content.decode()


def test_two_tabs_fill_in_and_send_separately(client, request_page, wales_team):
    post_steps(client, request_page.url, VALID_STEPS[:3], tab=TAB_A)
    other = [dict(step) for step in VALID_STEPS]
    other[1] = {**other[1], "your_name": "Robin Secondtab"}
    post_steps(client, request_page.url, other, tab=TAB_B)
    assert list(DisclosureRequest.objects.values_list("your_name", flat=True)) == ["Robin Secondtab"]
    # Sending from one tab leaves the other tab's answers where they were.
    assert "Step 4 of 5" in client.get(request_page.url, **in_tab(TAB_A)).content.decode()
    post_steps(client, request_page.url, VALID_STEPS, tab=TAB_A)
    assert DisclosureRequest.objects.count() == 2
    # No answers are left: only each tab's confirmation (its reference and date).
    assert set(client.session[SESSION_KEY]) == {f"disclosure-sent:{TAB_A}", f"disclosure-sent:{TAB_B}"}


def test_without_javascript_the_answers_stay_with_the_session_as_before(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    content = client.get(request_page.url).content.decode()
    assert "Step 3 of 5" in content
    # A tab with an id does not see them.
    assert "Step 1 of 5" in client.get(request_page.url, **in_tab(TAB_A)).content.decode()


@pytest.mark.parametrize("bad_id", ["short", "A" * 32, "g" * 32, "a" * 33, "../" + "a" * 29])
def test_an_id_history_js_would_not_make_counts_as_no_tab(client, request_page, bad_id):
    post_steps(client, request_page.url, VALID_STEPS[:1], tab=bad_id)
    assert list(client.session[SESSION_KEY]) == [form_state.NO_TAB]


def test_the_page_asks_the_script_to_fetch_it_again_only_when_rendered_without_the_tab(client, request_page):
    without = client.get(request_page.url)
    assert "data-tab-resume" in without.content.decode()
    with_tab = client.get(request_page.url, **in_tab(TAB_A))
    assert "data-tab-bound" in with_tab.content.decode()
    assert "data-tab-resume" not in with_tab.content.decode()
    assert "Waymark-Tab" in with_tab["Vary"]


def test_a_session_keeps_the_newest_eight_tabs(client, request_page):
    tabs = [f"{number:032x}" for number in range(MAX_TABS + 2)]
    for tab in tabs:
        post_steps(client, request_page.url, VALID_STEPS[:1], tab=tab)
    kept = set(client.session[SESSION_KEY])
    assert len(kept) == MAX_TABS
    assert tabs[-1] in kept


def test_each_tab_expires_after_30_idle_minutes(client, request_page, monkeypatch):
    post_steps(client, request_page.url, VALID_STEPS[:2], tab=TAB_A)
    monkeypatch.setattr(form_state, "TIMEOUT_SECONDS", -1)
    content = client.get(request_page.url, **in_tab(TAB_A)).content.decode()
    assert "Step 1 of 5" in content and "cleared your answers after 30 minutes" in content
    assert SESSION_KEY not in client.session


def test_the_periodic_task_removes_only_abandoned_tabs(client, request_page):
    post_steps(client, request_page.url, VALID_STEPS[:1], tab=TAB_A)
    post_steps(client, request_page.url, VALID_STEPS[:1], tab=TAB_B)
    session = client.session
    assert not form_state.forget_if_abandoned(session, timezone.now())
    tabs = dict(session[SESSION_KEY])
    tabs[TAB_A] = "not a token"  # unreadable counts as abandoned
    session[SESSION_KEY] = tabs
    assert form_state.forget_if_abandoned(session, timezone.now())
    assert list(session[SESSION_KEY]) == [TAB_B]
    assert form_state.forget_if_abandoned(session, timezone.now() + timedelta(minutes=31))
    assert SESSION_KEY not in session


def test_answers_saved_before_tabs_existed_are_read_as_the_session_slot(client, request_page):
    post_steps(client, request_page.url, VALID_STEPS[:2])
    session = client.session
    session[SESSION_KEY] = session[SESSION_KEY][form_state.NO_TAB]  # the old shape: one token
    session.save()
    assert "Step 3 of 5" in client.get(request_page.url).content.decode()


def test_the_quick_exit_forgets_every_tab(client, request_page):
    post_steps(client, request_page.url, VALID_STEPS[:2], tab=TAB_A)
    post_steps(client, request_page.url, VALID_STEPS[:2], tab=TAB_B)
    client.get("/exit/", HTTP_SEC_FETCH_SITE="same-origin")
    for tab in (TAB_A, TAB_B):
        assert "Step 1 of 5" in client.get(request_page.url, **in_tab(tab)).content.decode()
