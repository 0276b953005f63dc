"""Stream the ONS Postcode Directory (CSV, or the zip the ONS publishes) into the postcode table.

Constant memory: rows are read one at a time and written in batches. Columns are found by header name, so
both header schemes load (to August 2025: pcd/pcd7, pcds, doterm, ctry, pcon, pfa; from November 2025:
ctry25cd, pcon24cd, pfa23cd…). The new rows go to a staging table first and replace the old ones in a single
transaction, so a reader sees either the whole previous import or the whole new one, never a mix.
PostgreSQL loads the staging table with COPY; SQLite inserts with executemany.
"""

import csv
import io
import os
import re
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction

from geography.models.places import Postcode, PostcodeImport

BATCH_SIZE = 20_000
PROGRESS_EVERY = 50_000

# Each field: exact header names first, then a pattern for the dated names of later releases.
COLUMNS = {
    "postcode": (("pcds", "pcd", "pcd7", "pcd2", "pcd8"), None),
    "terminated": (("doterm",), None),
    "country_code": (("ctry",), re.compile(r"^ctry\d*cd$")),
    "constituency_code": (("pcon",), re.compile(r"^pcon\d*cd$")),
    "police_force_code": (("pfa",), re.compile(r"^pfa\d*cd$")),
}
REQUIRED = ("postcode", "terminated", "country_code", "constituency_code")
FIELDS = ("postcode", "constituency_code", "country_code", "police_force_code", "terminated")

_DISPLAY = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}")
_CODE = re.compile(r"[A-Z0-9]{0,9}")
_TERM = re.compile(r"[0-9]{6}")


class OnspdError(Exception):
    pass


@dataclass
class ImportCounts:
    read: int = 0
    live: int = 0
    terminated: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self):
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self):
        lines = [
            f"Read {self.read:,} rows in {self.seconds:.1f}s ({self.rate:,.0f} rows/s).",
            f"Loaded {self.live + self.terminated:,} postcodes: {self.live:,} live, "
            f"{self.terminated:,} terminated.",
        ]
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n:,} {reason}" for reason, n in self.skipped.most_common())
        lines.append(f"Skipped {skipped:,} rows" + (f": {reasons}." if skipped else "."))
        return "\n".join(lines)


def resolve_columns(header):
    """{field: column index} from the header row, whatever its scheme and quoting."""
    names = [name.strip().strip('"').strip().lower() for name in header]
    found = {}
    for name, (exact, pattern) in COLUMNS.items():
        for candidate in exact:
            if candidate in names:
                found[name] = names.index(candidate)
                break
        else:
            if pattern:
                matches = [i for i, n in enumerate(names) if pattern.match(n)]
                if matches:
                    found[name] = matches[-1]  # the newest of several dated columns
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise OnspdError(
            "This doesn't look like an ONSPD file: no column for "
            + ", ".join(missing)
            + f" in its header ({', '.join(names[:8])}…)."
        )
    return found


