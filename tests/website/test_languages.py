"""Pages in Welsh and other languages: URLs by prefix, switcher, hreflang, caches per language, moderation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from demo.translations import translate
from tests.conftest import _Silent
from tests.website.factories import publish_safety_settings
from website import page_cache
from website.i18n import languages
from website.models import SiteSettings, StandardPage
from website.staff import groups as staff_groups

WELSH = {
    "Waymark": "Waymark",
    "About us": "Amdanom ni",
    "Privacy notice": "Hysbysiad preifatrwydd",
}


@pytest.fixture
def welsh(home):
    """The home page, the about page and the privacy notice in Welsh, made by wagtail-localize."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    translate(home, locale, WELSH)
    for slug in ("about", "privacy"):
        translate(StandardPage.objects.get(slug=slug, locale__language_code="en-gb"), locale, WELSH)
    return locale


def switcher(response):
    match = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    assert match, "no language switcher on the page"
    return match.group(0)


def alternates(response):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode())
    )


@pytest.mark.django_db
def test_english_urls_are_unchanged_and_welsh_ones_have_the_cy_prefix(client, welsh):
    english = client.get("/about/")
    cymraeg = client.get("/cy/about/")
    assert english.status_code == 200 and cymraeg.status_code == 200
    assert "<title>About us · Waymark</title>" in english.content.decode()
    assert "Amdanom ni" in cymraeg.content.decode()
    assert "Amdanom ni" not in english.content.decode()
    assert StandardPage.objects.get(slug="about", locale=welsh).url == "/cy/about/"
    assert client.get("/en-gb/about/").status_code == 404  # English has no prefix of its own


@pytest.mark.django_db
def test_the_switcher_links_to_the_same_page_in_the_other_language(client, welsh):
    nav = switcher(client.get("/about/"))
    assert '<a href="/cy/about/" lang="cy" hreflang="cy">Cymraeg</a>' in nav
    assert "Heb ei chyfieithu" not in nav
    back = switcher(client.get("/cy/about/"))
    assert '<a href="/about/" lang="en-gb" hreflang="en-gb">English</a>' in back
    assert "Cymraeg</a>" not in back  # the language you are reading is not offered again


@pytest.mark.django_db
def test_a_page_with_no_translation_leads_to_that_languages_home_page_and_says_so(client, welsh):
    nav = switcher(client.get("/accessibility/"))
    assert '<a href="/cy/" lang="cy" hreflang="cy">Cymraeg</a>' in nav
    assert (
        '<span class="language-switcher__note" lang="cy">(Heb ei chyfieithu eto: hafan Gymraeg)</span>' in nav
    )


@pytest.mark.django_db
def test_the_switcher_on_a_plain_view_switches_the_prefix_and_drops_the_query(client, welsh):
    nav = switcher(client.get("/search/?q=stalking"))
    assert 'href="/cy/search/"' in nav
    assert "stalking" not in nav


@pytest.mark.django_db
def test_hreflang_alternates_name_each_live_translation_and_a_default(client, welsh):
    assert alternates(client.get("/about/")) == {
        "en-gb": "http://testserver/about/",
        "x-default": "http://testserver/about/",
        "cy": "http://testserver/cy/about/",
    }
    # No Welsh version: no Welsh alternate (the switcher's fallback to the home page is not one).
    assert "cy" not in alternates(client.get("/accessibility/"))


@pytest.mark.django_db
def test_an_unpublished_translation_is_neither_linked_nor_served(client, welsh):
    StandardPage.objects.get(slug="about", locale=welsh).unpublish()
    assert 'href="/cy/about/"' not in switcher(client.get("/about/"))
    assert client.get("/cy/about/").status_code == 404


@pytest.mark.django_db
def test_the_page_cache_keeps_english_and_welsh_apart(client, welsh):
    assert client.get("/about/")["X-Page-Cache"] == "miss"
    welsh_first = client.get("/cy/about/")
    assert welsh_first["X-Page-Cache"] == "miss"
    assert "Amdanom ni" in welsh_first.content.decode()
    english_again = client.get("/about/")
    welsh_again = client.get("/cy/about/")
    assert english_again["X-Page-Cache"] == "hit" and welsh_again["X-Page-Cache"] == "hit"
    assert "Amdanom ni" not in english_again.content.decode()
    assert "Amdanom ni" in welsh_again.content.decode()


