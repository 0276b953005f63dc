"""Build the demo site: every app's demo content, in order. Safe to run again."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import site

# Each module has `run(stdout)`; later ones may rely on pages the earlier ones made.
DEMO_MODULES = [
    "demo.site",
    "demo.support",
    "demo.disclosure",
    "demo.campaign",
    "demo.letters",
    "demo.representatives",
    "demo.hexmap",
    "demo.petition",
    # Last: the Welsh (and, in development, Urdu) versions of pages the modules above made.
    "demo.translations",
]


class Command(BaseCommand):
    help = "Create or update the demo content (idempotent). `make run` calls it."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted in DEMO_MODULES:
                import_module(dotted).run(self.stdout)
        site.ensure_dev_admin(self.stdout)
