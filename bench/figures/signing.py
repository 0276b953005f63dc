"""Signing the petition under load: sign_ratio over the bare view, and whether the confirmation emails keep
up with the signatures (email_rate).

Only honest signatures count: each simulated signer has an address, email and domain never used before in
the run, and a signature counts only if the database holds it as pending with its confirmation email queued
(a rate-limited or blocked request also answers 303, but stores a fraudulent row and sends nothing).
"""

import time
from urllib.parse import urlencode

from bench import journeys
from bench.harness import LOAD_SECONDS
from bench.registry import Figure, latency, measure

RATIO = Figure(
    "sign_ratio",
    ">= 0.3",
    "wrk POSTs of the petition form (one CSRF cookie and token; a new email, domain and address per request, "
    "never reused in the run); counted: rows stored as pending with their confirmation email queued",
)
RPS = Figure("sign_rps", how="signatures counted a second, as for sign_ratio")
LATENCY = latency("sign")
EMAIL_RATE = Figure(
    "email_rate",
    ">= 1.0",
    "confirmation emails the task workers (`BENCH_EMAIL_WORKERS` db_worker processes, 6) sent per second "
    "of 20 s of sustained signing (wrk, from an empty queue; emails counted until 2 s after it stops, the "
    "workers' polling delay), over the signatures counted per second",
)
SUSTAINED_SECONDS = 2 * LOAD_SECONDS
# Emails are counted until this long after the signing stops: db_worker polls the queue every second, so
# even workers that keep up send each email up to a second or two after its signature. (From an empty queue,
# counting both over the same window could never reach 1.0.) The delays themselves are in the details.
EMAIL_LAG = 2.0


def sign_form(bench):
    """The petition's form as a visitor gets it, checked first with one real signature."""
    petition = bench.pages["petition"]
    client = journeys.Client(bench.stack.base_url, address=bench.addresses.one())
    form = journeys.find_sign_form(client, petition)
    if form is None:
        raise RuntimeError(f"no POST form with an email field on {petition}")
    trial = bench.sign(f"trial{bench.addresses.next}@trial.example.net")
    if trial["outcome"] != "success":
        raise RuntimeError(f"a trial signature failed: {trial['outcome']} {trial.get('body', '')[:300]}")
    data = form.fill(journeys.signer_values("s__N__@m__N__.example.net", "Bench Signer __N__"))
    load = {
        "method": "POST",
        "headers": bench.form_headers(client, client.origin + petition),
        "bodies": [urlencode(data)],
    }
    return form, load


def _describe(rows):
    return ", ".join(f"{n} {state}" for state, n in sorted(rows.items())) or "none"


@measure("sign", RATIO, RPS, *LATENCY, needs=("petition",))
def signing(bench):
    form, load = sign_form(bench)
    result = bench.interleaved("sign", [form.action], tag=bench.sign_tag, **load)
    stored = bench.probe("slice_rows", ",".join(s["tag"] for s in result["slices"]))
    slices = []
    for piece in result["slices"]:
        rows = stored[piece["tag"]]
        slices.append(
            {
                "tag": piece["tag"],
                "seconds": piece["seconds"],
                "accepted": piece["requests"] - piece["non_2xx_3xx"],
                # Rows beyond the answered requests are the ones still in flight when wrk stopped.
                "counted": min(rows["pending_with_email_queued"], piece["requests"] - piece["non_2xx_3xx"]),
                "rows_by_state": rows["rows"],
                "worker_cpu_shares": piece["worker_cpu_shares"],
                "app_cpu_ms_per_request": piece["app_cpu_ms_per_request"],
            }
        )
    bench.details["sign_slices"] = slices
    seconds = sum(s["seconds"] for s in slices)
    counted = sum(s["counted"] for s in slices)
    accepted = sum(s["accepted"] for s in slices)
    rps = round(counted / seconds, 1)
    all_rows = {}
    for piece in slices:
        for state, n in piece["rows_by_state"].items():
            all_rows[state] = all_rows.get(state, 0) + n
    note = (
        f"POST {form.action}: {counted} stored as pending with their email queued, of {accepted} accepted "
        f"responses; rows by state: {_describe(all_rows)}; {bench.cpu_note(result)}"
    )
    bench.record(RATIO, round(rps / result["baseline_rps"], 3), note)
    bench.details["sign_baseline_rps"] = result["baseline_rps"]
    bench.record(RPS, rps)
    bench.latency(LATENCY, result)


@measure("email_rate", EMAIL_RATE, needs=("petition",))
def email_rate(bench):
    form, load = sign_form(bench)
    windows = []

    def from_an_empty_queue():
        bench.probe("wait_for_emails", "300")
        windows.append({"started": time.time(), "worker_cpu": bench.stack.worker_cpu()})

    result = bench.load(
        "sustained-sign",
        [form.action],
        seconds=SUSTAINED_SECONDS,
        tag=f"{bench.sign_tag}sustained",
        before_attempt=from_an_empty_queue,
        after_attempt=lambda: windows[-1].update(
            ended=time.time(), worker_cpu_after=bench.stack.worker_cpu()
        ),
        **load,
    )
    window = windows[result.get("attempt", 0)]
    seconds = window["ended"] - window["started"]
    time.sleep(max(0.0, window["ended"] + EMAIL_LAG - time.time()))
    signed = bench.probe("slice_rows", result["tag"])[result["tag"]]
    sent = bench.probe("emails_sent", str(window["started"]), str(window["ended"] + EMAIL_LAG))
    delays = bench.probe("email_delays", result["tag"])
    drained = bench.probe("wait_for_emails", "300")
    counted = signed["pending_with_email_queued"]
    worker_ms = None
    if window["worker_cpu"] is not None and window.get("worker_cpu_after") is not None:
        worker_ms = round(
            1000 * (window["worker_cpu_after"] - window["worker_cpu"]) / max(sent["sent"], 1), 2
        )
    bench.details["email_rate"] = {
        "seconds": round(seconds, 1),
        "signatures_per_s": round(counted / seconds, 1),
        "emails_per_s": round(sent["sent"] / seconds, 1),
        "rows_by_state": signed["rows"],
        "waiting_at_end": sent["waiting"],
        "seconds_to_send_the_rest": drained["seconds"],
        "worker_cpu_ms_per_email": worker_ms,
        "seconds_from_signature_to_email": delays,
    }
    bench.record(
        EMAIL_RATE,
        round(sent["sent"] / counted, 3) if counted else None,
        f"{sent['sent'] / seconds:.0f} emails/s against {counted / seconds:.0f} signatures/s "
        f"over {seconds:.0f} s; "
        f"{sent['waiting']} still waiting {EMAIL_LAG:.0f} s after the end, "
        f"sent {drained['seconds']} s later; "
        f"{len(bench.stack.workers)} db_worker processes, {worker_ms} ms of their CPU per email; from "
        f"signature to email sent: median {delays.get('p50')} s, p99 {delays.get('p99')} s",
    )
