"""Search (POST, so queries stay out of URLs and logs), sitemap.xml and robots.txt."""

import pytest

from campaign.models import StoryPage
from tests.campaign.factories import StoryPageFactory


def search(client, query, **extra):
    return client.post("/search/", {"q": query, **extra})


@pytest.mark.django_db
def test_search_finds_stories_guidance_and_the_campaign(client, seeded):
    assert "/stories/four-years-of-being-followed/" in search(client, "followed").content.decode()
    assert "/support/stalking/" in search(client, "stalking").content.decode()
    assert "/campaign/" in search(client, "register").content.decode()


@pytest.mark.django_db
def test_search_never_shows_drafts_or_withdrawn_stories(client, seeded):
    index = StoryPage.objects.first().get_parent()
    StoryPageFactory(parent=index, slug="draft-story", title="Unicorn draft", live=False)
    withdrawn = StoryPageFactory(parent=index, slug="withdrawn-story", title="Unicorn withdrawn")
    withdrawn.consent_withdrawn = True
    withdrawn.save_revision().publish()
    html = search(client, "unicorn").content.decode()
    assert "/stories/draft-story/" not in html
    assert "/stories/withdrawn-story/" not in html
    assert "0 results" in html


@pytest.mark.django_db
def test_the_search_form_posts_and_the_results_are_never_cached(client, seeded):
    page = client.get("/search/")
    assert 'method="post"' in page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    response = search(client, "stalking")
    assert response["Cache-Control"] == "no-store"
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_query_in_the_address_bar_is_ignored(client, seeded):
    response = client.get("/search/?q=stalking")
    assert response.context["query"] == ""
    assert "/support/stalking/" not in response.content.decode()


@pytest.mark.django_db
def test_search_needs_the_csrf_token(seeded):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/search/", {"q": "stalking"}).status_code == 403


@pytest.mark.django_db
def test_long_queries_are_cut_short(client, seeded):
    response = search(client, "x" * 5000)
    assert len(response.context["query"]) == 200


@pytest.mark.django_db
def test_results_are_paged_by_post_too(client, seeded):
    html = search(client, "the").content.decode()
    if "Next page" in html:
        assert 'name="page"' in html
        assert "?page=" not in html
    assert search(client, "the", page="2").status_code == 200


@pytest.mark.django_db
def test_sitemap_lists_live_pages_only(client, seeded):
    index = StoryPage.objects.first().get_parent()
    StoryPageFactory(parent=index, slug="draft-story", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in (
        "/campaign/",
        "/stories/",
        "/stories/he-had-done-it-before/",
        "/support/",
        "/support/cover-your-tracks/",
        "/about/",
        "/privacy/",
    ):
        assert f"<loc>http://localhost{path}</loc>" in xml, path
    assert "draft-story" not in xml
    assert "/admin/" not in xml and "/exit/" not in xml


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_exit_and_search(client, seeded):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for line in (
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /exit/",
        "Disallow: /search/",
        "Sitemap: http://testserver/sitemap.xml",
    ):
        assert line in text.splitlines(), line
