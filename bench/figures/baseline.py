"""The bare view's rate: the yardstick every ratio is measured against, at the start and end of the run."""

from bench.harness import BARE
from bench.registry import Figure, latency, measure

BASELINE = Figure(
    "baseline_rps",
    how="`/__bench__/bare` (`HttpResponse('ok')` behind the full middleware stack), wrk, 16 connections",
)
LATENCY = latency("baseline")
AT_END = Figure("baseline_rps_end", how="the bare view again at the end: how much the machine's load moved")


@measure("baseline", BASELINE, *LATENCY)
def baseline(bench):
    bench.load("warmup", [BARE], seconds=2)
    result = bench.load("baseline", [BARE])
    bench.baseline_rps = result["rps"]
    bench.record(BASELINE, result["rps"])
    bench.latency(LATENCY, result)


@measure("baseline_end", AT_END)
def baseline_end(bench):
    bench.record(AT_END, bench.load("baseline-end", [BARE])["rps"])
