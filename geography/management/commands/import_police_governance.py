"""`manage.py import_police_governance [PATH] [--replace]`: police force areas and who oversees each."""

from django.core.management.base import BaseCommand, CommandError

from geography.police_governance import DEFAULT_PATH, PoliceGovernanceDataError, load


class Command(BaseCommand):
    help = (
        "Load the police force areas of the UK with their police and crime commissioner, the mayor who does "
        "that job, or (Scotland, Northern Ireland, the City of London) who oversees policing there. "
        f"PATH defaults to the shipped table, {DEFAULT_PATH.name}."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="police governance CSV")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite representatives staff have edited (by default their edits are kept).",
        )

    def handle(self, path, replace=False, verbosity=1, **options):
        try:
            counts = load(path, replace=replace)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except PoliceGovernanceDataError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(counts.summary())
