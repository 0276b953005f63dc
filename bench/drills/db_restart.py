"""PostgreSQL restarts (the bench's own) in the middle of signing: no accepted signature may be lost."""

import itertools
import threading
import time

from bench import journeys
from bench.registry import Figure, measure
from bench.services import wait_for

SECONDS, RESTART_AFTER, THREADS = 20, 5, 8

LOST = Figure(
    "lost_signatures_db_restart",
    "== 0",
    f"{THREADS} threads sign for {SECONDS} s; PostgreSQL restarts after {RESTART_AFTER} s; accepted emails "
    "missing from the database",
)
SLOWEST = Figure(
    "db_restart_slowest_request_s",
    "< 10",
    "the slowest visit during that drill: failures must be fast (connect timeout 5 s) and show the error "
    "page",
)


@measure("db_restart", LOST, SLOWEST, needs=("petition",))
def db_restart(bench):
    stop_at = time.monotonic() + SECONDS
    numbers = itertools.count()
    lock = threading.Lock()
    restart = {}

    def signer():
        out = []
        while time.monotonic() < stop_at:
            with lock:
                n = next(numbers)
            out.append(bench.sign(f"pg{n}@pg{n}.example.net"))
        return out

    def restarter():
        time.sleep(RESTART_AFTER)
        started = time.monotonic()
        done = bench.stack.restart_postgres()
        restart["seconds"] = round(time.monotonic() - started, 1)
        restart["rc"] = done.returncode

    thread = threading.Thread(target=restarter)
    thread.start()
    results = [r for batch in journeys.run_concurrently([signer] * THREADS, threads=THREADS) for r in batch]
    thread.join()
    wait_for(bench.stack.postgres.ready, 30)
    wait_for(bench.stack.healthy, 30)
    accepted = [r["email"] for r in results if r["outcome"] == "success"]
    missing = bench.probe_emails("pg", accepted)["missing"] if accepted else 0
    errors = [r for r in results if r["outcome"] != "success"]
    slowest = max((r["seconds"] for r in results), default=0)
    error_pages = sum(
        1 for r in errors if "went wrong" in r.get("body", "") or r.get("status") in (500, 502, 503)
    )
    bench.record(
        LOST,
        missing,
        f"{len(accepted)} accepted, {len(errors)} failed {journeys.tally(errors)} "
        f"({error_pages} with the error page) while PostgreSQL restarted in {restart.get('seconds')}s; "
        f"slowest visit {slowest:.1f}s",
    )
    bench.record(SLOWEST, round(slowest, 2))
