"""Browser journey: postcode → your representatives → a letter to the one you chose (a police and crime
commissioner, a constituency MSP), in English or Welsh, from the English or the Welsh site, copied to the
clipboard and downloaded as a PDF; the choice is a radio group a keyboard reaches, and the postcode is in no
address the browser visits."""

from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from wagtail.models import Locale, Site

from campaign.models.letter_counts import RepresentativeLetterCount
from geography.models import Representative
from geography.models.places import SCOTLAND
from tests.campaign.factories import LetterPageFactory
from tests.campaign.representative_factories import (
    AreaFactory,
    RepresentativeFactory,
    aberdeen_central,
)
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory, PostcodeFactory

expect = pytest.importorskip("playwright.sync_api").expect

PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her. "
    "Nobody told her, and nobody joined the dots until she was hurt."
)
WELSH_PARAGRAPH = (
    "Cafodd fy chwaer ei dilyn am ddwy flynedd gan ddyn oedd wedi gwneud yr un peth i dair menyw o'i blaen. "
    "Ddywedodd neb wrthi, a wnaeth neb gysylltu'r dotiau nes iddi gael ei hanafu."
)
# The page's words in each language the site speaks (campaign/locale/cy), for the steps the tests take.
WORDS = {
    "en": {
        "postcode": "Your postcode",
        "find": "Find my MP",
        "representatives": "Your representatives",
        "name": "Your name",
        "address": "Your address",
        "paragraph": "Why this matters to you, in your own words",
        "write": "Write my letter",
        "letter_to": "Your letter to {}",
        "copy": "Copy the letter",
        "copied": "Letter copied. Paste it into your email or a document.",
        "pdf": "Download a PDF",
    },
    "cy": {
        "postcode": "Eich cod post",
        "find": "Dod o hyd i fy Aelod Seneddol",
        "representatives": "Eich cynrychiolwyr",
        "name": "Eich enw",
        "address": "Eich cyfeiriad",
        "paragraph": "Pam mae hyn yn bwysig i chi, yn eich geiriau eich hun",
        "write": "Ysgrifennu fy llythyr",
        "letter_to": "Eich llythyr at {}",
        "copy": "Copïo'r llythyr",
        "copied": "Mae'r llythyr wedi'i gopïo. Gludwch ef yn eich e-bost neu mewn dogfen.",
        "pdf": "Lawrlwytho PDF",
    },
}
CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture
def letter_page(home):
    return LetterPageFactory(parent=home)


