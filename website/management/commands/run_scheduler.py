"""Enqueue periodic tasks on their schedule; `db_worker` runs them. Production runs one of these."""

import logging
import signal
import time
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand

logger = logging.getLogger("waymark.scheduler")


def load_schedule():
    """settings.PERIODIC_TASKS: [("dotted.task", seconds), ...]."""
    schedule = []
    for dotted, every in getattr(settings, "PERIODIC_TASKS", []):
        module, name = dotted.rsplit(".", 1)
        schedule.append((getattr(import_module(module), name), float(every)))
    return schedule


class Command(BaseCommand):
    help = "Run the scheduler for periodic background tasks (settings.PERIODIC_TASKS)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue every task once and stop.")

    def handle(self, *args, once=False, **options):
        schedule = load_schedule()
        if once:
            for task, _every in schedule:
                task.enqueue()
            return
        running = True

        def stop(*_args):
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        due = {task: 0.0 for task, _every in schedule}
        logger.info("Scheduler started with %d periodic task(s)", len(schedule))
        while running:
            now = time.monotonic()
            for task, every in schedule:
                if now >= due[task]:
                    try:
                        task.enqueue()
                    except Exception:
                        logger.exception("Could not enqueue %s", task.name)
                    due[task] = now + every
            time.sleep(1)
