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
DISCLOSURES = 3
DISCLOSURE_OK = Figure(
    "redis_down_disclosure_ok",
    "all ok",
    f'Redis stopped: {DISCLOSURES} whole disclosure requests (every step to the "sent" page), each from '
    "its own address",
)
LETTERS = 3
LETTER_OK = Figure(
    "redis_down_letter_ok",
    "all ok",
    f"Redis stopped: {LETTERS} whole letters to an MP (postcode, details, the finished letter)",
)
WARNING_LOGGED = Figure(
    "redis_down_warning_logged", "== True", "a warning or error about Redis in gunicorn's log"
)


@measure("redis_outage", PAGES_OK, SIGNING_OK, DISCLOSURE_OK, LETTER_OK, WARNING_LOGGED, needs=("petition",))
def redis_outage(bench):
    disclosures = letters = None
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
        if bench.pages.get("disclosure"):
            disclosures = [
                journeys.disclosure(bench.stack.base_url, bench.pages["disclosure"], bench.addresses.one())
                for _ in range(DISCLOSURES)
            ]
        if bench.pages.get("letter") and bench.pages.get("postcodes"):
            postcode = bench.pages["postcodes"][0]["postcode"]
            letters = [
                journeys.letter(bench.stack.base_url, bench.pages["letter"], postcode, bench.addresses.one())
                for _ in range(LETTERS)
            ]
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
    for figure, journeys_run, total in (
        (DISCLOSURE_OK, disclosures, DISCLOSURES),
        (LETTER_OK, letters, LETTERS),
    ):
        if journeys_run is None:
            bench.record(figure, None, "no such page in seed_demo")
            continue
        failed = [r for r in journeys_run if r["outcome"] != "success"]
        bench.details[figure.name] = [{k: v for k, v in r.items() if k != "body"} for r in journeys_run]
        bench.record(
            figure,
            f"{total - len(failed)}/{total}",
            str(journeys.tally(journeys_run))
            + (
                f"; first failure at step {failed[0].get('steps')}: {_text(failed[0].get('body', ''))}"
                if failed
                else ""
            ),
        )
    bench.record(WARNING_LOGGED, warned)


def _text(html):
    """The gist of an error page: its title or first heading."""
    match = re.search(r"<(?:title|h1)[^>]*>(.*?)</", html, re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip()[:120] if match else html[:120]
