"""Racing duplicates: 250 people each sign twice at once, then all confirm; one row and one count each."""

import time

from bench import journeys
from bench.registry import Figure, measure

PEOPLE = 250

DUPLICATES = Figure(
    "concurrent_duplicates",
    "== 0",
    f"{2 * PEOPLE} sign requests over {PEOPLE} emails from 100 threads at once; rows beyond one per email",
)
CONFIRMED = Figure(
    "concurrent_confirmed_count",
    f"== {PEOPLE}",
    f"every one of the {PEOPLE} confirmed from its email (open link, press Confirm), then the count's rise",
)


@measure("duplicates", DUPLICATES, CONFIRMED, needs=("petition",))
def concurrent_duplicates(bench):
    emails = [f"dup{n}@dup{n}.example.net" for n in range(PEOPLE)]
    addresses = bench.addresses.take(2 * PEOPLE)
    count_before = bench.petition_count()
    results = journeys.run_concurrently(
        [(lambda e=e, a=a: bench.sign(e, a)) for e, a in zip(emails * 2, addresses, strict=True)], threads=100
    )
    rows = bench.probe_emails("dup", emails)
    bench.record(
        DUPLICATES,
        rows["duplicates"],
        f"{2 * PEOPLE} requests over {PEOPLE} emails, 100 at a time: {journeys.tally(results)}; "
        f"{rows['present']} emails stored",
    )
    # Confirm every address from its email, then count. Signing twice sends a second "confirm" email whose
    # new token retires the first link, so try an address's links newest first.
    journeys.wait_for_links(bench.stack.mail_dir, emails, seconds=90)
    time.sleep(5)  # let the worker send the second round of emails too
    links = journeys.confirmation_links(bench.stack.mail_dir, emails)

    def confirm_any(candidates, address):
        return any(journeys.confirm(bench.stack.base_url, link, address) for link in reversed(candidates))

    confirmed = journeys.run_concurrently(
        [
            (lambda candidates=candidates, address=address: confirm_any(candidates, address))
            for candidates, address in zip(links.values(), bench.addresses.take(len(links)), strict=True)
        ],
        threads=8,
    )
    time.sleep(6)  # the counter lags a few seconds behind commits on purpose
    bench.record(
        CONFIRMED,
        bench.petition_count() - count_before,
        f"{len(links)} confirmation emails found, {sum(bool(c) for c in confirmed)} confirmed",
    )
