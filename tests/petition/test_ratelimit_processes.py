"""Rate limits hold across processes that share Redis (as gunicorn workers do in production)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs REDIS_URL: rate limits are shared through Redis"
)

CHECK = """
import django, sys
django.setup()
from django.core.cache import cache
from django.test import RequestFactory
from petition.models.settings import PetitionLimits
from petition.signing import limit_checks
from website.request_policy import ratelimits
request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.44")
one_unconfirmed = PetitionLimits(unconfirmed_per_address=1)
checks = limit_checks(int(sys.argv[1]), "hash-of-192.0.2.44", "example.org", one_unconfirmed)
limited = ratelimits.hit(request, checks)
print("limited" if limited else "allowed")
"""


def run_in_another_process(petition_id):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", CHECK, str(petition_id)],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_a_second_process_sees_the_first_processes_signing(settings):
    from django.core.cache import cache

    petition_id = 900_000 + os.getpid() % 1000
    cache.clear()
    assert run_in_another_process(petition_id) == "allowed"
    assert run_in_another_process(petition_id) == "limited"
    cache.clear()
