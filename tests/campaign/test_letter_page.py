"""The letter journey: postcode → your MP → your own words → a letter to copy, email, print or download."""

import re
from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from campaign.forms import sign_constituency
from campaign.models import CampaignPage, LetterCount, LetterPage, LetterWeek
from geography.models import PostcodeImport
from tests.campaign.factories import CampaignPageFactory, LetterPageFactory
from tests.conftest import _Silent
from tests.website.factories import make_site
from website.models import HomePage

PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her. "
    "Nobody told her, and nobody joined the dots until she was hurt. I want that to change."
)


@pytest.fixture
def real_data(db):
    PostcodeImport.objects.create(source="ONSPD_TEST.csv", live=1)


def post_postcode(client, page, postcode="SE1 2DL"):
    """As the page's postcode form does: to the plain view (campaign.views.letter_postcode)."""
    return client.post(reverse("letter_postcode", args=[page.pk]), {"step": "postcode", "postcode": postcode})


def letter_data(mp, **overrides):
    return {
        "step": "letter",
        "ref": sign_constituency(mp.constituency_id),
        "sender_name": "Sam Writer",
        "sender_address": "1 Example Street\nLondon\nSE1 2DL",
        "personal_paragraph": PARAGRAPH,
        **overrides,
    }


class TestLetterPageType(WagtailPageTestCase):
    def test_it_goes_under_the_home_page_or_the_campaign_page(self):
        self.assertCanCreateAt(HomePage, LetterPage)
        self.assertCanCreateAt(CampaignPage, LetterPage)
        self.assertCanNotCreateAt(LetterPage, LetterPage)

    def test_it_is_renderable_and_routable(self):
        page = LetterPageFactory(parent=make_site())
        self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(page)


def test_the_first_form_asks_for_a_postcode_and_nothing_is_cached(client, letter_page):
    response = client.get(letter_page.url)
    html = response.content.decode()
    first_form = html[html.index("<form", html.index('id="main"')) :]
    first_form = first_form[: first_form.index("</form>")]
    assert 'name="postcode"' in first_form and 'method="post"' in first_form
    assert "no-store" in response["Cache-Control"]
    assert "Office for National Statistics licensed under the Open Government Licence" in html
    assert 'src="/static/js/forms.js"' in html


def test_a_known_postcode_shows_the_mp_and_the_details_form(client, letter_page, known_postcode, real_data):
    response = post_postcode(client, letter_page, " se12dl ")
    html = response.content.decode()
    assert "Your MP is Neil Coyle, for Bermondsey and Old Southwark" in html
    assert 'name="personal_paragraph"' in html
    # The next step carries a signed constituency code, never the postcode.
    assert "SE1 2DL" not in html and "SE12DL" not in html.upper().replace(" ", "")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("nonsense!", "couldn&#x27;t recognise that as a UK postcode"),
        ("ZZ99 9ZZ", "couldn&#x27;t find that postcode"),
        ("", "Enter your postcode"),
        ("x" * 10_000, "doesn&#x27;t look like a postcode"),
    ],
)
def test_a_bad_postcode_comes_back_with_a_kind_message(client, letter_page, typed, message):
    response = post_postcode(client, letter_page, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html


def test_a_jersey_postcode_points_to_the_states_assembly(client, letter_page, db):
    from tests.geography.factories import PostcodeFactory

    PostcodeFactory(postcode="JE2 4WD", country_code="L93000001", constituency_code="L99999999")
    html = post_postcode(client, letter_page, "JE2 4WD").content.decode()
    assert "States Assembly of Jersey" in html


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [
        ("", "Write a few sentences, in your own words, about why this matters to you."),
        ("I care about this.", "Please write a little more"),
        (" ".join(["support"] * 12), "a little more"),
    ],
)
def test_a_missing_or_very_short_paragraph_is_refused(client, letter_page, mp, paragraph, message):
    response = client.post(letter_page.url, letter_data(mp, personal_paragraph=paragraph))
    assert message in response.content.decode()
    assert not LetterCount.objects.exists()


def test_a_paragraph_copied_from_the_letter_itself_is_refused(client, letter_page, mp):
    copied = (
        "Serial perpetrators move from one partner to the next, and too often nobody joins the dots until "
        "someone is badly hurt or killed."
    )
    html = client.post(letter_page.url, letter_data(mp, personal_paragraph=copied)).content.decode()
    assert "reads mostly like the letter&#x27;s own wording" in html


def letter_token(html):
    return re.search(r'data-letter-token="([^"]+)"', html).group(1)


def test_the_finished_letter_has_a_mailto_link(client, letter_page, mp):
    response = client.post(letter_page.url, letter_data(mp))
    html = response.content.decode()
    assert "Dear Neil Coyle," in html and "Sam Writer" in html and "nobody joined the dots" in html
    href = re.search(r'href="(mailto:[^"]+)"', html).group(1).replace("&amp;", "&")
    parts = urlsplit(href)
    assert unquote(parts.path) == "neil.coyle@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == [letter_page.subject]
    body = query["body"][0]
    assert body.startswith("Dear Neil Coyle,\r\n\r\nI am writing to you as a constituent in Bermondsey")
    assert PARAGRAPH in body and "1 Example Street\r\nLondon" in body
    assert "no-store" in response["Cache-Control"]


