"""A TCP forwarder the bench puts between the app servers and its PostgreSQL, so a drill can turn the path
into a black hole: bytes stop flowing both ways while every socket stays open, as when a network drops
packets or a proxy hangs, and flow again when it resumes.

    with Forwarder(("127.0.0.1", 8741), port=8743) as forwarder:   # clients connect to :8743
        forwarder.black_hole()   # nothing relayed, nothing closed; new connections are accepted and held
        forwarder.resume()       # what was held goes through

Each connection is two pump threads (client to server, server to client). A pump that has read bytes while
the path is a black hole holds them until it resumes; so does one about to read. A side that closes is
passed on as a half-close once the path flows.
"""

import contextlib
import socket
import threading

CHUNK = 65536


class Forwarder:
    def __init__(self, upstream, port=0, host="127.0.0.1"):
        self.upstream = upstream
        self._flowing = threading.Event()
        self._flowing.set()
        self._lock = threading.Lock()
        self._sockets = set()
        self._closed = False
        self.connections = 0
        self.listener = socket.create_server((host, port), backlog=512)
        self.address = self.listener.getsockname()[:2]
        self._thread = threading.Thread(target=self._accept, name="forwarder-accept", daemon=True)

    @property
    def port(self):
        return self.address[1]

    @property
    def is_black_hole(self):
        return not self._flowing.is_set()

    def start(self):
        self._thread.start()
        return self

    def black_hole(self):
        self._flowing.clear()

    def resume(self):
        self._flowing.set()

    def open_connections(self):
        with self._lock:
            return len(self._sockets) // 2

    def close(self):
        """Stop accepting and close every connection (the end of the run)."""
        self._closed = True
        self._flowing.set()
        with contextlib.suppress(OSError):
            self.listener.close()
        with self._lock:
            sockets, self._sockets = list(self._sockets), set()
        for sock in sockets:
            _close(sock)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # --- inside ---------------------------------------------------------------------------------------

    def _accept(self):
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.connections += 1
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client):
        # A connection made during a black hole is accepted (the kernel would complete the handshake of a
        # listening socket anyway) and gets no further until the path flows.
        self._flowing.wait()
        try:
            server = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            _close(client)
            return
        server.settimeout(None)
        with self._lock:
            if self._closed:
                _close(client)
                _close(server)
                return
            self._sockets.update((client, server))
        done = threading.Barrier(2, action=lambda: self._forget(client, server))
        for source, target in ((client, server), (server, client)):
            threading.Thread(target=self._pump, args=(source, target, done), daemon=True).start()

    def _pump(self, source, target, done):
        try:
            while True:
                self._flowing.wait()
                data = source.recv(CHUNK)
                self._flowing.wait()  # read just before the black hole began: held, not relayed
                if not data:
                    with contextlib.suppress(OSError):
                        target.shutdown(socket.SHUT_WR)
                    break
                target.sendall(data)
        except OSError:
            for sock in (source, target):  # one side reset: the other sees it closed
                _close(sock)
        with contextlib.suppress(threading.BrokenBarrierError):
            done.wait()

    def _forget(self, client, server):
        with self._lock:
            self._sockets.difference_update((client, server))
        _close(client)
        _close(server)


def _close(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
