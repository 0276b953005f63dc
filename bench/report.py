"""bench/results.json and the printed summary: every figure, the machine, the goals, notes and details."""

import json
import os
import platform
from pathlib import Path

from bench import stack
from bench.harness import CONNECTIONS, LOAD_SECONDS
from bench.registry import figures_of, missed

RESULTS = stack.ROOT / "bench" / "results.json"


def write(bench, measures):
    declared = figures_of(measures)
    results = {
        "figures": {f.name: bench.figures.get(f.name) for f in declared},
        "baseline_rps": bench.baseline_rps,
        "machine": machine(bench.stack),
        "goals": {f.name: f.goal for f in declared if f.goal},
        "missed": [f.name for f in declared if missed(f.goal, bench.figures.get(f.name))],
        "notes": bench.notes,
        "details": bench.details,
    }
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print()
    for name, value in results["figures"].items():
        mark = f"   <- MISSED the goal {results['goals'][name]}" if name in results["missed"] else ""
        print(f"{name}: {'null' if value is None else value}{mark}")
    print(
        f"# {len(results['figures'])} figures in {bench.details.get('total_seconds')}s, "
        f"{len(results['missed'])} missing their goal; notes and goals in {RESULTS.relative_to(stack.ROOT)}"
    )


def table(measures):
    """The figures as the Markdown table docs/performance.md shows: `python -m bench.run --list`."""
    lines = ["| figure | goal | how |", "|---|---|---|"]
    for figure in figures_of(measures):
        lines.append(f"| `{figure.name}` | {figure.goal or '—'} | {figure.how} |")
    return "\n".join(lines)


def machine(the_stack):
    cpu = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory_kb = 0
    postgres = stack.sh([str(the_stack.postgres.bin / "postgres"), "--version"], check=False).stdout.strip()
    redis = stack.sh(["redis-server", "--version"], check=False).stdout.strip().split(" sha=")[0]
    servers = len(the_stack.app_servers)
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "postgres": f"{postgres} (the bench's own cluster on :{the_stack.postgres.port})",
        "redis": f"{redis} (the bench's own server on :{the_stack.redis.port})",
        "gunicorn": f"{servers} x {stack.GUNICORN_WORKERS} workers x {stack.GUNICORN_THREADS} threads "
        "(gthread)" + (f" behind {the_stack.front.name}" if the_stack.front else ""),
        "load": f"wrk -t1 -c{CONNECTIONS} for {LOAD_SECONDS}s per figure, on the same machine",
    }