@pytest.fixture
def welsh_letter_url(letter_page):
    """The letter page's Welsh translation (at /cy/…), as wagtail-localize makes it."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    page = letter_page.copy_for_translation(locale, copy_parents=True)
    page.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return page.specific_class.objects.get(pk=page.pk).url


@pytest.fixture
def commissioner(transactional_db):
    """SE1 2DL, in Bermondsey and Old Southwark, whose police force area has a commissioner."""
    constituency = ConstituencyFactory(code="E14001085", name="Bermondsey and Old Southwark")
    MemberOfParliamentFactory(constituency=constituency, name="Neil Coyle", email="neil.coyle@example.org")
    PostcodeFactory(postcode="SE1 2DL", constituency_code="E14001085", police_force_code="E23000001")
    force = AreaFactory(code="E23000001", name="Testshire Police", name_cy="Heddlu Testshire")
    return RepresentativeFactory(
        area=force,
        name="Pat Commissioner",
        party="Independent",
        email="pcc@example.org",
        postal_address="1 Police Plaza\nTestford TE1 1ST",
    )


@pytest.fixture
def msp(transactional_db):
    """AB10 1AB, in Aberdeen Central, with its constituency MSP and a regional one."""
    constituency = ConstituencyFactory(
        code="S14000002", name="Aberdeen North and Moray East", country="Scotland"
    )
    MemberOfParliamentFactory(constituency=constituency, name="Stephen Flynn", email="flynn@example.org")
    PostcodeFactory(
        postcode="AB10 1AB",
        constituency_code="S14000002",
        country_code=SCOTLAND,
        police_force_code="S23000009",
    )
    seat, region = aberdeen_central()
    RepresentativeFactory(area=region, role=Representative.Role.REGIONAL_MEMBER, name="Liam Kerr", email="")
    return RepresentativeFactory(
        area=seat,
        role=Representative.Role.CONSTITUENCY_MEMBER,
        name="Kevin Stewart",
        party="SNP",
        email="kevin@example.org",
        postal_address="Constituency office\n1 Example Road\nAberdeen",
    )


def find_representatives(page, url, postcode, words):
    page.goto(url)
    page.get_by_label(words["postcode"]).fill(postcode)
    page.get_by_role("button", name=words["find"]).click()
    return page.get_by_role("group", name=words["representatives"])


def write_letter(page, words, to, paragraph):
    page.get_by_role("textbox", name=words["name"], exact=True).fill("Sam Writer")
    page.get_by_role("textbox", name=words["address"], exact=True).fill("1 Example Street\nTestford")
    page.get_by_label(words["paragraph"]).fill(paragraph)
    page.get_by_role("button", name=words["write"]).click()
    page.get_by_role("heading", name=words["letter_to"].format(to)).wait_for()
    return page.get_by_role("region", name=page.locator("#letter-subject").inner_text())


def copy_and_download(page, words, representative, filename):
    """Copy the letter and download its PDF; return what was copied and the PDF's text."""
    with page.expect_response(lambda response: response.url.endswith("/finished/")) as beacon:
        page.get_by_role("button", name=words["copy"]).click()
    assert beacon.value.status == 204
    expect(page.get_by_role("status").filter(has_text=words["copied"])).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert RepresentativeLetterCount.objects.get(pk=representative.pk).letters == 1

    with page.expect_download() as download:
        page.get_by_role("button", name=words["pdf"]).click()
    assert download.value.suggested_filename == filename
    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert RepresentativeLetterCount.objects.get(pk=representative.pk).letters == 1  # one letter, not two
    return copied, text


def test_a_letter_to_the_police_and_crime_commissioner(new_page, letter_page, commissioner):
    page = new_page(permissions=CLIPBOARD)
    words = WORDS["en"]
    choice = find_representatives(page, letter_page.url, "SE1 2DL", words)
    expect(choice.get_by_role("radio", name="Neil Coyle", exact=False)).to_be_checked()
    office = "Police and Crime Commissioner for Testshire Police"
    pcc = choice.get_by_role("radio", name=f"Pat Commissioner, {office}")
    expect(pcc).not_to_be_checked()
    expect(choice).to_contain_text("Serial Priority Perpetrator Caseworker")
    pcc.check()

    letter = write_letter(page, words, "Pat Commissioner", PARAGRAPH)
    subject = "Please fund a Serial Priority Perpetrator Caseworker in our police force area"
    expect(page.locator("#letter-subject")).to_have_text(subject)
    expect(letter.locator(".letter__to")).to_contain_text("Pat Commissioner")
    expect(letter.locator(".letter__to")).to_contain_text("1 Police Plaza")
    expect(letter.locator(".letter__to")).not_to_contain_text("House of Commons")
    expect(letter).to_contain_text("Dear Pat Commissioner,")
    expect(letter).to_contain_text(f"as {office}")
    expect(letter).to_contain_text("Will you fund a Serial Priority Perpetrator Caseworker")
    expect(letter).to_contain_text(PARAGRAPH)
    assert (
        page.get_by_role("link", name="Open in your email app")
        .get_attribute("href")
        .startswith("mailto:pcc@example.org?")
    )

    copied, pdf = copy_and_download(page, words, commissioner, "letter-to-your-representative.pdf")
    assert copied.startswith(subject + "\n\nDear Pat Commissioner,")
    assert PARAGRAPH in copied.replace("\n", " ")
    assert "Pat Commissioner" in pdf and "1 Police Plaza" in pdf and "Dear Pat Commissioner," in pdf


