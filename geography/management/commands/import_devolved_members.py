"""`manage.py import_devolved_members PATH --body BODY`: MSPs, Members of the Senedd or MLAs."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from geography.devolved import DEVOLVED_BODIES, DevolvedDataError, load_members


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--checked-on wants a date like 2026-05-08, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Create or update one devolved parliament's members from a CSV, after import_devolved_areas. "
        "Columns are found by header: the member's name (name, or first and last), their area "
        "(constituency / region / area name, or area_code), and optionally party, email, website and the "
        "source's id (external_id or parlparse_id) by which a re-import recognises them. A Scottish "
        "member of a region is a regional member, of a constituency a constituency member. Members staff "
        "have edited are kept unless --replace; members the file no longer lists are reported, and deleted "
        "only with --prune."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="members CSV")
        parser.add_argument("--body", required=True, choices=[str(body) for body in DEVOLVED_BODIES])
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite members staff have edited as well."
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Delete members of the file's areas whom it does not list (with their stances and letter "
            "counts); staff-edited ones only with --replace too.",
        )
        parser.add_argument(
            "--source-url", default="", help="Where the list was checked, stored on each member."
        )
        parser.add_argument("--checked-on", type=_date, help="When it was checked (YYYY-MM-DD).")

    def handle(
        self, path, body, replace=False, prune=False, source_url="", checked_on=None, verbosity=1, **options
    ):
        try:
            counts = load_members(
                path, body, replace=replace, prune=prune, source_url=source_url, checked_on=checked_on
            )
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except DevolvedDataError as error:
            raise CommandError(str(error)) from None
        if verbosity > 0:
            self.stdout.write(counts.summary())
