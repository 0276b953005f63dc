"""What the hanging-outage drills share: people using the site through nginx while a part of the stack hangs
for a while, and what the drill reports about it (the slowest answer, the 5xx, session rollbacks).

The people, each on their own thread until the end of the recovery (the anonymous visitors and the quick
exits from 5 s before the outage: the slowest of their first 4 s, in the note, is what the machine's own
load costs; the figures count the requests sent from a second before the outage on):
- anonymous visitors reading the home page and the petition page;
- survivors walking the disclosure form's steps (answers kept in the session), who must never find
  themselves on an earlier step than one the site has shown them;
- a staff member signed in to the admin (password and authenticator code), who signs out during the outage
  and tries again until the site says they are signed out: their old session cookie must not work again;
- people leaving by the quick exit (a session with form answers, then /exit/ from a page of the site).

A rollback is a step that went back (the step a survivor's page shows after the outage is earlier than the
furthest step it showed them before) or a signed-out session that works again. The checks after the
outage read each page several times, so that every gunicorn worker behind nginx is likely to answer one.
"""

import os
import re
import threading
import time

import requests

from bench import journeys
from bench.registry import Figure
from bench.services import log

OUTAGE_SECONDS = int(os.environ.get("BENCH_OUTAGE_SECONDS", "10"))
SLOWEST_GOAL_MS = 2000
SURVIVORS = 2
STEPS_BEFORE = 2  # steps each survivor has answered before the outage begins
LAST_STEP = 3  # the survivors post steps up to this one and never send the request
CHECKS_AFTER = 8  # reads of each page after the outage
BEFORE_SECONDS = 5  # the anonymous visitors and the quick exits start this long before the outage


def figures(prefix, outage):
    """The three figures every hanging-outage drill reports, named `prefix_…`."""
    traffic = (
        f"{outage} for {OUTAGE_SECONDS} s, people on the site through nginx until it has recovered "
        "(anonymous pages, survivors on the disclosure steps, a staff member signing out, the quick exit)"
    )
    return (
        Figure(
            f"{prefix}_slowest_ms",
            f"< {SLOWEST_GOAL_MS}",
            f"{traffic}: the slowest answer (its URL in the note)",
        ),
        Figure(f"{prefix}_5xx", how="answers of 500 or more in that traffic (nginx's error page included)"),
        Figure(
            f"{prefix}_rollbacks",
            "== 0",
            "a disclosure step that went back after the outage (an earlier step shown than one shown before) "
            "or a signed-out staff session that works again",
        ),
    )


# --- what a page says ----------------------------------------------------------------------------------

STEP = re.compile(r'<input[^>]*name="step"[^>]*value="(\d+)"|<input[^>]*value="(\d+)"[^>]*name="step"')


def shown_step(html):
    """The disclosure step a page shows (its hidden `step` input), or None if it shows none."""
    match = STEP.search(html or "")
    return int(match.group(1) or match.group(2)) if match else None


def form_rolled_back(furthest_shown, shown_after):
    """A survivor's steps went back: a step shown after the outage is earlier than the furthest one shown
    before or during it. (A step that could not be saved during the outage is shown again, with a message:
    not a rollback, as long as the step shown before it is kept.)"""
    return [step for step in shown_after if step is not None and step < furthest_shown]


def session_came_back(signed_out, answers_after):
    """A signed-out session works again: the site said it was signed out, and a later request with the same
    cookie was answered as signed in (200 from the admin) rather than sent to the sign-in page."""
    return signed_out and any(status == 200 for status in answers_after)


# --- the people ----------------------------------------------------------------------------------------


class Log:
    """Every request the people made, with how long it took: (label, status or error name, ms, when it was
    sent in seconds after the outage began, negative before)."""

    def __init__(self, outage_begins):
        self._lock = threading.Lock()
        self.outage_begins = outage_begins
        self.requests = []

    def add(self, label, status, ms, started):
        with self._lock:
            self.requests.append((label, status, ms, round(started - self.outage_begins, 2)))

    def before(self):
        """The requests sent before the outage's last second: what the machine's own load costs."""
        return [r for r in self.requests if r[3] < -1]

    def outage(self):
        """The requests sent from a second before the outage to the end of the recovery: the figures'."""
        return [r for r in self.requests if r[3] >= -1]


def slowest(requests_):
    return max(requests_, key=lambda r: r[2], default=None)


def server_errors(requests_):
    return [r for r in requests_ if isinstance(r[1], int) and r[1] >= 500]


def statuses(requests_):
    counts = {}
    for _label, status, _ms, _at in requests_:
        counts[str(status)] = counts.get(str(status), 0) + 1
    return dict(sorted(counts.items()))


