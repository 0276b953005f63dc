"""Client addresses through the documented nginx: many people behind one address, and forged headers.

nginx believes X-Forwarded-For only from the edge range (127.0.0.1/32 here, standing in for a CDN); the
load and the journeys connect from there and say who the visitor is in that header. The forging client
connects from 127.0.0.9, outside the edge, as anyone on the internet could.
"""

import time

from bench import journeys
from bench.nginx import OUTSIDE_EDGE
from bench.registry import Figure, measure

SHARED_PEOPLE = 50

SHARED_COUNTED = Figure(
    "shared_address_signers_counted",
    f"== {SHARED_PEOPLE}",
    f"{SHARED_PEOPLE} people sign from one address (a refuge, an office, a mobile network) within a minute, "
    "each with their own mailbox, and each confirms from their email on the same address: the count's rise",
)
ABUSE_5XX = Figure(
    "forwarded_header_abuse_5xx",
    "== 0",
    "malformed, multi-hop and forged X-Forwarded-For, X-Real-IP and Forwarded headers, from inside and "
    "outside the edge range, on the pages, the sign form, the disclosure form, the letter form and "
    "/api/postcode-lookup/: answers of 500 or more",
)
SPOOF_ACCEPTED = Figure(
    "forwarded_header_spoof_accepted",
    "== 0",
    "signatures whose stored address hash is that of an address a client forged (X-Forwarded-For or "
    "X-Real-IP from outside the edge, or the hops before the edge's own entry)",
)

# Header values a client may send. Each is tried from inside the edge and from outside it. (None starts
# with whitespace: the requests library refuses to send such a header.)
MALFORMED = [
    "garbage",
    "",
    ",  ,, ,",
    "1.2.3.4.5",
    "999.1.1.1",
    "1.2.3.4:8080",
    "[2001:db8::1]:443",
    "unknown",
    "<script>alert(1)</script>",
    "1.2.3.4, garbage",
    "garbage, 10.99.0.1",
    "fe80::1%eth0",
    "2001:db8::1, 10.99.0.2",
    "10.99.0.3\t , ",
    ", ".join(["1.1.1.1"] * 600),
    "6.6.6.6, 7.7.7.7, 10.99.0.4",
]


def _shared_emails(tag, count):
    return [f"s{tag}x{n}@m{tag}x{n}.example.net" for n in range(count)]


@measure("shared_address", SHARED_COUNTED, needs=("petition",))
def shared_address(bench):
    tag = f"{bench.sign_tag}shared"
    emails = _shared_emails(tag, SHARED_PEOPLE)
    address = bench.addresses.one()
    count_before = bench.petition_count()
    started = time.monotonic()
    results = journeys.run_concurrently([(lambda e=e: bench.sign(e, address)) for e in emails], threads=4)
    signing_seconds = time.monotonic() - started
    bench.probe("wait_for_emails", "120")
    links = journeys.confirmation_links(bench.stack.mail_dir, emails)
    confirmed = journeys.run_concurrently(
        [
            (lambda c=c: any(journeys.confirm(bench.stack.base_url, link, address) for link in reversed(c)))
            for c in links.values()
        ],
        threads=4,
    )
    time.sleep(6)  # the counter lags a few seconds behind commits on purpose
    rows = bench.probe("slice_rows", tag)[tag]
    counted = bench.petition_count() - count_before
    bench.details["shared_address"] = {
        "address": address,
        "answers": journeys.tally(results),
        "rows_by_state": rows["rows"],
        "emails": len(links),
        "confirmed": sum(bool(c) for c in confirmed),
        "signing_seconds": round(signing_seconds, 1),
    }
    bench.record(
        SHARED_COUNTED,
        counted,
        f"{SHARED_PEOPLE} signed from {address} in {signing_seconds:.0f} s: answers "
        f"{journeys.tally(results)}; rows {', '.join(f'{n} {s}' for s, n in sorted(rows['rows'].items()))}; "
        f"{len(links)} confirmation emails sent, {sum(bool(c) for c in confirmed)} confirmed",
    )


