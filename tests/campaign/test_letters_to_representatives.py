"""Writing to a representative other than the MP: choosing them after the postcode, their stand, the letter to
their office in English and Welsh, its PDF and its count, and the follow-up a writer may ask for."""

import io
import re
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse
from pypdf import PdfReader

from campaign.models import LetterCount
from campaign.models.letter_counts import RepresentativeLetterCount
from campaign.models.stances import LetterFollowUp, Position, Stance
from geography.models import Area, Representative
from geography.models.places import SCOTLAND
from tests.campaign.representative_factories import (
    AreaFactory,
    RepresentativeFactory,
    aberdeen_central,
)
from tests.campaign.test_letter_language import WELSH_PARAGRAPH
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory, PostcodeFactory

Role = Representative.Role
PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her. "
    "Nobody told her, and nobody joined the dots until she was hurt. I want that to change."
)


@pytest.fixture
def commissioner(known_postcode):
    """SE1 2DL's police force area (the factory's E23000001) with a commissioner."""
    force = AreaFactory(code="E23000001", name="Testshire Police", name_cy="Heddlu Testshire")
    return RepresentativeFactory(
        area=force,
        name="Pat Commissioner",
        party="Independent",
        email="pcc@example.org",
        postal_address="1 Police Plaza\nTestford TE1 1ST",
    )


@pytest.fixture
def msp(db):
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
    RepresentativeFactory(area=region, role=Role.REGIONAL_MEMBER, name="Liam Kerr", email="")
    return RepresentativeFactory(
        area=seat,
        role=Role.CONSTITUENCY_MEMBER,
        name="Kevin Stewart",
        party="SNP",
        email="kevin@example.org",
        postal_address="Constituency office\n1 Example Road\nAberdeen",
    )


def details(client, page, postcode):
    html = client.post(reverse("letter_postcode", args=[page.pk]), {"postcode": postcode}).content.decode()
    return html, re.search(r'name="ref" value="([^"]+)"', html).group(1)


def write(client, page, ref, recipient, **fields):
    data = {
        "step": "letter",
        "ref": ref,
        "recipient": recipient,
        "sender_name": "Sam Writer",
        "sender_address": "1 Example Street\nTestford",
        "personal_paragraph": PARAGRAPH,
        **fields,
    }
    return data, client.post(page.url, data)


def mailto_of(html):
    link = re.search(r'href="(mailto:[^"]+)" data-letter-mailto', html).group(1).replace("&amp;", "&")
    parts = urlsplit(link)
    return unquote(parts.path), parse_qs(parts.query)


def pdf_text(response):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_after_the_postcode_the_visitor_chooses_among_their_representatives(
    client, letter_page, commissioner
):
    html, _ref = details(client, letter_page, "SE1 2DL")
    assert "Your representatives" in html
    assert re.search(r'<input type="radio" name="recipient" id="recipient-mp" value="mp" checked>', html)
    assert f'value="{commissioner.pk}">' in html  # offered, not chosen
    assert "Pat Commissioner" in html and "Police and Crime Commissioner for Testshire Police" in html
    assert "Serial Priority Perpetrator Caseworker" in html and "Category 4" in html
    form = html[html.index('class="letter-form"') :]
    assert "SE1 2DL" not in form and "SE12DL" not in form


def test_a_letter_to_the_commissioner_is_theirs_and_counts_for_them(client, letter_page, commissioner, mp):
    _html, ref = details(client, letter_page, "SE1 2DL")
    data, response = write(client, letter_page, ref, str(commissioner.pk))
    html = response.content.decode()
    assert "Your letter to Pat Commissioner" in html
    assert "Dear Pat Commissioner," in html
    assert "Please fund a Serial Priority Perpetrator Caseworker in our police force area" in html
    assert "as Police and Crime Commissioner for Testshire Police" in html
    heading = re.search(r'<p class="letter__to">(.*?)</p>', html, re.S).group(1)
    assert "Pat Commissioner" in heading and "1 Police Plaza" in heading and "House of Commons" not in heading
    to, query = mailto_of(html)
    assert to == "pcc@example.org"
    assert query["subject"] == [
        "Please fund a Serial Priority Perpetrator Caseworker in our police force area"
    ]
    assert not RepresentativeLetterCount.objects.exists()  # shown, not yet sent

    token = re.search(r'name="letter" value="([^"]+)"', html).group(1)
    pdf = client.post(letter_page.url + "pdf/", {**data, "letter": token})
    assert pdf["Content-Disposition"] == 'attachment; filename="letter-to-your-representative.pdf"'
    text = pdf_text(pdf)
    assert "Pat Commissioner" in text and "1 Police Plaza" in text and "Dear Pat Commissioner," in text
    assert RepresentativeLetterCount.objects.get(pk=commissioner.pk).letters == 1
    assert not LetterCount.objects.exists()  # the MP's count is the MP's letters only
    client.post(letter_page.url + "finished/", {"how": "copy", "letter": token})
    assert RepresentativeLetterCount.objects.get(pk=commissioner.pk).letters == 1


