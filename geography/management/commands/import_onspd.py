"""`manage.py import_onspd PATH`: replace the postcode table with an ONS Postcode Directory file."""

from django.core.management.base import BaseCommand, CommandError

from geography.onspd import OnspdError, import_onspd


class Command(BaseCommand):
    help = (
        "Load the ONS Postcode Directory (a CSV, or the zip the ONS publishes) into the postcode table, "
        "replacing the previous import in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="ONSPD CSV file or ONS zip")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")

    def handle(self, path, no_progress=False, verbosity=1, **options):
        try:
            counts = import_onspd(path, progress=verbosity > 0 and not no_progress, stderr=self.stderr._out)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except OnspdError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(counts.summary())
