"""Where the time goes on the sign path: cProfile of N petition signatures made in-process.

Run after `make bench`: `.venv/bin/python -m bench.profile_sign [N]` starts the bench's own PostgreSQL and
Redis again, reuses the database `make bench` left in bench/tmp/pg, and stops them when it is done.
Prints the functions with the most cumulative time and writes the full listing to bench/tmp/profile-sign.txt.
The PostgreSQL round trips and commits are real; there is no HTTP server or network in the way.
"""

import cProfile
import io
import os
import pstats
import sys
import time


def main(count):
    from bench.stack import Stack

    stack = Stack()
    stack.postgres.start()
    stack.redis.start()
    try:
        os.environ.update(stack.env)
        profile(count)
    finally:
        stack.redis.stop()
        stack.postgres.stop()


def profile(count):
    import django

    from bench.services import TMP

    django.setup()
    from django.test import Client

    from bench import journeys
    from petition.models import PetitionPage

    petition = PetitionPage.objects.live().public().order_by("path").first()
    if petition is None:
        raise SystemExit("No live PetitionPage in the bench database: run `make bench` first.")
    url = petition.get_url()
    headers = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "127.0.0.1"}
    client = Client(enforce_csrf_checks=True, **headers)
    page = client.get(url)
    form = next(
        f
        for f in journeys.forms_in(page.content.decode(), "https://127.0.0.1" + url)
        if f.method == "POST" and f.has_field("email")
    )
    tag = int(time.time())
    bodies = [
        form.fill(journeys.signer_values(f"prof{tag}x{n}@prof{tag}x{n}.example.net", f"Profile Signer {n}"))
        for n in range(count)
    ]
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for n, data in enumerate(bodies):
        client.post(
            form.action,
            data,
            HTTP_X_FORWARDED_FOR=f"10.99.{n // 250}.{n % 250}",
            HTTP_REFERER="https://127.0.0.1" + url,
        )
    profiler.disable()
    elapsed = time.perf_counter() - started
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(60)
    (TMP / "profile-sign.txt").write_text(out.getvalue())
    print(f"{count} signatures in {elapsed:.2f}s: {1000 * elapsed / count:.1f} ms each, in one process")
    print("\n".join(out.getvalue().splitlines()[:45]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