def test_a_letter_counts_once_when_it_is_emailed_copied_or_printed_not_when_it_is_shown(
    client, letter_page, mp
):
    html = client.post(letter_page.url, letter_data(mp)).content.decode()
    assert not LetterCount.objects.exists()  # the preview is not a letter
    token = letter_token(html)
    finished = letter_page.url + "finished/"
    response = client.post(finished, {"letter": token, "how": "email"})
    assert response.status_code == 204 and "no-store" in response["Cache-Control"]
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 1
    # Copied and printed as well, and the PDF downloaded: still one letter.
    client.post(finished, {"letter": token, "how": "copy"})
    client.post(finished, {"letter": token, "how": "print"})
    client.post(letter_page.url + "pdf/", {**letter_data(mp), "letter": token})
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 1
    # Another letter, finished by downloading it, counts again.
    other = letter_token(client.post(letter_page.url, letter_data(mp)).content.decode())
    assert other != token
    client.post(letter_page.url + "pdf/", {**letter_data(mp), "letter": other})
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 2
    week = LetterWeek.objects.get(constituency_id=mp.constituency_id)
    assert week.letters == 2


def test_the_finished_beacon_refuses_what_is_not_a_letter(client, letter_page, mp):
    from django.test import Client

    finished = letter_page.url + "finished/"
    html = client.post(letter_page.url, letter_data(mp)).content.decode()
    token = letter_token(html)
    assert client.get(finished).status_code == 405
    assert client.post(finished, {"letter": token, "how": "tweet"}).status_code == 400
    assert client.post(finished, {"letter": token + "x", "how": "copy"}).status_code == 204
    assert client.post(finished, {"letter": "", "how": "copy"}).status_code == 204
    # A same-origin POST with the page's CSRF token, like any form here.
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(finished, {"letter": token, "how": "copy"}).status_code == 403
    assert not LetterCount.objects.exists()


def test_the_pdf_is_posted_and_downloaded_never_cached(client, letter_page, mp):
    response = client.post(letter_page.url + "pdf/", letter_data(mp))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letter-to-your-mp.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    assert client.get(letter_page.url + "pdf/").status_code == 405
    assert not LetterCount.objects.exists()  # downloading is not another letter


def test_the_pdf_copes_with_names_outside_latin_1(client, letter_page, mp, settings):
    mp.name = "Siân Glyndŵr"
    mp.save()
    settings.LETTER_PDF_FONT = ""  # the built-in font folds what it cannot draw
    response = client.post(letter_page.url + "pdf/", letter_data(mp, sender_name="Zoë “Ŵ” Łukasz"))
    assert response.content.startswith(b"%PDF")


def test_a_tampered_or_expired_reference_starts_again(client, letter_page, mp):
    html = client.post(letter_page.url, letter_data(mp, ref="E14001085:forged")).content.decode()
    assert "Your form had expired" in html and 'name="postcode"' in html
    assert not LetterCount.objects.exists()


def test_lookups_are_rate_limited_per_ip(client, letter_page, settings):
    settings.LETTER_LOOKUP_RATE = "3/m"
    cache.clear()
    codes = [post_postcode(client, letter_page, "ZZ99 9ZZ").status_code for _ in range(5)]
    cache.clear()
    assert codes == [200, 200, 200, 429, 429]


def test_staff_templates_must_use_known_placeholders(letter_page):
    letter_page.letter_template = "Dear {mp_name}, {favourite_colour}"
    with pytest.raises(ValidationError, match="Unknown placeholder"):
        letter_page.full_clean()
    letter_page.letter_template = "Dear {mp_name}, yours, {sender_name}"
    with pytest.raises(ValidationError, match="must include"):
        letter_page.full_clean()


def test_the_campaign_page_shows_the_top_constituencies(client, home, mp):
    letter = LetterPageFactory(parent=home)
    campaign = CampaignPageFactory(
        parent=home, title="The campaign", slug="campaign", intro="Back the register.", letter_page=letter
    )
    for _ in range(3):
        LetterCount.record(mp.constituency_id)
    html = client.get(campaign.url).content.decode()
    assert "Where people are writing to their MP" in html
    assert "Bermondsey and Old Southwark: 3 letters" in html


def test_seed_demo_makes_a_working_letter_page_and_says_the_data_is_a_demo(client, seeded):
    page = LetterPage.objects.live().get()
    html = client.get(page.url).content.decode()
    assert 'name="postcode"' in html and "Demonstration data only" in html
    html = post_postcode(client, page, "AB10 1AB").content.decode()
    assert "Your MP is Stephen Flynn, for Aberdeen South" in html
    page.title = "Write to your MP today"
    page.save_revision().publish()
    call_command("seed_demo", stdout=_Silent())
    assert LetterPage.objects.get().title == "Write to your MP today"


