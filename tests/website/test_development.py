"""Development: `make run PORT=…` serves on that port, and emails and printed logins link to it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def dev_setting(name, **env):
    """A value from website/settings/dev.py, read in a fresh interpreter with `env` in its environment."""
    code = f"from website.settings import dev; print(dev.{name})"
    environment = {k: v for k, v in os.environ.items() if k != "WAYMARK_BASE_URL"} | env
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_dev_settings_take_the_served_address_from_the_environment():
    assert dev_setting("WAGTAILADMIN_BASE_URL", WAYMARK_BASE_URL="http://127.0.0.1:8101/") == (
        "http://127.0.0.1:8101"
    )
    assert (
        dev_setting("WAYMARK_BASE_URL", WAYMARK_BASE_URL="http://127.0.0.1:8101") == "http://127.0.0.1:8101"
    )
    assert dev_setting("WAYMARK_BASE_URL") == ""


def test_the_development_console_keeps_task_warnings_but_not_a_line_per_task():
    """`make run`'s worker runs a task every few seconds; its progress lines buried the printed logins."""
    code = (
        "import logging, logging.config; from website.settings import dev; "
        "logging.config.dictConfig(dev.LOGGING); "
        # The worker sets its own loggers' levels, as django-tasks-db's db_worker does at verbosity 1.
        "logging.getLogger('django_tasks').setLevel(logging.INFO); "
        "logging.getLogger('django_tasks').info('Task id=1 state=RUNNING'); "
        "logging.getLogger('django_tasks_db').info('Task id=1 state=SUCCESSFUL'); "
        "logging.getLogger('django_tasks').warning('Task id=2 failed'); "
        "logging.getLogger('waymark.scheduler').info('Scheduler started')"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "Task id=2 failed" in result.stderr
    assert "Scheduler started" in result.stderr
    assert "state=RUNNING" not in result.stderr and "state=SUCCESSFUL" not in result.stderr


MAKE = shutil.which("make")


def make_dry_run(*args):
    """What `make` would run (-n: nothing is run)."""
    return subprocess.run(  # noqa: S603 (make, with our own arguments)
        [MAKE, "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_run_passes_the_host_and_port_it_serves_and_make_stop_names_the_same_port():
    dry_run = make_dry_run("run", "PORT=8101")
    assert "WAYMARK_BASE_URL=http://127.0.0.1:8101 .venv/bin/python manage.py seed_demo" in dry_run
    assert "runserver 127.0.0.1:8101" in dry_run
    assert ".run-8101.pid" in dry_run
    assert ".run-8101.pid" in make_dry_run("stop", "PORT=8101")
