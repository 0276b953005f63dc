"""import_police_governance: who oversees each police force, from the shipped table; staff edits kept."""

import csv

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from geography.models import Area, Body, Representative
from geography.police_governance import COLUMNS, DEFAULT_PATH, load
from support.police_forces import FORCES
from website.staff.groups import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db

WELSH_FORCES = {"W15000001", "W15000002", "W15000003", "W15000004"}
NO_COMMISSIONER = {"S23000009", "N23000001", "E23000034"}


def import_shipped(*args):
    call_command("import_police_governance", *args, verbosity=0)


def policing_area(code):
    return Area.objects.get(body=Body.POLICING, kind=Area.Kind.POLICE_FORCE_AREA, code=code)


def representative(code):
    return Representative.objects.get(area__body=Body.POLICING, area__code=code)


def write_table(path, rows, columns=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})
    return path


def commissioner_row(**values):
    return {
        "pfa_code": "W15000001",
        "force_name": "North Wales Police",
        "role": "commissioner",
        "office": "Police and Crime Commissioner for North Wales",
        "holder_name": "A Commissioner",
        "source_url": "https://example.org/source",
        "checked_on": "2026-01-01",
        **values,
    }


def test_the_shipped_table_has_every_force_area_the_support_app_knows():
    with open(DEFAULT_PATH, newline="", encoding="utf-8") as source:
        codes = [row["pfa_code"] for row in csv.DictReader(source)]
    assert sorted(codes) == sorted(force.pfa for force in FORCES if force.pfa)


def test_the_shipped_table_loads_one_area_per_force_and_a_representative_where_someone_is_elected():
    counts = load()
    assert counts.skipped == []
    assert counts.created == 45
    assert Area.objects.filter(body=Body.POLICING, kind=Area.Kind.POLICE_FORCE_AREA).count() == 45
    assert Representative.objects.filter(area__body=Body.POLICING).count() == 42


def test_london_is_written_to_as_the_mayor_through_mopac():
    import_shipped()
    mayor = representative("E23000001")
    assert mayor.role == Representative.Role.MAYOR
    assert mayor.office == "Mayor of London (Mayor's Office for Policing and Crime)"
    assert mayor.source_url.startswith("http://london.gov.uk/")


def test_greater_manchester_is_written_to_as_its_mayor():
    import_shipped()
    mayor = representative("E23000005")
    assert (mayor.role, mayor.office) == (Representative.Role.MAYOR, "Mayor of Greater Manchester")
    assert policing_area("E23000005").name == "Greater Manchester Police"


def test_each_welsh_force_has_its_police_and_crime_commissioner():
    import_shipped()
    for code in WELSH_FORCES:
        commissioner = representative(code)
        assert commissioner.role == Representative.Role.COMMISSIONER
        assert commissioner.office.startswith("Police and Crime Commissioner for ")
        assert not commissioner.is_vacant
    north_wales = representative("W15000001")
    assert north_wales.name == "Andy Dunbobbin"
    assert north_wales.office == "Police and Crime Commissioner for North Wales"


@pytest.mark.parametrize("code", sorted(NO_COMMISSIONER))
def test_where_no_one_is_elected_the_area_says_who_oversees_policing(code):
    import_shipped()
    area = policing_area(code)
    assert not area.representatives.exists()
    assert "police and crime commissioner" in area.oversight
    assert area.oversight_url.startswith("https://")


def test_scotland_northern_ireland_and_the_city_name_their_oversight_bodies():
    import_shipped()
    assert "Scottish Police Authority" in policing_area("S23000009").oversight
    assert "Northern Ireland Policing Board" in policing_area("N23000001").oversight
    assert "Police Authority Board" in policing_area("E23000034").oversight


def test_a_holder_our_sources_do_not_name_is_blank_but_not_vacant():
    import_shipped()
    unnamed = Representative.objects.filter(area__body=Body.POLICING, name="")
    assert unnamed.exists()
    assert not unnamed.filter(is_vacant=True).exists()
    assert all(person.office for person in unnamed)


def test_importing_twice_changes_nothing():
    load()
    before = list(Representative.objects.values_list("pk", "name", "office", "updated_at"))
    counts = load()
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 45)
    assert list(Representative.objects.values_list("pk", "name", "office", "updated_at")) == before


