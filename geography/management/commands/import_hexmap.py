"""`manage.py import_hexmap PATH [--constituencies PATH]`: the constituency hexmap layout (HexJSON)."""

from django.core.management.base import BaseCommand, CommandError

from geography.hexjson import HexmapError, import_hexmap


class Command(BaseCommand):
    help = (
        "Load the constituency hexmap from a HexJSON file (odd-r layout keyed by GSS code, e.g. Open "
        "Innovations' uk-constituencies-2024.hexjson). Hexes are matched to the constituencies in the "
        "database (import_mps) and to --constituencies by code, then by name; the report lists both."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The HexJSON file.")
        parser.add_argument(
            "--constituencies",
            metavar="PATH",
            help="A JSON object of ONS code → name (e.g. constituencies_2024.json) to match against, "
            "besides the constituencies already in the database.",
        )

    def handle(self, path, constituencies=None, verbosity=1, **options):
        try:
            report = import_hexmap(path, constituencies)
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {error.filename}") from None
        except HexmapError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(report.summary())
