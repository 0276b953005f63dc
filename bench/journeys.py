"""Form journeys as a visitor makes them: fetch the page, read its <form>, fill it, submit it.

Field names are discovered from the live HTML (hidden inputs and the CSRF token included), so the bench
follows whatever the petition and letter pages call their fields.
"""

import contextlib
import email
import email.policy
import re
import threading
import time
from urllib.parse import urljoin, urlparse

import requests
from bs4 import BeautifulSoup
from requests.adapters import HTTPAdapter

ERROR_MARKERS = ("error-summary", "errorlist", 'aria-invalid="true"')
HONEYPOT = re.compile(r"honey|^hp_|_hp$|trap|leave.*blank", re.I)


class _BoundAdapter(HTTPAdapter):
    """Connections from one local address: a client outside the trusted edge range (127.0.0.9)."""

    def __init__(self, source, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Client:
    """One visitor. Sends what a TLS-terminating proxy would add, and keeps its own cookies (they are
    Secure, so an HTTP client library would not send them back over loopback).

    It connects from 127.0.0.1, the bench's stand-in for the CDN's edge, which nginx believes: `address`
    is the visitor's own, sent in X-Forwarded-For as a CDN would (None: no header). `source` binds the
    connection to another local address instead, a client outside the edge; `headers` adds any others
    (forged ones, for the spoofing drill)."""

    def __init__(self, base_url, address="10.0.0.1", timeout=20, source=None, headers=None):
        self.base_url = base_url
        # The site as a browser sees it: https on the default port. nginx passes the app `Host: $host`,
        # which carries no port, so an Origin with the bench's port would fail Django's CSRF check.
        self.origin = "https://" + urlparse(base_url).hostname
        self.address = address
        self.timeout = timeout
        self.cookies = {}
        self.extra_headers = dict(headers or {})
        self.http = requests.Session()
        if source:
            adapter = _BoundAdapter(source)
            self.http.mount("http://", adapter)
            self.http.mount("https://", adapter)

    def _headers(self, referer=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": self.origin,
            "Referer": referer or self.origin + "/",
        }
        if self.address is not None:
            headers["X-Forwarded-For"] = self.address
        headers.update(self.extra_headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _url(self, url):
        parsed = urlparse(urljoin(self.base_url + "/", url))
        path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        return self.base_url + path, self.origin + path

    def request(self, method, url, data=None, referer=None):
        target, public = self._url(url)
        response = self.http.request(
            method,
            target,
            data=data,
            headers=self._headers(referer),
            timeout=self.timeout,
            allow_redirects=False,
        )
        self.cookies.update(response.cookies.get_dict())
        response.public_url = public
        return response

    def get(self, url):
        return self.request("GET", url)


def forms_in(html, page_url):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").upper()
        action = urljoin(page_url, form.get("action") or page_url)
        found.append(Form(form, method, action))
    return found


class Form:
    def __init__(self, element, method, action):
        self.element = element
        self.method = method
        self.action = urlparse(action).path + (f"?{urlparse(action).query}" if urlparse(action).query else "")
        self.inputs = element.find_all(["input", "select", "textarea", "button"])

    def field_names(self):
        return [tag.get("name") for tag in self.inputs if tag.get("name")]

    def has_field(self, pattern):
        return any(re.search(pattern, name, re.I) for name in self.field_names())

    def fill(self, values):
        """The data a person would send: hidden inputs as they are, `values` by name pattern, required
        boxes ticked, optional ones (campaign updates) left alone, honeypots left empty."""
        data = {}
        submitted_button = False
        for tag in self.inputs:
            name = tag.get("name")
            if not name:
                continue
            kind = (tag.get("type") or ("submit" if tag.name == "button" else "text")).lower()
            if tag.name == "button" or kind == "submit":
                # The button that goes forward: not a "Change" beside an answer, nor "Back".
                if not submitted_button and not _goes_back(tag):
                    data[name] = tag.get("value", "")
                    submitted_button = True
                continue
            if kind == "hidden":
                data[name] = tag.get("value", "")
                continue
            if _is_honeypot(tag):
                data[name] = ""
                continue
            value = next((v for pattern, v in values.items() if re.search(pattern, name, re.I)), None)
            if kind in ("checkbox", "radio"):
                if value or tag.has_attr("required") or re.search(r"consent|privacy|agree|terms", name, re.I):
                    if kind == "radio" and name in data:
                        continue
                    data[name] = tag.get("value", "on")
                continue
            if tag.name == "select":
                data[name] = _choose_option(tag, value)
                continue
            if value is not None:
                data[name] = value
            elif tag.has_attr("required"):
                data[name] = "Bench"
            else:
                data[name] = tag.get("value", "")
        return data


def _goes_back(button):
    return (
        button.get("name") == "change" or button.get("value") == "back" or button.has_attr("formnovalidate")
    )


def _is_honeypot(tag):
    if HONEYPOT.search(tag.get("name", "")) or HONEYPOT.search(tag.get("id", "")):
        return True
    for parent in tag.parents:
        marks = " ".join([*parent.get("class", []), parent.get("id", "") or ""]) if parent.attrs else ""
        if HONEYPOT.search(marks) or parent.get("aria-hidden") == "true" or parent.has_attr("hidden"):
            return True
    return False


def _choose_option(select, wanted):
    options = [(o.get("value", o.text.strip()), o.text.strip()) for o in select.find_all("option")]
    for value, label in options:
        if wanted and (value == wanted or label == wanted):
            return value
    if re.search(r"country", select.get("name", ""), re.I):
        for value, label in options:
            if value in ("GB", "UK", "gb") or "United Kingdom" in label:
                return value
        return ""
    return next((value for value, _label in options if value), "")


def looks_successful(response):
    if response.status_code in (301, 302, 303):
        return True
    return response.status_code == 200 and not any(marker in response.text for marker in ERROR_MARKERS)


def find_sign_form(client, petition_url):
    page = client.get(petition_url)
    client.last_page = page
    for form in forms_in(page.text, page.public_url):
        if form.method == "POST" and form.has_field(r"email"):
            return form
    return None


# A postcode the directory knows: the petition checks it (bench.harness sets it from seed_demo's postcodes).
POSTCODE = "AB10 1AB"


def signer_values(email_address, name, postcode=None):
    return {r"email": email_address, r"postcode": postcode or POSTCODE, r"name": name}


def sign(base_url, petition_url, email_address, address, postcode=None, client=None):
    """One signer's whole visit: the petition page (for its CSRF cookie and token), then the form."""
    client = client or Client(base_url, address=address)
    started = time.monotonic()
    try:
        form = find_sign_form(client, petition_url)
        if form is None:
            page = client.last_page
            outcome = "no-form" if page.status_code == 200 else f"page-http-{page.status_code}"
            return {
                "email": email_address,
                "outcome": outcome,
                "status": page.status_code,
                "seconds": time.monotonic() - started,
                "body": page.text[:2000],
            }
        data = form.fill(signer_values(email_address, f"Bench Signer {address}", postcode))
        response = client.request("POST", form.action, data=data, referer=client.origin + petition_url)
    except requests.RequestException as error:
        return {
            "email": email_address,
            "outcome": "exception",
            "error": type(error).__name__,
            "seconds": time.monotonic() - started,
        }
    outcome = "success" if looks_successful(response) else f"http-{response.status_code}"
    return {
        "email": email_address,
        "outcome": outcome,
        "status": response.status_code,
        "seconds": time.monotonic() - started,
        "body": response.text[:2000] if outcome != "success" else "",
    }


DISCLOSURE_VALUES = {
    r"your_name": "Sam",
    r"phone": "07700 900982",
    r"email": "sam@example.net",
    r"safe_times": "Weekdays 10am to 2pm",
    r"concerns": "He was violent to a previous partner.",
    r"postcode": "SW1A 1AA",
    r"person_name|^name": "Alex Example",
    r"relationship": "My sister",
}


def disclosure(base_url, page_url, address, max_steps=8):
    """One survivor's whole disclosure request: each step's form read from the page, filled and posted,
    following the redirects, until the "sent" page. The outcome is "success" or what stopped it."""
    client = Client(base_url, address=address)
    started = time.monotonic()
    last = None
    try:
        for step in range(max_steps):
            page = client.get(page_url)
            if page.status_code != 200:
                return _ended(f"page-http-{page.status_code}", started, step, page)
            form = next((f for f in forms_in(page.text, page.public_url) if f.method == "POST"), None)
            if form is None:
                return _ended("no-form", started, step, page)
            response = client.request(
                "POST", form.action, data=form.fill(DISCLOSURE_VALUES), referer=page.public_url
            )
            last = response
            if response.status_code not in (301, 302, 303):
                return _ended(f"http-{response.status_code}", started, step, response)
            if response.headers.get("Location", "").rstrip("/").endswith("sent"):
                sent = client.get(response.headers["Location"])
                outcome = "success" if sent.status_code == 200 else f"sent-http-{sent.status_code}"
                return _ended(outcome, started, step + 1, sent)
    except requests.RequestException as error:
        return {"outcome": "exception", "error": type(error).__name__, "seconds": time.monotonic() - started}
    return _ended("too-many-steps", started, max_steps, last)


def letter(base_url, page_url, postcode, address):
    """One writer's whole letter: the postcode step, then the details step, to the finished letter."""
    client = Client(base_url, address=address)
    started = time.monotonic()
    try:
        page = client.get(page_url)
        if page.status_code != 200:
            return _ended(f"page-http-{page.status_code}", started, 0, page)
        form = next((f for f in forms_in(page.text, page.public_url) if f.has_field(r"postcode")), None)
        if form is None:
            return _ended("no-postcode-form", started, 0, page)
        found = client.request(
            form.method, form.action, data=form.fill({r"postcode": postcode}), referer=page.public_url
        )
        if found.status_code != 200:
            return _ended(f"http-{found.status_code}", started, 1, found)
        details = next(
            (f for f in forms_in(found.text, found.public_url) if f.has_field(r"sender_name")), None
        )
        if details is None:
            return _ended("no-details-form", started, 1, found)
        values = {
            r"sender_name": "Sam Writer",
            r"sender_address": "1 Example Street",
            r"personal_paragraph": (
                "My cousin was stalked for two years by a man who had done the same to three women before "
                "her. Nobody warned her, because nothing joined up his past. A register would have. Please "
                "support it and tell me what you will do."
            ),
        }
        done = client.request("POST", details.action, data=details.fill(values), referer=found.public_url)
        finished = done.status_code == 200 and "mailto:" in done.text
        return _ended("success" if finished else f"letter-http-{done.status_code}", started, 2, done)
    except requests.RequestException as error:
        return {"outcome": "exception", "error": type(error).__name__, "seconds": time.monotonic() - started}


def _ended(outcome, started, steps, response):
    return {
        "outcome": outcome,
        "steps": steps,
        "status": getattr(response, "status_code", None),
        "seconds": time.monotonic() - started,
        "body": response.text[:1500] if response is not None and outcome != "success" else "",
    }


def run_concurrently(jobs, threads):
    """Run the callables in `jobs` on `threads` threads that all start together; returns their results."""
    results = [None] * len(jobs)
    barrier = threading.Barrier(min(threads, len(jobs)))
    lock = threading.Lock()
    queue = list(range(len(jobs)))

    def worker():
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=60)
        while True:
            with lock:
                if not queue:
                    return
                index = queue.pop()
            results[index] = jobs[index]()

    pool = [threading.Thread(target=worker) for _ in range(min(threads, len(jobs)))]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return results


# --- the outbox (settings.bench writes each email to a file) ----------------------------------------------


_OUTBOX = {}  # path -> (size, messages): each email file is written once, so parse it once


def read_outbox(mail_dir):
    """Every email written so far: [(recipients, text)]."""
    messages = []
    for path in sorted(mail_dir.glob("*")):
        size = path.stat().st_size
        if _OUTBOX.get(path, (None,))[0] != size:
            _OUTBOX[path] = (size, _parse_email_file(path.read_bytes()))
        messages.extend(_OUTBOX[path][1])
    return messages


def _parse_email_file(raw):
    messages = []
    for chunk in re.split(rb"\n-{79}\n", raw):
        if not chunk.strip():
            continue
        message = email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
        texts = []
        for part in message.walk():
            if part.get_content_type() in ("text/plain", "text/html"):
                try:
                    texts.append(part.get_content())
                except (LookupError, UnicodeDecodeError):
                    continue
        messages.append((str(message.get("To", "")).lower(), "\n".join(texts)))
    return messages


def links_in(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def confirm(base_url, link, address):
    """Open the emailed link and press its Confirm button (the link alone must confirm nothing)."""
    client = Client(base_url, address=address)
    page = client.get(link)
    if page.status_code != 200:
        return False
    for form in forms_in(page.text, page.public_url):
        if form.method == "POST":
            response = client.request("POST", form.action, data=form.fill({}), referer=page.public_url)
            return response.status_code in (200, 301, 302, 303)
    return False


def confirmation_link(text):
    links = [link for link in links_in(text) if "/static/" not in link]
    for link in links:
        if re.search(r"confirm|verif", link, re.I):
            return link
    return links[0] if links else None


def confirmation_links(mail_dir, emails):
    """Every confirmation link sent so far to each of `emails`, in the order the outbox holds them."""
    wanted = set(emails)
    links = {}
    for recipients, text in read_outbox(mail_dir):
        link = confirmation_link(text)
        if not link or "/confirm/" not in link:
            continue
        for address in wanted:
            if address in recipients:
                links.setdefault(address, []).append(link)
    return links


def wait_for_links(mail_dir, emails, seconds):
    """Wait (up to `seconds`) until every one of `emails` has a confirmation link; the links found."""
    deadline = time.monotonic() + seconds
    while True:
        links = confirmation_links(mail_dir, emails)
        if len(links) == len(set(emails)) or time.monotonic() >= deadline:
            return links
        time.sleep(2)


def tally(results):
    """How many journeys ended each way: {"success": 18, "http-500": 2}."""
    counts = {}
    for result in results:
        counts[result["outcome"]] = counts.get(result["outcome"], 0) + 1
    return counts
