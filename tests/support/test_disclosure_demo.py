"""seed_demo builds the disclosure page, teams and routing, and a caseworker only in development."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from support.disclosure_demo import DEV_CASEWORKER_PASSWORD, DEV_CASEWORKER_USERNAME
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


def test_in_development_a_caseworker_login_is_printed_and_is_a_team_member(db, settings):
    settings.DEBUG = True

    class Out:
        lines = []

        def write(self, text, *args, **kwargs):
            self.lines.append(text)

        def flush(self):
            pass

    out = Out()
    call_command("seed_demo", stdout=out)
    user = get_user_model().objects.get(username=DEV_CASEWORKER_USERNAME)
    assert user.groups.filter(name="Caseworkers").exists()
    assert user.casework_teams.exists()
    assert user.has_perm("support.change_disclosurerequest")
    call_command("dev_logins", stdout=out)
    assert any(DEV_CASEWORKER_USERNAME in line and DEV_CASEWORKER_PASSWORD in line for line in out.lines)


def test_dev_logins_lists_only_logins_that_work(db, settings):
    from website.demo import DEV_ADMIN_USERNAME
    from website.management.commands.dev_logins import dev_logins

    settings.DEBUG = True
    call_command("seed_demo", stdout=_Silent())
    assert {username for _role, username, _password in dev_logins()} == {
        DEV_ADMIN_USERNAME,
        DEV_CASEWORKER_USERNAME,
    }
    caseworker = get_user_model().objects.get(username=DEV_CASEWORKER_USERNAME)
    caseworker.set_password("changed by its owner")
    caseworker.save()
    assert [username for _role, username, _password in dev_logins()] == [DEV_ADMIN_USERNAME]


def test_dev_logins_waits_for_the_server_then_prints_the_logins(db, settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)  # answers every request with 501
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    settings.DEBUG = True
    settings.WAYMARK_BASE_URL = settings.WAGTAILADMIN_BASE_URL = base
    call_command("seed_demo", stdout=_Silent())
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dev_logins", "--wait", "10", stdout=out, stderr=err)
    finally:
        server.shutdown()
    lines = out.getvalue().splitlines()
    assert err.getvalue() == ""
    assert lines[0] == f"Development-only logins for {base}/admin/"
    assert any(DEV_CASEWORKER_USERNAME in line and DEV_CASEWORKER_PASSWORD in line for line in lines[1:])


def test_dev_logins_says_when_nothing_answers(db, settings):
    settings.DEBUG = True
    settings.WAYMARK_BASE_URL = "http://127.0.0.1:9"
    err = io.StringIO()
    call_command("dev_logins", "--wait", "0.3", stdout=io.StringIO(), stderr=err)
    assert "Nothing answered at http://127.0.0.1:9/" in err.getvalue()