def test_the_mp_stays_preselected_and_their_letter_counts_as_before(client, letter_page, commissioner, mp):
    _html, ref = details(client, letter_page, "SE1 2DL")
    _data, response = write(client, letter_page, ref, "mp")
    html = response.content.decode()
    assert "Dear Neil Coyle," in html and "House of Commons" in html
    token = re.search(r'name="letter" value="([^"]+)"', html).group(1)
    client.post(letter_page.url + "finished/", {"how": "email", "letter": token})
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 1
    assert not RepresentativeLetterCount.objects.exists()


def test_a_representative_outside_the_postcodes_areas_cannot_be_chosen(client, letter_page, commissioner):
    stranger = RepresentativeFactory(name="Someone Elsewhere")
    _html, ref = details(client, letter_page, "SE1 2DL")
    _data, response = write(client, letter_page, ref, str(stranger.pk))
    html = response.content.decode()
    assert "Choose one of your representatives to write to." in html
    assert "Someone Elsewhere" not in html


def test_a_letter_to_an_msp_in_english(client, letter_page, msp):
    html, ref = details(client, letter_page, "AB10 1AB")
    assert "Kevin Stewart" in html and "Liam Kerr" in html and "Scottish Police Authority" in html
    assert "Serial Priority Perpetrator Caseworker" not in html  # no commissioner in Scotland to ask
    data, response = write(client, letter_page, ref, str(msp.pk))
    html = response.content.decode()
    assert "Dear Kevin Stewart," in html
    assert "Please press the Scottish Government for a register of serial perpetrators" in html
    assert "Kevin Stewart MSP" in html and "1 Example Road" in html
    assert mailto_of(html)[0] == "kevin@example.org"
    token = re.search(r'name="letter" value="([^"]+)"', html).group(1)
    pdf = client.post(letter_page.url + "pdf/", {**data, "letter": token})
    assert "Kevin Stewart MSP" in pdf_text(pdf)
    assert RepresentativeLetterCount.objects.get(pk=msp.pk).letters == 1


def test_a_member_with_no_email_or_address_on_record_is_not_given_a_made_up_one(client, letter_page, msp):
    html, ref = details(client, letter_page, "AB10 1AB")
    regional = Representative.objects.get(name="Liam Kerr")
    _, response = write(client, letter_page, ref, str(regional.pk))
    html = response.content.decode()
    assert "We don't have an email address for Liam Kerr." in html
    assert "their parliament's or office's website gives its address" in html
    assert "mailto:" not in html


def test_a_letter_to_an_msp_in_welsh(client, letter_page, msp):
    _html, ref = details(client, letter_page, "AB10 1AB")
    data, response = write(
        client, letter_page, ref, str(msp.pk), language="cy", personal_paragraph=WELSH_PARAGRAPH
    )
    html = response.content.decode()
    assert "Annwyl Kevin Stewart," in html
    assert "Pwyswch ar Lywodraeth yr Alban am gofrestr o gyflawnwyr cyfresol" in html
    assert "Yn gywir," in html and "Yours sincerely" not in html
    token = re.search(r'name="letter" value="([^"]+)"', html).group(1)
    pdf = client.post(letter_page.url + "pdf/", {**data, "letter": token})
    assert pdf["Content-Disposition"] == 'attachment; filename="llythyr-at-eich-cynrychiolydd.pdf"'
    assert "Annwyl Kevin Stewart" in pdf_text(pdf)
    assert RepresentativeLetterCount.objects.get(pk=msp.pk).letters == 1


def test_a_letter_to_the_commissioner_in_welsh_names_the_area_in_welsh(client, letter_page, commissioner):
    _html, ref = details(client, letter_page, "SE1 2DL")
    _data, response = write(
        client, letter_page, ref, str(commissioner.pk), language="cy", personal_paragraph=WELSH_PARAGRAPH
    )
    html = response.content.decode()
    assert "Annwyl Pat Commissioner," in html
    assert "Ariannwch Weithiwr Achos Cyflawnwyr Blaenoriaeth Cyfresol yn ardal ein heddlu" in html
    assert "Heddlu Testshire" in html


def test_a_stand_that_supports_reads_as_thanks_and_the_letter_thanks_them(client, letter_page, commissioner):
    Stance.objects.create(
        representative=commissioner,
        name=commissioner.name,
        position=Position.SUPPORTS,
        stated_on=date(2026, 11, 1),
    )
    html, ref = details(client, letter_page, "SE1 2DL")
    assert "Pat Commissioner has already said they support this: thank them." in html
    _data, response = write(client, letter_page, ref, str(commissioner.pk))
    letter = response.content.decode()
    assert "to thank you for supporting a register" in letter
    assert "Thank you for your support." in letter