def test_the_page_cache_key_names_the_language(rf):
    english = page_cache._key_for(rf.get("/about/"))
    cymraeg = page_cache._key_for(rf.get("/cy/about/"))
    assert english == f"{page_cache.KEY_PREFIX}en-gb:http://testserver/about/"
    assert cymraeg == f"{page_cache.KEY_PREFIX}cy:http://testserver/cy/about/"


@pytest.mark.django_db
def test_a_cached_english_page_costs_no_queries(client, welsh):
    client.get("/about/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/about/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


@pytest.mark.django_db
def test_the_site_furniture_is_cached_per_language(client, site, welsh, settings):
    # Not the whole-page cache: only the fragments (header, footer) may be shared between these responses.
    settings.WAYMARK_PAGE_CACHE = False
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_page = StandardPage.objects.get(slug="privacy", locale__language_code="en-gb")
    site_settings.save()
    english = client.get("/about/").content.decode()
    assert 'href="/privacy/">Privacy notice</a>' in english
    cymraeg = client.get("/cy/about/").content.decode()
    assert 'href="/cy/privacy/">Hysbysiad preifatrwydd</a>' in cymraeg  # the footer, in Welsh
    assert 'class="site-header__brand" href="/cy/"' in cymraeg  # the header's home link, in Welsh
    assert 'href="/cy/about/" aria-current="page">Amdanom ni</a>' in cymraeg  # the Welsh menu
    # And English again, from the fragments cached first, untouched by the Welsh ones.
    assert 'href="/privacy/">Privacy notice</a>' in client.get("/about/").content.decode()


@pytest.mark.django_db
def test_the_emergency_message_is_welsh_on_welsh_pages_until_an_editor_rewrites_it(client, site, welsh):
    assert "In an emergency call <b>999</b>" in client.get("/about/").content.decode()
    cymraeg = client.get("/cy/about/").content.decode()
    assert "Mewn argyfwng, ffoniwch <b>999</b>" in cymraeg and "In an emergency call" not in cymraeg
    # A message staff wrote is shown as written, in every language (there is one per site).
    publish_safety_settings(site, emergency_message="<p>Call 999 now if you are in danger.</p>")
    assert "Call 999 now if you are in danger." in client.get("/cy/about/").content.decode()


@pytest.mark.django_db
def test_a_welsh_emergency_message_staff_wrote_shows_on_welsh_pages_only(client, site, welsh):
    publish_safety_settings(
        site,
        emergency_message="<p>Call 999 now if you are in danger.</p>",
        emergency_message_cy="<p>Ffoniwch 999 nawr os ydych chi mewn perygl.</p>",
    )
    english, cymraeg = client.get("/about/").content.decode(), client.get("/cy/about/").content.decode()
    assert "Ffoniwch 999 nawr os ydych chi mewn perygl." in cymraeg and "Call 999 now" not in cymraeg
    assert "Call 999 now if you are in danger." in english and "Ffoniwch" not in english


@pytest.mark.django_db
def test_helplines_show_the_welsh_staff_wrote_on_welsh_pages_and_english_until_they_do(client, site, welsh):
    from django.template.loader import render_to_string
    from django.utils import translation

    from tests.support.factories import HelplineFactory

    stalking = HelplineFactory(
        name="National Stalking Helpline",
        hours="Weekdays in the daytime",
        description="Advice for anyone being stalked.",
        name_cy="Llinell Gymorth Genedlaethol ar Stelcian",
        hours_cy="Yn ystod y dydd ar ddiwrnodau'r wythnos",
        description_cy="Cyngor i unrhyw un sy'n cael ei stelcian.",
    )
    untranslated = HelplineFactory(name="Respect Phoneline", hours="Weekdays")
    SiteSettings.for_site(site).footer_helplines.set([stalking, untranslated])

    english, cymraeg = client.get("/about/").content.decode(), client.get("/cy/about/").content.decode()
    assert "National Stalking Helpline" in english and "Weekdays in the daytime" in english
    assert "Llinell Gymorth" not in english
    assert "Llinell Gymorth Genedlaethol ar Stelcian" in cymraeg and "Yn ystod y dydd" in cymraeg
    assert "National Stalking Helpline" not in cymraeg
    assert "Respect Phoneline" in cymraeg  # English until someone writes its Welsh
    # In full (guidance pages, the helplines page, call-outs): the description and the links' names too.
    with translation.override("cy"):
        full = render_to_string("components/helpline.html", {"helpline": stalking})
    assert "Cyngor i unrhyw un" in full and "Advice for anyone" not in full
    with translation.override("en-gb"):
        assert "Advice for anyone being stalked." in render_to_string(
            "components/helpline.html", {"helpline": stalking}
        )


@pytest.mark.django_db
def test_the_language_comes_from_the_url_alone_and_leaves_no_trace(client, welsh):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 200  # no redirect to /cy/
    assert "Amdanom ni" not in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")
    for url in ("/about/", "/cy/about/", "/cy/"):
        assert not client.get(url).cookies, url
    # A language cookie someone else set changes nothing either.
    client.cookies["django_language"] = "cy"
    assert "Amdanom ni" not in client.get("/about/").content.decode()


@pytest.mark.django_db
def test_unprefixed_routes_stay_unprefixed(client, welsh):
    assert client.get("/cy/robots.txt").status_code == 404
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/cy/healthz", follow=True).status_code == 404
    assert reverse("quick_exit") == "/exit/"


@pytest.mark.django_db
class TestTranslationModeration:
    """Translations are pages like any other: under the same "Moderators approval" workflow."""

    @pytest.fixture
    def people(self, home):
        staff_groups.grant_page_permissions(home)
        users = get_user_model().objects
        editor = users.create_user("eddie", "eddie@waymark.example", "x")
        editor.groups.add(Group.objects.get(name=staff_groups.EDITORS))
        moderator = users.create_user("mo", "mo@waymark.example", "x")
        moderator.groups.add(Group.objects.get(name=staff_groups.MODERATORS))
        return editor, moderator

    @pytest.fixture
    def draft(self, welsh):
        """The contact page translated but not published: what an editor's "Save draft" leaves."""
        english = StandardPage.objects.get(slug="accessibility")
        source, _ = TranslationSource.get_or_create_from_instance(english)
        translation = Translation.objects.create(source=source, target_locale=welsh)
        translation.save_target(publish=False)
        return translation, english.get_translation(welsh)

    def test_a_translated_page_is_under_the_moderators_approval_workflow(self, draft):
        _, page = draft
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Moderators approval"

    def test_an_editor_cannot_publish_a_translation(self, client, people, draft):
        editor, _ = people
        translation, page = draft
        assert not page.permissions_for_user(editor).can_publish()
        client.force_login(editor)
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
        assert response.status_code in (302, 403)  # refused: sent back to the dashboard with a message
        assert not Page.objects.get(pk=page.pk).live

    def test_a_translation_submitted_for_moderation_is_published_when_a_moderator_approves(
        self, client, people, draft
    ):
        editor, moderator = people
        _, page = draft
        client.force_login(editor)
        response = client.post(reverse("waymark_submit_translation", args=[page.pk]))
        assert response.status_code == 302
        state = page.specific.current_workflow_state
        assert state is not None and not Page.objects.get(pk=page.pk).live

        client.force_login(moderator)
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
        )
        assert client.post(approve, {"comment": ""}).status_code in (200, 302)
        assert Page.objects.get(pk=page.pk).live
        client.logout()
        cache.clear()
        assert client.get("/cy/accessibility/").status_code == 200


