"""The viral moment: the petition page as a visitor from a shared link sees it, a surge of views
and signatures together, and what the page weighs when signatures come from every constituency."""

import os
import time

from bench import browser, journeys
from bench.figures.signing import sign_form
from bench.registry import Figure, latency, measure
from bench.services import log

SURGE_SECONDS = int(os.environ.get("BENCH_SURGE_SECONDS", "60"))
VIEWS_PER_SIGNATURE = 30
SPREAD_PER_CONSTITUENCY = 100

PAGE_RATIO = Figure(
    "petition_page_ratio",
    ">= 0.7",
    "GETs of the petition page with no cookie (a visitor from a shared link), each from a new address, over "
    "the bare view in interleaved slices",
)
PAGE_RPS = Figure("petition_page_rps", how="the same load's accepted requests a second (2xx and 3xx)")
PAGE_LATENCY = latency("petition_page")

SURGE_VIEWS = Figure(
    "surge_views_per_s",
    how=f"{SURGE_SECONDS} s of wrk through nginx, {VIEWS_PER_SIGNATURE} petition-page views (no cookie) to "
    "each signature POST (a new signer and address each), as fast as the stack answers 16 connections: "
    "page views answered 200 a second (nginx's access log)",
)
SURGE_SIGNATURES = Figure(
    "surge_signatures_per_s",
    how="signatures a second in the surge, counted only when stored as pending with their email queued",
)
SURGE_LATENCY = latency("surge", how="wrk latency over the surge's mixed requests")
SURGE_ERRORS = Figure(
    "surge_errors",
    "== 0",
    "surge requests answered 4xx/5xx or failed at the socket (wrk and nginx's log; not the 499s of the "
    "requests still in flight when wrk stops)",
)
SURGE_LOST = Figure(
    "surge_signatures_lost",
    "== 0",
    "sign POSTs nginx logged as answered 303 in the surge, less the rows the database holds for them",
)
PAGE_BYTES = Figure(
    "petition_page_bytes",
    "<= 100000",
    f"Chromium, empty cache, the petition page after verified signatures in every constituency "
    f"({SPREAD_PER_CONSTITUENCY:,} each, counted): the sum of `encodedDataLength` of every request",
)


@measure("petition_page", PAGE_RATIO, PAGE_RPS, *PAGE_LATENCY, needs=("petition",))
def petition_page(bench):
    path = bench.pages["petition"]
    first = journeys.Client(bench.stack.base_url, address=bench.addresses.one()).get(path)
    if first.status_code != 200:
        raise RuntimeError(f"{path} answered {first.status_code}")
    bench.details["petition_page_headers"] = {
        k: first.headers.get(k)
        for k in ("Cache-Control", "Set-Cookie", "Vary", "Age")
        if first.headers.get(k)
    }
    bench.load("petition-page-warmup", [path], seconds=2)
    result = bench.interleaved("petition-page", [path])
    cache = first.headers.get("Cache-Control", "none")
    bench.record(PAGE_RATIO, bench.ratio("petition_page", result), f"GET {path}; Cache-Control: {cache}")
    bench.record(PAGE_RPS, result["rps"])
    bench.latency(PAGE_LATENCY, result)


@measure(
    "surge",
    SURGE_VIEWS,
    SURGE_SIGNATURES,
    *SURGE_LATENCY,
    SURGE_ERRORS,
    SURGE_LOST,
    needs=("petition",),
)
def surge(bench):
    from bench.nginx import statuses

    form, load = sign_form(bench)
    petition = bench.pages["petition"]
    sign = {"method": "POST", "path": form.action, "headers": load["headers"], "body": load["bodies"][0]}
    mix = [{"path": petition}] * VIEWS_PER_SIGNATURE + [sign]
    tag = f"{bench.sign_tag}surge"
    front = bench.stack.front
    offset = front.access_log_size() if front else None
    started = time.time()
    result = bench.load("surge", [petition], mix=mix, seconds=SURGE_SECONDS, tag=tag, remeasure=False)
    seconds = result["seconds"] or (time.time() - started)
    time.sleep(1)  # nginx writes its log line as each answer goes out
    rows = bench.probe("slice_rows", tag)[tag]
    stored = sum(rows["rows"].values())
    details = {
        "rows_by_state": rows["rows"],
        "wrk": {k: result[k] for k in ("requests", "non_2xx_3xx", "socket_errors")},
    }
    if front:
        lines = front.access_log_since(offset)
        views = statuses(lines, "GET", petition)
        posts = statuses(lines, "POST", form.action)
        details.update(views_by_status=views, sign_posts_by_status=posts)
        views_ok = views.get(200, 0)
        posts_ok = sum(n for status, n in posts.items() if 300 <= status < 400)
        # 499: wrk closed its connections at the end of the run with requests still in flight; not errors.
        nginx_errors = sum(
            n for counts in (views, posts) for status, n in counts.items() if status >= 400 and status != 499
        )
    else:
        views_ok = round((result["requests"] - result["non_2xx_3xx"]) * VIEWS_PER_SIGNATURE / len(mix))
        posts_ok = round((result["requests"] - result["non_2xx_3xx"]) / len(mix))
        nginx_errors = result["non_2xx_3xx"]
    counted = min(rows["pending_with_email_queued"], posts_ok)
    errors = max(nginx_errors, result["non_2xx_3xx"]) + result["socket_errors"]
    lost = max(0, posts_ok - stored)
    bench.details["surge_counts"] = details  # "surge" holds the wrk run
    bench.record(SURGE_VIEWS, round(views_ok / seconds, 1), f"{views_ok} views in {seconds:.0f} s")
    bench.record(
        SURGE_SIGNATURES,
        round(counted / seconds, 1),
        f"{counted} counted of {posts_ok} sign POSTs answered 303; rows "
        + ", ".join(f"{n} {s}" for s, n in sorted(rows["rows"].items())),
    )
    bench.latency(SURGE_LATENCY, result)
    bench.record(SURGE_ERRORS, errors)
    bench.record(SURGE_LOST, lost)


@measure("petition_bytes", PAGE_BYTES, needs=("petition",))
def petition_page_bytes(bench):
    spread = bench.probe("spread_signatures", f"{bench.pages['petition_id']}:{SPREAD_PER_CONSTITUENCY}")
    log(f"  {spread}")
    bench.petition_count()  # runs update_petition_counts
    time.sleep(2)
    path = bench.pages["petition"]
    result = browser.measure_page(bench.stack.base_url, path)
    bench.details["petition_page"] = result
    if result["status"] != 200:
        raise RuntimeError(f"{path} answered {result['status']} in Chromium")
    bench.record(
        PAGE_BYTES,
        result["bytes"],
        f"{path}, {result['requests']} requests, after {spread['inserted']:,} verified signatures over "
        f"{spread['constituencies']} constituencies",
    )
