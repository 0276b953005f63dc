"""The devolved imports (Scottish postcodes, devolved areas and members) run on the shipped samples."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from geography.models import Area, AreaPart, Body, Postcode, Representative, ScottishParliamentPostcode
from tests.geography.conftest import ONSPD_ABERDEEN, shared_file

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "geography" / "data" / "samples"
SPD = SAMPLES / "scottish_postcode_directory_extract.csv"
SP_AREAS = SAMPLES / "scottish_parliament_areas.csv"
MSPS = SAMPLES / "msps_2016.csv"
SENEDD_AREAS = SAMPLES / "senedd_constituencies_2026.csv"
NI_AREAS = SAMPLES / "ni_assembly_constituencies.csv"
MLAS = SAMPLES / "mlas_2016.csv"

NORTH_EAST_SCOTLAND_LIST_2016 = {
    "Peter Chapman",
    "Alex Johnstone",
    "Liam Kerr",
    "Lewis Macdonald",
    "Jenny Marra",
    "Mike Rumbles",
    "Ross Thomson",
}


def run(command, *args):
    call_command(command, *(str(a) for a in args), verbosity=0)


def output_of(command, *args):
    from io import StringIO

    out = StringIO()
    call_command(command, *(str(a) for a in args), stdout=out)
    return out.getvalue()


def load_scotland():
    run("import_scottish_postcodes", SPD)
    run("import_devolved_areas", SP_AREAS, "--body", "scottish_parliament")
    run("import_devolved_members", MSPS, "--body", "scottish_parliament")


def load_ni():
    run("import_devolved_areas", NI_AREAS, "--body", "ni_assembly")
    run("import_devolved_members", MLAS, "--body", "ni_assembly")


def test_an_aberdeen_postcode_leads_to_its_constituency_msp_and_its_regions_list_msps():
    run("import_onspd", shared_file(ONSPD_ABERDEEN), "--no-progress")
    load_scotland()
    postcode = Postcode.objects.get(pk="AB12 9SB")
    assert (postcode.country_code, postcode.terminated) == ("S92000003", "")

    code = ScottishParliamentPostcode.objects.get(pk=postcode.postcode).constituency_code
    constituency = Area.objects.get(body=Body.SCOTTISH_PARLIAMENT, code=code)
    assert (constituency.name, constituency.kind) == ("Aberdeen Central", Area.Kind.CONSTITUENCY)
    region = constituency.parent
    assert (region.code, region.name, region.kind) == ("S17000014", "North East Scotland", Area.Kind.REGION)

    msp = constituency.representatives.get()
    assert (msp.name, msp.party, msp.role, msp.external_id) == (
        "Kevin Stewart",
        "Scottish National Party",
        Representative.Role.CONSTITUENCY_MEMBER,
        "25114",
    )
    regional = region.representatives.all()
    assert {rep.name for rep in regional} == NORTH_EAST_SCOTLAND_LIST_2016
    assert {rep.role for rep in regional} == {Representative.Role.REGIONAL_MEMBER}


def test_every_constituency_in_the_sample_has_a_region_and_the_regions_have_none():
    run("import_devolved_areas", SP_AREAS, "--body", "scottish_parliament")
    areas = Area.objects.filter(body=Body.SCOTTISH_PARLIAMENT)
    assert areas.filter(kind=Area.Kind.CONSTITUENCY, parent__isnull=True).count() == 0
    assert areas.filter(kind=Area.Kind.REGION).count() == 8
    assert not areas.filter(kind=Area.Kind.REGION, parent__isnull=False).exists()


def test_a_split_postcode_is_stored_once_under_its_ordinary_form():
    report = output_of("import_scottish_postcodes", SPD)
    assert ScottishParliamentPostcode.objects.get(pk="PA31 8UA").constituency_code == "S16000083"
    assert not ScottishParliamentPostcode.objects.filter(postcode__startswith="PA31 8UA").exclude(
        pk="PA31 8UA"
    )
    assert "Loaded 201 Scottish postcodes" in report
    assert "1 parts of split postcodes" in report


def test_a_current_record_wins_over_a_deleted_one(tmp_path):
    path = tmp_path / "spd.csv"
    path.write_text(
        "Postcode,DateOfIntroduction,DateOfDeletion,ScottishParliamentaryConstituency2014Code\n"
        "AB10 1AB,1/8/1973 00:00:00,1/4/1996 00:00:00,S16000075\n"
        "AB10 1AB,1/4/1996 00:00:00,,S16000074\n"
    )
    run("import_scottish_postcodes", path)
    assert ScottishParliamentPostcode.objects.get(pk="AB10 1AB").constituency_code == "S16000074"


def test_the_newest_dated_constituency_column_is_used(tmp_path):
    path = tmp_path / "spd.csv"
    path.write_text(
        "Postcode,ScottishParliamentaryConstituency2026Code,ScottishParliamentaryConstituency2014Code\n"
        "AB10 1AB,S16000160,S16000074\n"
    )
    run("import_scottish_postcodes", path)
    assert ScottishParliamentPostcode.objects.get(pk="AB10 1AB").constituency_code == "S16000160"


def test_importing_the_postcodes_again_replaces_rather_than_adds():
    run("import_scottish_postcodes", SPD)
    ScottishParliamentPostcode.objects.create(postcode="ZZ1 1ZZ", constituency_code="S16000074")
    run("import_scottish_postcodes", SPD)
    assert ScottishParliamentPostcode.objects.count() == 201
    assert not ScottishParliamentPostcode.objects.filter(pk="ZZ1 1ZZ").exists()


def test_a_senedd_constituency_is_found_from_a_westminster_code():
    run("import_devolved_areas", SENEDD_AREAS, "--body", "senedd")
    part = AreaPart.objects.select_related("area").get(westminster_code="W07000090")  # Cardiff North
    area = part.area
    assert (area.body, area.kind, area.name) == (Body.SENEDD, Area.Kind.CONSTITUENCY, "Caerdydd Ffynnon Taf")
    assert set(area.parts.values_list("westminster_code", flat=True)) == {"W07000089", "W07000090"}
    assert area.code == "W07000089+W07000090"
    assert Area.objects.filter(body=Body.SENEDD).count() == 9
    assert AreaPart.objects.filter(area__body=Body.SENEDD).count() == 18


def test_a_senedd_constituency_gets_the_code_the_file_gives(tmp_path):
    path = tmp_path / "senedd.csv"
    path.write_text(
        "senedd_constituency_code,senedd_constituency_name,PCON24CD\n"
        "W09000101,Bangor Conwy Môn,W07000083\n"
        "W09000101,Bangor Conwy Môn,W07000112\n"
    )
    run("import_devolved_areas", path, "--body", "senedd")
    area = Area.objects.get(body=Body.SENEDD)
    assert (area.code, area.name) == ("W09000101", "Bangor Conwy Môn")
    assert area.parts.count() == 2


def test_an_assembly_constituency_is_its_westminster_constituency_and_has_six_mlas():
    load_ni()
    area = AreaPart.objects.get(westminster_code="N05000001").area
    assert (area.body, area.code, area.name) == (Body.NI_ASSEMBLY, "N05000001", "Belfast East")
    mlas = area.representatives.all()
    assert {(m.name, m.party) for m in mlas} == {
        ("Andy Allen", "Ulster Unionist Party"),
        ("Joanne Bunting", "Democratic Unionist Party"),
        ("Sammy Douglas", "Democratic Unionist Party"),
        ("Naomi Long", "Alliance Party"),
        ("Chris Lyttle", "Alliance Party"),
        ("Robin Newton", "Democratic Unionist Party"),
    }
    assert {m.role for m in mlas} == {Representative.Role.MEMBER}


def test_members_of_an_area_the_database_does_not_have_are_reported_not_guessed():
    run("import_devolved_areas", NI_AREAS, "--body", "ni_assembly")
    report = output_of("import_devolved_members", MLAS, "--body", "ni_assembly")
    # The 2016 lists name "Belfast South"; since 2024 it is "Belfast South and Mid Down".
    assert report.count("no Northern Ireland Assembly area 'Belfast South'") == 6
    assert not Area.objects.get(code="N05000003").representatives.exists()
    assert Representative.objects.filter(area__body=Body.NI_ASSEMBLY).count() == 102


@pytest.mark.parametrize(
    ("command", "body", "header", "missing"),
    [
        ("import_scottish_postcodes", None, "pcd,pcon\nAB10 1AB,S14000060\n", "constituency_code"),
        (
            "import_devolved_areas",
            "scottish_parliament",
            "SPC16CD,SPC16NM\nS16000074,Aberdeen\n",
            "region_code",
        ),
        ("import_devolved_areas", "senedd", "senedd_constituency_name\nClwyd\n", "westminster_code"),
        ("import_devolved_areas", "ni_assembly", "code,name\nN05000001,Belfast East\n", "code, name"),
    ],
)
def test_a_file_without_the_columns_is_refused_and_names_them(tmp_path, command, body, header, missing):
    path = tmp_path / "other.csv"
    path.write_text(header)
    args = [path] + (["--body", body] if body else [])
    with pytest.raises(CommandError, match=f"no column for {missing}"):
        run(command, *args)
    assert not ScottishParliamentPostcode.objects.exists()
    assert not Area.objects.exists()


def test_a_members_file_without_an_area_column_is_refused(tmp_path):
    run("import_devolved_areas", NI_AREAS, "--body", "ni_assembly")
    path = tmp_path / "members.csv"
    path.write_text("name,party\nNaomi Long,Alliance Party\n")
    with pytest.raises(CommandError, match=r"no column for area"):
        run("import_devolved_members", path, "--body", "ni_assembly")
    assert not Representative.objects.exists()


def test_members_before_areas_is_refused():
    with pytest.raises(CommandError, match="run import_devolved_areas first"):
        run("import_devolved_members", MSPS, "--body", "scottish_parliament")


def test_importing_everything_again_changes_nothing():
    load_scotland()
    load_ni()
    run("import_devolved_areas", SENEDD_AREAS, "--body", "senedd")
    before_areas = sorted(Area.objects.values_list("pk", "body", "code", "name", "parent_id"))
    before_reps = sorted(Representative.objects.values_list("pk", "area_id", "role", "name", "party"))
    before_parts = sorted(AreaPart.objects.values_list("area_id", "westminster_code"))

    assert "0 new, 0 updated, 77 unchanged" in output_of(
        "import_devolved_areas", SP_AREAS, "--body", "scottish_parliament"
    )
    assert "0 new, 0 updated, 125 unchanged" in output_of(
        "import_devolved_members", MSPS, "--body", "scottish_parliament"
    )
    assert "0 added, 0 removed" in output_of("import_devolved_areas", SENEDD_AREAS, "--body", "senedd")
    load_ni()
    run("import_scottish_postcodes", SPD)

    assert sorted(Area.objects.values_list("pk", "body", "code", "name", "parent_id")) == before_areas
    assert sorted(Representative.objects.values_list("pk", "area_id", "role", "name", "party")) == before_reps
    assert sorted(AreaPart.objects.values_list("area_id", "westminster_code")) == before_parts


def test_a_member_staff_edited_is_kept_unless_replace():
    load_scotland()
    Representative.objects.filter(name="Kevin Stewart").update(
        party="Independent", email="kevin.stewart@example.org", edited_by_staff=True
    )
    report = output_of("import_devolved_members", MSPS, "--body", "scottish_parliament")
    assert "1 kept as staff left them" in report
    kept = Representative.objects.get(name="Kevin Stewart")
    assert (kept.party, kept.email, kept.edited_by_staff) == (
        "Independent",
        "kevin.stewart@example.org",
        True,
    )

    run("import_devolved_members", MSPS, "--body", "scottish_parliament", "--replace")
    replaced = Representative.objects.get(name="Kevin Stewart")
    assert (replaced.pk, replaced.party, replaced.email, replaced.edited_by_staff) == (
        kept.pk,
        "Scottish National Party",
        "",
        False,
    )


def test_a_member_the_file_no_longer_lists_is_reported_and_removed_only_with_prune(tmp_path):
    run("import_devolved_areas", NI_AREAS, "--body", "ni_assembly")
    run("import_devolved_members", MLAS, "--body", "ni_assembly")
    shorter = tmp_path / "mlas.csv"
    shorter.write_text("".join(line for line in MLAS.open() if '"Naomi","Long"' not in line))

    report = output_of("import_devolved_members", shorter, "--body", "ni_assembly")
    assert "1 members of these areas are not in the file" in report
    assert Representative.objects.filter(name="Naomi Long").exists()

    Representative.objects.filter(name="Naomi Long").update(edited_by_staff=True)
    run("import_devolved_members", shorter, "--body", "ni_assembly", "--prune")
    assert Representative.objects.filter(name="Naomi Long").exists()

    run("import_devolved_members", shorter, "--body", "ni_assembly", "--prune", "--replace")
    assert not Representative.objects.filter(name="Naomi Long").exists()
    assert Area.objects.get(code="N05000001").representatives.count() == 5


def test_the_source_and_check_date_are_stored_on_each_member():
    run("import_devolved_areas", NI_AREAS, "--body", "ni_assembly")
    run(
        "import_devolved_members",
        MLAS,
        "--body",
        "ni_assembly",
        "--source-url",
        "https://github.com/mysociety/parlparse/blob/master/rawdata/2016_election/mla.csv",
        "--checked-on",
        "2016-05-12",
    )
    mla = Representative.objects.get(name="Naomi Long")
    assert mla.source_url.endswith("rawdata/2016_election/mla.csv")
    assert mla.checked_on.isoformat() == "2016-05-12"
