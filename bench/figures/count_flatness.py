"""count_flatness: the petition page's time with a million verified signatures over its time with none.

Two steps: the page with no signatures is measured before any signing, the million after the drills. The
two are minutes apart, and this shared machine's speed moves by more than 10 % between minutes, so each
page time is taken over the bare view's time measured right after it, at the same concurrency: the figure
compares the page with itself, not the machine with itself.
"""

import os
import time

from bench.harness import BARE, LOAD_SECONDS
from bench.registry import Figure, measure
from bench.services import log

ROWS = int(os.environ.get("BENCH_SIGNATURES", "1000000"))
CONNECTIONS = 4

FLATNESS = Figure(
    "count_flatness",
    "<= 1.1",
    f"petition page time with {ROWS:,} verified signatures (one `INSERT … SELECT generate_series`, then "
    "`update_petition_counts`) over the time with none, each over the bare view's time measured after it",
)


def _ms_per_request(bench, name, path):
    result = bench.load(name, [path], connections=CONNECTIONS, seconds=max(5, LOAD_SECONDS - 2))
    if not result["rps"]:
        raise RuntimeError(f"{path} did not answer under load: {result}")
    return round(1000 * CONNECTIONS / result["rps"], 3)


def petition_render(bench, label):
    """Petition page GETs as a shared link brings them, then the bare view at the same concurrency: the
    page's mean time per request in ms, and that over the bare view's."""
    page = _ms_per_request(bench, f"petition-page-{label}", bench.pages["petition"])
    bare = _ms_per_request(bench, f"baseline-petition-page-{label}", BARE)
    bench.details[f"petition_page_ms_{label}"] = page
    bench.details[f"petition_page_bare_ms_{label}"] = bare
    bench.details[f"petition_page_over_bare_{label}"] = round(page / bare, 3)
    return page / bare


@measure("petition_empty", needs=("petition",))
def empty(bench):
    petition_render(bench, "none")


@measure("count_flatness", FLATNESS, needs=("petition",))
def million(bench):
    if "petition_page_over_bare_none" not in bench.details:
        raise RuntimeError("the petition page was not measured with no signatures")
    inserted = bench.probe("bulk_signatures", f"{bench.pages['petition_id']}:{ROWS}")
    log(f"  inserted {inserted}")
    started = time.monotonic()
    count = bench.petition_count()
    bench.details["update_counts_after_bulk_s"] = round(time.monotonic() - started, 1)
    petition_render(bench, "warm")
    none, full = bench.details["petition_page_over_bare_none"], petition_render(bench, "million")
    d = bench.details
    bench.record(
        FLATNESS,
        round(full / none, 3),
        f"{d['petition_page_ms_none']} ms -> {d['petition_page_ms_million']} ms a page, against "
        f"{d['petition_page_bare_ms_none']} -> {d['petition_page_bare_ms_million']} ms for the bare view "
        f"in the same minutes; count.json says {count}",
    )
