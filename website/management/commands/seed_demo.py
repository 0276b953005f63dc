"""Build the demo site: every app's demo content, in order. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from website import demo as website_demo

# Each app's demo module has `run(stdout)`; later apps may rely on pages the earlier ones made.
DEMO_MODULES = [
    "website.demo",
    "support.demo",
    "support.disclosure_demo",
    "campaign.demo",
    "campaign.letter_demo",
    "geography.hexmap_demo",
    "petition.demo",
    # Last: the Welsh (and, in development, Urdu) versions of pages the modules above made.
    "website.translation_demo",
]


class Command(BaseCommand):
    help = "Create or update the demo content (idempotent). `make run` calls it."

    def handle(self, *args, **options):
        from importlib import import_module

        with transaction.atomic():
            for dotted in DEMO_MODULES:
                try:
                    module = import_module(dotted)
                except ModuleNotFoundError as error:
                    if error.name != dotted:
                        raise
                    continue
                module.run(self.stdout)
        website_demo.ensure_dev_admin(self.stdout)
