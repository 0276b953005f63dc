"""Redis stops (the bench's own): pages and signing keep working, and the app says so in its log."""

import re
import time

from bench import journeys
from bench.registry import Figure, measure

SIGNERS = 10

PAGES_OK = Figure(
    "redis_down_pages_ok", "all ok", "Redis stopped: home, guidance and petition pages, 3 times each"
)
SIGNING_OK = Figure("redis_down_signing_ok", "all ok", f"Redis stopped: {SIGNERS} signers, one after another")
WARNING_LOGGED = Figure(
    "redis_down_warning_logged", "== True", "a warning or error about Redis in gunicorn's log"
)


@measure("redis_outage", PAGES_OK, SIGNING_OK, WARNING_LOGGED, needs=("petition",))
def redis_outage(bench):
    bench.stack.stop_redis()
    try:
        client = journeys.Client(bench.stack.base_url, address=bench.addresses.one())
        pages = [
            bench.pages["home"],
            bench.pages.get("guidance") or bench.pages["home"],
            bench.pages["petition"],
        ]
        started = time.monotonic()
        page_ok = sum(client.get(path).status_code == 200 for path in pages * 3)
        page_seconds = time.monotonic() - started
        results = [bench.sign(f"noredis{n}@noredis{n}.example.net") for n in range(SIGNERS)]
    finally:
        bench.stack.start_redis()
    warned = bool(
        re.search(
            r"(WARNING|ERROR).*(redis|ratelimit|rate limit|cache)", bench.stack.gunicorn_log_text(), re.I
        )
    )
    bench.record(PAGES_OK, f"{page_ok}/{len(pages) * 3}", f"{page_seconds:.1f}s for all")
    bench.record(
        SIGNING_OK, f"{journeys.tally(results).get('success', 0)}/{SIGNERS}", str(journeys.tally(results))
    )
    bench.record(WARNING_LOGGED, warned)
