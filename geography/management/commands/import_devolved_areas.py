"""`manage.py import_devolved_areas PATH --body BODY`: a devolved parliament's constituencies and regions."""

from django.core.management.base import BaseCommand, CommandError

from geography.devolved import DEVOLVED_BODIES, DevolvedDataError, load_areas


class Command(BaseCommand):
    help = (
        "Create or update one devolved parliament's areas from a CSV; columns are found by header. "
        "--body scottish_parliament: a constituency → region lookup (SPC<yy>CD, SPC<yy>NM, SPR<yy>CD, "
        "SPR<yy>NM), each constituency's region becoming its parent. "
        "--body senedd: one row per Westminster constituency (PCON<yy>CD) with the Senedd constituency it "
        "belongs to (senedd_constituency_name, optional senedd_constituency_code and "
        "senedd_constituency_name_cy); without a code a constituency is known by its Westminster codes "
        "joined with '+'. "
        "--body ni_assembly: the Northern Ireland Westminster constituencies (PCON<yy>CD, PCON<yy>NM), each "
        "an Assembly constituency of the same code and boundary. "
        "Running it again with the same file changes nothing; areas the file does not name are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="areas CSV")
        parser.add_argument("--body", required=True, choices=[str(body) for body in DEVOLVED_BODIES])

    def handle(self, path, body, verbosity=1, **options):
        try:
            counts = load_areas(path, body)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except DevolvedDataError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(counts.summary())
