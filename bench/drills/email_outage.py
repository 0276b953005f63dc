"""The mail provider fails: signatures are kept, and their emails go out once it recovers."""

import time

from bench import journeys
from bench.registry import Figure, measure

SIGNERS = 20

KEPT = Figure(
    "email_outage_signatures_kept",
    f"== {SIGNERS}",
    f"{SIGNERS} sign while the mail backend fails: all kept",
)
AFTER_RECOVERY = Figure(
    "email_outage_emails_after_recovery",
    f"== {SIGNERS}",
    "all emailed by the worker within 120 s of the provider recovering (failed sends retry with backoff)",
)


@measure("email_outage", KEPT, AFTER_RECOVERY, needs=("petition",))
def email_outage(bench):
    emails = [f"mailout{n}@mailout{n}.example.net" for n in range(SIGNERS)]
    bench.stack.email_fail_flag.write_text("down")
    try:
        results = journeys.run_concurrently([(lambda e=e: bench.sign(e)) for e in emails], threads=4)
        time.sleep(8)  # let the worker try, and fail, to send
        delivered_during = len(journeys.confirmation_links(bench.stack.mail_dir, emails))
        kept = bench.probe_emails("mailout", emails)["present"]
    finally:
        bench.stack.email_fail_flag.unlink(missing_ok=True)
    delivered_after = len(journeys.wait_for_links(bench.stack.mail_dir, emails, seconds=120))
    bench.record(
        KEPT,
        kept,
        f"of {SIGNERS} signed while email failed ({journeys.tally(results)}); "
        f"{delivered_during} emails got out meanwhile",
    )
    bench.record(
        AFTER_RECOVERY,
        delivered_after,
        f"of {SIGNERS}, sent by the worker within 120 s of the provider recovering",
    )