def test_a_real_import_hides_the_demo_notice(client, seeded):
    PostcodeImport.objects.create(source="ONSPD_NOV_2025_UK.csv")
    page = LetterPage.objects.live().get()
    assert "Demonstration data only" not in client.get(page.url).content.decode()


def test_going_back_to_change_the_words_keeps_what_was_typed(client, letter_page, mp):
    html = client.post(letter_page.url, letter_data(mp, step="edit")).content.decode()
    assert "Your MP is Neil Coyle" in html and "nobody joined the dots" in html and "Sam Writer" in html
    assert "There is a problem" not in html


def test_the_demo_links_an_existing_campaign_page_to_the_new_letter_page(home):
    from demo import letters as letter_demo

    campaign = CampaignPageFactory(
        parent=home, title="The campaign", slug="campaign", intro="Back the register."
    )
    campaign.save_revision().publish()
    letter_demo.run(_Silent())
    campaign.refresh_from_db()
    assert campaign.letter_page_id == LetterPage.objects.get().pk


def test_making_letters_and_pdfs_is_rate_limited_too(client, letter_page, mp, settings):
    settings.LETTER_LOOKUP_RATE = "2/m"
    cache.clear()
    codes = [client.post(letter_page.url, letter_data(mp)).status_code for _ in range(2)]
    codes.append(client.post(letter_page.url + "pdf/", letter_data(mp)).status_code)
    cache.clear()
    assert codes == [200, 200, 429]


def test_the_speaker_is_explained(client, letter_page, known_postcode, mp):
    mp.party = "Speaker"
    mp.save()
    html = post_postcode(client, letter_page).content.decode()
    assert "is the Speaker of the House of Commons" in html


def test_an_empty_submission_names_each_missing_field(client, letter_page, mp):
    data = letter_data(mp, sender_name="", sender_address="", personal_paragraph="")
    html = client.post(letter_page.url, data).content.decode()
    summary = html.split('<div class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_sender_name">Enter your name.</a>' in summary
    assert (
        '<a href="#id_sender_address">Enter your address: MPs reply only to their own constituents.</a>'
        in summary
    )
    assert (
        '<a href="#id_personal_paragraph">Write a few sentences, in your own words, about why this matters '
        "to you.</a>" in summary
    )
    assert "This field is required" not in html


def test_a_web_address_in_a_message_is_a_link(client, letter_page, db):
    from tests.geography.factories import PostcodeFactory

    PostcodeFactory(postcode="IM1 1AA", country_code="M83000003", constituency_code="M99999999")
    html = post_postcode(client, letter_page, "IM1 1AA").content.decode()
    link = '<a href="https://www.tynwald.org.im" rel="noreferrer">https://www.tynwald.org.im</a>'
    summary = html.split('<div class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert link in summary
    field_error = html.split('class="invalid-feedback"', 1)[1].split("</div>", 1)[0]
    assert link in field_error


def test_web_addresses_in_the_letter_are_links_and_everything_else_is_escaped(client, letter_page, mp):
    paragraph = PARAGRAPH + " Read https://example.org/report?a=1&b=2. <script>alert(1)</script>"
    html = client.post(letter_page.url, letter_data(mp, personal_paragraph=paragraph)).content.decode()
    body = html.split('id="letter-text"', 1)[1].split("</div>", 1)[0]
    assert '<a href="https://example.org/report?a=1&amp;b=2" rel="noreferrer">' in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body


def test_the_printed_letter_carries_the_date_as_the_pdf_does(client, letter_page, mp, time_machine):
    from django.utils import timezone

    # Just after midnight in summer: the site's day (London), not the machine's (UTC, still 30 June).
    time_machine.move_to(timezone.make_aware(datetime(2026, 7, 1, 0, 30)), tick=False)
    html = client.post(letter_page.url, letter_data(mp)).content.decode()
    letter = html.split('<section class="letter"', 1)[1].split("</section>", 1)[0]
    assert '<p class="letter__date">1 July 2026</p>' in letter


def test_a_counted_letter_is_forgotten_once_its_token_could_no_longer_be_handed_back(db, time_machine):
    from datetime import timedelta

    from django.utils import timezone

    from campaign import finished_letters
    from campaign.models import FinishedLetter

    time_machine.move_to(timezone.make_aware(datetime(2026, 12, 1, 10)), tick=False)
    first = finished_letters.issue("E14001085")
    assert finished_letters.claim(first) == ("E14001085", None)
    assert finished_letters.claim(first) is None
    time_machine.shift(timedelta(seconds=finished_letters.MAX_AGE_SECONDS + 1))
    assert finished_letters.claim(finished_letters.issue("E14001085")) == ("E14001085", None)
    assert FinishedLetter.objects.count() == 1  # the first letter's row went with its token's life
    assert finished_letters.claim(first) is None  # and its token has expired
