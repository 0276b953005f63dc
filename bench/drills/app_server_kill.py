"""One app server dies (SIGKILL to its gunicorn master and workers, as when its machine fails) in the middle
of signing: nginx moves to the other, and no signature that got a success answer may be lost."""

import itertools
import threading
import time

from bench import journeys
from bench.registry import Figure, measure
from bench.services import log, wait_for

SECONDS, KILL_AFTER, THREADS = 20, 5, 8

LOST = Figure(
    "app_server_kill_lost",
    "== 0",
    f"{THREADS} threads sign through nginx for {SECONDS} s; one of the two gunicorn masters is killed "
    f"(SIGKILL, workers too) after {KILL_AFTER} s; signatures answered with success but missing from the "
    "database",
)
FAILED = Figure(
    "app_server_kill_failed_requests",
    how="visits in that drill that did not end in success (a 502 for a POST the dead server had taken: "
    "nginx retries only refused or timed-out connections, so no POST is sent twice)",
)


@measure("app_server_kill", LOST, FAILED, needs=("petition",))
def app_server_kill(bench):
    stack = bench.stack
    if stack.front is None or len(stack.app_servers) < 2:
        raise RuntimeError("needs nginx in front of two app servers")
    tag = f"{bench.sign_tag}kill"
    stop_at = time.monotonic() + SECONDS
    numbers = itertools.count()
    lock = threading.Lock()
    killed = {}
    log_offset = stack.front.access_log_size()

    def signer():
        out = []
        while time.monotonic() < stop_at:
            with lock:
                n = next(numbers)
            result = bench.sign(f"s{tag}x{n}@m{tag}x{n}.example.net")
            result["at"] = time.monotonic()
            out.append(result)
        return out

    def killer():
        time.sleep(KILL_AFTER)
        killed["at"] = time.monotonic()
        stack.kill_app_server(0)
        log(f"  killed {stack.app_servers[0].name}")

    thread = threading.Thread(target=killer)
    thread.start()
    results = [r for batch in journeys.run_concurrently([signer] * THREADS, threads=THREADS) for r in batch]
    thread.join()
    from bench.nginx import statuses

    sign_path = None
    lines = stack.front.access_log_since(log_offset)
    for line in lines:
        if "/sign/" in line:
            sign_path = line.split('"')[1].split()[1]
            break
    answered = statuses(lines, "POST", sign_path) if sign_path else {}
    stack.start_app_server(0)
    wait_for(stack.healthy, 30)
    accepted = [r["email"] for r in results if r["outcome"] == "success"]
    missing = bench.probe_emails(tag, accepted)["missing"] if accepted else 0
    failed = [r for r in results if r["outcome"] != "success"]
    after_kill = [r for r in failed if r["at"] >= killed.get("at", 0)]
    bench.details["app_server_kill"] = {
        "accepted": len(accepted),
        "failed": journeys.tally(failed),
        "failed_after_kill": len(after_kill),
        "sign_posts_by_status_in_nginx_log": answered,
    }
    bench.record(
        LOST,
        missing,
        f"{len(accepted)} accepted, {len(failed)} failed {journeys.tally(failed)}; sign POSTs in nginx's "
        f"log by status {answered}",
    )
    bench.record(FAILED, len(failed))
