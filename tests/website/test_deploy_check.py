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


def test_manage_py_never_falls_back_to_development_settings(tmp_path):
    """Attack: a worker or scheduler started without DJANGO_SETTINGS_MODULE ran with DEBUG on, no 2FA and
    confirmation emails printed into the logs. Now manage.py uses production settings unless told."""
    env = production_env(tmp_path)
    del env["DJANGO_SETTINGS_MODULE"]
    code = (
        "from django.conf import settings as s; "
        "print(s.SETTINGS_MODULE, s.DEBUG, s.WAYMARK_REQUIRE_2FA, s.EMAIL_BACKEND)"
    )
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "website.settings.production False True django.core.mail.backends.smtp.EmailBackend"
    )


def test_a_command_started_with_no_environment_at_all_refuses_to_run(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAYMARK_"))}
    for name in ("SECRET_KEY", "DATABASE_URL", "DISCLOSURE_ENCRYPTION_KEYS", "ALLOWED_HOSTS"):
        env.pop(name, None)
    result = manage(env, "db_worker", "--help")
    assert result.returncode != 0
    assert "must be set in production" in result.stderr


def test_development_settings_are_only_ever_chosen_explicitly():
    makefile = (ROOT / "Makefile").read_text()
    for command in ("migrate", "seed_demo", "db_worker", "run_scheduler", "runserver", "makemigrations"):
        lines = [line for line in makefile.splitlines() if f"manage.py {command}" in line]
        assert lines, command
        assert all("$(DEV)" in line for line in lines), command
    assert "DEV := DJANGO_SETTINGS_MODULE=website.settings.dev" in makefile


def test_check_deploy_fails_when_the_admin_address_is_not_public_https(tmp_path):
    for value in ("http://waymark.example", "https://127.0.0.1:8000", ""):
        env = production_env(tmp_path, WAGTAILADMIN_BASE_URL=value)
        if not value:
            del env["WAGTAILADMIN_BASE_URL"]
        result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
        assert result.returncode != 0, value
        assert "waymark.W002" in result.stdout + result.stderr, value
