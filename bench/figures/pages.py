"""page_ratio: anonymous page views (home, a story, a guidance page) over the bare view."""

from bench import journeys
from bench.registry import Figure, latency, measure

RATIO = Figure(
    "page_ratio",
    ">= 0.7",
    "home, a story and a guidance page in rotation, anonymous, over the baseline measured in interleaved "
    "slices",
)
RPS = Figure("page_rps", how="the same load's accepted requests a second (2xx and 3xx)")
LATENCY = latency("page")


@measure("pages", RATIO, RPS, *LATENCY)
def page_views(bench):
    paths = [bench.pages["home"]] + [bench.pages[k] for k in ("story", "guidance") if bench.pages.get(k)]
    missing = [k for k in ("story", "guidance") if not bench.pages.get(k)]
    client = journeys.Client(bench.stack.base_url)
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    bench.load("pages-warmup", paths, seconds=2)
    result = bench.interleaved("pages", paths)
    note = f"paths {paths}" + (f"; no {', '.join(missing)} page to include" if missing else "")
    bench.record(RATIO, bench.ratio("page", result), note)
    bench.record(RPS, result["rps"])
    bench.latency(LATENCY, result)