def test_a_letter_to_a_constituency_msp(new_page, letter_page, msp):
    page = new_page(permissions=CLIPBOARD)
    words = WORDS["en"]
    choice = find_representatives(page, letter_page.url, "AB10 1AB", words)
    expect(choice.get_by_role("radio", name="Stephen Flynn", exact=False)).to_be_checked()
    expect(choice.get_by_role("radio", name="Liam Kerr", exact=False)).not_to_be_checked()
    # Policing in Scotland has no commissioner: the police authority is named, and no caseworker is asked for.
    expect(choice).to_contain_text("Police Scotland answers to the Scottish Police Authority.")
    expect(choice).not_to_contain_text("Serial Priority Perpetrator Caseworker")
    choice.get_by_role("radio", name="Kevin Stewart", exact=False).check()

    letter = write_letter(page, words, "Kevin Stewart", PARAGRAPH)
    subject = "Please press the Scottish Government for a register of serial perpetrators"
    expect(page.locator("#letter-subject")).to_have_text(subject)
    expect(letter.locator(".letter__to")).to_contain_text("Kevin Stewart MSP")
    expect(letter.locator(".letter__to")).to_contain_text("1 Example Road")
    expect(letter).to_contain_text("Dear Kevin Stewart,")
    expect(letter).to_contain_text("Will you press the Scottish Government to create a register")
    expect(letter).not_to_contain_text("Serial Priority Perpetrator Caseworker")
    assert (
        page.get_by_role("link", name="Open in your email app")
        .get_attribute("href")
        .startswith("mailto:kevin@example.org?")
    )

    copied, pdf = copy_and_download(page, words, msp, "letter-to-your-representative.pdf")
    assert copied.startswith(subject + "\n\nDear Kevin Stewart,")
    assert "Kevin Stewart MSP" in pdf and "1 Example Road" in pdf and "Dear Kevin Stewart," in pdf
    assert not RepresentativeLetterCount.objects.exclude(pk=msp.pk).exists()


def test_a_letter_to_the_commissioner_written_in_welsh_on_the_english_site(
    new_page, letter_page, commissioner
):
    page = new_page(permissions=CLIPBOARD)
    words = WORDS["en"]
    choice = find_representatives(page, letter_page.url, "SE1 2DL", words)
    choice.get_by_role("radio", name="Pat Commissioner", exact=False).check()
    language = page.get_by_role("group", name="Language of the letter")
    expect(language.get_by_role("radio", name="English")).to_be_checked()
    language.get_by_role("radio", name="Cymraeg").check()

    letter = write_letter(page, words, "Pat Commissioner", WELSH_PARAGRAPH)
    subject = "Ariannwch Weithiwr Achos Cyflawnwyr Blaenoriaeth Cyfresol yn ardal ein heddlu"
    expect(page.locator("#letter-subject")).to_have_text(subject)
    expect(letter).to_have_attribute("lang", "cy")
    expect(letter).to_contain_text("Annwyl Pat Commissioner,")
    expect(letter).to_contain_text("Heddlu Testshire")
    expect(letter).to_contain_text("A wnewch chi ariannu Gweithiwr Achos Cyflawnwyr Blaenoriaeth Cyfresol")
    expect(letter).to_contain_text("Yn gywir,")
    expect(letter).not_to_contain_text("Dear ")
    expect(letter).not_to_contain_text("Yours sincerely")

    copied, pdf = copy_and_download(page, words, commissioner, "llythyr-at-eich-cynrychiolydd.pdf")
    assert copied.startswith(subject + "\n\nAnnwyl Pat Commissioner,")
    assert "Annwyl Pat Commissioner," in pdf and "1 Police Plaza" in pdf and "Dear" not in pdf


