"""`make bench`: start the bench's own production stack on loopback, run every measure, print and save the
figures (bench/results.json; see docs/performance.md).

    python -m bench.run               every measure, in the order below
    python -m bench.run sign pages    only those (on a fresh stack all the same)
    python -m bench.run --list        the figures, their goals and how each is made, as a Markdown table

Every figure is a line `name: value` and a key in results.json. A figure that could not be measured is null,
with the reason under "notes".
"""

import os
import signal
import subprocess
import sys
import time

from bench import browser, journeys, nginx, report
from bench.drills import (
    app_server_kill,
    client_addresses,
    db_black_hole,
    db_restart,
    duplicates,
    email_outage,
    redis_outage,
    redis_paused,
)
from bench.figures import (
    baseline,
    count_flatness,
    guidance,
    import_onspd,
    lookups,
    pages,
    signing,
    viral,
)
from bench.harness import Bench, balance
from bench.services import log

# The order matters: the petition page is timed empty before anything signs, the million signatures go in
# after the drills, and the bare view is measured again last.
MEASURES = [
    baseline.baseline,
    pages.page_views,
    viral.petition_page,
    guidance.guidance_bytes,
    guidance.welsh_guidance_bytes,
    lookups.letter_page,
    lookups.lookup_api,
    count_flatness.empty,
    signing.signing,
    signing.email_rate,
    viral.surge,
    duplicates.concurrent_duplicates,
    client_addresses.shared_address,
    client_addresses.forwarded_headers,
    email_outage.email_outage,
    redis_outage.redis_outage,
    app_server_kill.app_server_kill,
    db_restart.db_restart,
    redis_paused.redis_paused,
    db_black_hole.db_black_hole,
    count_flatness.million,
    viral.petition_page_bytes,
    import_onspd.import_onspd,
    baseline.baseline_end,
    balance,
]


def main(keys):
    if "--list" in keys:
        print(report.table(MEASURES))
        return
    unknown = set(keys) - {step.key for step in MEASURES}
    if unknown:
        raise SystemExit(f"no measure {', '.join(sorted(unknown))}; there are {[s.key for s in MEASURES]}")
    chosen = [s for s in MEASURES if not keys or s.key in keys or s.key in ("baseline", "balance")]
    started = time.monotonic()
    _install_tools()
    bench = Bench()
    # Stop the stack on Ctrl-C or a kill too: its PostgreSQL and Redis must not outlive the run.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        bench.stack.up()
        bench.pages = bench.probe("pages")
        log(f"pages: {bench.pages}")
        if bench.pages.get("postcodes"):
            journeys.POSTCODE = bench.pages["postcodes"][0]["postcode"]
        for step in chosen:
            bench.run_measure(step)
            if step is baseline.baseline and not bench.baseline_rps:
                raise SystemExit("the baseline view could not be measured")
    finally:
        bench.stack.down()
    bench.details["worker_restarts"] = bench.stack.worker_restarts
    bench.details["total_seconds"] = round(time.monotonic() - started)
    report.write(bench, chosen)


def _install_tools():
    """wrk, Chromium and nginx come from Debian, as .ci/run installs Chromium and nginx."""
    tools = (("wrk", "/usr/bin/wrk"), ("chromium", browser.CHROMIUM), ("nginx-light", nginx.NGINX))
    missing = [pkg for pkg, path in tools if not os.path.exists(path)]
    if missing:
        log(f"installing {' '.join(missing)} from Debian")
        subprocess.run(
            "apt-get update -qq && apt-get install -y -qq " + " ".join(missing),
            shell=True,
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