def _targets(bench):
    """(label, callable(client) -> response) for every route that reads the client's address."""
    pages = bench.pages
    postcode = pages["postcodes"][0]["postcode"] if pages.get("postcodes") else "SW1A 1AA"

    def get(path):
        return lambda client: client.get(path)

    def post_form(path, field_pattern, values):
        def run(client):
            page = client.get(path)
            form = next(
                (
                    f
                    for f in journeys.forms_in(page.text, page.public_url)
                    if f.method == "POST" and f.has_field(field_pattern)
                ),
                None,
            )
            if form is None:
                return page
            return client.request("POST", form.action, data=form.fill(values), referer=page.public_url)

        return run

    targets = [
        ("home", get(pages["home"])),
        (
            "lookup-api",
            lambda client: client.request("POST", "/api/postcode-lookup/", {"postcode": postcode}),
        ),
    ]
    if pages.get("petition"):
        targets.append(("petition", get(pages["petition"])))
    if pages.get("letter"):
        targets.append(("letter-postcode", post_form(pages["letter"], r"postcode", {r"postcode": postcode})))
    if pages.get("disclosure"):
        targets.append(("disclosure-step", post_form(pages["disclosure"], r".", journeys.DISCLOSURE_VALUES)))
    return targets


@measure("forwarded_headers", ABUSE_5XX, SPOOF_ACCEPTED, needs=("petition",))
def forwarded_headers(bench):
    base = bench.stack.base_url
    statuses, server_errors = {}, []
    for value in MALFORMED:
        for header in ("X-Forwarded-For", "X-Real-IP", "Forwarded"):
            for source in (None, OUTSIDE_EDGE):
                for label, run in _targets(bench):
                    client = journeys.Client(base, address=None, source=source, headers={header: value})
                    try:
                        status = run(client).status_code
                    except Exception as error:  # a dropped connection is as bad as a 500
                        status = type(error).__name__
                    statuses[status] = statuses.get(status, 0) + 1
                    if not isinstance(status, int) or status >= 500:
                        server_errors.append(
                            f"{label} {header}={value[:40]!r} from {source or 'edge'}: {status}"
                        )
    bench.details["forwarded_header_abuse"] = {"statuses": statuses, "server_errors": server_errors[:20]}
    bench.record(
        ABUSE_5XX,
        len(server_errors),
        f"{sum(statuses.values())} requests, answers {dict(sorted(statuses.items(), key=str))}"
        + (f"; e.g. {server_errors[0]}" if server_errors else ""),
    )
    _spoofing(bench)


def _spoofing(bench):
    """Sign with forged addresses, then ask the database whose address each stored hash is."""
    tag = f"{bench.sign_tag}spoof"
    cases = []
    for n in range(10):  # outside the edge, claiming to be someone else in either header
        forged = [f"6.6.{n}.1", f"7.7.{n}.1"]
        cases.append(
            {
                "email": f"s{tag}x{n}@m{tag}x{n}.example.net",
                "source": OUTSIDE_EDGE,
                "headers": {"X-Forwarded-For": forged[0], "X-Real-IP": forged[1]},
                "forged": forged,
                "expected": OUTSIDE_EDGE,
            }
        )
    for n in range(10, 20):  # through the edge, with hops before the edge's own entry forged
        visitor = bench.addresses.one()
        forged = [f"6.6.{n}.1", f"7.7.{n}.1"]
        cases.append(
            {
                "email": f"s{tag}x{n}@m{tag}x{n}.example.net",
                "source": None,
                "headers": {
                    "X-Forwarded-For": f"{forged[0]}, {forged[1]}, {visitor}",
                    "X-Real-IP": forged[1],
                },
                "forged": forged,
                "expected": visitor,
            }
        )
    outcomes = []
    for case in cases:
        client = journeys.Client(
            bench.stack.base_url, address=None, source=case["source"], headers=case["headers"]
        )
        outcomes.append(
            journeys.sign(bench.stack.base_url, bench.pages["petition"], case["email"], None, client=client)
        )
    path = bench.stack.mail_dir.parent / "spoof-cases.json"
    path.write_text(__import__("json").dumps(cases))
    found = bench.probe("address_hashes", str(path))
    bench.details["forwarded_header_spoof"] = {"answers": journeys.tally(outcomes), **found}
    bench.record(
        SPOOF_ACCEPTED,
        found["forged_used"],
        f"{len(cases)} signatures with forged addresses ({journeys.tally(outcomes)}): {found['stored']} "
        f"stored, {found['expected_used']} under the address nginx saw, {found['forged_used']} under a "
        f"forged one; rows {found['rows']}",
    )
