"""What every measure uses: the stack, the figures recorded so far, wrk loads checked for balance across the
gunicorn workers, loads interleaved with the bare view, fresh simulated addresses and the database probe."""

import json
import os
import sys
import traceback

from bench import journeys, wrk
from bench.addresses import Addresses
from bench.registry import Figure, measure, missed
from bench.services import HTTPS, TMP, log
from bench.stack import Stack, cpu_seconds, cpu_used

LOAD_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
BARE = "/__bench__/bare"
# A load slice is measured again (up to REMEASURES times) when one gunicorn worker did less than half its
# even share of the work: wrk's connections landed on the other worker, and the slice ran on half the server.
REMEASURES = 2
# What every browser sends with every request: pages are then measured compressed, as people get them (wrk
# sends no Accept-Encoding of its own, and a plain page costs the app far less than a compressed one).
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
UNEVEN_BELOW = 0.5
MIN_CPU_SECONDS = 0.2  # too little work in a slice to judge its balance


REMEASURED = Figure(
    "slices_remeasured",
    how="wrk runs measured again because one gunicorn worker did less than half its share of the CPU "
    "(wrk's connections had landed on the other worker); the most even attempt is kept",
)


def worker_shares(before, after):
    """Each gunicorn worker's share of the CPU the workers used between two snapshots {pid: seconds}."""
    used = {pid: after[pid] - before[pid] for pid in before if after.get(pid) is not None}
    total = sum(used.values())
    if len(used) < 2 or total < MIN_CPU_SECONDS:
        return {}
    return {str(pid): round(seconds / total, 3) for pid, seconds in used.items()}


def uneven(shares):
    return bool(shares) and min(shares.values()) < UNEVEN_BELOW / len(shares)