def test_no_reply_reads_differently_from_support_and_a_new_stand_shows_at_once(
    client, letter_page, commissioner
):
    Stance.objects.create(
        representative=commissioner,
        name=commissioner.name,
        position=Position.NO_REPLY,
        stated_on=date(2026, 10, 1),
    )
    html, _ref = details(client, letter_page, "SE1 2DL")
    assert "Pat Commissioner has not replied to us yet" in html and "thank them" not in html
    Stance.objects.create(
        representative=commissioner,
        name=commissioner.name,
        position=Position.SUPPORTS,
        stated_on=date(2026, 11, 1),
    )
    html, _ref = details(client, letter_page, "SE1 2DL")  # the kept answer is keyed by the stands
    assert "has already said they support this: thank them." in html


def test_the_mps_stand_is_shown_too(client, letter_page, commissioner, mp):
    Stance.objects.create(mp=mp, name=mp.name, position=Position.UNDECIDED, stated_on=date(2026, 11, 1))
    html, _ref = details(client, letter_page, "SE1 2DL")
    assert "Neil Coyle has said they are undecided" in html


def test_the_follow_up_is_offered_unticked_and_nothing_is_kept_without_it(client, letter_page, commissioner):
    html, ref = details(client, letter_page, "SE1 2DL")
    box = re.search(r'<input[^>]*name="follow_up"[^>]*>', html).group(0)
    assert 'type="checkbox"' in box and "checked" not in box
    assert "Email me in two weeks to ask whether they replied" in html
    _data, response = write(client, letter_page, ref, str(commissioner.pk))
    assert "Dear Pat Commissioner," in response.content.decode()
    assert not LetterFollowUp.objects.exists()


def test_a_ticked_follow_up_needs_an_email_address(client, letter_page, commissioner):
    _html, ref = details(client, letter_page, "SE1 2DL")
    _data, response = write(client, letter_page, ref, str(commissioner.pk), follow_up="on")
    html = response.content.decode()
    assert "Enter your email address, so we can ask you in two weeks." in html
    error = re.search(r'<div id="id_follow_up_email_error"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "Enter your email address, so we can ask you in two weeks." in error
    assert 'aria-describedby="id_follow_up_email_helptext id_follow_up_email_error"' in html
    assert not LetterFollowUp.objects.exists()


def test_a_ticked_follow_up_keeps_only_the_address_the_recipient_and_the_language(
    client, letter_page, commissioner, time_machine
):
    time_machine.move_to(date(2026, 12, 7), tick=False)
    _html, ref = details(client, letter_page, "SE1 2DL")
    _data, response = write(
        client,
        letter_page,
        ref,
        str(commissioner.pk),
        follow_up="on",
        follow_up_email="sam@example.org",
        language="cy",
        personal_paragraph=WELSH_PARAGRAPH,
    )
    assert "Annwyl Pat Commissioner," in response.content.decode()
    (follow_up,) = LetterFollowUp.objects.all()
    assert (follow_up.email, follow_up.representative, follow_up.mp, follow_up.language) == (
        "sam@example.org",
        commissioner,
        None,
        "cy",
    )
    assert follow_up.due_on == date(2026, 12, 21)
    kept = " ".join(str(v) for v in LetterFollowUp.objects.values().first().values())
    assert "Sam Writer" not in kept and "Example Street" not in kept and "sister" not in kept
    # The letter's own forms do not carry the follow-up: downloading the PDF asks for no second one.
    html = response.content.decode()
    assert 'name="follow_up"' not in html and "sam@example.org" not in html


def test_a_follow_up_on_a_letter_to_the_mp_points_at_the_mp(client, letter_page, commissioner, mp):
    _html, ref = details(client, letter_page, "SE1 2DL")
    write(client, letter_page, ref, "mp", follow_up="on", follow_up_email="sam@example.org")
    (follow_up,) = LetterFollowUp.objects.all()
    assert (follow_up.mp, follow_up.representative, follow_up.name) == (mp, None, "Neil Coyle")


def test_the_listing_reads_every_stand_at_once(letter_page, msp, django_assert_num_queries):
    from campaign import recipients
    from geography import lookup

    for rep in Representative.objects.all():
        Stance.objects.create(
            representative=rep, name=rep.name, position=Position.NO_REPLY, stated_on=date(2026, 1, 1)
        )
    RepresentativeFactory.create_batch(
        4, area=Area.objects.get(kind=Area.Kind.REGION), role=Role.REGIONAL_MEMBER
    )
    result = lookup.lookup("AB10 1AB")
    with django_assert_num_queries(3):  # the areas, their representatives, every stand
        listing = recipients.for_postcode(result)
    stands = [choice.stance for body in listing.bodies for choice in body.choices if choice.stance]
    assert len(stands) == 2