@pytest.mark.django_db
def test_the_translation_screens_work(client, welsh, admin_user):
    """wagtail-localize's own admin: translate, the translation editor, PO download and upload."""
    client.force_login(admin_user)
    accessibility = StandardPage.objects.get(slug="accessibility")
    submit = reverse("wagtail_localize:submit_page_translation", args=[accessibility.pk])
    assert client.get(submit).status_code == 200
    response = client.post(submit, {"locales": [welsh.pk]})
    assert response.status_code == 302
    page = accessibility.get_translation(welsh)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    translation = Translation.objects.get(
        source__object_id=accessibility.translation_key, target_locale=welsh
    )
    po = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert po.status_code == 200
    text = po.content.decode()
    assert 'msgid "Accessibility statement"' in text
    filled = text.replace(
        'msgid "Accessibility statement"\nmsgstr ""',
        'msgid "Accessibility statement"\nmsgstr "Datganiad hygyrchedd"',
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("cy.po", filled.encode(), content_type="text/x-gettext-translation")},
    )
    assert upload.status_code == 302
    translation.save_target(publish=True)
    assert Page.objects.get(pk=page.pk).title == "Datganiad hygyrchedd"
    assert client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk])).status_code == 200
    assert client.get(reverse("wagtaillocales:index")).status_code == 200


