"""import_rows_per_s: `manage.py import_onspd` on a full-size (2.7-million-row) synthetic ONSPD file."""

import os
import subprocess
import time

from bench import onspd
from bench.registry import Figure, measure
from bench.services import TMP

TIMEOUT = int(os.environ.get("BENCH_IMPORT_TIMEOUT", "900"))

ROWS_PER_S = Figure(
    "import_rows_per_s",
    ">= 15000",
    f"`import_onspd` on a {onspd.ROWS:,}-row file (1.1 GB) made from the Aberdeen extract with new unique "
    "postcodes (ZA1 0AA …), cached in `bench/tmp`",
)


@measure("import", ROWS_PER_S)
def import_onspd(bench):
    path = onspd.build()
    started = time.monotonic()
    try:
        result = bench.stack.manage("import_onspd", str(path), timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return bench.record(ROWS_PER_S, None, f"import_onspd took more than {TIMEOUT}s")
    seconds = time.monotonic() - started
    (TMP / "import_onspd.log").write_text(result.stdout[-20000:] + result.stderr[-20000:])
    if result.returncode != 0:
        raise RuntimeError(f"import_onspd failed: {result.stderr[-300:]}")
    bench.record(ROWS_PER_S, round(onspd.ROWS / seconds), f"{onspd.ROWS} rows in {seconds:.0f}s")
