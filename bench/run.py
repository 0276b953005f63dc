"""`make bench`: start the production stack on loopback, measure, drill faults, print and save the figures.

Every figure is a line `name: value` and a key in bench/results.json. A figure that cannot be measured (its
feature is not in this tree yet, or a step failed) is null, with the reason under "notes".
"""

import json
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path
from urllib.parse import urlencode

from bench import browser, journeys, onspd, stack, wrk
from bench.stack import TMP, Stack, log

LOAD_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
COUNT_ROWS = int(os.environ.get("BENCH_SIGNATURES", "1000000"))
IMPORT_TIMEOUT = int(os.environ.get("BENCH_IMPORT_TIMEOUT", "900"))
HTTPS = {"X-Forwarded-Proto": "https"}

GOALS = {
    "page_ratio": ">= 0.7",
    "sign_ratio": ">= 0.3",
    "count_flatness": "<= 1.1",
    "lookup_ratio": ">= 0.5",
    "import_rows_per_s": ">= 15000",
    "guidance_page_bytes": "<= 60000",
    "third_party_requests": "== 0",
    "concurrent_duplicates": "== 0",
    "concurrent_confirmed_count": "== 250",
    "lost_signatures_db_restart": "== 0",
}


class Bench:
    def __init__(self):
        self.stack = Stack()
        self.figures = {}
        self.notes = {}
        self.details = {}
        self.pages = {}
        self.baseline_rps = None
        # Part of every simulated signer's email: bench.quick changes it so reruns sign new addresses.
        self.sign_tag = "load"

    # --- bookkeeping -----------------------------------------------------------------------------

    def record(self, name, value, note=None):
        self.figures[name] = value
        if note:
            self.notes[name] = note
        log(f"{name}: {value}" + (f"  ({note})" if note else ""))

    def null(self, names, reason):
        for name in names:
            self.record(name, None, reason)

    def phase(self, names, function):
        """Run one measurement; if it fails, its figures are null with the error as the reason."""
        try:
            function()
        except Exception as error:  # noqa: BLE001 (one phase failing must not stop the others)
            traceback.print_exc(file=sys.stderr)
            for name in names:
                if name not in self.figures:
                    self.record(name, None, f"{type(error).__name__}: {str(error)[:300]}")

    def probe(self, *args):
        result = self.stack.python("-m", "bench.probe", *args)
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"bench.probe {args[0]} failed: {result.stderr[-1500:]}")
        data = json.loads(lines[-1])
        if "error" in data:
            raise RuntimeError(data["error"])
        return data

    def load(self, name, paths, **kwargs):
        kwargs.setdefault("seconds", LOAD_SECONDS)
        kwargs.setdefault("connections", CONNECTIONS)
        headers = {**HTTPS, **kwargs.pop("headers", {})}
        result = wrk.run(self.stack.base_url, paths, headers=headers, name=name, **kwargs)
        self.details[name] = result
        log(f"  wrk {name}: {result}")
        return result

    def interleaved(self, name, paths, rounds=4, **kwargs):
        """The load in `rounds` slices, each followed by a slice of the bare view, so that other work on
        the machine (everything shares the same 2 cores) weighs on the figure and its baseline alike."""
        seconds = max(2, LOAD_SECONDS // 2)
        slices, baselines = [], []
        tag = kwargs.pop("tag", name)
        for index in range(rounds):
            slices.append(self.load(f"{name}-{index}", paths, seconds=seconds, tag=f"{tag}{index}", **kwargs))
            baselines.append(self.load(f"baseline-{name}-{index}", ["/__bench__/bare"], seconds=seconds))
        result = _combine(slices)
        result["baseline_rps"] = _combine(baselines)["rps"]
        self.details[name] = result
        return result

    def ratio(self, name, result):
        self.details[f"{name}_baseline_rps"] = result["baseline_rps"]
        return round(result["rps"] / result["baseline_rps"], 3)

    def latency(self, prefix, result):
        self.record(f"{prefix}_p50_ms", result["p50_ms"])
        self.record(f"{prefix}_p99_ms", result["p99_ms"])

    # --- figures -----------------------------------------------------------------------------------

    def baseline(self):
        self.load("warmup", ["/__bench__/bare"], seconds=2)
        result = self.load("baseline", ["/__bench__/bare"])
        self.baseline_rps = result["rps"]
        self.record("baseline_rps", self.baseline_rps)
        self.latency("baseline", result)

    def page_views(self):
        paths = [self.pages["home"]] + [self.pages[k] for k in ("story", "guidance") if self.pages.get(k)]
        missing = [k for k in ("story", "guidance") if not self.pages.get(k)]
        client = journeys.Client(self.stack.base_url)
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
        self.load("pages-warmup", paths, seconds=2)
        result = self.interleaved("pages", paths)
        note = f"paths {paths}" + (f"; no {', '.join(missing)} page to include" if missing else "")
        self.record("page_ratio", self.ratio("page", result), note)
        self.record("page_rps", result["rps"])
        self.latency("page", result)

    def guidance_bytes(self):
        path = self.pages.get("guidance")
        note = None
        if not path:
            path = self.pages["home"]
            note = f"{self.pages['reasons'].get('guidance')}: measured the home page instead"
        result = browser.measure_page(self.stack.base_url, path)
        self.details["guidance_page"] = result
        if result["status"] != 200:
            raise RuntimeError(f"{path} answered {result['status']} in Chromium")
        self.record("guidance_page_bytes", result["bytes"], note or f"{path}, {result['requests']} requests")
        self.record(
            "third_party_requests", result["third_party"], ", ".join(result["third_party_urls"]) or None
        )

    def lookups(self):
        names = ["lookup_ratio", "lookup_rps", "lookup_p50_ms", "lookup_p99_ms"]
        letter = self.pages.get("letter")
        if not letter:
            return self.null(names, self.pages["reasons"]["letter"] + " (MP letter issue not merged)")
        postcodes = self.pages["postcodes"]
        if not postcodes:
            return self.null(names, "seed_demo loaded no postcodes")
        client = journeys.Client(self.stack.base_url)
        page = client.get(letter)
        forms = journeys.forms_in(page.text, page.public_url)
        form = next((f for f in forms if f.has_field(r"postcode")), None)
        if form is None:
            return self.null(names, f"no form with a postcode field on {letter}")
        sample = postcodes[0]
        data = form.fill({r"postcode": sample["postcode"]})
        if form.method == "GET":
            check = client.get(form.action + "?" + urlencode(data))
        else:
            check = client.request("POST", form.action, data=data, referer=page.public_url)
        if check.status_code != 200 or (sample["constituency"] and sample["constituency"] not in check.text):
            return self.null(
                names,
                f"a lookup of {sample['postcode']} did not show {sample['constituency']!r} "
                f"(HTTP {check.status_code})",
            )
        rotation = [form.fill({r"postcode": p["postcode"]}) for p in postcodes[:50]]
        if form.method == "GET":
            result = self.interleaved("lookup", [form.action + "?" + urlencode(d) for d in rotation])
        else:
            headers = self._form_headers(client, page.public_url)
            result = self.interleaved(
                "lookup",
                [form.action],
                method="POST",
                headers=headers,
                bodies=[urlencode(d) for d in rotation],
            )
        self.record(
            "lookup_ratio",
            self.ratio("lookup", result),
            f"{form.method} {form.action}, {len(rotation)} postcodes in rotation",
        )
        self.record("lookup_rps", result["rps"])
        self.latency("lookup", result)

    def lookup_api(self):
        """The same lookups through the JSON endpoint (/api/postcode-lookup/): the postcode → MP step alone,
        without the letter page around it. Reported beside lookup_ratio, which stays the page's form."""
        names = ["lookup_api_ratio", "lookup_api_rps", "lookup_api_p50_ms", "lookup_api_p99_ms"]
        postcodes = self.pages.get("postcodes") or []
        if not postcodes:
            return self.null(names, "seed_demo loaded no postcodes")
        client = journeys.Client(self.stack.base_url)
        sample = postcodes[0]
        check = client.request("POST", "/api/postcode-lookup/", data={"postcode": sample["postcode"]})
        if check.status_code == 404:
            return self.null(names, "no /api/postcode-lookup/ in this tree")
        if check.status_code != 200 or (sample["constituency"] and sample["constituency"] not in check.text):
            answer = f"{check.status_code}: {check.text[:200]}"
            return self.null(names, f"a JSON lookup of {sample['postcode']} answered {answer}")
        result = self.interleaved(
            "lookup-api",
            ["/api/postcode-lookup/"],
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            bodies=[urlencode({"postcode": p["postcode"]}) for p in postcodes[:50]],
        )
        self.record(
            "lookup_api_ratio",
            self.ratio("lookup-api", result),
            f"POST /api/postcode-lookup/, {min(50, len(postcodes))} postcodes in rotation",
        )
        self.record("lookup_api_rps", result["rps"])
        self.latency("lookup_api", result)

    def _form_headers(self, client, referer):
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
            "Origin": client.origin,
            "Referer": referer,
        }

    def petition_render(self, label):
        """Petition page GETs (not cached: it has a signing form). Returns the mean time per request."""
        result = self.load(
            f"petition-page-{label}",
            [self.pages["petition"]],
            connections=4,
            seconds=max(5, LOAD_SECONDS - 2),
        )
        if not result["rps"]:
            raise RuntimeError(f"the petition page did not answer under load: {result}")
        self.details[f"petition_page_ms_{label}"] = round(1000 * 4 / result["rps"], 2)
        return result

    def signing(self):
        names = ["sign_ratio", "sign_rps", "sign_p50_ms", "sign_p99_ms"]
        client = journeys.Client(self.stack.base_url, address="10.255.0.1")
        form = journeys.find_sign_form(client, self.pages["petition"])
        if form is None:
            return self.null(names, f"no POST form with an email field on {self.pages['petition']}")
        self.sign_form = form
        # One real signature first, through the same code path, to check that the form is filled right.
        trial = journeys.sign(
            self.stack.base_url, self.pages["petition"], "trial@trial.example.net", "10.255.0.2"
        )
        if trial["outcome"] != "success":
            return self.null(
                names, f"a trial signature failed: {trial['outcome']} {trial.get('body', '')[:300]}"
            )
        before = self.probe("count_rows")["rows"]
        data = form.fill(journeys.signer_values("s__N__@m__N__.example.net", "Bench Signer __N__"))
        body = urlencode(data)
        headers = self._form_headers(client, client.origin + self.pages["petition"])
        result = self.interleaved(
            "sign", [form.action], method="POST", headers=headers, bodies=[body], tag=self.sign_tag
        )
        stored = self.probe("count_rows")["rows"] - before
        successes = result["requests"] - result["non_2xx_3xx"]
        note = f"POST {form.action}: {successes} accepted, {stored} rows stored"
        if stored < successes:
            note += " (fewer rows than accepted responses: check the drill figures)"
        self.record("sign_ratio", self.ratio("sign", result), note)
        self.record("sign_rps", result["rps"])
        self.latency("sign", result)

    # --- drills ------------------------------------------------------------------------------------

    def petition_count(self):
        self.stack.manage("update_petition_counts")
        response = journeys.Client(self.stack.base_url).get(self.pages["petition"] + "count.json")
        if response.status_code == 200:
            return int(response.json()["signature_count"])
        self.notes["petition_count"] = f"count.json answered {response.status_code}; read the stored counter"
        return int(self.probe("petition_counter", str(self.pages["petition_id"]))["count"])

    def concurrent_duplicates(self):
        emails = [f"dup{n}@dup{n}.example.net" for n in range(250)]
        jobs = [
            (
                lambda e=e, i=i: journeys.sign(
                    self.stack.base_url, self.pages["petition"], e, f"10.250.{i // 250}.{i % 250}"
                )
            )
            for i, e in enumerate(emails * 2)
        ]
        count_before = self.petition_count()
        results = journeys.run_concurrently(jobs, threads=100)
        outcomes = _tally(results)
        (TMP / "dup-emails.txt").write_text("\n".join(emails))
        rows = self.probe("signatures", str(TMP / "dup-emails.txt"))
        self.record(
            "concurrent_duplicates",
            rows["duplicates"],
            f"500 requests over 250 emails, 100 at a time: {outcomes}; {rows['present']} emails stored",
        )
        # Confirm every address from its email, then count. Signing twice sends a second "confirm"
        # email whose new token retires the first link, so try an address's links newest first.
        self.wait_for_links(emails, seconds=90)
        time.sleep(5)  # let the worker send the second round of emails too
        links = self.all_links(emails)

        def confirm_any(candidates, address):
            return any(journeys.confirm(self.stack.base_url, link, address) for link in reversed(candidates))

        confirmed = journeys.run_concurrently(
            [
                (lambda candidates=candidates, i=i: confirm_any(candidates, f"10.251.0.{i % 250}"))
                for i, candidates in enumerate(links.values())
            ],
            threads=8,
        )
        time.sleep(6)  # the counter lags a few seconds behind commits on purpose
        count_after = self.petition_count()
        self.record(
            "concurrent_confirmed_count",
            count_after - count_before,
            f"{len(links)} confirmation emails found, {sum(bool(c) for c in confirmed)} confirmed",
        )

    def all_links(self, emails):
        """Every confirmation link sent to each address, in the order the outbox holds them."""
        wanted = set(emails)
        links = {}
        for recipients, text in journeys.read_outbox(self.stack.mail_dir):
            link = journeys.confirmation_link(text)
            for address in wanted:
                if link and address in recipients and "/confirm/" in link:
                    links.setdefault(address, []).append(link)
        return links

    def wait_for_links(self, emails, seconds):
        wanted = set(emails)
        deadline = time.monotonic() + seconds
        links = {}
        while time.monotonic() < deadline:
            for recipients, text in journeys.read_outbox(self.stack.mail_dir):
                for address in wanted - links.keys():
                    if address in recipients:
                        link = journeys.confirmation_link(text)
                        if link:
                            links[address] = link
            if len(links) == len(wanted):
                break
            time.sleep(2)
        return links

    def email_outage(self):
        emails = [f"mailout{n}@mailout{n}.example.net" for n in range(20)]
        self.stack.email_fail_flag.write_text("down")
        try:
            results = journeys.run_concurrently(
                [
                    (
                        lambda e=e, i=i: journeys.sign(
                            self.stack.base_url, self.pages["petition"], e, f"10.252.0.{i}"
                        )
                    )
                    for i, e in enumerate(emails)
                ],
                threads=4,
            )
            time.sleep(8)  # let the worker try, and fail, to send
            delivered_during = len(self.wait_for_links(emails, seconds=1))
            (TMP / "mailout-emails.txt").write_text("\n".join(emails))
            kept = self.probe("signatures", str(TMP / "mailout-emails.txt"))["present"]
        finally:
            self.stack.email_fail_flag.unlink(missing_ok=True)
        delivered_after = len(self.wait_for_links(emails, seconds=120))
        self.record(
            "email_outage_signatures_kept",
            kept,
            f"of 20 signed while email failed ({_tally(results)}); "
            f"{delivered_during} emails got out meanwhile",
        )
        self.record(
            "email_outage_emails_after_recovery",
            delivered_after,
            "of 20, sent by the worker within 120 s of the provider recovering",
        )

    def redis_outage(self):
        stack.stop_redis()
        try:
            client = journeys.Client(self.stack.base_url)
            pages = [
                self.pages["home"],
                self.pages.get("guidance") or self.pages["home"],
                self.pages["petition"],
            ]
            started = time.monotonic()
            page_ok = sum(client.get(path).status_code == 200 for path in pages * 3)
            page_seconds = time.monotonic() - started
            emails = [f"noredis{n}@noredis{n}.example.net" for n in range(10)]
            results = [
                journeys.sign(self.stack.base_url, self.pages["petition"], e, f"10.253.0.{i}")
                for i, e in enumerate(emails)
            ]
        finally:
            stack.start_redis()
        log_text = self.stack.gunicorn_log.read_text(errors="replace")
        warned = bool(re.search(r"(WARNING|ERROR).*(redis|ratelimit|rate limit|cache)", log_text, re.I))
        self.record("redis_down_pages_ok", f"{page_ok}/{len(pages) * 3}", f"{page_seconds:.1f}s for all")
        self.record(
            "redis_down_signing_ok",
            f"{_tally(results).get('success', 0)}/{len(emails)}",
            str(_tally(results)),
        )
        self.record("redis_down_warning_logged", warned)

    def db_restart(self):
        """Sign from 8 threads for ~20 s; restart PostgreSQL after 5 s; then look for every accepted email."""
        results = []
        stop_at = time.monotonic() + 20
        counter = iter(range(1_000_000))

        def signer(thread):
            def run():
                out = []
                while time.monotonic() < stop_at:
                    n = next(counter)
                    out.append(
                        journeys.sign(
                            self.stack.base_url,
                            self.pages["petition"],
                            f"pg{n}@pg{n}.example.net",
                            f"10.254.{n // 250 % 250}.{n % 250}",
                        )
                    )
                return out

            return run

        import threading

        restart = {}

        def restarter():
            time.sleep(5)
            started = time.monotonic()
            done = stack.restart_postgres()
            restart["seconds"] = round(time.monotonic() - started, 1)
            restart["rc"] = done.returncode

        thread = threading.Thread(target=restarter)
        thread.start()
        for batch in journeys.run_concurrently([signer(t) for t in range(8)], threads=8):
            results.extend(batch)
        thread.join()
        stack.wait_for(stack.postgres_ready, 30)
        stack.wait_for(self.stack.healthy, 30)
        accepted = [r["email"] for r in results if r["outcome"] == "success"]
        (TMP / "pg-emails.txt").write_text("\n".join(accepted))
        missing = self.probe("signatures", str(TMP / "pg-emails.txt"))["missing"] if accepted else 0
        errors = [r for r in results if r["outcome"] != "success"]
        slowest = max((r["seconds"] for r in results), default=0)
        error_pages = sum(
            1 for r in errors if "went wrong" in r.get("body", "") or r.get("status") in (500, 502, 503)
        )
        self.record(
            "lost_signatures_db_restart",
            missing,
            f"{len(accepted)} accepted, {len(errors)} failed {_tally(errors)} "
            f"({error_pages} with the error page) "
            f"while PostgreSQL restarted in {restart.get('seconds')}s; slowest visit {slowest:.1f}s",
        )
        self.record("db_restart_slowest_request_s", round(slowest, 2))

    # --- big data ----------------------------------------------------------------------------------

    def count_flatness(self):
        if "petition-page-none" not in self.details:
            raise RuntimeError("the petition page was not measured with no signatures")
        inserted = self.probe("bulk_signatures", f"{self.pages['petition_id']}:{COUNT_ROWS}")
        log(f"  inserted {inserted}")
        started = time.monotonic()
        count = self.petition_count()
        self.details["update_counts_after_bulk_s"] = round(time.monotonic() - started, 1)
        self.petition_render("warm")
        self.petition_render("million")
        ratio = self.details["petition_page_ms_million"] / self.details["petition_page_ms_none"]
        self.record(
            "count_flatness",
            round(ratio, 3),
            f"{self.details['petition_page_ms_none']} ms -> {self.details['petition_page_ms_million']} ms "
            f"per page; count.json says {count}",
        )

    def import_onspd(self):
        path = onspd.build()
        started = time.monotonic()
        try:
            result = self.stack.manage("import_onspd", str(path), timeout=IMPORT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return self.record("import_rows_per_s", None, f"import_onspd took more than {IMPORT_TIMEOUT}s")
        seconds = time.monotonic() - started
        (TMP / "import_onspd.log").write_text(result.stdout[-20000:] + result.stderr[-20000:])
        if result.returncode != 0:
            reason = (
                "import_onspd is not in this tree yet (MP letter issue not merged)"
                if ("Unknown command" in result.stderr)
                else f"import_onspd failed: {result.stderr[-300:]}"
            )
            return self.record("import_rows_per_s", None, reason)
        self.record("import_rows_per_s", round(onspd.ROWS / seconds), f"{onspd.ROWS} rows in {seconds:.0f}s")

    # --- the run -----------------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        _install_tools()
        stack.ensure_services()
        self.stack.prepare()
        self.stack.start()
        try:
            self.pages = self.probe("pages")
            log(f"pages: {self.pages}")
            self.phase(["baseline_rps"], self.baseline)
            if not self.baseline_rps:
                raise SystemExit("the baseline view could not be measured")
            self.phase(["page_ratio", "page_rps", "page_p50_ms", "page_p99_ms"], self.page_views)
            self.phase(["guidance_page_bytes", "third_party_requests"], self.guidance_bytes)
            self.phase(["lookup_ratio", "lookup_rps", "lookup_p50_ms", "lookup_p99_ms"], self.lookups)
            self.phase(
                ["lookup_api_ratio", "lookup_api_rps", "lookup_api_p50_ms", "lookup_api_p99_ms"],
                self.lookup_api,
            )
            petition_figures = [
                "sign_ratio",
                "sign_rps",
                "sign_p50_ms",
                "sign_p99_ms",
                "concurrent_duplicates",
                "concurrent_confirmed_count",
                "email_outage_signatures_kept",
                "email_outage_emails_after_recovery",
                "redis_down_pages_ok",
                "redis_down_signing_ok",
                "redis_down_warning_logged",
                "lost_signatures_db_restart",
                "db_restart_slowest_request_s",
                "count_flatness",
            ]
            if self.pages.get("petition"):
                self.phase(["count_flatness"], lambda: self.petition_render("none"))
                self.phase(petition_figures[:4], self.signing)
                self.phase(petition_figures[4:6], self.concurrent_duplicates)
                self.phase(petition_figures[6:8], self.email_outage)
                self.phase(petition_figures[8:11], self.redis_outage)
                self.phase(petition_figures[11:13], self.db_restart)
                self.phase(["count_flatness"], self.count_flatness)
            else:
                self.null(
                    petition_figures, self.pages["reasons"]["petition"] + " (petition issue not merged)"
                )
            self.phase(["import_rows_per_s"], self.import_onspd)
            self.phase(
                ["baseline_rps_end"],
                lambda: self.record(
                    "baseline_rps_end", self.load("baseline-end", ["/__bench__/bare"])["rps"]
                ),
            )
        finally:
            self.stack.stop()
        self.details["worker_restarts"] = self.stack.worker_restarts
        self.details["total_seconds"] = round(time.monotonic() - started)
        self.report()

    def report(self):
        results = {
            "figures": self.figures,
            "baseline_rps": self.baseline_rps,
            "machine": _machine(),
            "goals": GOALS,
            "notes": self.notes,
            "details": self.details,
        }
        out = stack.ROOT / "bench" / "results.json"
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print()
        for name, value in self.figures.items():
            print(f"{name}: {'null' if value is None else value}")
        print(
            f"# {len(self.figures)} figures in {self.details['total_seconds']}s; "
            f"notes and goals in {out.relative_to(stack.ROOT)}"
        )


def _combine(slices):
    """One figure from several wrk slices: total accepted requests over total time; the median slice's p50
    and the worst slice's p99 (percentiles cannot be merged exactly without the raw samples)."""
    seconds = sum(s.get("seconds") or 0 for s in slices)
    good = sum(s["requests"] - s["non_2xx_3xx"] for s in slices)
    p50s = sorted(s["p50_ms"] for s in slices if s["p50_ms"] is not None)
    p99s = [s["p99_ms"] for s in slices if s["p99_ms"] is not None]
    return {
        "rps": round(good / seconds, 1) if seconds else None,
        "requests": sum(s["requests"] for s in slices),
        "non_2xx_3xx": sum(s["non_2xx_3xx"] for s in slices),
        "seconds": round(seconds, 2),
        "p50_ms": p50s[len(p50s) // 2] if p50s else None,
        "p99_ms": max(p99s) if p99s else None,
        "slices_rps": [s["rps"] for s in slices],
    }


def _tally(results):
    tally = {}
    for result in results:
        tally[result["outcome"]] = tally.get(result["outcome"], 0) + 1
    return tally


def _install_tools():
    """wrk and Chromium come from Debian, as .ci/run installs Chromium."""
    missing = [
        pkg
        for pkg, path in (("wrk", "/usr/bin/wrk"), ("chromium", browser.CHROMIUM))
        if not os.path.exists(path)
    ]
    if missing:
        log(f"installing {' '.join(missing)} from Debian")
        subprocess.run(
            "apt-get update -qq && apt-get install -y -qq " + " ".join(missing),
            shell=True,
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
        )


def _machine():
    cpu = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory_kb = 0
    postgres = stack.sh("psql --version", check=False).stdout.strip()
    redis = stack.sh("redis-server --version", check=False).stdout.strip().split(" sha=")[0]
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "postgres": postgres,
        "redis": redis,
        "gunicorn": f"{stack.GUNICORN_WORKERS} workers x {stack.GUNICORN_THREADS} threads (gthread)",
        "load": f"wrk -t1 -c{CONNECTIONS} for {LOAD_SECONDS}s per figure, on the same machine",
    }


if __name__ == "__main__":
    Bench().run()
