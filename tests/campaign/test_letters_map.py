"""The letters map on the campaign page: letters per constituency drawn on the hexmap, and the table."""

import pytest

from campaign.models import CampaignPage, LetterCount
from tests.campaign.factories import LetterPageFactory
from tests.geography.factories import ConstituencyFactory, ConstituencyHexFactory


@pytest.fixture
def campaign_with_letters(home, mp, small_map):
    ConstituencyHexFactory(code=mp.constituency_id, name=mp.constituency.name, q=1, r=1)
    letter = LetterPageFactory(parent=home)
    campaign = CampaignPage(
        title="The campaign", slug="campaign", intro="Back the register.", letter_page=letter
    )
    home.add_child(instance=campaign)
    return campaign


def test_the_campaign_page_shows_letters_per_constituency_on_the_map(client, campaign_with_letters, mp):
    for _ in range(3):
        LetterCount.record(mp.constituency_id)
    html = client.get(campaign_with_letters.url).content.decode()

    assert "Where people are writing to their MP" in html
    assert '<figcaption id="l-caption" class="hexmap__caption">Letters by constituency</figcaption>' in html
    assert "<title>Bermondsey and Old Southwark: 3</title>" in html
    assert "<title>Southam: 0</title>" in html
    assert (
        "1 of the 5 constituencies has at least one letter. Most: Bermondsey and Old Southwark (3 letters)."
        in html
    )
    assert 'href="/campaign/letters/">Every constituency\'s letters as a table</a>' in html
    assert 'aria-describedby="l-summary"' in html and "<script" in html and "js/hexmap.js" in html


def test_the_letters_table_is_one_click_from_the_map(client, campaign_with_letters, mp):
    other = ConstituencyFactory(code="S14000061", name="Aberdeen South")
    for code in (mp.constituency_id, other.code, other.code):
        LetterCount.record(code)
    response = client.get("/campaign/letters/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "3 letters written through this site, in 2 constituencies." in html
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.index("Aberdeen South") < rows.index("Bermondsey and Old Southwark")
    assert '<td class="numeric">2</td>' in rows


def test_with_no_letters_yet_the_campaign_page_shows_no_map(client, campaign_with_letters):
    html = client.get(campaign_with_letters.url).content.decode()
    assert "Where people are writing" not in html and "hexmap" not in html