def test_a_representative_staff_corrected_is_kept_unless_replace_is_asked_for():
    import_shipped()
    Representative.objects.filter(area__code="W15000001").update(
        name="A By-election Winner", edited_by_staff=True
    )
    counts = load()
    assert counts.kept == 1
    assert representative("W15000001").name == "A By-election Winner"
    import_shipped("--replace")
    corrected = representative("W15000001")
    assert (corrected.name, corrected.edited_by_staff) == ("Andy Dunbobbin", False)


def test_a_new_holder_in_the_file_updates_the_one_representative(tmp_path):
    load(write_table(tmp_path / "a.csv", [commissioner_row()]))
    first = representative("W15000001")
    counts = load(
        write_table(tmp_path / "b.csv", [commissioner_row(holder_name="Someone Else", party="Plaid")])
    )
    assert counts.updated == 1
    assert Representative.objects.filter(area__code="W15000001").count() == 1
    assert (representative("W15000001").pk, representative("W15000001").name) == (first.pk, "Someone Else")


def test_an_area_that_loses_its_commissioner_loses_the_imported_representative(tmp_path):
    load(write_table(tmp_path / "a.csv", [commissioner_row()]))
    row = commissioner_row(
        role="none", office="", holder_name="", oversight="A board oversees policing here."
    )
    load(write_table(tmp_path / "b.csv", [row]))
    assert not policing_area("W15000001").representatives.exists()
    assert policing_area("W15000001").oversight == "A board oversees policing here."


def test_a_file_missing_a_column_is_refused_naming_it(tmp_path):
    path = write_table(
        tmp_path / "old.csv", [commissioner_row()], [c for c in COLUMNS if c not in ("role", "office")]
    )
    with pytest.raises(CommandError, match="no column role, office"):
        call_command("import_police_governance", str(path), verbosity=0)
    assert not Area.objects.exists()


def test_bad_rows_are_skipped_with_their_reasons(tmp_path):
    rows = [
        commissioner_row(pfa_code="E14000001"),
        commissioner_row(pfa_code="E23000001", role="sheriff"),
        commissioner_row(pfa_code="E23000005", checked_on="7 December"),
        commissioner_row(pfa_code="S23000009", role="none", office="", oversight=""),
        commissioner_row(),
    ]
    counts = load(write_table(tmp_path / "mixed.csv", rows))
    assert counts.created == 1
    reasons = "\n".join(counts.skipped)
    assert "E14000001 is not a police force area code" in reasons
    assert "role sheriff" in reasons
    assert "not a date" in reasons
    assert "needs the oversight text" in reasons
    assert list(Area.objects.values_list("code", flat=True)) == ["W15000001"]


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_staff_find_representatives_by_body_and_role(admin_client):
    import_shipped()
    url = reverse("wagtailsnippets_geography_representative:list")
    response = admin_client.get(url, {"role": "mayor", "q": "Manchester"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mayor of Greater Manchester" in html
    assert "Police and Crime Commissioner for North Wales" not in html
    assert admin_client.get(reverse("wagtailsnippets_geography_area:list")).status_code == 200


def test_saving_a_representative_in_the_admin_marks_it_as_staffs_so_imports_keep_it(admin_client):
    import_shipped()
    person = representative("W15000001")
    data = {
        "area": person.area_id,
        "role": person.role,
        "name": "Corrected Name",
        "office": person.office,
        "office_cy": "",
        "party": person.party,
        "email": "office@example.org",
        "website": person.website,
        "postal_address": "",
        "external_id": "",
        "source_url": person.source_url,
        "checked_on": "2026-12-07",
    }
    response = admin_client.post(
        reverse("wagtailsnippets_geography_representative:edit", args=[person.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert (person.name, person.email, person.edited_by_staff) == (
        "Corrected Name",
        "office@example.org",
        True,
    )
    load()
    assert representative("W15000001").name == "Corrected Name"


def test_campaign_managers_may_correct_representatives_and_read_areas():
    from website.staff.groups import sync_group_permissions

    sync_group_permissions()
    codenames = set(Group.objects.get(name=CAMPAIGN_MANAGERS).permissions.values_list("codename", flat=True))
    assert {"view_representative", "change_representative", "view_area"} <= codenames
    assert not {"change_area", "delete_representative"} & codenames