def test_a_letter_to_an_msp_in_welsh_through_the_welsh_site(new_page, welsh_letter_url, msp):
    page = new_page(permissions=CLIPBOARD)
    words = WORDS["cy"]
    assert welsh_letter_url.startswith("/cy/")
    choice = find_representatives(page, welsh_letter_url, "AB10 1AB", words)
    assert page.evaluate("document.documentElement.lang") == "cy"
    choice.get_by_role("radio", name="Kevin Stewart", exact=False).check()
    # A Welsh visitor's letter is in Welsh unless they choose otherwise.
    expect(
        page.get_by_role("group", name="Iaith y llythyr").get_by_role("radio", name="Cymraeg")
    ).to_be_checked()

    letter = write_letter(page, words, "Kevin Stewart", WELSH_PARAGRAPH)
    subject = "Pwyswch ar Lywodraeth yr Alban am gofrestr o gyflawnwyr cyfresol"
    expect(page.locator("#letter-subject")).to_have_text(subject)
    expect(letter).to_contain_text("Annwyl Kevin Stewart,")
    expect(letter).to_contain_text("A wnewch chi bwyso ar Lywodraeth yr Alban")
    expect(letter).to_contain_text("Yn gywir,")
    expect(letter).not_to_contain_text("Dear ")

    copied, pdf = copy_and_download(page, words, msp, "llythyr-at-eich-cynrychiolydd.pdf")
    assert copied.startswith(subject + "\n\nAnnwyl Kevin Stewart,")
    assert "Annwyl Kevin Stewart," in pdf and "1 Example Road" in pdf and "Dear" not in pdf
    assert urlsplit(page.url).path == welsh_letter_url


def test_the_choice_is_made_with_the_keyboard_and_the_postcode_is_in_no_address(
    new_page, letter_page, commissioner
):
    page = new_page(permissions=CLIPBOARD)
    addresses = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and addresses.append(frame.url))
    page.on("request", lambda request: addresses.append(request.url))
    words = WORDS["en"]
    choice = find_representatives(page, letter_page.url, "se1 2dl", words)
    expect(choice.locator("legend")).to_have_text(words["representatives"])
    radios = choice.get_by_role("radio")
    expect(radios).to_have_count(2)

    # Tab from the link above the form reaches the group at its chosen radio (the MP), and the arrow keys
    # move the choice to the commissioner.
    page.get_by_role("link", name="Not your MP? Use a different postcode").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "recipient":
            break
    mp = choice.get_by_role("radio", name="Neil Coyle", exact=False)
    pcc = choice.get_by_role("radio", name="Pat Commissioner", exact=False)
    expect(mp).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(pcc).to_be_focused()
    expect(pcc).to_be_checked()
    expect(mp).not_to_be_checked()

    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name=words["name"], exact=True)).to_be_focused()
    page.keyboard.type("Sam Writer")
    page.get_by_role("textbox", name=words["address"], exact=True).fill("1 Example Street\nTestford")
    page.get_by_label(words["paragraph"]).fill(PARAGRAPH)
    page.get_by_role("button", name=words["write"]).focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Your letter to Pat Commissioner").wait_for()
    expect(page.locator(".letter")).to_contain_text("Dear Pat Commissioner,")

    copy_and_download(page, words, commissioner, "letter-to-your-representative.pdf")
    page.get_by_role("button", name="Change my details or words").click()
    expect(page.get_by_label(words["paragraph"])).to_have_value(PARAGRAPH)
    expect(page.get_by_role("radio", name="Pat Commissioner", exact=False)).to_be_checked()

    addresses.append(page.url)
    assert len(addresses) > 5
    for address in addresses:
        squashed = "".join(c for c in address.upper() if c.isalnum())
        assert "SE12DL" not in squashed and "2DL" not in address.upper(), address
