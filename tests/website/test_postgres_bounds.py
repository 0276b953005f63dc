"""website.postgres: a PostgreSQL server that takes connections and never answers is found out by a check
of its own, and then left alone by the process for a while; one that answers is used as psycopg would.

Fake servers on loopback stand in for PostgreSQL (the suite runs on SQLite): one that never says a word,
one that answers the check's SSLRequest as a real postmaster does."""

import logging
import socket
import threading

import psycopg
import pytest

from website.postgres import base

BOUNDS = {"answer_check_after": 1, "answer_check_timeout": 0.2, "answer_timeout": 6, "breaker_seconds": 30}


class FakeServer:
    def __init__(self, answer=None):
        self.answer = answer
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self._open = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(connection)
            if self.answer:
                connection.recv(8)
                connection.sendall(self.answer)

    def close(self):
        self.listener.close()
        for connection in self._open:
            connection.close()


@pytest.fixture
def silent_server():
    server = FakeServer()
    yield server
    server.close()
    base._breakers.clear()


def connect(server):
    return base.BoundedConnection.connect(
        host="127.0.0.1", port=server.port, dbname="waymark", user="waymark", **BOUNDS
    )


def test_a_postmaster_answers_the_check_and_a_silent_server_does_not():
    postmaster = FakeServer(answer=b"N")
    silent = FakeServer()
    try:
        assert base.server_answers("127.0.0.1", postmaster.port, timeout=5)
        assert not base.server_answers("127.0.0.1", silent.port, timeout=0.2)
        assert not base.server_answers("/nonexistent", 5432, timeout=0.2)
    finally:
        postmaster.close()
        silent.close()


def test_a_silent_server_fails_the_connection_and_is_not_tried_again_for_a_while(silent_server, caplog):
    with caplog.at_level(logging.WARNING, "website.cache_breaker"):
        with pytest.raises(psycopg.OperationalError, match="did not answer"):
            connect(silent_server)
        assert silent_server.connections == 1  # the check's connection; libpq's never started
        for _ in range(20):
            with pytest.raises(psycopg.OperationalError, match="not tried"):
                connect(silent_server)
    assert silent_server.connections == 1
    assert caplog.text.count("is not answering") == 1


def test_without_the_options_it_is_djangos_backend_unchanged():
    assert base.bounds_for({"host": "db.example", "dbname": "waymark"}) is None
    params = {"host": "db.example", **BOUNDS}
    assert base.bounds_for(params) is not None
    assert params == {"host": "db.example"}  # nothing libpq would refuse is left


def test_django_reaches_psycopg_through_the_bounded_connection():
    wrapper = base.DatabaseWrapper
    assert wrapper.Database.connect == base.BoundedConnection.connect
    assert wrapper.Database.OperationalError is psycopg.OperationalError
    assert wrapper.vendor == "postgresql"


def test_a_request_the_breaker_refused_is_logged_in_one_line_without_its_traceback():
    import sys

    from django.db import OperationalError

    from website.logging import QuietDatabaseOutage

    def record_of(error):
        try:
            raise error
        except OperationalError:
            return logging.LogRecord(
                "django.request",
                logging.ERROR,
                __file__,
                1,
                "Internal Server Error: %s",
                ("/x/",),
                sys.exc_info(),
            )

    refused = OperationalError("not tried")
    refused.__cause__ = base.NotTried("PostgreSQL at db.example:5432 is not answering: not tried")
    record = record_of(refused)
    assert QuietDatabaseOutage().filter(record)
    assert record.exc_info is None
    assert record.getMessage() == "Internal Server Error: /x/"

    other = record_of(OperationalError("relation does not exist"))
    assert QuietDatabaseOutage().filter(other)
    assert other.exc_info is not None  # any other failure keeps its traceback
