"""The letter to your MP in English or Welsh: the page speaks the visitor's language, and the letter is in the
language they choose for it (their own by default): its text, its mailto link and its PDF."""

import re
from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Locale, Site

from campaign import pdf
from campaign.forms import LetterForm
from campaign.letter_texts import DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_CY
from demo.translations import translate
from geography import lookup
from tests.campaign.test_letter_page import PARAGRAPH, letter_data, post_postcode
from website.models import HomePage

pytestmark = pytest.mark.django_db

# The letters here are written on this day (local time), so their dates are known.
WRITTEN_ON = datetime(2026, 12, 1, 11, 0)


@pytest.fixture(autouse=True)
def written_on(time_machine):
    time_machine.move_to(timezone.make_aware(WRITTEN_ON), tick=False)


WELSH_PARAGRAPH = (
    "Cafodd fy chwaer ei dilyn am ddwy flynedd gan ddyn oedd wedi gwneud yr un peth i dair menyw o'i blaen. "
    "Ddywedodd neb wrthi, a wnaeth neb gysylltu'r dotiau nes iddi gael ei hanafu. Rydw i eisiau newid hynny."
)


@pytest.fixture
def welsh_letter_page(letter_page):
    """The letter page's Welsh translation (at /cy/…), as wagtail-localize makes it."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    page = letter_page.copy_for_translation(locale, copy_parents=True)
    page.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return page.specific_class.objects.get(pk=page.pk)


def finished_letter(client, page, mp, **fields):
    html = client.post(page.url, letter_data(mp, **fields)).content.decode()
    href = re.search(r'href="(mailto:[^"]+)"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(href).query)
    return html, query["subject"][0], query["body"][0]


def test_the_details_form_offers_the_letter_in_the_visitors_language(letter_page, mp):
    with translation.override("cy"):
        form = LetterForm(page=letter_page)
        assert form.fields["language"].label == "Iaith y llythyr"
        assert form["language"].value() == "cy"
    assert LetterForm(page=letter_page)["language"].value() == "en-gb"
    with translation.override("ur"):
        assert LetterForm(page=letter_page)["language"].value() == "en-gb"


def test_a_welsh_visitor_sees_the_form_in_welsh_with_welsh_chosen(client, letter_page, known_postcode):
    with translation.override("cy"):
        html = post_postcode(client, letter_page).content.decode()
    assert "Iaith y llythyr" in html and "Pam mae hyn yn bwysig i chi, yn eich geiriau eich hun" in html
    checked = re.search(r'<input[^>]*name="language"[^>]*checked[^>]*>', html).group(0)
    assert 'value="cy"' in checked


def test_letter_form_errors_come_out_in_welsh_at_their_fields(client, letter_page, welsh_letter_page, mp):
    with translation.override("cy"):
        form = LetterForm(letter_data(mp, sender_name="", personal_paragraph="Rhy fyr."), page=letter_page)
        assert not form.is_valid()
        assert form.errors["sender_name"] == ["Rhowch eich enw."]
        assert form.errors["personal_paragraph"][0].startswith("Ysgrifennwch ychydig mwy:")

        bad = LetterForm(letter_data(mp, language="fr"), page=letter_page)
        assert bad.errors["language"] == ["Dewiswch English neu Cymraeg ar gyfer eich llythyr."]
    welsh_page = welsh_letter_page
    assert welsh_page.url.startswith("/cy/")
    html = client.post(
        welsh_page.url, letter_data(mp, sender_name="", personal_paragraph="Rhy fyr.")
    ).content.decode()
    assert "Rhowch eich enw." in html and "Ysgrifennwch ychydig mwy:" in html
    field = html[html.index('name="sender_name"') :]
    described = field[: field.index(">")].split('aria-describedby="')[1].split('"')[0].split()
    assert any("Rhowch eich enw." in html[html.index(f'id="{i}"') :][:200] for i in described)


def test_a_welsh_visitor_can_write_in_english(client, letter_page, mp):
    with translation.override("cy"):
        html, subject, body = finished_letter(client, letter_page, mp, language="en-gb")
    assert subject == letter_page.subject
    assert body.startswith("Dear Neil Coyle,\r\n\r\nI am writing to you as a constituent in Bermondsey")
    assert "Yours sincerely," in body and PARAGRAPH in body and "Annwyl" not in body
    letter = html[html.index('<section class="letter"') :]
    assert 'lang="en-gb"' in letter[:100]
    assert "Neil Coyle MP<br>House of Commons<br>London SW1A 0AA" in letter
    assert '<p class="letter__date">1 December 2026</p>' in letter


def test_an_english_visitor_can_write_in_welsh(client, letter_page, mp):
    html, subject, body = finished_letter(
        client, letter_page, mp, language="cy", personal_paragraph=WELSH_PARAGRAPH
    )
    assert subject == "Cefnogwch gofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian"
    assert body.startswith("Annwyl Neil Coyle,\r\n\r\nRwy'n ysgrifennu atoch fel etholwr yn Bermondsey")
    assert "Yn gywir,\r\n\r\nSam Writer\r\n1 Example Street" in body and WELSH_PARAGRAPH in body
    assert "Dear" not in body and "Yours sincerely" not in body
    letter = html[html.index('<section class="letter"') :]
    assert 'lang="cy"' in letter[:100]
    assert "Neil Coyle AS<br>Tŷ&#x27;r Cyffredin<br>Llundain SW1A 0AA" in letter
    assert '<p class="letter__date">1 Rhagfyr 2026</p>' in letter
    # The page around the letter stays in English, with Welsh kept for the letter itself.
    assert "Your letter to Neil Coyle" in html


def test_the_welsh_pdf_is_in_welsh_and_the_english_one_unchanged(client, letter_page, mp):
    welsh = client.post(letter_page.url + "pdf/", letter_data(mp, language="cy"))
    assert welsh.status_code == 200 and welsh.content.startswith(b"%PDF")
    assert welsh["Content-Disposition"] == 'attachment; filename="llythyr-at-eich-as.pdf"'
    assert b"/Lang (cy)" in welsh.content
    english = client.post(letter_page.url + "pdf/", letter_data(mp))
    assert english["Content-Disposition"] == 'attachment; filename="letter-to-your-mp.pdf"'
    assert b"/Lang (en-gb)" in english.content


def test_the_letter_is_dated_in_its_language():
    day = date(2026, 3, 1)
    assert pdf.letter_date(day, "cy") == "1 Mawrth 2026"
    assert pdf.letter_date(day, "en-gb") == "1 March 2026"


def test_going_back_to_change_the_details_keeps_the_language(client, letter_page, mp):
    html = client.post(letter_page.url, letter_data(mp, step="edit", language="cy")).content.decode()
    checked = re.search(r'<input[^>]*name="language"[^>]*checked[^>]*>', html).group(0)
    assert 'value="cy"' in checked


def test_staff_can_write_the_welsh_letter_and_it_is_checked_like_the_english(client, letter_page, mp):
    letter_page.subject_cy = "Llythyr am {constituency}"
    letter_page.letter_template_cy = "Annwyl {mp_name},\n\n{personal_paragraph}\n\nCofion,\n{sender_name}"
    letter_page.save()
    _html, subject, body = finished_letter(client, letter_page, mp, language="cy")
    assert subject == "Llythyr am Bermondsey and Old Southwark"
    assert body.startswith("Annwyl Neil Coyle,") and "Cofion,\r\nSam Writer" in body

    letter_page.letter_template_cy = "Annwyl {mp_name}, {typo}"
    with pytest.raises(ValidationError) as refused:
        letter_page.full_clean()
    assert "letter_template_cy" in refused.value.message_dict
    letter_page.letter_template_cy = "Annwyl {mp_name}, heb baragraff"
    with pytest.raises(ValidationError):
        letter_page.full_clean()
    # Blank: the standard Welsh letter.
    letter_page.subject_cy = letter_page.letter_template_cy = ""
    letter_page.full_clean()
    assert letter_page.letter_wording("cy")[1] == DEFAULT_TEMPLATE_CY


def test_a_welsh_translation_of_the_page_gives_the_welsh_letter(letter_page, mp):
    welsh = Locale.objects.create(language_code="cy")
    translated = letter_page.copy_for_translation(welsh, copy_parents=True)
    translated.subject = "Cyfieithiad: {constituency}"
    translated.letter_template = "Annwyl {mp_name} (o'r cyfieithiad),\n\n{personal_paragraph}"
    translated.save_revision().publish()
    translated = translated.specific_class.objects.get(pk=translated.pk)

    # From the English page, a Welsh letter takes the translation's wording, and the reverse.
    assert letter_page.letter_wording("cy")[0] == "Cyfieithiad: {constituency}"
    assert translated.letter_wording("en-gb") == (letter_page.subject, letter_page.letter_template)
    assert translated.letter_wording("cy")[0] == "Cyfieithiad: {constituency}"


def test_a_paragraph_copied_from_the_welsh_letter_is_not_the_writers_own_words(client, welsh_letter_page, mp):
    copied = DEFAULT_TEMPLATE_CY.split("\n\n")[3]
    html = client.post(welsh_letter_page.url, letter_data(mp, personal_paragraph=copied)).content.decode()
    assert "Mae hyn yn darllen yn debyg iawn i eiriad y llythyr ei hun." in html


def test_postcode_lookup_messages_are_in_welsh(client, letter_page, mp, known_postcode):
    with translation.override("cy"):
        assert lookup.lookup("").message == "Rhowch eich cod post, er enghraifft AB10 1AB."
        assert lookup.lookup("JE2 4WE").message.startswith("Mae'r cod post hwn yn Jersey")
        assert "(https://statesassembly.je)" in lookup.lookup("JE2 4WE").message
        assert lookup.lookup("SE1 2DL").message == "Eich AS yw Neil Coyle, dros Bermondsey and Old Southwark."
        html = post_postcode(client, letter_page, "XX").content.decode()
    assert "Doedden ni ddim yn gallu adnabod hwnnw fel cod post" in html
    assert lookup.lookup("").message == "Enter your postcode, for example AB10 1AB."


def test_the_maps_say_what_they_count_in_the_visitors_language_from_one_cached_build(db):
    from geography import hexmap
    from tests.geography.factories import ConstituencyHexFactory

    ConstituencyHexFactory(code="W07000079", name="Cardiff East", q=0, r=0)
    ConstituencyHexFactory(code="W07000080", name="Cardiff West", q=1, r=0)
    letters = hexmap.build({"W07000079": 2, "": 1}, noun=("letter", "letters"))
    signatures = hexmap.build({}, noun=("signature", "signatures"))
    with translation.override("cy"):
        assert letters.summary == (
            "Mae gan 1 o'r 2 etholaeth o leiaf un llythyr. Y nifer fwyaf: Cardiff East (2 o lythyrau). "
            "Dydy 1 llythyr ddim ar y map: o'r tu allan i'r Deyrnas Unedig, neu heb etholaeth hysbys."
        )
        assert letters.legend[0] == (0, "Dim llythyrau")
        assert signatures.summary == "Does dim llofnodion eto yn yr un o'r 2 etholaeth."
    assert letters.summary.startswith("1 of the 2 constituencies has at least one letter.")
    assert letters.legend[0] == (0, "No letters")


def test_a_welsh_letter_on_a_welsh_page_whose_letter_nobody_translated_is_welsh(client, letter_page, mp):
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    translate(HomePage.objects.get(locale__language_code="en-gb"), locale, {})
    translate(letter_page, locale, {"Write to your MP": "Ysgrifennwch at eich Aelod Seneddol"})
    welsh_page = letter_page.get_translation(locale).specific
    assert welsh_page.letter_template == DEFAULT_TEMPLATE  # Localize's fallback: still the English
    subject, body = welsh_page.letter_wording("cy")
    assert body == DEFAULT_TEMPLATE_CY
    assert welsh_page.letter_wording("en-gb")[1] == DEFAULT_TEMPLATE
    html = client.post(welsh_page.url, letter_data(mp, language="cy")).content.decode()
    assert "Annwyl Neil Coyle," in html and "Dear Neil Coyle," not in html
