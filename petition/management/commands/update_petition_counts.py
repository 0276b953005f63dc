"""Run the counting batch now (the periodic task calls the same code), or a full recount with --recount."""

from django.core.management.base import BaseCommand

from petition import counting


class Command(BaseCommand):
    help = "Add newly verified (and remove withdrawn or invalidated) signatures to the petition counters."

    def add_arguments(self, parser):
        parser.add_argument("--recount", action="store_true", help="Recount every petition from its rows.")
        parser.add_argument(
            "--no-lag", action="store_true", help="Include signatures verified in the last few seconds."
        )

    def handle(self, *args, recount=False, no_lag=False, **options):
        if recount:
            drifts = counting.recount()
            self.stdout.write(f"Recounted; {len(drifts)} petition(s) had drifted.")
            return
        moved = counting.update_counts(lag_seconds=0 if no_lag else None)
        self.stdout.write(f"Moved {moved} signature(s) into or out of the counts.")
