"""Compile every .po of ours (locale/ and each app's locale/) into the .mo that is committed beside it."""

from django.conf import settings
from django.core.management.base import BaseCommand

from website.i18n import catalogs


class Command(BaseCommand):
    help = "Compile the translation catalogs (msgfmt when installed, else polib); `make messages` runs it."

    def handle(self, *args, **options):
        for po in catalogs.po_files():
            # A .mo that already says what its .po says is left alone, so an unchanged catalog makes no diff.
            if catalogs.mo_is_current(po):
                continue
            mo = catalogs.compile_po(po)
            self.stdout.write(f"Compiled {mo.relative_to(settings.BASE_DIR)}")
