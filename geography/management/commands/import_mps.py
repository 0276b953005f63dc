"""`manage.py import_mps PATH [--sync]`: constituencies and MPs from the Commons Library results CSV."""

from django.core.management.base import BaseCommand, CommandError

from geography.parliament import ParliamentDataError, load_results_csv, sync_members


class Command(BaseCommand):
    help = (
        "Load the 650 constituencies and their MPs from the House of Commons Library results CSV. "
        "--sync then updates current MPs (name, party, email, vacancies) from the UK Parliament Members API "
        "(online)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Commons Library results CSV (ge2024_results…csv)")
        parser.add_argument(
            "--replace-mps",
            action="store_true",
            help="Overwrite MPs already in the database (by default staff edits are kept).",
        )
        parser.add_argument("--sync", action="store_true", help="Then update MPs from the Members API.")

    def handle(self, path=None, replace_mps=False, sync=False, verbosity=1, **options):
        if not path and not sync:
            raise CommandError("Give the results CSV, or --sync, or both.")
        if path:
            try:
                counts = load_results_csv(path, replace_mps=replace_mps)
            except FileNotFoundError:
                raise CommandError(f"No such file: {path}") from None
            except ParliamentDataError as error:
                raise CommandError(str(error)) from None
            if verbosity > 0:
                self.stdout.write(counts.summary())
        if sync:
            counts = sync_members()
            if verbosity > 0:
                self.stdout.write("Members API: " + counts.summary().split("\n", 1)[1])
