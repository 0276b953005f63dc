"""CPU and database queries per request, in one process, for the petition, signing and letter journeys.

No server and no load generator: Django's test client against the database and Redis in DATABASE_URL and
REDIS_URL (a seeded database of your own, never the bench's), with `website.settings.bench`. Each journey
runs N times to warm up, N times with the queries captured, and N times timed with `time.process_time`
(CPU of this process only: PostgreSQL's and Redis's own CPU are not in it).

    SECRET_KEY=x ALLOWED_HOSTS=testserver DISCLOSURE_ENCRYPTION_KEYS=<fernet key> \\
    DATABASE_URL=postgres://…/mydb REDIS_URL=redis://127.0.0.1:6379/N TRUSTED_PROXY_COUNT=1 \\
    DJANGO_SETTINGS_MODULE=website.settings.bench .venv/bin/python -m bench.profile_requests [N] \\
    [--profile NAME]

`--profile sign` (or `letter`, `bare`, `petition`) runs only the journeys whose name holds that word and
prints a cProfile (CPU time, not wall time) of one more round of runs, sorted by cumulative time.
"""

import cProfile
import itertools
import pstats
import sys
import time
from urllib.parse import urlencode

HEADERS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "testserver"}
ORIGIN = "https://testserver"


def main(count, profile=None):
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench import journeys
    from campaign.models import LetterPage
    from geography import lookup
    from geography.models import Postcode
    from petition.models import PetitionPage
    from website import page_cache

    petition = PetitionPage.objects.live().public().order_by("path").first()
    letter = LetterPage.objects.live().public().order_by("path").first()
    # A postcode in use whose constituency has an MP: the lookup succeeds and the details step is shown.
    # (`terminated` is "" for a postcode in use, never NULL.)
    in_use = Postcode.objects.filter(terminated="").order_by("postcode").values_list("postcode", flat=True)
    postcode = next(code for code in in_use if lookup.lookup(code).ok)
    counter = itertools.count()

    anonymous = Client(enforce_csrf_checks=True, **HEADERS)

    def client():
        # One client (building one loads the whole middleware chain), with no cookies: a new visitor.
        anonymous.cookies.clear()
        return anonymous

    def form_on(url, field):
        visitor = Client(enforce_csrf_checks=True, **HEADERS)
        page = visitor.get(url)
        forms = journeys.forms_in(page.content.decode(), ORIGIN + url)
        return visitor, next(f for f in forms if f.method == "POST" and f.has_field(field))

    sign_visitor, sign_form = form_on(petition.url, "email")
    letter_visitor, letter_form = form_on(letter.url, "postcode")

    def bare():
        return client().get("/__bench__/bare")

    def petition_page_rendered():
        # Every view a miss (the stored copy expired), with the site's cached fragments warm.
        cache.delete(f"{page_cache.KEY_PREFIX}https://testserver{petition.url}")
        return client().get(petition.url)

    def petition_page_from_cache():
        return client().get(petition.url)

    # The forms are filled once (parsing them is the client's work, not the server's), and sent urlencoded
    # as browsers and wrk send them (the test client's default, multipart, costs the server more to parse).
    sign_data = sign_form.fill(journeys.signer_values("x@x.example.net", "Profile Signer"))
    letter_data = urlencode(letter_form.fill({"postcode": postcode}))
    form_type = "application/x-www-form-urlencoded"

    def sign():
        n = next(counter)
        data = {**sign_data, "email": f"p{n}x{time.time_ns()}@p{n}.example.net"}
        return sign_visitor.post(
            sign_form.action.removeprefix(ORIGIN),
            urlencode(data),
            content_type=form_type,
            HTTP_X_FORWARDED_FOR=f"10.98.{n // 250 % 250}.{n % 250}",
            HTTP_ORIGIN=ORIGIN,
            HTTP_REFERER=ORIGIN + petition.url,
        )

    def letter_lookup():
        n = next(counter)
        return letter_visitor.post(
            letter_form.action.removeprefix(ORIGIN),
            letter_data,
            content_type=form_type,
            HTTP_X_FORWARDED_FOR=f"10.97.{n // 250 % 250}.{n % 250}",
            HTTP_ORIGIN=ORIGIN,
            HTTP_REFERER=ORIGIN + letter.url,
        )

    found = letter_lookup()
    if "Your MP is" not in found.content.decode():
        raise RuntimeError(f"the letter page's lookup of {postcode} found no MP (HTTP {found.status_code})")

    journeys_to_run = {
        "bare view": bare,
        "petition page, rendered": petition_page_rendered,
        "petition page, from the page cache": petition_page_from_cache,
        "sign": sign,
        "letter page postcode lookup": letter_lookup,
    }
    print(f"{count} requests each; per request: CPU of this process, wall time, database queries")
    for name, run in journeys_to_run.items():
        if profile and profile not in name:
            continue
        for _ in range(count):
            status = run().status_code
        with CaptureQueriesContext(connection) as captured:
            for _ in range(count):
                run()
        queries = len(captured.captured_queries) / count
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(count):
            run()
        cpu, wall = (1000 * (time.process_time() - cpu) / count, 1000 * (time.perf_counter() - wall) / count)
        print(f"{name:36} {cpu:6.2f} ms CPU  {wall:6.2f} ms wall  {queries:5.1f} queries  (status {status})")
        if profile:
            profiler = cProfile.Profile(time.process_time)
            profiler.runcall(lambda journey=run: [journey() for _ in range(count)])
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(150)


if __name__ == "__main__":
    args = sys.argv[1:]
    profile = None
    if "--profile" in args:
        at = args.index("--profile")
        profile = args[at + 1]
        del args[at : at + 2]
    main(int(args[0]) if args else 100, profile)
