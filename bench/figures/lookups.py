"""The postcode → MP lookup: through the letter page's form (lookup_ratio) and the JSON endpoint alone."""

from urllib.parse import urlencode

from bench import journeys
from bench.registry import Figure, latency, measure

ROTATION = 50  # postcodes in rotation

PAGE_RATIO = Figure(
    "lookup_ratio",
    ">= 0.5",
    "the LetterPage's postcode form, 50 seeded postcodes in rotation, checked first to show the right "
    "constituency",
)
PAGE_RPS = Figure("lookup_rps", how="the same load's accepted requests a second (2xx and 3xx)")
PAGE_LATENCY = latency("lookup")
API_RATIO = Figure(
    "lookup_api_ratio",
    how="the same postcodes through `POST /api/postcode-lookup/` (the lookup without the page around it)",
)
API_RPS = Figure("lookup_api_rps", how="the same load's accepted requests a second (2xx and 3xx)")
API_LATENCY = latency("lookup_api")


@measure("lookup", PAGE_RATIO, PAGE_RPS, *PAGE_LATENCY, needs=("letter", "postcodes"))
def letter_page(bench):
    letter, postcodes = bench.pages["letter"], bench.pages["postcodes"]
    client = journeys.Client(bench.stack.base_url, address=bench.addresses.one())
    page = client.get(letter)
    form = next((f for f in journeys.forms_in(page.text, page.public_url) if f.has_field(r"postcode")), None)
    if form is None:
        raise RuntimeError(f"no form with a postcode field on {letter}")
    sample = postcodes[0]
    data = form.fill({r"postcode": sample["postcode"]})
    if form.method == "GET":
        check = client.get(form.action + "?" + urlencode(data))
    else:
        check = client.request("POST", form.action, data=data, referer=page.public_url)
    if check.status_code != 200 or sample["constituency"] not in check.text:
        raise RuntimeError(
            f"a lookup of {sample['postcode']} did not show {sample['constituency']!r} "
            f"(HTTP {check.status_code})"
        )
    rotation = [form.fill({r"postcode": p["postcode"]}) for p in postcodes[:ROTATION]]
    if form.method == "GET":
        result = bench.interleaved("lookup", [form.action + "?" + urlencode(d) for d in rotation])
    else:
        result = bench.interleaved(
            "lookup",
            [form.action],
            method="POST",
            headers=bench.form_headers(client, page.public_url),
            bodies=[urlencode(d) for d in rotation],
        )
    note = f"{form.method} {form.action}, {len(rotation)} postcodes in rotation; {bench.cpu_note(result)}"
    bench.record(PAGE_RATIO, bench.ratio("lookup", result), note)
    bench.record(PAGE_RPS, result["rps"])
    bench.latency(PAGE_LATENCY, result)


@measure("api", API_RATIO, API_RPS, *API_LATENCY, needs=("postcodes",))
def lookup_api(bench):
    postcodes = bench.pages["postcodes"]
    client = journeys.Client(bench.stack.base_url, address=bench.addresses.one())
    sample = postcodes[0]
    check = client.request("POST", "/api/postcode-lookup/", data={"postcode": sample["postcode"]})
    if check.status_code != 200 or sample["constituency"] not in check.text:
        raise RuntimeError(
            f"a JSON lookup of {sample['postcode']} answered {check.status_code}: {check.text[:200]}"
        )
    result = bench.interleaved(
        "lookup-api",
        ["/api/postcode-lookup/"],
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        bodies=[urlencode({"postcode": p["postcode"]}) for p in postcodes[:ROTATION]],
    )
    note = (
        f"POST /api/postcode-lookup/, {min(ROTATION, len(postcodes))} postcodes in rotation; "
        f"{bench.cpu_note(result)}"
    )
    bench.record(API_RATIO, bench.ratio("lookup-api", result), note)
    bench.record(API_RPS, result["rps"])
    bench.latency(API_LATENCY, result)
