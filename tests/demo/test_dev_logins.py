"""dev_logins prints the development logins seed_demo made, at the address being served, and only those that
still work."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.disclosure import DEV_CASEWORKER_PASSWORD, DEV_CASEWORKER_USERNAME
from demo.management.commands.dev_logins import dev_logins
from demo.site import DEV_ADMIN_USERNAME
from tests.conftest import _Silent

pytestmark = pytest.mark.django_db


def test_in_development_a_caseworker_login_is_printed_and_is_a_team_member(settings):
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


def test_dev_logins_lists_only_logins_that_work(settings):
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


@pytest.fixture
def served():
    """A server on a free port that answers every request (with 501), as `make run`'s would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize("wait", [False, True], ids=["at-once", "once-the-server-answers"])
def test_dev_logins_prints_the_logins_at_the_address_being_served(settings, served, wait):
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = served
    if wait:
        settings.WAYMARK_BASE_URL = served
    call_command("seed_demo", stdout=_Silent())
    out, err = io.StringIO(), io.StringIO()
    call_command("dev_logins", *(["--wait", "10"] if wait else []), stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert err.getvalue() == ""
    assert lines[0] == f"Development-only logins for {served}/admin/"
    assert len([line for line in lines[1:] if "username" in line]) == 2, lines
    assert any(DEV_CASEWORKER_USERNAME in line and DEV_CASEWORKER_PASSWORD in line for line in lines[1:])
    assert ":8000" not in out.getvalue()


def test_dev_logins_says_when_nothing_answers(settings):
    settings.DEBUG = True
    settings.WAYMARK_BASE_URL = "http://127.0.0.1:9"
    err = io.StringIO()
    call_command("dev_logins", "--wait", "0.3", stdout=io.StringIO(), stderr=err)
    assert "Nothing answered at http://127.0.0.1:9/" in err.getvalue()


def test_the_demo_and_its_commands_are_not_installed_in_production(tmp_path):
    from tests.website.test_deploy_check import manage, production_env

    result = manage(production_env(tmp_path), "help", "--commands")
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split()
    assert "seed_demo" not in commands and "dev_logins" not in commands
    assert "migrate" in commands
