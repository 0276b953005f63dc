"""PostgreSQL drops packets: the app servers reach it through the bench's forwarder, which stops relaying
bytes both ways without closing a socket, then resumes, while people use the site through nginx. Answers
must come fast (the error page is allowed, a hang is not) and no session may go back
(bench/drills/blips.py)."""

from bench.drills import blips
from bench.registry import measure

RECOVERY_SECONDS = 10

SLOWEST, SERVER_ERRORS, ROLLBACKS = blips.figures(
    "db_black_hole", "the app servers' path to PostgreSQL a black hole (bench/forwarder.py)"
)


@measure("db_black_hole", SLOWEST, SERVER_ERRORS, ROLLBACKS, needs=("petition", "disclosure"))
def db_black_hole(bench):
    stack = bench.stack
    with stack.db_through_forwarder():
        blips.drill(
            bench,
            (SLOWEST, SERVER_ERRORS, ROLLBACKS),
            begin=stack.black_hole_postgres,
            end=stack.resume_postgres_path,
            recovery_seconds=RECOVERY_SECONDS,
            staff_name="bench-staff-db",
        )
