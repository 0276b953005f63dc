"""The bench's process primitives: where it keeps its files, how it logs and runs commands, and `Service`,
one long-running process of the stack. bench/stack.py and bench/nginx.py build on these."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "bench" / "tmp"
HOST = "127.0.0.1"
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy adds; production settings redirect without it


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sh(command, check=True, timeout=120, **kwargs):
    return subprocess.run(
        command,
        shell=isinstance(command, str),
        check=check,
        timeout=timeout,
        capture_output=True,
        text=True,
        **kwargs,
    )


def wait_for(predicate, seconds, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


# --- the services ---------------------------------------------------------------------------------


class Service:
    """One long-running process of the stack, started in its own session so that stopping it stops its
    children too, with its output in bench/tmp/NAME.log."""

    name = "service"

    def __init__(self):
        self.process = None
        self.logfile = TMP / f"{self.name}.log"
        self._handle = None

    def command(self):
        raise NotImplementedError

    def ready(self):
        return self.running()

    def running(self):
        return self.process is not None and self.process.poll() is None

    @property
    def pidfile(self):
        return TMP / f"{self.name}.pid"

    def start(self, env=None, timeout=60):
        self.stop_leftover()
        self._handle = open(self.logfile, "a")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            self.command(),
            cwd=ROOT,
            env=env,
            stdout=self._handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pidfile.write_text(str(self.process.pid))
        if not wait_for(self.ready, timeout, step=0.2):
            raise RuntimeError(f"{self.name} did not come up; see {self.logfile}")

    def stop_leftover(self):
        """Stop what this service left running when an earlier run was killed: only a process that still
        runs this very command line, never one that has since been given the same id."""
        try:
            pid = int(self.pidfile.read_text())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[:-1]
        except (OSError, ValueError):
            cmdline, pid = None, None
        if cmdline == [str(part).encode() for part in self.command()]:
            log(f"{self.name} from an earlier run is still up (pid {pid}): stopping it first")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            wait_for(lambda: not Path(f"/proc/{pid}").exists(), 10)
        self.pidfile.unlink(missing_ok=True)

    def signal(self, signum):
        if self.running():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)

    def kill(self):
        """Gone at once, as when a machine dies: no graceful shutdown."""
        self.signal(signal.SIGKILL)
        self._reap(5)

    def stop(self, timeout=15):
        self.signal(signal.SIGTERM)
        self._reap(timeout)

    def _reap(self, timeout):
        if self.process is not None:
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self.pidfile.unlink(missing_ok=True)


def healthy(url):
    try:
        return requests.get(f"{url}/healthz", headers=HTTPS, timeout=2).status_code == 200
    except requests.RequestException:
        return False
