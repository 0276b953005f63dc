"""The parts of the hanging-outage drills that could break without anyone noticing: the forwarder that
black-holes PostgreSQL (relays, holds every byte during a black hole, resumes) and what counts as a
rollback."""

import socket
import threading

import pytest

from bench.drills import blips
from bench.forwarder import Forwarder
from tests.support.conftest import VALID_STEPS
from tests.support.factories import DisclosureRequestPageFactory

PATIENCE = 10  # seconds a socket waits before a test fails instead of hanging; never asserted on


class EchoServer:
    """Upstream: echoes every byte back and counts what it received and whom it accepted."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = self.listener.getsockname()[:2]
        self.accepted = 0
        self.received = bytearray()
        self.closed_by_peer = threading.Event()
        self.got = threading.Condition()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with self.got:
                self.accepted += 1
                self.got.notify_all()
            threading.Thread(target=self._echo, args=(connection,), daemon=True).start()

    def _echo(self, connection):
        with connection:
            while data := connection.recv(4096):
                with self.got:
                    self.received += data
                    self.got.notify_all()
                connection.sendall(data)
            self.closed_by_peer.set()

    def wait_until(self, predicate):
        with self.got:
            assert self.got.wait_for(predicate, timeout=PATIENCE)

    def close(self):
        self.listener.close()


@pytest.fixture
def upstream():
    server = EchoServer()
    yield server
    server.close()


@pytest.fixture
def forwarder(upstream):
    with Forwarder(upstream.address) as forwarder:
        yield forwarder


def connect(forwarder):
    return socket.create_connection(forwarder.address, timeout=PATIENCE)


def receive(client, size):
    data = b""
    while len(data) < size:
        chunk = client.recv(size - len(data))
        assert chunk, "closed"
        data += chunk
    return data


def test_the_forwarder_relays_both_ways(forwarder, upstream):
    with connect(forwarder) as client:
        client.sendall(b"SELECT 1")
        assert receive(client, 8) == b"SELECT 1"
    assert upstream.received == b"SELECT 1"


def test_a_black_hole_holds_every_byte_and_closes_nothing_then_resumes(forwarder, upstream):
    with connect(forwarder) as client:
        client.sendall(b"before")
        assert receive(client, 6) == b"before"
        forwarder.black_hole()
        assert forwarder.is_black_hole
        client.sendall(b"during")
        late = connect(forwarder)  # accepted, as a listening socket's handshake always is
        late.sendall(b"late")
        client.setblocking(False)
        with pytest.raises(BlockingIOError):  # nothing came back, and the socket is still open
            client.recv(10)
        client.setblocking(True)
        client.settimeout(PATIENCE)
        assert bytes(upstream.received) == b"before"
        assert upstream.accepted == 1  # the late connection has not reached the server
        assert forwarder.open_connections() == 1
        forwarder.resume()
        assert receive(client, 6) == b"during"
        assert receive(late, 4) == b"late"
        upstream.wait_until(lambda: upstream.accepted == 2)
        late.close()
    assert b"during" in upstream.received
    assert b"late" in upstream.received


def test_a_client_that_gives_up_during_a_black_hole_is_closed_upstream_once_it_resumes(forwarder, upstream):
    client = connect(forwarder)
    client.sendall(b"x")
    assert receive(client, 1) == b"x"
    forwarder.black_hole()
    client.close()
    assert not upstream.closed_by_peer.is_set()
    forwarder.resume()
    assert upstream.closed_by_peer.wait(PATIENCE)


def test_a_step_shown_earlier_after_the_outage_is_a_rollback():
    assert blips.form_rolled_back(2, [2, 3, 2]) == []
    assert blips.form_rolled_back(3, [3, 2, 3]) == [2]
    assert blips.form_rolled_back(3, [None, 3]) == []  # an error page shows no step: not a step back


def test_a_signed_out_session_answered_as_signed_in_is_a_rollback():
    assert blips.session_came_back(True, [302, 302, 200])
    assert not blips.session_came_back(True, [302] * 8)
    assert not blips.session_came_back(True, [None, 502, 302])
    # Never told they were signed out (every try failed): still signed in is no rollback.
    assert not blips.session_came_back(False, [200])


@pytest.mark.django_db
def test_the_step_a_disclosure_page_shows_is_read_from_the_page(client, home):
    page = DisclosureRequestPageFactory(parent=home)
    page.save_revision().publish()
    assert blips.shown_step(client.get(page.url).content.decode()) == 0
    client.post(page.url, {"step": 0, "action": "continue", **VALID_STEPS[0]})
    assert blips.shown_step(client.get(page.url).content.decode()) == 1
    assert blips.shown_step("<p>Sorry, something went wrong</p>") is None
