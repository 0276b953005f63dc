"""seed_demo builds the disclosure page, teams and routing, and a caseworker only in development."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.disclosure import DEV_CASEWORKER_USERNAME
from support.models import CaseworkTeam, DisclosureRequestPage, RoutingRule
from tests.conftest import _Silent

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_one_live_page_teams_and_rules_and_is_idempotent(seeded):
    call_command("seed_demo", stdout=_Silent())
    assert DisclosureRequestPage.objects.live().count() == 1
    assert CaseworkTeam.objects.filter(is_default=True).count() == 1
    assert RoutingRule.objects.filter(police_force="north-wales", team__name="Wales").exists()
    assert CaseworkTeam.objects.count() == 4


def test_seed_demo_keeps_staff_edits(seeded):
    rule = RoutingRule.objects.get(police_force="kent")
    rule.team = CaseworkTeam.objects.get(name="Wales")
    rule.save()
    page = DisclosureRequestPage.objects.get()
    page.title = "Edited by staff"
    page.save_revision().publish()
    call_command("seed_demo", stdout=_Silent())
    assert RoutingRule.objects.get(police_force="kent").team.name == "Wales"
    assert DisclosureRequestPage.objects.get().title == "Edited by staff"


def test_no_demo_caseworker_outside_development(seeded):
    assert not get_user_model().objects.filter(username=DEV_CASEWORKER_USERNAME).exists()
