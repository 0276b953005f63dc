"""A few figures against a stack you already run, without `make bench`'s fresh database, services or drills.

For working on speed: start gunicorn yourself (production or bench settings) against a seeded database,
then `python -m bench.quick sign lookup api` with that stack's environment (DJANGO_SETTINGS_MODULE,
DATABASE_URL, REDIS_URL, SECRET_KEY…) and BENCH_PORT. Each figure is measured exactly as `make bench`
measures it — interleaved with the bare view — and printed as `name: value`. Nothing is restarted or
emptied, so other people's PostgreSQL and Redis are left alone; reruns sign new addresses. (The balance
check across gunicorn workers needs the bench's own stack, so it is off here.)
"""

import json
import os
import sys
import time

from bench.harness import BARE, Bench
from bench.run import MEASURES
from bench.services import TMP

QUICK = {"lookup", "api", "sign", "email_rate", "pages"}


def main(keys):
    unknown = set(keys) - QUICK
    if unknown:
        raise SystemExit(f"bench.quick measures only {sorted(QUICK)}")
    bench = Bench()
    bench.stack.env = dict(os.environ)
    bench.sign_tag = f"q{int(time.time())}s"
    # Simulated addresses from a point of the sequence that depends on the time, so reruns use new ones.
    bench.addresses.next = 1 + (int(time.time()) % 200) * 65536
    TMP.mkdir(parents=True, exist_ok=True)
    bench.pages = bench.probe("pages")
    bench.load("warmup", [BARE], seconds=2)
    for step in MEASURES:
        if step.key in keys:
            bench.run_measure(step)
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
    main(sys.argv[1:] or ["sign", "lookup", "api"])