def combine(slices):
    """One figure from several wrk slices: total accepted requests over total time; the median slice's p50
    and the worst slice's p99 (percentiles cannot be merged exactly without the raw samples)."""
    seconds = sum(s.get("seconds") or 0 for s in slices)
    good = sum(s["requests"] - s["non_2xx_3xx"] for s in slices)
    p50s = sorted(s["p50_ms"] for s in slices if s["p50_ms"] is not None)
    services = {}
    for piece in slices:
        for service, used in piece.get("cpu_seconds_by_service", {}).items():
            services[service] = services.get(service, 0.0) + used
    p99s = [s["p99_ms"] for s in slices if s["p99_ms"] is not None]
    return {
        "rps": round(good / seconds, 1) if seconds else None,
        "requests": sum(s["requests"] for s in slices),
        "non_2xx_3xx": sum(s["non_2xx_3xx"] for s in slices),
        "seconds": round(seconds, 2),
        "p50_ms": p50s[len(p50s) // 2] if p50s else None,
        "p99_ms": max(p99s) if p99s else None,
        "slices_rps": [s["rps"] for s in slices],
        "cpu_ms_per_request_by_service": per_request(services, sum(s["requests"] for s in slices)),
    }


def per_request(cpu_seconds, requests):
    """{service: CPU seconds} over a load's requests: {service: ms a request}, busiest first, with "all"."""
    if not requests or not cpu_seconds:
        return {}
    shares = {k: round(1000 * v / requests, 2) for k, v in sorted(cpu_seconds.items(), key=lambda kv: -kv[1])}
    return {**shares, "all": round(1000 * sum(cpu_seconds.values()) / requests, 2)}


def describe_cpu(by_service):
    """ "app 2.1 + PostgreSQL 0.3 + … = 2.6 ms of CPU a request" for a figure's note."""
    parts = [f"{k} {v}" for k, v in by_service.items() if k != "all" and v >= 0.05]
    return f"{' + '.join(parts)} = {by_service.get('all')} ms of CPU a request" if parts else ""


class Bench:
    def __init__(self, stack=None):
        self.stack = stack or Stack()
        self.figures = {}
        self.notes = {}
        self.details = {}
        self.pages = {}
        self.baseline_rps = None
        self.addresses = Addresses()
        self.remeasured = {}  # load name -> how many more times it was measured, having landed unevenly
        # Part of every simulated signer's email: bench.quick changes it so reruns sign new addresses.
        self.sign_tag = "sign"
        self._running = None

    # --- figures ----------------------------------------------------------------------------------

    def record(self, figure, value, note=None):
        if self._running is not None and figure not in self._running.figures:
            raise ValueError(f"{figure} is not declared by the measure {self._running.key}")
        self.figures[figure.name] = value
        if note:
            self.notes[figure.name] = note
        mark = f"  MISSED the goal {figure.goal}" if missed(figure.goal, value) else ""
        log(f"{figure.name}: {value}{mark}" + (f"  ({note})" if note else ""))

    def null(self, figures, reason):
        for figure in figures:
            if figure.name not in self.figures:
                self.record(figure, None, reason)

    def run_measure(self, step):
        """Run one measure; if it fails, the figures it has not recorded are null with the error as reason."""
        missing = [need for need in step.needs if not self.pages.get(need)]
        self._running = step
        try:
            if missing:
                return self.null(step.figures, "; ".join(self.pages["reasons"][need] for need in missing))
            log(f"--- {step.key}")
            step(self)
            unrecorded = [f.name for f in step.figures if f.name not in self.figures]
            if unrecorded:
                raise RuntimeError(f"{step.key} did not record {', '.join(unrecorded)}")
        except Exception as error:  # one measure failing must not stop the others
            traceback.print_exc(file=sys.stderr)
            self.null(step.figures, f"{type(error).__name__}: {str(error)[:300]}")
        finally:
            self._running = None

    def ratio(self, name, result):
        self.details[f"{name}_baseline_rps"] = result["baseline_rps"]
        return round(result["rps"] / result["baseline_rps"], 3)

    def cpu_note(self, result):
        """What a request of an interleaved load cost each part of the stack, against the bare view's, and the
        ratio that CPU alone allows when everything shares the same cores."""
        mine = result.get("cpu_ms_per_request_by_service") or {}
        bare = result.get("baseline_cpu_ms_per_request_by_service") or {}
        if not mine.get("all") or not bare.get("all"):
            return ""
        return (
            f"CPU: {describe_cpu(mine)}, against {bare['all']} for the bare view "
            f"(the ratio CPU alone allows: {bare['all'] / mine['all']:.2f})"
        )

    def latency(self, figures, result):
        p50, p99 = figures
        self.record(p50, result["p50_ms"])
        self.record(p99, result["p99_ms"])

    # --- load ------------------------------------------------------------------------------------

    def load(self, name, paths, before_attempt=None, after_attempt=None, remeasure=True, **kwargs):
        """One wrk run. If one gunicorn worker did less than half its share of the work, measure it again
        (up to REMEASURES times) and keep the most even attempt; the result says which ("attempt") and how
        the work was shared. `before_attempt` and `after_attempt` are called around each attempt."""
        kwargs.setdefault("seconds", LOAD_SECONDS)
        kwargs.setdefault("connections", CONNECTIONS)
        headers = {**HTTPS, **BROWSER, **kwargs.pop("headers", {})}
        tag = kwargs.pop("tag", name)
        attempts = []
        for attempt in range(1 + REMEASURES):
            if before_attempt:
                before_attempt()
            pids = self.stack.app_worker_pids()
            services_before = self.stack.cpu_by_service()
            before = {pid: cpu_seconds(pid) for pid in pids}
            result = wrk.run(
                self.stack.base_url,
                paths,
                headers=headers,
                name=name,
                tag=tag if attempt == 0 else f"{tag}r{attempt}",
                first_address=self.addresses.next,
                **kwargs,
            )
            after = {pid: cpu_seconds(pid) for pid in pids}
            services_after = self.stack.cpu_by_service()
            if after_attempt:
                after_attempt()
            self.addresses.skip(result["addresses_used"] + 1)
            result["tag"] = tag if attempt == 0 else f"{tag}r{attempt}"
            result["attempt"] = attempt
            result["worker_cpu_shares"] = worker_shares(before, after)
            # CPU per request is far steadier than requests a second while other work shares the cores.
            used = sum(after[pid] - before[pid] for pid in pids if None not in (before[pid], after[pid]))
            result["app_cpu_ms_per_request"] = (
                round(1000 * used / result["requests"], 2) if result["requests"] else None
            )
            # Every part of the stack, not only gunicorn: the cores are shared, so what the task workers,
            # PostgreSQL and nginx spend on a request is taken from the app (docs/performance.md).
            result["cpu_seconds_by_service"] = {
                k: round(v, 3) for k, v in cpu_used(services_before, services_after).items()
            }
            result["cpu_ms_per_request_by_service"] = per_request(
                result["cpu_seconds_by_service"], result["requests"]
            )
            attempts.append(result)
            if not remeasure or not uneven(result["worker_cpu_shares"]):
                break
            log(f"  wrk {name}: uneven across the gunicorn workers {result['worker_cpu_shares']}; again")
            self.remeasured[name] = self.remeasured.get(name, 0) + 1
        kept = max(attempts, key=lambda r: min(r["worker_cpu_shares"].values(), default=1))
        if len(attempts) > 1:
            kept["attempts"] = [{k: r[k] for k in ("rps", "worker_cpu_shares", "tag")} for r in attempts]
        self.details[name] = kept
        log(f"  wrk {name}: {kept['rps']} rps, p50 {kept['p50_ms']} ms, p99 {kept['p99_ms']} ms")
        return kept

    def interleaved(self, name, paths, rounds=4, **kwargs):
        """The load in `rounds` slices, each followed by a slice of the bare view, so that other work on
        the machine (everything shares the same cores) weighs on the figure and its baseline alike."""
        seconds = max(2, LOAD_SECONDS // 2)
        tag = kwargs.pop("tag", name)
        slices, baselines = [], []
        for index in range(rounds):
            slices.append(self.load(f"{name}-{index}", paths, seconds=seconds, tag=f"{tag}{index}", **kwargs))
            baselines.append(self.load(f"baseline-{name}-{index}", [BARE], seconds=seconds))
        result = combine(slices)
        bare = combine(baselines)
        result["baseline_rps"] = bare["rps"]
        result["baseline_cpu_ms_per_request_by_service"] = bare["cpu_ms_per_request_by_service"]
        result["slices"] = slices
        self.details[name] = {k: v for k, v in result.items() if k != "slices"}
        return result

    # --- helpers for the journeys ----------------------------------------------------------------

    def probe(self, *args):
        result = self.stack.python("-m", "bench.probe", *args)
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"bench.probe {args[0]} failed: {result.stderr[-1500:]}")
        data = json.loads(lines[-1])
        if "error" in data:
            raise RuntimeError(f"bench.probe {args[0]}: {data['error']}")
        return data

    def probe_emails(self, label, emails):
        """How the database holds `emails` (bench.probe signatures): present, missing, duplicates."""
        path = TMP / f"{label}-emails.txt"
        path.write_text("\n".join(emails))
        return self.probe("signatures", str(path))

    def sign(self, email, address=None):
        """One signer's whole visit to the petition, from a fresh address unless given one."""
        return journeys.sign(
            self.stack.base_url, self.pages["petition"], email, address or self.addresses.one()
        )

    def form_headers(self, client, referer):
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
            "Origin": client.origin,
            "Referer": referer,
        }

    def petition_count(self):
        """The count the petition shows, after running the counting batch."""
        self.stack.manage("update_petition_counts")
        response = journeys.Client(self.stack.base_url).get(self.pages["petition"] + "count.json")
        if response.status_code == 200:
            return int(response.json()["signature_count"])
        self.notes["petition_count"] = f"count.json answered {response.status_code}; read the stored counter"
        return int(self.probe("petition_counter", str(self.pages["petition_id"]))["count"])


@measure("balance", REMEASURED)
def balance(bench):
    """How many loads were measured again: recorded last, once every load has run."""
    again = ", ".join(f"{name} x{times}" for name, times in bench.remeasured.items())
    bench.record(REMEASURED, len(bench.remeasured), again or None)
