"""import_onspd on the real ONS sample files: both header schemes, counts, atomic replacement."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from geography import lookup
from geography.models import Postcode, PostcodeImport
from geography.models.places import CHANNEL_ISLANDS, ISLE_OF_MAN, SCOTLAND
from tests.geography.conftest import GE2024_RESULTS, ONSPD_ABERDEEN, ONSPD_AUG2024, ONSPD_NOV2025, shared_file

pytestmark = pytest.mark.django_db(transaction=False)


def run_import(path, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_onspd", str(path), stdout=out, stderr=err, **{"verbosity": 0, **options})
    return out.getvalue(), err.getvalue()


def test_the_aberdeen_extract_loads_every_row_with_its_counts():
    out, _ = run_import(shared_file(ONSPD_ABERDEEN), verbosity=1, no_progress=True)
    assert Postcode.objects.count() == 8048
    assert Postcode.objects.filter(terminated="").count() == 4237
    assert Postcode.objects.exclude(terminated="").count() == 3811
    assert "4,237 live, 3,811 terminated" in out
    assert "Skipped 0 rows" in out
    record = PostcodeImport.objects.get()
    assert (record.live, record.terminated, record.is_demo) == (4237, 3811, False)


def test_a_known_postcode_leads_to_its_constituency_and_mp():
    run_import(shared_file(ONSPD_ABERDEEN))
    call_command("import_mps", str(shared_file(GE2024_RESULTS)), verbosity=0)
    row = Postcode.objects.get(pk="AB10 1AB")
    assert (row.constituency_code, row.country_code, row.police_force_code) == (
        "S14000061",
        SCOTLAND,
        "S23000009",
    )
    result = lookup.lookup("ab10 1ab")
    assert result.ok
    assert (result.constituency_name, result.mp_name) == ("Aberdeen South", "Stephen Flynn")
    # pcd7 pads short outward codes ("M1  1AD"); we store the display form.
    assert lookup.lookup("M1 1AD").constituency_name == "Manchester Central"


def test_terminated_and_jersey_rows_are_kept_and_explained():
    run_import(shared_file(ONSPD_ABERDEEN))
    assert Postcode.objects.get(pk="SE1 9ZZ").terminated == "199812"
    assert Postcode.objects.get(pk="JE2 4WD").country_code == CHANNEL_ISLANDS
    assert lookup.lookup("SE1 9ZZ").kind == lookup.TERMINATED
    jersey = lookup.lookup("JE2 4WD")
    assert jersey.kind == lookup.CROWN_DEPENDENCY
    assert "States Assembly of Jersey" in jersey.message


def test_the_august_2024_header_scheme_with_quoted_fields():
    run_import(shared_file(ONSPD_AUG2024))
    assert Postcode.objects.count() == 4
    isle_of_man = Postcode.objects.get(pk="IM1 1AD")
    assert (isle_of_man.country_code, isle_of_man.terminated) == (ISLE_OF_MAN, "")
    assert Postcode.objects.get(pk="AL1 1AA").police_force_code == "E23000027"
    assert "Tynwald" in lookup.lookup("IM1 1AD").message


def test_the_november_2025_header_scheme():
    run_import(shared_file(ONSPD_NOV2025))
    assert Postcode.objects.count() == 4
    row = Postcode.objects.get(pk="AB1 0AA")
    assert (row.constituency_code, row.country_code, row.police_force_code, row.terminated) == (
        "S14000061",
        SCOTLAND,
        "S23000009",
        "199606",
    )
    assert Postcode.objects.get(pk="IM1 1AA").country_code == ISLE_OF_MAN


def test_the_ons_zip_is_read_without_unpacking(tmp_path):
    archive = tmp_path / "ONSPD_NOV_2025.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(shared_file(ONSPD_ABERDEEN), "Data/ONSPD_AUG_2024_UK.csv")
        z.writestr("Documents/Country names.csv", "CTRY12CD,CTRY12NM\nE92000001,England\n")
    run_import(archive)
    assert Postcode.objects.count() == 8048


def test_a_new_import_replaces_the_old_one_entirely():
    run_import(shared_file(ONSPD_ABERDEEN))
    run_import(shared_file(ONSPD_NOV2025))
    assert set(Postcode.objects.values_list("pk", flat=True)) == {"AB1 0AA", "AB1 0AB", "AB1 0AD", "IM1 1AA"}


def test_a_file_that_is_not_onspd_leaves_the_table_as_it_was(tmp_path):
    run_import(shared_file(ONSPD_NOV2025))
    bad = tmp_path / "results.csv"
    bad.write_text("ONS ID,Constituency name\nS14000061,Aberdeen South\n")
    with pytest.raises(CommandError, match="doesn't look like an ONSPD file"):
        run_import(bad)
    assert Postcode.objects.count() == 4


def test_bad_rows_are_skipped_and_counted_with_the_reason(tmp_path):
    path = tmp_path / "onspd.csv"
    path.write_text(
        "pcd7,pcds,doterm,ctry,pcon,pfa\n"
        "AB101AB,AB10 1AB,,S92000003,S14000061,S23000009\n"
        ",,,S92000003,S14000061,S23000009\n"
        "NOTACODE,NOT A CODE,,S92000003,S14000061,S23000009\n"
        "AB101AB,AB10 1AB,,S92000003,S14000061,S23000009\n"
        "AB101AD,AB10 1AD,20001,S92000003,S14000061,S23000009\n"
        "AB101AE,AB10 1AE\n"
    )
    out, _ = run_import(path, verbosity=1, no_progress=True)
    assert list(Postcode.objects.values_list("pk", flat=True)) == ["AB10 1AB"]
    assert "Skipped 5 rows" in out
    for reason in (
        "no postcode",
        "malformed postcodes",
        "duplicate postcodes",
        "malformed termination dates",
        "short rows",
    ):
        assert f"1 {reason}" in out


def test_progress_goes_to_stderr_with_rows_per_second():
    _, err = run_import(shared_file(ONSPD_NOV2025), verbosity=1)
    assert "rows/s" in err
    _, quiet = run_import(shared_file(ONSPD_NOV2025))
    assert quiet == ""


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="No such file"):
        run_import("/nonexistent/onspd.csv")
