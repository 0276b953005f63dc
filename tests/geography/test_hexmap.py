"""The constituency hexmap: importing the layout, the colour scale and the drawing."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from geography import hexmap
from geography.models import ConstituencyHex
from tests.geography.conftest import CONSTITUENCIES_2024, GE2024_RESULTS, HEXMAP_2024, shared_file
from tests.geography.factories import ConstituencyFactory, ConstituencyHexFactory
from website.staff.groups import CAMPAIGN_MANAGERS

# The five Scottish hexes of the Open Innovations layout that still carry pre-2024 codes.
RENAMED = {
    "S14000006": ("S14000107", "Ayr, Carrick and Cumnock"),
    "S14000008": ("S14000108", "Berwickshire, Roxburgh and Selkirk"),
    "S14000010": ("S14000109", "Central Ayrshire"),
    "S14000040": ("S14000110", "Kilmarnock and Loudoun"),
    "S14000058": ("S14000111", "West Aberdeenshire and Kincardine"),
}


def import_hexmap(*args):
    out = io.StringIO()
    call_command("import_hexmap", *map(str, args), stdout=out)
    return out.getvalue()


def write_hexjson(path, hexes, layout="odd-r"):
    path.write_text(json.dumps({"layout": layout, "hexes": hexes}), encoding="utf-8")
    return path


# --- Importing the layout -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_one_of_the_650_constituencies_is_placed_with_its_2024_code():
    reference = json.loads(shared_file(CONSTITUENCIES_2024).read_text(encoding="utf-8"))
    out = import_hexmap(shared_file(HEXMAP_2024), "--constituencies", CONSTITUENCIES_2024)

    assert set(ConstituencyHex.objects.values_list("code", flat=True)) == set(reference)
    assert ConstituencyHex.objects.count() == 650
    assert ConstituencyHex.objects.filter(matched_by=ConstituencyHex.Match.CODE).count() == 645
    assert ConstituencyHex.objects.filter(matched_by=ConstituencyHex.Match.NONE).count() == 0
    assert "Placed 650 constituencies: 645 matched by ONS code." in out


@pytest.mark.django_db
def test_the_five_scottish_hexes_are_matched_by_name_and_reported():
    out = import_hexmap(shared_file(HEXMAP_2024), "--constituencies", shared_file(CONSTITUENCIES_2024))

    by_name = ConstituencyHex.objects.filter(matched_by=ConstituencyHex.Match.NAME)
    assert {(h.layout_code, h.code, h.name) for h in by_name} == {
        (old, new, name) for old, (new, name) in RENAMED.items()
    }
    assert "Matched by name (5)" in out
    for old, (new, name) in RENAMED.items():
        assert f"{old} → {new} {name}" in out
    assert not ConstituencyHex.objects.filter(code__in=RENAMED).exists()


@pytest.mark.django_db
def test_the_constituencies_already_loaded_are_the_reference_too():
    call_command("import_mps", str(shared_file(GE2024_RESULTS)), verbosity=0)
    out = import_hexmap(shared_file(HEXMAP_2024))

    assert ConstituencyHex.objects.count() == 650
    assert ConstituencyHex.objects.get(code="S14000111").layout_code == "S14000058"
    assert "Matched by name (5)" in out
    # The Commons Library spells it "Glyndŵr", the layout "Glyndwr": the code matches, so the name is moot.
    assert ConstituencyHex.objects.get(code="W07000102").matched_by == ConstituencyHex.Match.CODE


@pytest.mark.django_db
def test_without_a_reference_list_hexes_keep_their_own_codes_and_the_import_says_so():
    out = import_hexmap(shared_file(HEXMAP_2024))

    assert ConstituencyHex.objects.count() == 650
    assert ConstituencyHex.objects.filter(code="S14000058", matched_by="none").exists()
    assert "No reference list of constituencies" in out


@pytest.mark.django_db
def test_hexes_match_by_name_despite_accents_case_and_ampersands(tmp_path):
    ConstituencyFactory(code="W07000102", name="Montgomeryshire and Glyndŵr")
    ConstituencyFactory(code="E14009999", name="Testham & Sample")
    path = write_hexjson(
        tmp_path / "map.hexjson",
        {
            "W07000099": {"n": "Montgomeryshire and Glyndwr", "q": 0, "r": 0, "region": "W92000004"},
            "E14000001": {"n": "testham and sample", "q": 1, "r": 0, "region": "E12000001"},
            "E14000002": {"n": "Nowhere Special", "q": 2, "r": 0, "region": "E12000001"},
        },
    )
    out = import_hexmap(path)

    assert ConstituencyHex.objects.get(code="W07000102").layout_code == "W07000099"
    assert ConstituencyHex.objects.get(code="E14009999").layout_code == "E14000001"
    assert ConstituencyHex.objects.get(code="E14000002").matched_by == ConstituencyHex.Match.NONE
    assert "Not in the reference list (1), kept the layout's code:\n  E14000002 Nowhere Special" in out


@pytest.mark.django_db
def test_importing_again_replaces_the_layout(tmp_path):
    ConstituencyHexFactory(code="E14000001", q=5, r=5)
    path = write_hexjson(tmp_path / "map.hexjson", {"E14000002": {"n": "Newtown", "q": 0, "r": 0}})
    import_hexmap(path)
    assert list(ConstituencyHex.objects.values_list("code", "name", "q", "r")) == [
        ("E14000002", "Newtown", 0, 0)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "Not a HexJSON file"),
        (json.dumps({"layout": "odd-r"}), "no 'hexes' object"),
        (
            json.dumps({"layout": "odd-q", "hexes": {"A": {"n": "A", "q": 0, "r": 0}}}),
            "'odd-q' is not supported",
        ),
        (
            json.dumps({"layout": "odd-r", "hexes": {"A": {"n": "A", "q": "x", "r": 0}}}),
            "whole-number 'q' and 'r'",
        ),
        (
            json.dumps(
                {
                    "layout": "odd-r",
                    "hexes": {"A": {"n": "A", "q": 0, "r": 0}, "B": {"n": "B", "q": 0, "r": 0}},
                }
            ),
            "Hexes A and B are both at q=0, r=0",
        ),
    ],
)
def test_a_broken_file_is_refused_with_a_clear_message_and_the_old_layout_kept(tmp_path, content, message):
    ConstituencyHexFactory(code="E14000001", q=5, r=5)
    path = tmp_path / "map.hexjson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        import_hexmap(path)
    assert ConstituencyHex.objects.filter(code="E14000001").exists()


@pytest.mark.django_db
def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match="No such file: /nowhere/map.hexjson"):
        import_hexmap("/nowhere/map.hexjson")


# --- The colour scale ---------------------------------------------------------------------------------------


def test_each_shade_covers_twice_the_share_of_the_largest_count_of_the_one_before():
    assert hexmap.scale(400) == [25, 50, 100, 200, 400]
    assert hexmap.scale(1000) == [63, 125, 250, 500, 1000]


def test_small_largest_counts_get_fewer_classes_each_holding_a_whole_number():
    assert hexmap.scale(0) == []
    assert hexmap.scale(1) == [1]
    assert hexmap.scale(3) == [1, 2, 3]
    assert hexmap.scale(5) == [1, 2, 3, 5]


def test_the_largest_count_always_takes_the_darkest_shade_and_none_the_blank_one():
    for largest in (1, 2, 3, 17, 400):
        bounds = hexmap.scale(largest)
        assert hexmap.shade(largest, bounds) == hexmap.SHADES
        assert hexmap.shade(0, bounds) == 0
        assert 1 <= hexmap.shade(1, bounds) <= hexmap.SHADES
    bounds = hexmap.scale(400)
    assert [hexmap.shade(n, bounds) for n in (1, 25, 26, 50, 51, 100, 101, 200, 201, 400)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]


def test_the_legend_names_the_range_of_each_shade():
    noun = ("letter", "letters")
    assert hexmap.legend(hexmap.scale(400), noun) == [
        (0, "No letters"),
        (1, "1–25"),
        (2, "26–50"),
        (3, "51–100"),
        (4, "101–200"),
        (5, "201–400"),
    ]
    assert hexmap.legend(hexmap.scale(2), noun) == [(0, "No letters"), (4, "1"), (5, "2")]
    assert hexmap.legend(hexmap.scale(12_000), noun)[-1] == (5, "6,001–12,000")


# --- The drawing --------------------------------------------------------------------------------------------


def centres(built):
    return {title.split(":")[0]: (x, y) for _shade, hexes in built.groups for x, y, title in hexes}


def test_odd_rows_sit_half_a_hex_right_and_north_is_up(small_map):
    at = centres(hexmap.build({}))
    assert at["Easton"][0] - at["Southam"][0] == hexmap.HEX_WIDTH
    assert at["Northby"][0] - at["Southam"][0] == hexmap.HEX_WIDTH // 2
    assert at["Northby"][1] == at["Southam"][1] - hexmap.ROW_STEP
    assert at["Highland"][1] < at["Northby"][1] < at["Southam"][1]


def test_every_hex_has_a_title_with_its_figure_and_darker_groups_come_first(small_map):
    built = hexmap.build({"E14000001": 400, "E14000002": 3, "S14000001": 1500})
    titles = [title for _shade, hexes in built.groups for _x, _y, title in hexes]
    assert titles == ["Highland: 1,500", "Southam: 400", "Easton: 3", "Northby: 0"]
    assert [shade for shade, _hexes in built.groups] == sorted((s for s, _h in built.groups), reverse=True)
    assert built.groups[-1][0] == 0


def test_the_summary_is_the_map_in_words(small_map):
    built = hexmap.build({"E14000001": 40, "E14000002": 3, "S14000001": 1, "": 7, "E14999999": 2})
    assert built.summary == (
        "3 of the 4 constituencies have at least one signature. Most: Southam (40 signatures), "
        "Easton (3 signatures), Highland (1 signature). "
        "9 signatures are not on the map: from outside the UK, or with no known constituency."
    )
    assert (
        hexmap.build({}, noun=("letter", "letters")).summary
        == "No letters yet in any of the 4 constituencies."
    )


def test_nations_are_labelled_beside_their_hexes(small_map):
    labels = {text: (x, y) for text, x, y, _anchor in hexmap.build({}).labels}
    assert set(labels) == {"England", "Scotland"}
    assert labels["Scotland"][1] < labels["England"][1]


def test_building_a_map_reads_the_layout_once_whatever_the_counts(small_map):
    for counts in ({}, {f"E14{n:06d}": n for n in range(5000)}):
        with CaptureQueriesContext(connection) as queries:
            hexmap.build(counts)
        assert len(queries) == 1


@pytest.mark.django_db
def test_with_no_layout_loaded_there_is_no_map():
    assert not hexmap.build({"E14000001": 3})


# --- The demo -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_seed_demo_loads_the_layout_from_the_shared_data(seeded):
    shared_file(HEXMAP_2024)
    assert ConstituencyHex.objects.count() == 650
    assert ConstituencyHex.objects.filter(matched_by=ConstituencyHex.Match.NAME).count() == 5


@pytest.mark.django_db
def test_seed_demo_without_the_shared_data_says_it_skipped_the_map(settings, tmp_path):
    settings.SHARED_DATA_DIR = tmp_path
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Constituency map: skipped, no layout at" in out.getvalue()
    assert not ConstituencyHex.objects.exists()


@pytest.mark.django_db
def test_seed_demo_leaves_a_loaded_layout_alone(settings, tmp_path):
    settings.SHARED_DATA_DIR = shared_file(HEXMAP_2024).parents[1]
    ConstituencyHexFactory(code="E14000001", name="Staff's own", q=0, r=0)
    call_command("seed_demo", stdout=io.StringIO())
    assert list(ConstituencyHex.objects.values_list("name", flat=True)) == ["Staff's own"]


# --- Staff --------------------------------------------------------------------------------------------------


def test_staff_see_which_hexes_were_matched_by_name(client, django_user_model, tmp_path):
    ConstituencyFactory(code="S14000111", name="West Aberdeenshire and Kincardine")
    path = write_hexjson(
        tmp_path / "map.hexjson", {"S14000058": {"n": "West Aberdeenshire and Kincardine", "q": 0, "r": 0}}
    )
    import_hexmap(path)
    staff = django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-test-password")
    client.force_login(staff)
    response = client.get(reverse("wagtailsnippets_geography_constituencyhex:list") + "?matched_by=name")
    html = response.content.decode()
    assert response.status_code == 200
    assert "West Aberdeenshire and Kincardine" in html and "S14000058" in html and "By name" in html


def test_campaign_managers_may_read_the_map_layout_but_not_change_it(db):
    from website.staff.groups import sync_group_permissions

    sync_group_permissions()
    codenames = set(Group.objects.get(name=CAMPAIGN_MANAGERS).permissions.values_list("codename", flat=True))
    assert "view_constituencyhex" in codenames
    assert not {"add_constituencyhex", "change_constituencyhex", "delete_constituencyhex"} & codenames