class Visitor(journeys.Client):
    """A journeys.Client whose every request goes in the log (when `log` is set), errors included."""

    def __init__(self, base_url, address, log=None):
        super().__init__(base_url, address=address)
        self.log = log

    def request(self, method, url, data=None, referer=None):
        started = time.monotonic()
        label = f"{method} {self._url(url)[1].removeprefix(self.origin)}"
        try:
            response = super().request(method, url, data=data, referer=referer)
        except requests.RequestException as error:
            if self.log is not None:
                self.log.add(label, type(error).__name__, round(1000 * (time.monotonic() - started)), started)
            return None
        if self.log is not None:
            self.log.add(label, response.status_code, round(1000 * (time.monotonic() - started)), started)
        return response


class Survivor:
    def __init__(self, bench, log):
        self.page = bench.pages["disclosure"]
        self.client = Visitor(bench.stack.base_url, bench.addresses.one())
        self.furthest = -1  # the furthest step the site has shown
        self.shown_after = []
        self.log = log

    def look(self):
        page = self.client.get(self.page)
        step = shown_step(page.text) if page is not None and page.status_code == 200 else None
        if step is not None:
            self.furthest = max(self.furthest, step)
        return page, step

    def post_step(self):
        """Answer the step the page shows; True if the site took it (redirected)."""
        page, step = self.look()
        if step is None or step > LAST_STEP:
            return False
        form = next((f for f in journeys.forms_in(page.text, page.public_url) if f.method == "POST"), None)
        if form is None:
            return False
        response = self.client.request(
            "POST", form.action, data=form.fill(journeys.DISCLOSURE_VALUES), referer=page.public_url
        )
        return response is not None and response.status_code in (302, 303)

    def before(self):
        for _ in range(STEPS_BEFORE):
            if not self.post_step():
                raise RuntimeError(f"a survivor could not answer step {self.furthest} before the outage")
        self.look()
        self.client.log = self.log

    def during(self, outage_begins, until):
        time.sleep(max(0.0, outage_begins - time.monotonic()))
        while time.monotonic() < until:
            if self.furthest < LAST_STEP:
                self.post_step()
            else:
                self.look()
            time.sleep(0.3)

    def check(self):
        self.client.log = None
        furthest = self.furthest
        self.shown_after = [self.look()[1] for _ in range(CHECKS_AFTER)]
        return form_rolled_back(furthest, self.shown_after)


class Staff:
    def __init__(self, bench, log, name):
        self.bench = bench
        self.credentials = bench.probe("staff_member", name)
        self.client = Visitor(bench.stack.base_url, bench.addresses.one())
        self.log = log
        self.old_cookies = {}
        self.signed_out = False
        self.sign_out_tries = []
        self.answers_after = []

    def sign_in(self):
        from django_otp.oath import TOTP

        client = self.client
        page = client.get("/admin/login/")
        form = next(f for f in journeys.forms_in(page.text, page.public_url) if f.has_field(r"^password$"))
        values = {r"^username$": self.credentials["username"], r"^password$": self.credentials["password"]}
        response = client.request("POST", form.action, data=form.fill(values), referer=page.public_url)
        for _ in range(6):  # the redirects to the authenticator code and then the dashboard
            if response is None or response.status_code not in (301, 302, 303):
                break
            page = client.get(response.headers["Location"])
            code_form = next(
                (f for f in journeys.forms_in(page.text, page.public_url) if f.has_field(r"^token$")), None
            )
            if code_form is None:
                response = page
                continue
            code = f"{TOTP(bytes.fromhex(self.credentials['key'])).token():06d}"
            response = client.request(
                "POST", code_form.action, data=code_form.fill({r"^token$": code}), referer=page.public_url
            )
        if not self.works(client.cookies):
            raise RuntimeError("the staff member could not sign in to the admin before the outage")
        self.old_cookies = dict(client.cookies)
        client.log = self.log

    def works(self, cookies):
        """The admin's answer to a request with these cookies: 200 when signed in."""
        client = Visitor(self.bench.stack.base_url, self.client.address)
        client.cookies = dict(cookies)
        response = client.get("/admin/")
        return response is not None and response.status_code == 200

    def sign_out(self):
        response = self.client.request(
            "POST",
            "/admin/logout/",
            data={"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")},
            referer=self.client.origin + "/admin/",
        )
        status = None if response is None else response.status_code
        self.sign_out_tries.append(status)
        # Signed out: sent on to the sign-in page (Wagtail's logout redirects there).
        self.signed_out = status in (302, 303) and "login" in response.headers.get("Location", "")
        return self.signed_out

    def during(self, outage_begins, until):
        time.sleep(max(0.0, outage_begins + 1 - time.monotonic()))
        while time.monotonic() < until and not self.sign_out():
            time.sleep(1)

    def check(self):
        self.client.log = None
        if not self.signed_out:  # the outage never let them: sign out now, then check that it holds
            self.sign_out()
        self.answers_after = []
        for _ in range(CHECKS_AFTER):
            client = Visitor(self.bench.stack.base_url, self.client.address)
            client.cookies = dict(self.old_cookies)
            response = client.get("/admin/")
            self.answers_after.append(None if response is None else response.status_code)
        return session_came_back(self.signed_out, self.answers_after)