@pytest.mark.django_db
def test_seed_demo_builds_welsh_and_drafted_urdu_pages_once(client, settings):
    settings.WAYMARK_DEMO_TRANSLATIONS = True  # off for the other tests' demo site (settings/test.py)
    call_command("seed_demo", stdout=_Silent())
    count = Page.objects.count()
    for url, text in [
        ("/cy/", "cofrestru camdrinwyr domestig"),
        ("/cy/campaign/", "Categori 4 newydd o MAPPA"),
        ("/cy/petition/", "Rydym yn galw ar y Llywodraeth"),
        ("/cy/write-to-your-mp/", "Ysgrifennwch at eich Aelod Seneddol"),
        ("/cy/support/clares-law/", "Cyfraith Clare"),
        ("/cy/ask-the-police/", "Cynllun Datgelu Trais Domestig"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    urdu = client.get("/ur/support/").content.decode()
    assert "Machine-drafted translation, awaiting review." in urdu
    assert "مدد" in urdu
    call_command("seed_demo", stdout=_Silent())
    assert Page.objects.count() == count


@pytest.mark.django_db
def test_welsh_search_finds_welsh_pages(client, welsh):
    cymraeg = client.post("/cy/search/", {"q": "Amdanom"}).content.decode()
    assert 'href="/cy/about/"' in cymraeg
    english = client.post("/search/", {"q": "Amdanom"}).content.decode()
    assert 'href="/cy/about/"' not in english


@pytest.mark.django_db
def test_the_welsh_petition_serves_its_counts_under_its_own_address(client, settings):
    settings.WAYMARK_DEMO_TRANSLATIONS = True
    call_command("seed_demo", stdout=_Silent())
    assert client.get("/petition/count.json").status_code == 200
    response = client.get("/cy/petition/count.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_the_switcher_costs_one_query_when_cold_and_none_when_cached(rf, site, welsh):
    about = StandardPage.objects.get(slug="about", locale__language_code="en-gb")
    request = rf.get("/about/")
    languages.links(request, about)  # the site and its root paths, which every page reads anyway, are found
    cache.delete(f"language-links:{page_cache.generation(request)}:{site.pk}:{about.pk}")
    del request._language_links
    with CaptureQueriesContext(connection) as queries:
        found = languages.links(request, about)
        assert languages.links(request, about) is found  # the head and the switcher share it
    assert len(queries) == 1
    assert [(link.language, link.url, link.translated) for link in found] == [
        ("en-gb", "/about/", True),
        ("cy", "/cy/about/", True),
    ]
    again = rf.get("/about/")
    again._wagtail_site = request._wagtail_site
    with CaptureQueriesContext(connection) as queries:
        assert languages.links(again, about) == found
    assert len(queries) == 0


@pytest.mark.django_db
def test_a_route_keeps_its_tail_in_the_other_language_and_is_no_alternate(rf, welsh):
    """A page's own route (a petition's thank-you page) links to the same route of the translated page."""
    about = StandardPage.objects.get(slug="about", locale__language_code="en-gb")
    found = languages.links(rf.get("/about/thank-you/"), about)
    assert [(link.language, link.url, link.translated, link.route) for link in found] == [
        ("en-gb", "/about/thank-you/", True, True),
        ("cy", "/cy/about/thank-you/", True, True),
    ]


@pytest.mark.django_db
def test_sync_translated_pages_brings_english_changes_and_keeps_the_welsh(client, welsh, admin_user):
    english = StandardPage.objects.get(slug="about", locale__language_code="en-gb")
    english.summary = "Who we are, and what has changed."
    english.save_revision().publish()
    source = TranslationSource.objects.get_for_instance_or_none(english)
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert response.status_code == 302
    cymraeg = StandardPage.objects.get(slug="about", locale=welsh)
    assert cymraeg.title == "Amdanom ni"  # translated: kept
    assert cymraeg.summary == "Who we are, and what has changed."  # new and untranslated: English for now


@pytest.mark.django_db
class TestTranslatorsCannotPublish:
    """Localize's two shortcuts to publishing are closed to those who may not publish."""

    @pytest.fixture
    def editor(self, client, home):
        staff_groups.grant_page_permissions(home)
        editor = get_user_model().objects.create_user("eddie", "eddie@waymark.example", "x")
        editor.groups.add(Group.objects.get(name=staff_groups.EDITORS))
        client.force_login(editor)
        return editor

    def test_translate_this_page_makes_a_draft_even_of_a_live_page(self, client, editor, welsh):
        accessibility = StandardPage.objects.get(slug="accessibility")
        assert accessibility.live
        submit = reverse("wagtail_localize:submit_page_translation", args=[accessibility.pk])
        assert client.post(submit, {"locales": [welsh.pk]}).status_code == 302
        translated = accessibility.get_translation(welsh)
        assert not translated.live
        assert client.get("/cy/accessibility/").status_code == 404

    def test_sync_with_publish_immediately_is_refused(self, client, editor, welsh):
        english = StandardPage.objects.get(slug="about", locale__language_code="en-gb")
        english.summary = "Changed in English."
        english.save_revision().publish()
        source = TranslationSource.objects.get_for_instance_or_none(english)
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        assert client.post(url, {"publish_translations": "on"}).status_code in (302, 403)
        assert StandardPage.objects.get(slug="about", locale=welsh).summary != "Changed in English."
        # Without publishing, the sync is theirs to run: the Welsh draft takes the change.
        assert client.post(url, {}).status_code == 302
        assert StandardPage.objects.get(slug="about", locale=welsh).live


@pytest.mark.django_db
def test_the_welsh_petitions_form_signs_in_welsh(client, settings):
    from petition.models import PetitionPage, Signature

    settings.WAYMARK_DEMO_TRANSLATIONS = True
    call_command("seed_demo", stdout=_Silent())
    cymraeg = PetitionPage.objects.get(locale__language_code="cy")
    english = PetitionPage.objects.get(locale__language_code="en-gb")
    form = {"name": "Alex Smith", "email": "", "location": "UK", "postcode": "SE1 2DL", "country": ""}
    # The Welsh page's form posts to the Welsh address of the sign endpoint; English keeps its own.
    assert f'action="/cy/petitions/{cymraeg.pk}/sign/"' in client.get("/cy/petition/").content.decode()
    assert f'action="/petitions/{english.pk}/sign/"' in client.get("/petition/").content.decode()
    welsh_errors = client.post(f"/cy/petitions/{cymraeg.pk}/sign/", form).content.decode()
    english_errors = client.post(f"/petitions/{english.pk}/sign/", form).content.decode()
    assert "Rhowch eich cyfeiriad e-bost." in welsh_errors
    assert "Rhowch eich cyfeiriad e-bost." not in english_errors
    client.post(f"/cy/petitions/{cymraeg.pk}/sign/", {**form, "email": "alex@example.org"})
    assert Signature.objects.get(email="alex@example.org").language == "cy"
