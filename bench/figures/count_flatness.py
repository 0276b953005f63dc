"""count_flatness: the petition page's time with a million verified signatures over its time with none.

Two steps: the page with no signatures is measured before any signing, the million after the drills.
"""

import os
import time

from bench.harness import LOAD_SECONDS
from bench.registry import Figure, measure
from bench.stack import log

ROWS = int(os.environ.get("BENCH_SIGNATURES", "1000000"))
CONNECTIONS = 4

FLATNESS = Figure(
    "count_flatness",
    "<= 1.1",
    f"petition page time with {ROWS:,} verified signatures (one `INSERT … SELECT generate_series`, then "
    "`update_petition_counts`) over the time with none",
)


def petition_render(bench, label):
    """Petition page GETs (not cached: it has a signing form); the mean time per request, in ms."""
    result = bench.load(
        f"petition-page-{label}",
        [bench.pages["petition"]],
        connections=CONNECTIONS,
        seconds=max(5, LOAD_SECONDS - 2),
    )
    if not result["rps"]:
        raise RuntimeError(f"the petition page did not answer under load: {result}")
    milliseconds = round(1000 * CONNECTIONS / result["rps"], 2)
    bench.details[f"petition_page_ms_{label}"] = milliseconds
    return milliseconds


@measure("petition_empty", needs=("petition",))
def empty(bench):
    petition_render(bench, "none")


@measure("count_flatness", FLATNESS, needs=("petition",))
def million(bench):
    if "petition_page_ms_none" not in bench.details:
        raise RuntimeError("the petition page was not measured with no signatures")
    inserted = bench.probe("bulk_signatures", f"{bench.pages['petition_id']}:{ROWS}")
    log(f"  inserted {inserted}")
    started = time.monotonic()
    count = bench.petition_count()
    bench.details["update_counts_after_bulk_s"] = round(time.monotonic() - started, 1)
    petition_render(bench, "warm")
    none, full = bench.details["petition_page_ms_none"], petition_render(bench, "million")
    bench.record(FLATNESS, round(full / none, 3), f"{none} ms -> {full} ms per page; count.json says {count}")