def anonymous(bench, log, until):
    client = Visitor(bench.stack.base_url, bench.addresses.one(), log)
    while time.monotonic() < until:
        for path in (bench.pages["home"], bench.pages["petition"]):
            client.get(path)
        time.sleep(0.2)


def quick_exits(bench, log, until):
    """Someone with form answers in their session leaves by the quick exit, again and again."""
    while time.monotonic() < until:
        client = Visitor(bench.stack.base_url, bench.addresses.one())
        page = client.get(bench.pages["disclosure"])
        form = page is not None and next(
            (f for f in journeys.forms_in(page.text, page.public_url) if f.method == "POST"), None
        )
        if form:
            client.request(
                "POST", form.action, data=form.fill(journeys.DISCLOSURE_VALUES), referer=page.public_url
            )
        client.log = log
        client.request("GET", "/exit/", referer=client.origin + bench.pages["disclosure"])
        time.sleep(0.5)


# --- the drill -----------------------------------------------------------------------------------------


def drill(bench, figures_, begin, end, recovery_seconds, staff_name):
    """Run the people through an outage that `begin()` starts and `end()` ends, then check and record."""
    slowest_figure, errors_figure, rollbacks_figure = figures_
    log_ = Log(outage_begins=0.0)
    staff = Staff(bench, log_, staff_name)
    staff.sign_in()
    survivors = [Survivor(bench, log_) for _ in range(SURVIVORS)]
    for survivor in survivors:
        survivor.before()
    before = {"survivor_steps": [s.furthest for s in survivors]}
    outage_begins = log_.outage_begins = time.monotonic() + BEFORE_SECONDS
    until = outage_begins + OUTAGE_SECONDS + recovery_seconds
    people = [
        threading.Thread(target=anonymous, args=(bench, log_, until)),
        threading.Thread(target=anonymous, args=(bench, log_, until)),
        threading.Thread(target=quick_exits, args=(bench, log_, until)),
        threading.Thread(target=staff.during, args=(outage_begins, outage_begins + OUTAGE_SECONDS)),
        *(threading.Thread(target=s.during, args=(outage_begins, until)) for s in survivors),
    ]
    for person in people:
        person.start()
    time.sleep(max(0.0, outage_begins - time.monotonic()))
    try:
        begin()
        log(f"  outage began; ends in {OUTAGE_SECONDS} s, then {recovery_seconds} s of recovery")
        time.sleep(OUTAGE_SECONDS)
    finally:
        end()
    for person in people:
        person.join()
    rolled_back = [
        f"survivor {n}: step {s.furthest} shown, then {r}" for n, s in enumerate(survivors) for r in s.check()
    ]
    if staff.check():
        rolled_back.append(
            f"staff session signed out ({staff.sign_out_tries}) answered {staff.answers_after}"
        )
    during = log_.outage()
    worst, worst_before = slowest(during), slowest(log_.before())
    errors = server_errors(during)
    bench.details[rollbacks_figure.name.removesuffix("_rollbacks")] = {
        "requests": len(during),
        "statuses": statuses(during),
        "slowest": sorted(during, key=lambda r: -r[2])[:8],
        "slowest_before_the_outage": worst_before,
        "server_errors_by_url": _by_label(errors),
        "survivor_steps_before": before["survivor_steps"],
        "survivor_steps_after": [s.shown_after for s in survivors],
        "staff_sign_out_answers": staff.sign_out_tries,
        "staff_old_cookie_answers_after": staff.answers_after,
    }
    bench.record(
        slowest_figure,
        worst[2] if worst else None,
        f"{worst[0]} sent {worst[3]} s after the outage began (it lasted {OUTAGE_SECONDS} s), answered "
        f"{worst[1]}; {len(during)} requests, answers {statuses(during)}; in the {BEFORE_SECONDS - 1} s "
        f"before, the slowest of {len(log_.before())} took {worst_before[2] if worst_before else '—'} ms"
        if worst
        else "no requests",
    )
    bench.record(errors_figure, len(errors), f"by URL {_by_label(errors)}" if errors else None)
    bench.record(
        rollbacks_figure,
        len(rolled_back),
        "; ".join(rolled_back)
        or f"survivors at steps {before['survivor_steps']} before, {[s.shown_after[-1] for s in survivors]} "
        f"after; staff sign-out answered {staff.sign_out_tries}, the old cookie then {staff.answers_after}",
    )


def _by_label(requests_):
    counts = {}
    for label, *_ in requests_:
        counts[label] = counts.get(label, 0) + 1
    return counts
