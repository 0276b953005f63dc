"""The disclosure form through session trouble: a step never quietly goes back, and a step that could not be
kept is told to the visitor beside the form."""

import pytest
from django.db import connection

from tests.support.conftest import VALID_STEPS
from tests.website.broken_cache import Blips

pytestmark = pytest.mark.django_db

LOST = "We could not keep your answers after this step"
NOT_SAVED = "We could not save your answers to this step just now"


def post_step(client, page, number):
    return client.post(page.url, {"step": number, "action": "continue", **VALID_STEPS[number]})


def test_a_step_saved_while_the_cache_hung_is_not_undone_by_its_older_copy(client, request_page, settings):
    settings.CACHES = {"default": {"BACKEND": "tests.website.broken_cache.BlippingCache", "LOCATION": "form"}}
    from django.core.cache import caches

    for number in range(2):
        assert post_step(client, request_page, number).status_code == 302
    Blips.hanging = True
    try:
        assert post_step(client, request_page, 2).status_code == 302  # saved in the database only
    finally:
        Blips.hanging = False
    caches["default"].breaker.succeeded()  # the cache is back, with its copy from step 2

    response = client.get(request_page.url)
    assert response.context["step"] == 3
    assert LOST not in response.content.decode()


def test_a_later_step_than_the_session_holds_is_answered_with_a_message_not_an_earlier_step(
    client, request_page
):
    assert post_step(client, request_page, 0).status_code == 302
    response = client.post(request_page.url, {"step": 3, "action": "continue", **VALID_STEPS[3]})
    assert response.status_code == 200
    assert response.context["step"] == 1
    assert LOST in response.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the failing write is an SQLite trigger")
def test_a_step_the_session_could_not_save_is_shown_again_with_what_was_typed(client, request_page):
    assert post_step(client, request_page, 0).status_code == 302
    with connection.cursor() as cursor:  # the database refuses every write to the session from now on
        cursor.execute(
            "CREATE TRIGGER refuse_session_writes BEFORE UPDATE ON django_session "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    response = post_step(client, request_page, 1)
    assert response.status_code == 200
    body = response.content.decode()
    assert NOT_SAVED in body
    assert response.context["step"] == 1
    assert response.context["form"].data["email"] == VALID_STEPS[1]["email"]
