"""Geography's models keep the campaign app's tables: a database built by campaign's migrations alone keeps
its tables and rows when geography's migrate, and permissions granted on the models stay granted."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaign.models import LetterCount
from geography.models import Constituency, ConstituencyHex, MemberOfParliament, Postcode, PostcodeImport

BEFORE = [("campaign", "0006_finished_letters"), ("geography", None)]
# The migrations that move the models; later ones add tables of their own.
MOVING = [("campaign", "0007_geography_moved"), ("geography", "0001_initial")]
MOVED = ["constituency", "constituencyhex", "memberofparliament", "postcode", "postcodeimport"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_populated_database_from_the_campaign_migrations_keeps_every_row_and_permission():
    graph = migrate(BEFORE).loader.graph
    others = [node for node in graph.leaf_nodes() if node[0] not in ("campaign", "geography")]
    old = MigrationExecutor(connection).loader.project_state([*others, BEFORE[0]]).apps
    tables_before = set(connection.introspection.table_names())
    constituency = old.get_model("campaign", "Constituency").objects.create(
        code="S14000061", name="Aberdeen South and North Kincardine", country="Scotland"
    )
    old.get_model("campaign", "MemberOfParliament").objects.create(
        constituency=constituency, name="Stephen Flynn", party="Scottish National Party"
    )
    old.get_model("campaign", "Postcode").objects.create(
        postcode="AB10 1AB", constituency_code="S14000061", country_code="S92000003"
    )
    old.get_model("campaign", "PostcodeImport").objects.create(source="demo", is_demo=True, live=1)
    hexes = old.get_model("campaign", "ConstituencyHex")
    hexes.objects.create(code="S14000061", name="Aberdeen South", q=1, r=2)
    old.get_model("campaign", "LetterCount").objects.create(constituency=constituency, letters=7)
    old_content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="campaign", model="constituency"
    )
    group = old.get_model("auth", "Group").objects.create(name="Map readers")
    permissions = old.get_model("auth", "Permission").objects
    group.permissions.add(permissions.get(content_type=old_content_type, codename="view_constituency"))

    try:
        migrate(MOVING)
        assert set(connection.introspection.table_names()) == tables_before
    finally:
        migrate(None)
    moved = Constituency.objects.get()
    assert moved.name == "Aberdeen South and North Kincardine"
    assert moved.mp.name == "Stephen Flynn"
    assert Postcode.objects.get().constituency_code == "S14000061"
    assert PostcodeImport.objects.get().is_demo
    assert ConstituencyHex.objects.get().q == 1
    assert LetterCount.objects.get(constituency=moved).letters == 7
    assert MemberOfParliament.objects.count() == 1
    assert not ContentType.objects.filter(app_label="campaign", model__in=MOVED).exists()
    assert ContentType.objects.get(app_label="geography", model="constituency").pk == old_content_type.pk
    assert [p.natural_key()[:2] for p in Group.objects.get(name="Map readers").permissions.all()] == [
        ("view_constituency", "geography")
    ]