def open_source(path):
    """(binary stream, size in bytes, display name) for a CSV or the CSV inside an ONS zip."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
        if not members:
            raise OnspdError(f"No CSV file inside {path}.")
        # The full directory is the largest CSV; the zip also holds per-area files and lookups.
        member = max(members, key=lambda m: m.file_size)
        return archive.open(member), member.file_size, member.filename
    return open(path, "rb"), os.path.getsize(path), os.path.basename(path)


def iter_rows(reader, columns, counts):
    """Yield (postcode, constituency, country, police force, terminated) tuples; count what is skipped."""
    ip = columns["postcode"]
    ic = columns["constituency_code"]
    ictry = columns["country_code"]
    iterm = columns["terminated"]
    ipfa = columns.get("police_force_code")
    display = _DISPLAY.fullmatch
    code = _CODE.fullmatch
    skipped = counts.skipped
    for row in reader:
        counts.read += 1
        try:
            raw = row[ip]
            constituency, country, terminated = row[ic], row[ictry], row[iterm]
            police = row[ipfa] if ipfa is not None else ""
        except IndexError:
            skipped["short rows"] += 1
            continue
        postcode = raw if display(raw) else _normalise(raw)
        if not postcode:
            skipped["no postcode" if not raw.strip() else "malformed postcodes"] += 1
            continue
        if not (code(constituency) and code(country) and code(police)):
            skipped["malformed codes"] += 1
            continue
        if terminated and not _TERM.fullmatch(terminated):
            skipped["malformed termination dates"] += 1
            continue
        yield (postcode, constituency, country, police, terminated)


def _normalise(raw):
    compact = "".join(raw.split()).upper()
    candidate = f"{compact[:-3]} {compact[-3:]}"
    return candidate if _DISPLAY.fullmatch(candidate) else ""


class Progress:
    """A one-line progress bar on stderr: rows, share of the file and rows per second."""

    def __init__(self, stream, total_bytes, enabled=True):
        self.stream, self.total, self.enabled = stream, total_bytes, enabled
        self.started = time.monotonic()

    def update(self, rows, position):
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        share = f"{min(position / self.total, 1):6.1%}" if self.total and position else "      "
        self.stream.write(f"\r  {rows:>11,} rows  {share}  {rows / elapsed:>9,.0f} rows/s")
        self.stream.flush()

    def done(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def import_onspd(path, *, progress=True, stderr=None, batch_size=BATCH_SIZE):
    """Load an ONSPD file and replace the postcode table with it. Returns ImportCounts."""
    started = time.monotonic()
    counts = ImportCounts()
    binary, size, name = open_source(path)
    with binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            raise OnspdError(f"{name} is empty.") from None
        columns = resolve_columns(header)
        bar = Progress(stderr or sys.stderr, size, enabled=progress)

        def rows():
            for i, row in enumerate(iter_rows(reader, columns, counts), 1):
                if i % PROGRESS_EVERY == 0:
                    bar.update(counts.read, _position(binary))
                yield row

        if connection.vendor == "postgresql":
            _load_postgresql(rows(), counts)
        else:
            _load_with_executemany(rows(), counts, batch_size)
        bar.update(counts.read, size)
        bar.done()
    counts.seconds = time.monotonic() - started
    PostcodeImport.objects.create(
        source=name[-255:],
        live=counts.live,
        terminated=counts.terminated,
        skipped=sum(counts.skipped.values()),
    )
    return counts


def _position(binary):
    try:
        return binary.tell()
    except (OSError, ValueError):
        return 0


_TABLE = Postcode._meta.db_table
_COLUMNS = ", ".join(FIELDS)


def _count_loaded(cursor, counts, table):
    cursor.execute(f"SELECT terminated = '', COUNT(*) FROM {table} GROUP BY 1")  # noqa: S608
    for is_live, n in cursor.fetchall():
        if is_live:
            counts.live = n
        else:
            counts.terminated = n


def _load_postgresql(rows, counts):
    qn = connection.ops.quote_name
    table, staging = qn(_TABLE), qn(_TABLE + "_staging")
    with connection.cursor() as cursor:
        # An unlogged session-local table: fast to fill, gone when the connection closes.
        cursor.execute(f"DROP TABLE IF EXISTS {staging}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} (postcode text, constituency_code text, country_code text, "
            "police_force_code text, terminated text)"
        )
        staged = 0
        with cursor.cursor.copy(f"COPY {staging} ({_COLUMNS}) FROM STDIN") as copy:
            write = copy.write_row
            for row in rows:
                write(row)
                staged += 1
        if not staged:
            raise OnspdError("No usable postcode rows: the postcode table was left as it was.")
        with transaction.atomic():
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
            cursor.execute(
                f"INSERT INTO {table} ({_COLUMNS}) SELECT DISTINCT ON (postcode) {_COLUMNS} "  # noqa: S608
                f"FROM {staging} ORDER BY postcode, terminated"
            )
            loaded = cursor.rowcount
            _count_loaded(cursor, counts, table)
        cursor.execute(f"DROP TABLE IF EXISTS {staging}")
        cursor.execute(f"ANALYZE {table}")
    if staged > loaded:
        counts.skipped["duplicate postcodes"] += staged - loaded


def _load_with_executemany(rows, counts, batch_size):
    qn = connection.ops.quote_name
    table = qn(_TABLE)
    insert = f"INSERT OR IGNORE INTO {table} ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s)"  # noqa: S608
    staged = loaded = 0
    # One transaction: other connections keep reading the old rows until it commits.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                cursor.executemany(insert, batch)
                loaded += cursor.rowcount
                staged += len(batch)
                batch = []
        if batch:
            cursor.executemany(insert, batch)
            loaded += cursor.rowcount
            staged += len(batch)
        if not staged:
            raise OnspdError("No usable postcode rows: the postcode table was left as it was.")
        _count_loaded(cursor, counts, table)
    if staged > loaded:
        counts.skipped["duplicate postcodes"] += staged - loaded
