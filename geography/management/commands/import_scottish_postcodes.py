"""`manage.py import_scottish_postcodes PATH`: Scottish postcodes' Scottish Parliament constituencies."""

from django.core.management.base import BaseCommand, CommandError

from geography.devolved import DevolvedDataError, load_scottish_postcodes


class Command(BaseCommand):
    help = (
        "Replace the Scottish postcode → Scottish Parliament constituency table with a Scottish Postcode "
        "Directory CSV from National Records of Scotland (the small-user file, the large-user file, or both "
        "joined under one header). Columns are found by header: Postcode, and the newest "
        "ScottishParliamentaryConstituency<year>Code; DateOfDeletion, if present, lets a current record win "
        "over a deleted one. The ONSPD does not carry this constituency, which is why this table exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Scottish Postcode Directory CSV")

    def handle(self, path, verbosity=1, **options):
        try:
            counts = load_scottish_postcodes(path)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except DevolvedDataError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(counts.summary())
