"""Django's PostgreSQL backend (psycopg 3) with every wait for the server bounded, behind a circuit breaker.

libpq bounds connecting (`connect_timeout`, 2 s at the least) and TCP bounds a peer that stops acknowledging
(`tcp_user_timeout`), but nothing bounds a server, proxy or path that has taken a query and never answers (a
hung PgBouncer, packets dropped one way, a failover that left the socket half-open): every request would
wait for as long as the fault lasts, and take a gunicorn thread with it. So, with these OPTIONS (production.py
sets them in the web process; without them this is Django's backend as it is):

- `answer_check_after` (s): a round trip still unanswered after this long asks whether the server answers
  at all: a new TCP connection to it must get an answer to PostgreSQL's SSLRequest (one byte, from the
  postmaster) within `answer_check_timeout`. A server busy with a slow statement answers that at once and
  the wait goes on; one that cannot be reached fails the query now (OperationalError: the error page).
- `answer_timeout` (s): no round trip waits longer, whatever the check said. Set above `statement_timeout`,
  so a statement that is merely slow is cancelled by the server first, with an answer.
- The same check before each new connection, so a server that cannot be reached fails in under a second
  rather than after `connect_timeout`.
- `breaker_seconds`: once a check has failed, this process does not try the server for that long: queries
  and connections fail at once, then one of them tries again (website.cache_breaker.Breaker, as the cache's:
  one warning when it opens, one line when it closes).
"""

import socket
import struct
import threading
import time

import psycopg
from django.db.backends.postgresql import base

from website.cache_breaker import Breaker

# The OPTIONS keys this backend reads (taken out before connecting: they are not libpq parameters).
BOUNDS = ("answer_check_after", "answer_check_timeout", "answer_timeout", "breaker_seconds")
SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # a PostgreSQL server answers it with b"S" or b"N"

_breakers = {}
_breakers_lock = threading.Lock()


def server_answers(host, port, timeout):
    """Does the PostgreSQL server at host:port (or Unix socket directory `host`) answer a new connection
    within `timeout` seconds?"""
    deadline = time.monotonic() + timeout
    try:
        if host.startswith("/"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(f"{host}/.s.PGSQL.{port}")
        else:
            sock = socket.create_connection((host, int(port)), timeout=timeout)
        with sock:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            sock.sendall(SSL_REQUEST)
            return sock.recv(1) in (b"S", b"N")
    except (OSError, ValueError):
        return False


class NotTried(psycopg.OperationalError):
    """The breaker is open: the server was not asked. (website.logging keeps its traceback out of the log:
    the breaker said once that the server is not answering.)"""


class Bounds:
    """The waits of one server's connections in this process, and its breaker (shared by the threads)."""

    def __init__(self, host, port, check_after, check_timeout, answer_timeout, breaker_seconds):
        self.host, self.port = host or "localhost", port or 5432
        self.check_after = float(check_after)
        self.check_timeout = float(check_timeout)
        self.answer_timeout = float(answer_timeout)
        self.breaker = Breaker(f"{self.host}:{self.port}", float(breaker_seconds), kind="PostgreSQL")

    def server_answers(self):
        return server_answers(str(self.host), self.port, self.check_timeout)

    def refuse_if_open(self):
        if not self.breaker.allows():
            raise NotTried(
                f"PostgreSQL at {self.breaker.name} is not answering: not tried (website.postgres)"
            )

    def failed(self, what):
        error = psycopg.OperationalError(f"PostgreSQL at {self.breaker.name} {what}")
        self.breaker.failed(error)
        return error


def bounds_for(params):
    """This process's Bounds for the server `params` name, or None when OPTIONS set none."""
    if "answer_timeout" not in params:
        return None
    values = [params.pop(key) for key in BOUNDS]
    key = (params.get("host"), params.get("port"), *values)
    with _breakers_lock:
        if key not in _breakers:
            _breakers[key] = Bounds(params.get("host"), params.get("port"), *values)
        return _breakers[key]


class _NoAnswer(Exception):
    pass


class BoundedConnection(psycopg.Connection):
    bounds = None

    @classmethod
    def connect(cls, *args, **kwargs):
        bounds = bounds_for(kwargs)
        if bounds is None:
            return super().connect(*args, **kwargs)
        bounds.refuse_if_open()
        if not bounds.server_answers():
            raise bounds.failed(f"did not answer within {bounds.check_timeout} s")
        connection = super().connect(*args, **kwargs)
        connection.bounds = bounds
        bounds.breaker.succeeded()
        return connection

    def wait(self, gen, interval=None, timeout=None):
        extra = {} if interval is None else {"interval": interval}
        bounds = self.bounds
        if bounds is None or timeout is not None:
            return super().wait(gen, timeout=timeout, **extra)
        started = time.monotonic()
        try:
            bounds.refuse_if_open()
            try:
                result = self._wait_for(gen, bounds.check_after, extra)
            except _NoAnswer:
                if not bounds.server_answers():
                    raise bounds.failed(f"did not answer within {bounds.check_timeout} s") from None
                left = bounds.answer_timeout - (time.monotonic() - started)
                try:
                    result = self._wait_for(gen, left, extra)
                except _NoAnswer:
                    raise bounds.failed(f"gave no answer in {bounds.answer_timeout} s") from None
        except psycopg.OperationalError:
            if not self.closed and self.pgconn.transaction_status == psycopg.pq.TransactionStatus.ACTIVE:
                self.close()  # half-way through a round trip: of no further use
            raise
        bounds.breaker.succeeded()
        return result

    def _wait_for(self, gen, seconds, extra):
        """The generator's result, or _NoAnswer once `seconds` have passed (it can be waited on again)."""
        started = time.monotonic()
        try:
            return super().wait(gen, timeout=max(seconds, 0.0), **extra)
        except psycopg.OperationalError:
            if time.monotonic() - started < seconds:
                raise
            raise _NoAnswer from None


class _Psycopg:
    """The psycopg module as Django's backend reaches it (`DatabaseWrapper.Database`), except that it
    connects with BoundedConnection."""

    connect = staticmethod(BoundedConnection.connect)

    def __getattr__(self, name):
        return getattr(psycopg, name)


class DatabaseWrapper(base.DatabaseWrapper):
    Database = _Psycopg()
