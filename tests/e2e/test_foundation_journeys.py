"""Journeys through the foundation's content: reading a survivor's story, and searching the site."""

from playwright.sync_api import expect

from tests.e2e.page_tree import STORY_SENTENCE, STORY_WARNING

ACCEPT_WARNING = "I understand, show me the story"


def test_a_reader_finds_a_story_and_sees_it_only_after_accepting_the_content_warning(
    browser_page, site_pages
):
    page = browser_page
    page.goto(site_pages.story_index.url)
    page.get_by_role("link", name=site_pages.story.title).click()

    expect(page.get_by_role("heading", level=1, name=site_pages.story.title)).to_be_visible()
    expect(page.get_by_text("Content warning")).to_be_visible()
    expect(page.get_by_text(STORY_WARNING)).to_be_visible()
    story = page.get_by_text(STORY_SENTENCE)
    expect(story).to_be_hidden()

    page.get_by_text(ACCEPT_WARNING).click()

    expect(story).to_be_visible()
    expect(page.get_by_text(ACCEPT_WARNING)).to_be_hidden()


def test_a_keyboard_user_can_accept_the_content_warning(browser_page, site_pages):
    page = browser_page
    page.goto(site_pages.story.url)
    story = page.get_by_text(STORY_SENTENCE)
    expect(story).to_be_hidden()

    # Tab through the page until the warning has focus, as a keyboard user would.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        raise AssertionError("the content warning cannot be reached with Tab")
    page.keyboard.press("Enter")

    expect(story).to_be_visible()


def test_search_finds_guidance_without_putting_the_query_in_the_address(browser_page, site_pages):
    page = browser_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()

    search_box = page.get_by_label("Search stories, guidance and the campaign")
    search_box.fill("coercive control")
    page.get_by_role("button", name="Search", exact=True).click()

    result = page.get_by_role("link", name=site_pages.guidance.title)
    expect(result).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("result")
    assert page.url.endswith("/search/")
    assert "coercive" not in page.url
    assert "?" not in page.url

    result.click()
    expect(page.get_by_role("heading", level=1, name=site_pages.guidance.title)).to_be_visible()


def test_search_says_so_when_nothing_matches(browser_page, site_pages):
    page = browser_page
    page.goto("/search/")
    page.get_by_label("Search stories, guidance and the campaign").fill("xylophone")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page.get_by_role("status")).to_have_text("0 results")
    expect(page.get_by_text("Nothing matched.")).to_be_visible()
    assert "xylophone" not in page.url
