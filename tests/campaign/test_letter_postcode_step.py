"""The letter page's postcode step at the speed of the lookup: a plain view, and the site furniture from the
cache until something it shows changes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from geography.models import PostcodeImport
from tests.geography.factories import PostcodeFactory
from tests.support.factories import HelplineFactory
from tests.website.factories import StandardPageFactory, publish_safety_settings
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


def step_url(page):
    return reverse("letter_postcode", args=[page.pk])


def look_up(client, page, postcode="SE1 2DL"):
    return client.post(step_url(page), {"postcode": postcode})


def test_the_postcode_form_posts_to_the_plain_view(client, letter_page):
    html = client.get(letter_page.url).content.decode()
    assert f'action="{step_url(letter_page)}"' in html


def test_a_lookup_answers_with_the_mp_and_the_next_step_posts_to_the_page(
    client, letter_page, known_postcode
):
    response = look_up(client, letter_page)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your MP is Neil Coyle, for Bermondsey and Old Southwark" in html
    assert f'action="{letter_page.url}"' in html and 'name="personal_paragraph"' in html
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_bad_postcode_gets_its_message_beside_the_field(client, letter_page):
    html = look_up(client, letter_page, "GX11 1AA").content.decode()
    assert "British Overseas Territory" in html
    assert 'value="GX11 1AA"' in html


def test_the_step_refuses_posts_from_other_websites(letter_page, known_postcode):
    strict = Client(enforce_csrf_checks=True)
    for headers in (
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://elsewhere.example"},
    ):
        response = strict.post(step_url(letter_page), {"postcode": "SE1 2DL"}, headers=headers)
        assert response.status_code == 403, headers
        assert "Neil Coyle" not in response.content.decode()


def test_the_step_reads_only_so_needs_no_token_from_our_own_page(letter_page, known_postcode):
    """Like the JSON lookup, it changes nothing; the details form it answers with still carries a token."""
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        step_url(letter_page), {"postcode": "SE1 2DL"}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Your MP is Neil Coyle" in html
    assert 'name="csrfmiddlewaretoken"' in html and "csrftoken" in response.cookies


def test_reloading_the_answer_goes_back_to_the_postcode_form(client, letter_page, known_postcode):
    """After "Find my MP" the address bar shows the step's address; a reload or a restored tab asks for it."""
    answer = look_up(client, letter_page)
    assert answer.status_code == 200
    again = client.get(step_url(letter_page))
    assert again.status_code == 302 and again["Location"] == letter_page.url
    assert client.get(again["Location"]).status_code == 200


def test_only_posts_to_a_live_letter_page(client, letter_page, home):
    assert client.get(reverse("letter_postcode", args=[home.pk])).status_code == 404
    assert client.post(reverse("letter_postcode", args=[home.pk]), {"postcode": "SE1 2DL"}).status_code == 404
    letter_page.unpublish()
    assert look_up(client, letter_page).status_code == 404


def test_a_restricted_letter_page_sends_the_visitor_to_its_login(client, letter_page, known_postcode):
    PageViewRestriction.objects.create(page=letter_page, restriction_type=PageViewRestriction.LOGIN)
    response = look_up(client, letter_page)
    assert response.status_code == 303 and response["Location"] == letter_page.url
    assert "Neil Coyle" not in response.content.decode()


def test_the_step_shares_the_lookup_rate_limit(client, letter_page, settings):
    settings.LETTER_LOOKUP_RATE = "2/m"
    codes = [look_up(client, letter_page, "ZZ99 9ZZ").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_warm_lookup_asks_the_database_only_for_the_page_and_the_postcode(
    client, letter_page, known_postcode
):
    look_up(client, letter_page)  # the first visitor fills the site furniture's fragments
    with CaptureQueriesContext(connection) as queries:
        assert "Neil Coyle" in look_up(client, letter_page).content.decode()
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert len(queries.captured_queries) <= 5
    for furniture in ("website_sitesettings", "support_helpline", "campaign_postcodeimport"):
        assert furniture not in tables


# --- The cached fragments follow every change that alters them -----------------------------------------


def test_publishing_a_page_in_the_menu_updates_the_navigation(client, letter_page, home, known_postcode):
    assert "Get involved" not in look_up(client, letter_page).content.decode()
    StandardPageFactory(parent=home, slug="get-involved", title="Get involved", show_in_menus=True)
    assert "Get involved" in look_up(client, letter_page).content.decode()


def test_the_navigation_marks_the_page_being_shown(client, letter_page, home):
    about = client.get("/about/").content.decode()
    assert 'href="/about/" aria-current="page"' in about
    letter = client.get(letter_page.url).content.decode()
    assert 'href="/about/">About us' in letter and 'aria-current="page"' not in letter


def test_publishing_safety_settings_updates_the_quick_exit_and_emergency_message(client, site, letter_page):
    look_up(client, letter_page)
    publish_safety_settings(
        site,
        quick_exit_url="https://www.example.org/recipes",
        emergency_message="<p>Call 999, or text 999 if you registered.</p>",
    )
    html = look_up(client, letter_page).content.decode()
    assert 'data-destination="https://www.example.org/recipes"' in html
    assert "text 999 if you registered" in html


def test_choosing_a_footer_helpline_updates_the_footer(client, site, letter_page):
    helpline = HelplineFactory(name="Night Line For Testing")
    assert "Night Line For Testing" not in look_up(client, letter_page).content.decode()
    # No save of the settings row or the helpline: only the many-to-many changes.
    SiteSettings.for_site(site).footer_helplines.add(helpline)
    assert "Night Line For Testing" in look_up(client, letter_page).content.decode()


def test_editing_a_footer_helpline_updates_the_footer(client, site, letter_page):
    helpline = HelplineFactory(name="Day Line")
    SiteSettings.for_site(site).footer_helplines.add(helpline)
    assert "Day Line" in look_up(client, letter_page).content.decode()
    helpline.name = "Day And Night Line"
    helpline.save()
    assert "Day And Night Line" in look_up(client, letter_page).content.decode()


def test_a_postcode_import_updates_the_demo_notice(client, letter_page):
    PostcodeFactory(postcode="SE1 2DL")
    assert "Demonstration data only" in look_up(client, letter_page).content.decode()
    PostcodeImport.objects.create(source="ONSPD_NOV_2025_UK.csv")
    assert "Demonstration data only" not in look_up(client, letter_page).content.decode()


def test_without_the_cache_the_furniture_is_rendered_afresh(client, letter_page, home, known_postcode):
    from django.core.cache import cache

    look_up(client, letter_page)
    cache.clear()  # Redis flushed or restarted: a new generation, nothing stale taken as current
    html = look_up(client, letter_page).content.decode()
    assert "About us" in html and "Neil Coyle" in html
