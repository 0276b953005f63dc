"""Where people signed and when: the constituency map, the country table, the places page, signatures over
time on the page and in count.json, all read from the counters."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petition import counting, privacy
from tests.geography.factories import ConstituencyHexFactory
from tests.petition.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def signed(petition, n, hours_ago=1, **fields):
    """n signatures verified `hours_ago` hours ago, then a counting batch."""
    at = timezone.now() - timedelta(hours=hours_ago)
    rows = [SignatureFactory(petition=petition, verified=True, verified_at=at, **fields) for _ in range(n)]
    counting.update_counts()
    return rows


@pytest.fixture
def layout(db):
    """A small map: three English seats and a Scottish one."""
    ConstituencyHexFactory(code="E14000001", name="Southam", q=0, r=0)
    ConstituencyHexFactory(code="E14000002", name="Easton", q=1, r=0)
    ConstituencyHexFactory(code="E14000003", name="Northby", q=0, r=1)
    ConstituencyHexFactory(code="S14000001", name="Highland", q=1, r=3, region="S92000003")


def page_html(client, petition):
    return client.get(petition.url).content.decode()


# --- The constituency map -------------------------------------------------------------------------------


def test_the_page_shows_signatures_per_constituency_on_the_map(petition, client, layout):
    signed(petition, 3, constituency_code="E14000001", country_code="E92000001")
    signed(petition, 1, constituency_code="S14000001", country_code="S92000003")
    signed(petition, 2, constituency_code="", country_code="FR")
    html = page_html(client, petition)

    assert (
        '<figcaption id="s-caption" class="hexmap__caption">Signatures by constituency</figcaption>' in html
    )
    assert "<title>Southam: 3</title>" in html and "<title>Easton: 0</title>" in html
    assert (
        "2 of the 4 constituencies have at least one signature. Most: Southam (3 signatures), "
        "Highland (1 signature). 2 signatures are not on the map: from outside the UK, "
        "or with no known constituency."
    ) in html
    assert f'<a href="{petition.url}places/">Every country and constituency as a table</a>' in html
    head = html.split("</head>", 1)[0]
    assert "css/charts.css" in head and "js/hexmap.js" in head
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_without_a_map_layout_the_constituencies_with_the_most_signatures_are_a_table(petition, client):
    for n, code in enumerate(f"E140000{i:02d}" for i in range(12)):
        signed(petition, n + 1, constituency_code=code)
    html = page_html(client, petition)
    assert "hexmap" not in html.split("<main")[1]
    table = html.split("<caption>Constituencies with the most signatures</caption>", 1)[1].split("</table>")[
        0
    ]
    assert table.count('<th scope="row">') == 11  # the top ten, then everywhere else
    assert '<th scope="row">Everywhere else (2)</th><td class="numeric">3</td>' in table


def test_the_country_table_shows_each_share_as_text_beside_its_bar(petition, client):
    signed(petition, 3, country_code="E92000001")
    signed(petition, 1, country_code="FR")
    html = page_html(client, petition)
    table = html.split("<caption>Signatures by country</caption>", 1)[1].split("</table>")[0]
    assert '<th scope="row">England</th><td class="numeric">3</td>' in table
    assert '<rect width="75.0" height="10"></rect></svg> 75%' in table
    assert '<rect width="25.0" height="10"></rect></svg> 25%' in table
    assert 'aria-hidden="true"' in table  # the bar; the share is read as text


def test_the_places_page_lists_every_country_and_constituency(petition, client, layout):
    signed(petition, 2, constituency_code="E14000002", country_code="E92000001")
    signed(petition, 1, constituency_code="", country_code="IE")
    response = client.get(petition.url + "places/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Where people have signed</h1>" in html
    constituencies = html.split("<caption>Signatures by constituency, most first</caption>")[1]
    assert constituencies.index("Easton") < constituencies.index("Not known")
    assert '<th scope="row">Republic of Ireland</th><td class="numeric">1</td>' in html


def test_a_view_costs_the_same_queries_however_many_places_and_hours_have_signed(petition, client, layout):
    def queries_for_a_warm_view():
        client.get(petition.url)  # the first visitor after a counter update builds the cached parts
        with CaptureQueriesContext(connection) as queries:
            client.get(petition.url)
        return len(queries.captured_queries)

    signed(petition, 1, constituency_code="E14000001")
    before = queries_for_a_warm_view()
    for hours_ago, code in enumerate(["E14000002", "E14000003", "S14000001", ""] * 5):
        signed(petition, 2, hours_ago=hours_ago, constituency_code=code)
    assert queries_for_a_warm_view() == before


# --- Signatures over time -----------------------------------------------------------------------------------


def test_the_page_draws_signatures_over_time_and_says_it_in_words(petition, client):
    signed(petition, 2, hours_ago=30)
    signed(petition, 5, hours_ago=2)
    html = page_html(client, petition)
    section = html.split('<section class="petition-trend"', 1)[1].split("</section>")[0]
    assert '<h2 id="trend-title">Signatures over time</h2>' in section
    assert "7 signatures between" in section and "5 signatures in the last 24 hours." in section
    assert "<polyline" in section and 'aria-hidden="true"' in section


def test_count_json_publishes_the_hourly_series(petition, client):
    signed(petition, 2, hours_ago=5)
    signed(petition, 3, hours_ago=1)
    data = json.loads(client.get(petition.url + "count.json").content)

    hours = data["by_hour"]
    assert [entry["count"] for entry in hours] == [2, 3]
    assert sum(entry["count"] for entry in hours) == data["signature_count"] == 5
    first = hours[0]["hour"]
    assert first.endswith(":00:00Z") and first == counting.hour_of(
        timezone.now() - timedelta(hours=5)
    ).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_withdrawn_signature_leaves_the_published_series(petition, client):
    early = signed(petition, 2, hours_ago=5)
    signed(petition, 1, hours_ago=1)
    privacy.withdraw(early[0].pk, petition.pk)
    counting.update_counts()
    data = json.loads(client.get(petition.url + "count.json").content)
    assert [entry["count"] for entry in data["by_hour"]] == [1, 1]
    assert data["signature_count"] == 2


def test_count_json_names_constituencies_from_the_map_when_the_constituency_table_lacks_them(
    petition, client, layout
):
    signed(petition, 1, constituency_code="S14000001")
    data = json.loads(client.get(petition.url + "count.json").content)
    assert data["by_constituency"] == {"S14000001": {"name": "Highland", "count": 1}}
