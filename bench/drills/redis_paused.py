"""Redis hangs (the bench's own, SIGSTOP: connections stay open and are accepted, nothing is answered) while
people use the site through nginx: no answer may take long, and no session may go back once Redis answers
again with the copies it held from before (bench/drills/blips.py)."""

from bench.drills import blips
from bench.registry import measure
from bench.services import wait_for

# The cache's breaker keeps Redis skipped for REDIS_BREAKER_SECONDS (30) after the outage began: the checks
# come after it has closed again, when the stale copies in Redis are read.
RECOVERY_SECONDS = 35

SLOWEST, SERVER_ERRORS, ROLLBACKS = blips.figures("redis_paused", "Redis paused (SIGSTOP)")


@measure("redis_paused", SLOWEST, SERVER_ERRORS, ROLLBACKS, needs=("petition", "disclosure"))
def redis_paused(bench):
    stack = bench.stack
    blips.drill(
        bench,
        (SLOWEST, SERVER_ERRORS, ROLLBACKS),
        begin=stack.pause_redis,
        end=stack.resume_redis,
        recovery_seconds=RECOVERY_SECONDS,
        staff_name="bench-staff-redis",
    )
    wait_for(stack.redis.ready, 10)
