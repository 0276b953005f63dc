"""Production settings pass Django's deployment checks with the example environment in operations.md."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAYMARK_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="deploy-check-" + "k3y-" * 16,
        ALLOWED_HOSTS="waymark.example",
        CSRF_TRUSTED_ORIGINS="https://waymark.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/15",
        WAGTAILADMIN_BASE_URL="https://waymark.example",
        # A fixed, valid Fernet key (32 zero bytes, base64): example only.
        DISCLOSURE_ENCRYPTION_KEYS="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        SIGNATURE_IP_HMAC_KEY="deploy-check-example-hmac-key",
    )
    env.update(overrides)
    return env


def manage(env, *args):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_issues_under_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_requires_two_factor_by_default(tmp_path):
    code = "from django.conf import settings; print(settings.WAYMARK_REQUIRE_2FA)"
    result = manage(production_env(tmp_path), "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_check_deploy_fails_when_two_factor_is_switched_off(tmp_path):
    env = production_env(tmp_path, WAYMARK_REQUIRE_2FA="0")
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "waymark.W001" in result.stdout + result.stderr


def test_production_sends_hsts_with_preload_and_redirects_to_https(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)"
    )
    result = manage(production_env(tmp_path), "shell", "-c", code)
    assert result.stdout.strip().splitlines()[-1] == "31536000 True True True True True False"
