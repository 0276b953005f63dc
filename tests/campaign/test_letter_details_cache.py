"""The letter page's answer to a found postcode is kept per page, site, language and MP
(campaign.letter_details); every visitor still gets their own CSRF token and reference, and every change."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from campaign import letter_details
from geography import lookup
from geography.models import MemberOfParliament
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory, PostcodeFactory

pytestmark = pytest.mark.django_db
# A kept answer still reads what it shows, so it is never stale: the lookup's one query, then the postcode's
# areas, their representatives and their stands (campaign.recipients), but no page and no render.
KEPT_ANSWER_QUERIES = 4

PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her, "
    "and nobody joined the dots until she was hurt."
)


def step_url(page):
    return reverse("letter_postcode", args=[page.pk])


def look_up(client, page, postcode="SE1 2DL"):
    return client.post(step_url(page), {"postcode": postcode})


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


@pytest.fixture
def other_postcode(db):
    constituency = ConstituencyFactory(code="E14001350", name="Manchester Central")
    MemberOfParliamentFactory(constituency=constituency, name="Lucy Powell", party="Labour")
    return PostcodeFactory(postcode="M1 1AD", constituency_code=constituency.code)


def test_a_second_visitor_with_the_same_mp_costs_only_the_lookup_and_listing_queries(
    client, letter_page, known_postcode, django_assert_max_num_queries
):
    look_up(client, letter_page)
    with django_assert_max_num_queries(KEPT_ANSWER_QUERIES):
        html = look_up(Client(), letter_page).content.decode()
    assert "Your MP is Neil Coyle, for Bermondsey and Old Southwark" in html


def test_each_visitor_gets_their_own_csrf_token_and_a_reference_that_works(letter_page, known_postcode):
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        visitor.get(letter_page.url)
        csrf = visitor.cookies["csrftoken"].value
        response = visitor.post(step_url(letter_page), {"postcode": "SE1 2DL", "csrfmiddlewaretoken": csrf})
        html = response.content.decode()
        assert "Neil Coyle" in html
        assert letter_details.CSRF_PLACEHOLDER not in html and letter_details.REF_PLACEHOLDER not in html
        token = hidden(html, "csrfmiddlewaretoken")
        tokens.append(token)
        # The next step takes this visitor's token and the signed reference: the letter is written.
        letter = visitor.post(
            letter_page.url,
            {
                "step": "letter",
                "csrfmiddlewaretoken": token,
                "ref": hidden(html, "ref"),
                "sender_name": "Sam Writer",
                "sender_address": "1 High Street\nLondon SE1 2DL",
                "personal_paragraph": PARAGRAPH,
            },
        )
        assert letter.status_code == 200
        assert "Your letter to Neil Coyle" in letter.content.decode()
    assert tokens[0] != tokens[1]


def test_the_kept_answer_differs_per_constituency(client, letter_page, known_postcode, other_postcode):
    assert "Your MP is Neil Coyle" in look_up(client, letter_page).content.decode()
    html = look_up(client, letter_page, "M1 1AD").content.decode()
    assert "Your MP is Lucy Powell, for Manchester Central" in html
    assert "Your MP is Neil Coyle" in look_up(Client(), letter_page).content.decode()
    assert "Lucy Powell" in look_up(Client(), letter_page, "M1 1AD").content.decode()


def test_the_kept_answer_differs_per_language(
    client, letter_page, known_postcode, django_assert_max_num_queries
):
    look_up(client, letter_page)
    with translation.override("cy"):
        with CaptureQueriesContext(connection) as queries:
            look_up(Client(), letter_page)
        assert len(queries.captured_queries) > 1  # not the English copy: rendered afresh
        with django_assert_max_num_queries(KEPT_ANSWER_QUERIES):
            look_up(Client(), letter_page)
    secure, host = (lambda self: True), (lambda self: "example.com")
    request = type("Request", (), {"is_secure": secure, "get_host": host, "path": "/letters/1/postcode/"})()
    result = lookup.lookup("SE1 2DL")
    with translation.override("cy"):
        welsh = letter_details.key_for(request, letter_page.pk, result)
    assert welsh != letter_details.key_for(request, letter_page.pk, result)


def test_a_new_mp_shows_at_once(client, letter_page, known_postcode):
    look_up(client, letter_page)
    MemberOfParliament.objects.filter(name="Neil Coyle").update(name="Nia Newcomer", party="Green")
    html = look_up(Client(), letter_page).content.decode()
    assert "Your MP is Nia Newcomer" in html and "Neil Coyle" not in html


def test_publishing_the_page_refreshes_the_kept_answer(client, letter_page, known_postcode):
    assert "Some questions to start you off" in look_up(client, letter_page).content.decode()
    letter_page.paragraph_prompts = "What happened in your family?"
    letter_page.save_revision().publish()
    html = look_up(Client(), letter_page).content.decode()
    assert "What happened in your family?" in html


def test_an_unpublished_page_is_not_answered_from_the_cache(client, letter_page, known_postcode):
    look_up(client, letter_page)
    letter_page.unpublish()
    assert look_up(Client(), letter_page).status_code == 404


def test_a_page_restricted_after_a_lookup_is_not_answered_from_the_cache(client, letter_page, known_postcode):
    look_up(client, letter_page)
    PageViewRestriction.objects.create(page=letter_page, restriction_type=PageViewRestriction.LOGIN)
    response = look_up(Client(), letter_page)
    assert response.status_code == 303 and "Neil Coyle" not in response.content.decode()


def kept_answers():
    """{key: value} of every kept answer, in the test cache (LocMemCache) or in Redis (CI's second run)."""
    if hasattr(cache, "keys"):  # django-redis
        return {key: cache.get(key) for key in cache.keys(f"*{letter_details.KEY_PREFIX}*")}
    return {key: value for key, value in cache._cache.items() if letter_details.KEY_PREFIX in key}


def test_signed_in_editors_neither_get_nor_leave_a_kept_answer(
    letter_page, known_postcode, admin_user, django_assert_max_num_queries
):
    editor = Client()
    editor.force_login(admin_user)
    look_up(editor, letter_page)
    assert not kept_answers()
    look_up(Client(), letter_page)
    with django_assert_max_num_queries(KEPT_ANSWER_QUERIES):
        look_up(Client(), letter_page)
    with CaptureQueriesContext(connection) as queries:
        look_up(editor, letter_page)
    assert len(queries.captured_queries) > 1  # the page, rendered afresh for them


def test_the_postcode_is_in_no_cache_key_or_value(client, letter_page, mp):
    # Not a postcode the page's demo-data notice names as an example.
    PostcodeFactory(postcode="SE1 9ZQ", constituency_code=mp.constituency_id)
    assert "Neil Coyle" in look_up(client, letter_page, "SE1 9ZQ").content.decode()
    kept = kept_answers()
    assert kept
    for key, value in kept.items():
        assert "9ZQ" not in key and "9ZQ" not in repr(value)


def test_bad_postcodes_still_get_their_message_beside_the_field(client, letter_page, known_postcode):
    look_up(client, letter_page)
    html = look_up(Client(), letter_page, "GX11 1AA").content.decode()
    assert "British Overseas Territory" in html and 'value="GX11 1AA"' in html


def test_without_redis_every_answer_is_rendered(client, letter_page, known_postcode, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    for _ in range(2):
        assert "Your MP is Neil Coyle" in look_up(Client(), letter_page).content.decode()


def test_a_warm_process_answers_from_its_own_copy_while_the_generation_holds(
    client, letter_page, known_postcode, django_assert_max_num_queries
):
    first = look_up(client, letter_page).content.decode()
    for key in kept_answers():
        cache.delete(key)  # only this process's copy is left
    with django_assert_max_num_queries(KEPT_ANSWER_QUERIES):
        second = look_up(Client(), letter_page).content.decode()
    assert "Your MP is Neil Coyle" in second
    assert hidden(second, "csrfmiddlewaretoken") != hidden(first, "csrfmiddlewaretoken")

    letter_page.paragraph_prompts = "What happened in your family?"
    letter_page.save_revision().publish()  # a new generation: this process's copy is stale
    assert "What happened in your family?" in look_up(Client(), letter_page).content.decode()


@pytest.mark.skipif(not hasattr(cache, "keys"), reason="counts Redis round trips: needs django-redis")
def test_on_redis_a_warm_lookup_is_one_round_trip_for_the_limit_and_the_generation(
    client, letter_page, known_postcode, monkeypatch
):
    import redis

    look_up(client, letter_page)
    trips = []
    pipeline_execute, command = redis.client.Pipeline.execute, redis.Redis.execute_command
    monkeypatch.setattr(
        redis.client.Pipeline,
        "execute",
        lambda self, *a, **k: trips.append("pipeline") or pipeline_execute(self, *a, **k),
    )
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: trips.append(a[0]) or command(self, *a, **k)
    )
    assert "Your MP is Neil Coyle" in look_up(Client(), letter_page).content.decode()
    assert trips == ["pipeline"]
