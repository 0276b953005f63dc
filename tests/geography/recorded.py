"""Recorded responses for the online services, served by a requests transport adapter (no network)."""

import json
from pathlib import Path

import requests
from requests.adapters import BaseAdapter

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class RecordedAdapter(BaseAdapter):
    """Answers each URL path (query ignored) from a fixture file; anything else is a 404 like the real API.
    `raise_for` makes a path time out, as a slow service would."""

    def __init__(self, routes, raise_for=()):
        super().__init__()
        self.routes, self.raise_for, self.requested = routes, set(raise_for), []

    def send(self, request, **kwargs):
        path = requests.utils.urlparse(request.url).path
        self.requested.append(request.url)
        if path in self.raise_for:
            raise requests.Timeout("recorded timeout")
        response = requests.Response()
        response.request, response.url = request, request.url
        fixture = self.routes.get(path)
        if fixture is None:
            response.status_code = 404
            response._content = json.dumps({"status": 404, "error": "Not found"}).encode()
        else:
            status, name = fixture if isinstance(fixture, tuple) else (200, fixture)
            response.status_code = status
            response._content = (FIXTURES / name).read_bytes()
        response.headers["Content-Type"] = "application/json"
        return response

    def close(self):
        pass


def recorded_session(routes, raise_for=()):
    session = requests.Session()
    adapter = RecordedAdapter(routes, raise_for)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.adapter = adapter
    return session
