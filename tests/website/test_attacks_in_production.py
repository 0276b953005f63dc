"""Attacks on staff access, replayed against the production settings in a separate process: each must fail.

The database is SQLite, migrated once for this module; everything else is `website.settings.production` as
deployed (2FA on, django-axes, SMTP).
The other attacks do not depend on settings and are tested beside the code they concern.
"""

import json
import subprocess
import sys

import pytest

from tests.website.test_deploy_check import ROOT, manage, production_env

PROBE = ROOT / "tests" / "website" / "production_probe.py"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    environment = production_env(folder, MEDIA_ROOT=str(folder / "media"))
    environment.pop("REDIS_URL")  # this process's own memory cache: nothing shared with other tests
    result = manage(environment, "migrate", "--noinput", "-v0")
    assert result.returncode == 0, result.stderr
    return environment


def probe(env, attack):
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(PROBE), attack], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(env):
    seen = probe(env, "brute_force")
    assert seen["final_status"] == 429
    assert not seen["signed_in"]
    assert seen["message"]
    assert 429 in seen["statuses"]


def test_a_stolen_password_does_not_show_the_authenticator_secret(env):
    seen = probe(env, "enrolment_secret")
    assert seen["login_status"] == 302
    assert not seen["secret_shown"]
    assert seen["asks_for_emailed_code"]
    assert seen["admin_status"] == 302 and seen["admin_location"].startswith("/admin/2fa/")


def test_login_restricted_pages_and_documents_stay_shut_after_a_password_only_login(env):
    seen = probe(env, "restricted_content")
    assert seen["login_status"] == 302 and seen["signed_in"]  # the password was right
    assert seen["page_status"] == 302 and seen["page_location"].startswith("/admin/login/")
    assert seen["document_status"] == 302 and seen["document_location"].startswith("/admin/login/")
