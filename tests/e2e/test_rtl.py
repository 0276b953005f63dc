"""Right to left: an Urdu page mirrors (dir="rtl" on <html>, logical CSS), the quick exit still leaves at
once from its inline-end corner, forms read right to left with left-to-right addresses and numbers, and
English stays as it was. Pages are Wagtail translations served under /ur/ (tests/e2e/translations.py)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from support.models import CallbackRequestPage, GuidancePage, HelplinesPage
from tests.conftest import _Silent
from tests.e2e import translations
from tests.e2e.test_quick_exit import assert_back_does_not_show_the_site, assert_left_for, open_from_blank
from tests.e2e.translations import translate
from tests.support.factories import UserFactory

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}
# The quick exit by its hook, not its words: its label is translated.
EXIT = "[data-quick-exit-link]"
URDU_GUIDANCE_TITLE = "زبردستی کنٹرول کیا ہے؟"
NATIONAL_HELPLINE = "0808 2000 247"

language_prefixes = translations.language_prefixes


@pytest.fixture
def urdu_site(transactional_db, language_prefixes, settings, quick_exit_destination):
    """The demo site, with Urdu translations of the pages a survivor reads first."""
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_SUBMIT_RATE = settings.DISCLOSURE_STEP_RATE = "1000/h"
    english_guidance = GuidancePage.objects.get(slug="coercive-control")
    return {
        "english_guidance": english_guidance,
        "guidance": translate(english_guidance, "ur", title=URDU_GUIDANCE_TITLE),
        "helplines": translate(HelplinesPage.objects.get(), "ur", title="ہیلپ لائنز"),
        "callback": translate(CallbackRequestPage.objects.get(), "ur", title="ہم سے کال بیک کا کہیں"),
        "welsh_guidance": translate(english_guidance, "cy", title="Beth yw rheolaeth drwy orfodaeth?"),
    }


def html_attributes(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def box(locator):
    return locator.bounding_box()


def text_box(page, selector):
    """The box of the text inside an element (its line, not the block that holds it)."""
    return page.evaluate(
        """selector => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const r = range.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }""",
        selector,
    )


def has_no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_urdu_pages_are_right_to_left_and_english_and_welsh_stay_left_to_right(new_page, urdu_site):
    page = new_page(viewport=WIDE)
    assert urdu_site["guidance"].url.startswith("/ur/")
    page.goto(urdu_site["guidance"].url)
    expect(page.get_by_role("heading", level=1, name=URDU_GUIDANCE_TITLE)).to_be_visible()
    assert html_attributes(page) == ["ur", "rtl"]

    page.goto(urdu_site["welsh_guidance"].url)
    assert html_attributes(page) == ["cy", "ltr"]

    page.goto(urdu_site["english_guidance"].url)
    expect(page.get_by_role("heading", level=1, name=urdu_site["english_guidance"].title)).to_be_visible()
    assert html_attributes(page) == ["en-GB", "ltr"]


def test_the_quick_exit_sits_at_the_inline_end_in_both_directions_and_comes_first(new_page, urdu_site):
    page = new_page(viewport=WIDE)
    page.goto(urdu_site["english_guidance"].url)
    english = box(page.locator(EXIT))
    page.goto(urdu_site["guidance"].url)
    urdu = box(page.locator(EXIT))

    # English: the right-hand corner; Urdu: the left-hand one, the same distance from the edge.
    assert english["x"] > WIDE["width"] / 2
    assert urdu["x"] + urdu["width"] < WIDE["width"] / 2
    assert abs(urdu["x"] - (WIDE["width"] - english["x"] - english["width"])) <= 1
    assert urdu["height"] >= english["height"] - 1, "the button got smaller"
    # Still on screen when the reader has scrolled: sticky at the top.
    page.evaluate("window.scrollTo(0, 2000)")
    assert page.evaluate("window.scrollY") > 0
    assert box(page.locator("[data-quick-exit]"))["y"] <= 1

    # The skip link, then the quick exit: the first two stops in the tab order.
    page.goto(urdu_site["guidance"].url)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(EXIT)).to_be_focused()


def test_on_an_urdu_page_one_click_on_the_quick_exit_leaves(
    browser_page, urdu_site, live_server, quick_exit_destination
):
    page = browser_page
    open_from_blank(page, urdu_site["guidance"].url)
    assert html_attributes(page)[1] == "rtl"

    page.locator(EXIT).click()

    assert_left_for(quick_exit_destination, page, live_server)
    assert_back_does_not_show_the_site(quick_exit_destination, page, live_server)


def test_on_an_urdu_page_three_shift_presses_leave(
    browser_page, urdu_site, live_server, quick_exit_destination
):
    page = browser_page
    open_from_blank(page, urdu_site["guidance"].url)
    assert html_attributes(page)[1] == "rtl"

    for _ in range(3):
        page.keyboard.press("Shift")

    assert_left_for(quick_exit_destination, page, live_server)
    assert_back_does_not_show_the_site(quick_exit_destination, page, live_server)


def test_the_header_and_navigation_mirror(new_page, urdu_site):
    page = new_page(viewport=WIDE)
    page.goto(urdu_site["guidance"].url)
    brand = box(page.locator(".site-header__brand"))
    links = page.locator(".site-nav a")
    first, last = box(links.first), box(links.last)
    # The brand at the right, the menu reading leftwards from it.
    assert brand["x"] > WIDE["width"] / 2
    assert first["x"] > last["x"]
    assert brand["x"] > first["x"]

    phone = new_page(viewport=PHONE)
    phone.goto(urdu_site["guidance"].url)
    phone.locator(".site-nav__toggle").click()
    item = box(phone.locator(".site-nav a").first)
    menu = box(phone.locator(".site-nav ul"))
    # The open menu spans the header, its items set from the right.
    assert menu["x"] <= 1 and menu["x"] + menu["width"] >= PHONE["width"] - 1
    assert item["x"] + item["width"] > PHONE["width"] - 40
    assert has_no_horizontal_scroll(phone)


def test_a_form_with_errors_reads_right_to_left_with_its_error_summary_focused(new_page, urdu_site):
    page = new_page(viewport=WIDE)
    page.goto(urdu_site["callback"].url)
    expect(page.get_by_role("heading", level=1, name="ہم سے کال بیک کا کہیں")).to_be_visible()
    page.locator("form button[type=submit]").last.click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    # A link in the summary takes the reader to the field.
    summary.locator("a").first.click()
    expect(page.locator("#id_your_name")).to_be_focused()

    # The label's words end where the field ends: at the right, and the field (narrower than the column)
    # leaves its gap on the left.
    label = text_box(page, "label[for=id_your_name]")
    field = box(page.locator("#id_your_name"))
    column = box(page.locator("form").first)
    assert abs(label["right"] - (field["x"] + field["width"])) <= 4
    assert field["x"] > column["x"] + 20
    error = text_box(page, "#error_1_id_your_name")
    assert abs(error["right"] - (field["x"] + field["width"])) <= 4
    # A radio button stands at the right of its label.
    radio = box(page.locator("#id_nation_0"))
    assert radio["x"] > text_box(page, "label[for=id_nation_0]")["right"]

    # Names are typed right to left; a phone number left to right, inside the right-to-left form.
    direction = "selector => getComputedStyle(document.querySelector(selector)).direction"
    assert page.evaluate(direction, "#id_your_name") == "rtl"
    assert page.evaluate(direction, "#id_phone") == "ltr"


def test_an_email_input_is_left_to_right_inside_an_urdu_page(new_page, urdu_site):
    from petition.models import PetitionPage

    petition = translate(PetitionPage.objects.get(), "ur", title="سلسلہ وار مجرموں کو رجسٹر کریں")
    page = new_page(viewport=PHONE)
    page.goto(petition.url)
    assert html_attributes(page) == ["ur", "rtl"]
    email = page.locator("input[type=email]").first
    expect(email).to_be_visible()
    assert email.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert email.evaluate("element => getComputedStyle(element.form).direction") == "rtl"
    email.fill("sam@example.org")
    expect(email).to_have_value("sam@example.org")
    assert has_no_horizontal_scroll(page), "the petition form scrolls sideways at 320px"


def test_a_helpline_number_keeps_its_digits_in_order_inside_urdu_text(new_page, urdu_site):
    page = new_page(viewport=WIDE)
    page.goto(urdu_site["helplines"].url)
    number = page.get_by_role("link", name=NATIONAL_HELPLINE).first
    expect(number).to_be_visible()
    # "0808" must be drawn left of "247": without isolation the bidi algorithm reverses the groups.
    first, last = number.evaluate(
        """link => {
            const text = link.firstChild;
            const part = (start, end) => {
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, end);
                return range.getBoundingClientRect().left;
            };
            return [part(0, 4), part(text.length - 3, text.length)];
        }"""
    )
    assert first < last


def test_english_text_inside_an_urdu_page_reads_left_to_right(new_page, urdu_site):
    """Helplines are one per site, in English (and Welsh): on an Urdu page they say they are English
    (lang="en-GB" dir="ltr"), so "24 hours" and the full stop stay where English readers expect them. The
    default emergency message has its Urdu (a catalog msgid) and reads right to left (dir="auto")."""
    page = new_page(viewport=WIDE)
    page.goto(urdu_site["helplines"].url)
    assert html_attributes(page)[1] == "rtl"
    directions = page.evaluate(
        """() => [".emergency .wrap", ".helpline__name", ".helpline__hours"].map(
            (selector) => getComputedStyle(document.querySelector(selector)).direction
        )"""
    )
    assert directions == ["rtl", "ltr", "ltr"]
    assert page.locator(".helpline__name").first.get_attribute("lang") == "en-GB"


@pytest.mark.parametrize("which", ["guidance", "helplines", "callback"])
def test_urdu_pages_do_not_scroll_sideways_on_a_small_phone(new_page, urdu_site, which):
    page = new_page(viewport=PHONE)
    page.goto(urdu_site[which].url)
    assert html_attributes(page)[1] == "rtl"
    assert has_no_horizontal_scroll(page), page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def test_the_admin_preview_of_an_urdu_page_is_right_to_left(client, home, language_prefixes):
    call_command("seed_demo", stdout=_Silent())
    english = GuidancePage.objects.get(slug="coercive-control")
    urdu = translate(english, "ur", title=URDU_GUIDANCE_TITLE)
    # A page with routes (RoutablePageMixin) previews through its own serve_preview.
    urdu_form = translate(CallbackRequestPage.objects.get(), "ur", title="ہم سے کال بیک کا کہیں")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    previews = (
        (urdu, 'lang="ur" dir="rtl"'),
        (urdu_form, 'lang="ur" dir="rtl"'),
        (english, 'lang="en-GB" dir="ltr"'),
    )
    for page, expected in previews:
        revision = page.latest_revision
        response = client.get(reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk)))
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<html {expected}" in html, html[:300]
        assert page.title in html
