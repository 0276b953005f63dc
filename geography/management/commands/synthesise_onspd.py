"""`manage.py synthesise_onspd SAMPLE OUT --rows N`: a large ONSPD-shaped CSV for import benchmarks.

Repeats the sample's rows with every postcode rewritten to a unique, well-formed synthetic one
(ZA1 0AA, ZA1 0AB, …), so the full 2.7 million rows can be timed without the 1.4 GB ONS download.
"""

import csv
import itertools
import string

from django.core.management.base import BaseCommand

from geography.onspd import resolve_columns

UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in the inward code


def synthetic_postcodes():
    areas = ("".join(pair) for pair in itertools.product("ZYXWVU", string.ascii_uppercase))
    for area in areas:
        for district in range(1, 100):
            for sector in range(10):
                for a, b in itertools.product(UNIT_LETTERS, repeat=2):
                    yield f"{area}{district}", f"{sector}{a}{b}"


class Command(BaseCommand):
    help = "Write a synthetic ONSPD CSV of N rows built from a real sample file (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("sample")
        parser.add_argument("out")
        parser.add_argument("--rows", type=int, default=2_700_000)

    def handle(self, sample, out, rows, **options):
        with open(sample, newline="", encoding="utf-8-sig") as source:
            reader = csv.reader(source)
            header = next(reader)
            template = list(reader)
        names = [n.strip().lower() for n in header]
        postcode_columns = [i for i, n in enumerate(names) if n in {"pcd", "pcd7", "pcd2", "pcd8", "pcds"}]
        resolve_columns(header)  # fail early on a file that isn't ONSPD
        with open(out, "w", newline="", encoding="utf-8") as target:
            writer = csv.writer(target)
            writer.writerow(header)
            codes = synthetic_postcodes()
            for i in range(rows):
                row = list(template[i % len(template)])
                outward, inward = next(codes)
                for column in postcode_columns:
                    kind = names[column]
                    if kind in {"pcd", "pcd7", "pcd2"}:
                        row[column] = f"{outward:<4}{inward}"
                    elif kind == "pcd8":
                        row[column] = f"{outward:<5}{inward}"
                    else:
                        row[column] = f"{outward} {inward}"
                writer.writerow(row)
        self.stdout.write(f"Wrote {rows:,} rows to {out}.")
