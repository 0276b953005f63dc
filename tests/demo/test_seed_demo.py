"""seed_demo builds the whole demo site, and running it again changes nothing staff have edited."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from campaign.models import CampaignPage, StoryIndexPage, StoryPage
from support.models import GuidanceIndexPage, GuidancePage, Helpline
from website.models import SiteSettings, StandardPage


def seed():
    call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_seed_builds_the_whole_tree(seeded):
    assert CampaignPage.objects.live().count() == 1
    assert StoryIndexPage.objects.live().count() == 1
    assert 2 <= StoryPage.objects.live().count() <= 3
    assert GuidanceIndexPage.objects.get().slug == "support"
    assert GuidancePage.objects.live().count() == 5
    numbers = set(Helpline.objects.values_list("number", flat=True))
    assert {"999", "0808 2000 247", "0808 802 0300"} <= numbers


@pytest.mark.django_db
def test_every_demo_story_has_a_consent_record(seeded):
    for story in StoryPage.objects.all():
        assert story.consent_given_on and story.consent_method and story.consent_review_by
        assert not story.consent_withdrawn


@pytest.mark.django_db
def test_the_menu_reads_campaign_stories_support_about(client, seeded):
    html = client.get("/").content.decode()
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    positions = [nav.index(f'href="/{slug}/"') for slug in ("campaign", "stories", "support", "about")]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_seed_sets_the_footer_helplines_and_the_cover_your_tracks_page(client, seeded):
    settings = SiteSettings.for_site(seeded)
    assert settings.cover_your_tracks_page.url_path.endswith("/support/cover-your-tracks/")
    assert settings.footer_helplines.count() == 3
    footer = client.get("/").content.decode().split('<footer class="site-footer">', 1)[1]
    assert "0808 2000 247" in footer and "0808 802 0300" in footer


@pytest.mark.django_db
def test_running_seed_twice_creates_nothing_new(seeded):
    counts = (Page.objects.count(), Helpline.objects.count(), Site.objects.count())
    seed()
    assert (Page.objects.count(), Helpline.objects.count(), Site.objects.count()) == counts


@pytest.mark.django_db
def test_staff_edits_survive_a_second_run(seeded):
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are"
    about.save_revision().publish()
    helpline = Helpline.objects.get(number="0808 802 0300")
    helpline.hours = "Monday to Friday, 9.30am to 4pm"
    helpline.save()
    story = StoryPage.objects.first()
    story.unpublish()
    settings = SiteSettings.for_site(seeded)
    settings.footer_helplines.set([helpline])
    settings.cover_your_tracks_page = about
    settings.save()
    menu_first = Page.objects.get(slug="support")
    menu_first.move(Page.objects.get(slug="campaign"), pos="left")

    seed()

    assert StandardPage.objects.get(slug="about").title == "Who we are"
    assert Helpline.objects.get(number="0808 802 0300").hours == "Monday to Friday, 9.30am to 4pm"
    assert not StoryPage.objects.get(pk=story.pk).live
    settings = SiteSettings.for_site(seeded)
    assert list(settings.footer_helplines.all()) == [helpline]
    assert settings.cover_your_tracks_page_id == about.pk
    assert Page.objects.get(slug="support").get_prev_sibling() is None


@pytest.mark.django_db
def test_the_home_page_signposts_the_campaign_stories_and_support(client, seeded):
    html = client.get("/").content.decode()
    main = html.split("<main", 1)[1]
    for href, label in (
        ("/campaign/", "Read the proposal"),
        ("/stories/", "Read the stories"),
        ("/support/", "Get support"),
    ):
        assert f'<a class="button" href="{href}">{label}</a>' in main


@pytest.mark.django_db
def test_the_demo_site_names_the_address_being_served(client, settings):
    """Share links and the sitemap come from the Site record: in the demo it follows `make run PORT=…`."""
    settings.WAYMARK_BASE_URL = "http://127.0.0.1:8101"
    seed()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8101").content.decode()
    assert "<loc>http://127.0.0.1:8101/</loc>" in sitemap and "localhost" not in sitemap
    petition = Page.objects.get(slug="petition").specific
    share = client.get(petition.url, HTTP_HOST="127.0.0.1:8101").content.decode()
    assert "http%3A//127.0.0.1%3A8101/" in share and "localhost" not in share

    settings.WAYMARK_BASE_URL = "http://127.0.0.1:8000"
    seed()
    assert Site.objects.get(is_default_site=True).port == 8000


@pytest.mark.django_db
def test_a_hostname_staff_gave_the_site_is_kept(settings):
    seed()
    Site.objects.filter(is_default_site=True).update(hostname="waymark.example", port=443)
    settings.WAYMARK_BASE_URL = "http://127.0.0.1:8101"
    seed()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("waymark.example", 443)
