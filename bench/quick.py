"""A few figures against a stack you already run, without `make bench`'s fresh database, services or drills.

For working on speed: start gunicorn yourself (production or bench settings) against a seeded database,
then `python -m bench.quick sign lookup api` with that stack's environment (DJANGO_SETTINGS_MODULE,
DATABASE_URL, REDIS_URL, SECRET_KEY…) and BENCH_PORT. Each figure is measured exactly as `make bench`
measures it — interleaved with the bare view — and printed as `name: value`. Nothing is restarted or
emptied, so other people's PostgreSQL and Redis are left alone; reruns sign new addresses.
"""

import json
import os
import sys
import time

from bench import run

PHASES = {
    "lookup": (["lookup_ratio", "lookup_rps", "lookup_p50_ms", "lookup_p99_ms"], "lookups"),
    "api": (["lookup_api_ratio", "lookup_api_rps", "lookup_api_p50_ms", "lookup_api_p99_ms"], "lookup_api"),
    "sign": (["sign_ratio", "sign_rps", "sign_p50_ms", "sign_p99_ms"], "signing"),
}


def main(names):
    bench = run.Bench()
    bench.stack.env = dict(os.environ)
    bench.sign_tag = f"q{int(time.time())}x"
    run.TMP.mkdir(parents=True, exist_ok=True)
    bench.pages = bench.probe("pages")
    bench.load("warmup", ["/__bench__/bare"], seconds=2)
    for name in names:
        figures, method = PHASES[name]
        bench.phase(figures, getattr(bench, method))
    print()
    for name, value in bench.figures.items():
        print(f"{name}: {value}")
    print(
        json.dumps(
            {
                "notes": bench.notes,
                "baselines": {k: v for k, v in bench.details.items() if k.endswith("_baseline_rps")},
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:] or list(PHASES))
