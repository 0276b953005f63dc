"""What a guidance page costs a visitor on the wire, and whether it asks any other site for anything."""

from bench import browser
from bench.registry import Figure, measure

BYTES = Figure(
    "guidance_page_bytes",
    "<= 60000",
    "Chromium, empty cache: the sum of `encodedDataLength` (headers and bodies on the wire) of every request",
)
THIRD_PARTY = Figure("third_party_requests", "== 0", "requests from that page load to any other origin")
WELSH_BYTES = Figure(
    "welsh_guidance_page_bytes",
    "<= 60000",
    "the same for the Welsh translation of a guidance page (/cy/…), with its script catalog",
)


def _weigh(bench, key, figure):
    """Load the page `bench.pages[key]` in Chromium with an empty cache and record its bytes on the wire."""
    path = bench.pages[key]
    result = browser.measure_page(bench.stack.base_url, path)
    bench.details[f"{key}_page"] = result
    if result["status"] != 200:
        raise RuntimeError(f"{path} answered {result['status']} in Chromium")
    bench.record(figure, result["bytes"], f"{path}, {result['requests']} requests")
    return result


@measure("guidance", BYTES, THIRD_PARTY, needs=("guidance",))
def guidance_bytes(bench):
    result = _weigh(bench, "guidance", BYTES)
    bench.record(THIRD_PARTY, result["third_party"], ", ".join(result["third_party_urls"]) or None)


@measure("guidance_cy", WELSH_BYTES, needs=("guidance_cy",))
def welsh_guidance_bytes(bench):
    _weigh(bench, "guidance_cy", WELSH_BYTES)
