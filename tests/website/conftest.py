"""Fixtures for the website's tests: a Redis that hangs (tests/website/outages.py)."""

from tests.website.outages import hanging_redis  # noqa: F401
