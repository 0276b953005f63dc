"""Print the development logins the demo made, with the admin's address. `make run` calls it once the server
answers, so the logins are the last lines a developer sees, not buried under the server's start-up."""

import time
import urllib.error
import urllib.request
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.management.commands.seed_demo import DEMO_MODULES
from demo.site import admin_url


def dev_logins():
    """(role, username, password) for every demo login whose account exists and still takes that password."""
    User = get_user_model()
    found = []
    for dotted in DEMO_MODULES:
        module = import_module(dotted)
        for role, username, password in getattr(module, "dev_logins", list)():
            user = User.objects.filter(username=username, is_active=True).first()
            if user is not None and user.check_password(password):
                found.append((role, username, password))
    return found


def answers(url):
    """Whether a server answers at url, with any HTTP status."""
    try:
        urllib.request.urlopen(url, timeout=2)  # noqa: S310 (the development server's own address)
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False
    return True


def tasks_waiting():
    """Whether the task worker still has queued or running tasks (their console emails would follow)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).exists()


def wait_until(ready, deadline, pause=0.5):
    """Poll ready() until it is true or the monotonic deadline passes; whether it became true."""
    while not ready():
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
    return True


class Command(BaseCommand):
    help = "Development only: print the demo's staff logins (`make run` does, once the server answers)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--wait",
            type=float,
            default=0,
            metavar="SECONDS",
            help="first wait up to SECONDS for the server to answer and the task queue to empty",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stderr.write("Development logins exist only under development settings.")
            return
        base = getattr(settings, "WAYMARK_BASE_URL", "")
        if options["wait"]:
            # The server answering, then the worker done with the tasks seeding queued: the logins come after
            # the emails those tasks print.
            deadline = time.monotonic() + options["wait"]
            if base and not wait_until(lambda: answers(base + "/"), deadline):
                self.stderr.write(f"Nothing answered at {base}/ within {options['wait']:g} s.")
            else:
                wait_until(lambda: not tasks_waiting(), deadline)
        logins = dev_logins()
        if not logins:
            self.stdout.write("No development logins: run `make seed` first.")
            return
        self.stdout.write(f"Development-only logins for {admin_url()}")
        for role, username, password in logins:
            self.stdout.write(f"  {role:<11} username '{username}', password '{password}'")
