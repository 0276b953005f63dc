"""The production topology on loopback, all of it the bench's own: nginx (configured from
deploy/nginx.conf, bench/nginx.py) in front of two app servers (each a gunicorn master on its own
port, as two machines would run them), a PostgreSQL cluster and a Redis server in bench/tmp on their own
ports, the task workers and the scheduler. For the drill that black-holes PostgreSQL, the app servers are
restarted to reach it through a TCP forwarder in the bench's own process (bench/forwarder.py), and back
afterwards: the other figures are measured without the forwarder's cost.

Nothing here touches the machine's own PostgreSQL (5432) or Redis (6379): other work uses them meanwhile.
The drills restart, stop and kill only these.
"""

import base64
import contextlib
import functools
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

from bench import nginx
from bench.services import HOST, ROOT, TMP, Service, healthy, log, sh, wait_for

PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8731"))  # where the load goes: the front, or the only app server
# The app servers behind a front, or those beyond the first without one: APP_PORT, APP_PORT + 1…
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8751"))
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "8741"))
PG_FORWARD_PORT = int(os.environ.get("BENCH_PG_FORWARD_PORT", "8743"))  # see Stack.db_through_forwarder
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "8742"))
DB_NAME = os.environ.get("BENCH_DB", "bench_waymark")
APP_SERVERS = int(os.environ.get("BENCH_APP_SERVERS", "2"))
# Task worker processes (db_worker); each sends one email at a time, so the emails keep up with signing
# only with several (email_rate).
EMAIL_WORKERS = int(os.environ.get("BENCH_EMAIL_WORKERS", "6"))
GUNICORN_WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GUNICORN_THREADS = int(os.environ.get("BENCH_THREADS", "4"))


def shared_data():
    """The public sample data beside the clone (settings.SHARED_DATA_DIR): WAYMARK_SHARED_DATA if set, else
    ../shared/data, or, from a git worktree, the one beside the main checkout."""
    if os.environ.get("WAYMARK_SHARED_DATA"):
        return Path(os.environ["WAYMARK_SHARED_DATA"])
    candidates = [ROOT.parent / "shared" / "data"]
    common = sh(["git", "rev-parse", "--git-common-dir"], check=False, cwd=ROOT)
    if common.returncode == 0:
        candidates.append((ROOT / common.stdout.strip()).resolve().parent.parent / "shared" / "data")
    return next((path for path in candidates if path.exists()), candidates[0])


def cpu_seconds(pid):
    """User + system CPU of one process so far, in seconds (None once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def cpu_by_session(sessions, parents=None):
    """CPU seconds used so far by every process in each of `sessions` ({session id: label}), and by each
    process whose parent is in `parents` ({pid: label}): {pid: (label, seconds)}.

    Each service of the stack runs in a session of its own (start_new_session), so its children count too:
    gunicorn's workers. PostgreSQL's backends each start a session of their own, so they are found by their
    parent, the postmaster."""
    parents = parents or {}
    found = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            label = sessions.get(int(fields[3])) or parents.get(int(fields[1]))
            if label is not None:
                found[int(entry.name)] = (label, (int(fields[11]) + int(fields[12])) / tick)
    return found


def cpu_used(before, after, labels=()):
    """{label: CPU seconds} between two `cpu_by_session` snapshots. A process that started in between counts
    in full; one that exited in between is not counted (its last seconds are unknown), never negatively."""
    used = dict.fromkeys(labels, 0.0)
    for pid, (label, seconds) in after.items():
        start = before.get(pid)
        used[label] = used.get(label, 0.0) + seconds - (start[1] if start and start[0] == label else 0.0)
    return used


def children(pid):
    """The ids of a process's direct children (gunicorn's workers, for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError):
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


# --- the services ---------------------------------------------------------------------------------


class Postgres:
    """A cluster of the bench's own, made with Debian's server binaries (initdb into bench/tmp/pg) and run
    on its own port with TCP only (no Unix socket), as the `postgres` user when the bench runs as root.
    Its settings are the Debian defaults of the machine's cluster (shared_buffers 128MB, fsync on)."""

    def __init__(self, port=PG_PORT):
        self.port = port
        self.user = "postgres" if os.geteuid() == 0 else None

    @functools.cached_property
    def bin(self):
        """The newest server installed in /usr/lib/postgresql (Debian's layout)."""
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
        )
        if not versions:
            raise SystemExit("No PostgreSQL server in /usr/lib/postgresql: apt-get install postgresql")
        return versions[-1].parent

    @functools.cached_property
    def dir(self):
        """bench/tmp/pg, unless the server's user cannot reach it (a clone in a private home directory):
        then a directory of the bench's own under /tmp."""
        TMP.mkdir(parents=True, exist_ok=True)
        if (
            self.user
            and sh(["runuser", "-u", self.user, "--", "test", "-x", str(TMP)], check=False).returncode
        ):
            return Path(tempfile.gettempdir()) / f"waymark-bench-pg-{self.port}"
        return TMP / "pg"

    @property
    def data(self):
        return self.dir / "data"

    @property
    def logfile(self):
        return self.dir / "postgres.log"

    @property
    def version(self):
        return self.bin.parent.name

    @property
    def url(self):
        return f"postgres://postgres@{HOST}:{self.port}"

    def _run(self, *args, check=True, timeout=120):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = sh(command, check=False, timeout=timeout, cwd="/")
        if check and result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout[-1000:]}{result.stderr[-2000:]}")
        return result

    def _init(self):
        version_file = self.data / "PG_VERSION"
        if version_file.exists() and version_file.read_text().strip() == self.version:
            return
        log(f"initdb: a PostgreSQL {self.version} cluster of the bench's own in {self.data}")
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"
        )
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# The bench's own cluster: loopback TCP only, on its own port.\n"
                f"port = {self.port}\nlisten_addresses = '{HOST}'\nunix_socket_directories = ''\n"
                "max_connections = 100\nshared_buffers = 128MB\nfsync = on\n"
            )

    def ready(self):
        try:
            with psycopg.connect(f"{self.url}/postgres", connect_timeout=2):
                return True
        except psycopg.Error:
            return False

    def start(self):
        self._init()
        if self._run("pg_ctl", "status", "-D", str(self.data), check=False).returncode == 0:
            log("a bench PostgreSQL from an earlier run is still up: stopping it first")
            self.stop()
        self._run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.logfile), "-w", "-t", "60")
        if not wait_for(self.ready, 30):
            raise SystemExit(
                f"the bench's PostgreSQL did not start on {HOST}:{self.port}; see {self.logfile}"
            )

    def restart(self):
        return self._run(
            "pg_ctl",
            "restart",
            "-D",
            str(self.data),
            "-m",
            "fast",
            "-l",
            str(self.logfile),
            "-w",
            "-t",
            "60",
            check=False,
        )

    def stop(self):
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", check=False)

    def fresh_database(self, name):
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')


class Redis(Service):
    """A redis-server of the bench's own on its own port, with nothing saved to disk."""

    name = "redis"

    def __init__(self, port=REDIS_PORT):
        super().__init__()
        self.port = port
        self.dir = TMP / "redis"

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"

    def command(self):
        return [
            "redis-server", "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no",
            "--dir", str(self.dir), "--daemonize", "no",
        ]  # fmt: skip

    def ready(self):
        try:
            answer = sh(["redis-cli", "-h", HOST, "-p", str(self.port), "ping"], check=False, timeout=5)
        except subprocess.TimeoutExpired:  # paused
            return False
        return answer.stdout.strip() == "PONG"

    def pause(self):
        """SIGSTOP: connections stay open and are accepted, nothing is answered (a hung Redis)."""
        self.paused = True
        self.signal(signal.SIGSTOP)

    def resume(self):
        self.signal(signal.SIGCONT)
        self.paused = False

    def stop_leftover(self):
        # redis-server renames its process, so its command line cannot be matched: a Redis answering on
        # the bench's port while the bench's pid file is there is the one an earlier run left.
        if self.pidfile.exists() and self.ready():
            log("the bench's Redis from an earlier run is still up: stopping it first")
            self.shutdown()
        self.pidfile.unlink(missing_ok=True)

    def start(self, env=None, timeout=30):
        self.dir.mkdir(parents=True, exist_ok=True)
        super().start(env, timeout)

    paused = False

    def shutdown(self):
        if self.paused:
            self.resume()
        sh(["redis-cli", "-h", HOST, "-p", str(self.port), "shutdown", "nosave"], check=False)
        wait_for(lambda: not self.ready(), 10)
        self._reap(10)

    stop = shutdown


class AppServer(Service):
    """One gunicorn master on its own port, as one machine of a load-balanced pair would run it."""

    def __init__(self, index, port, workers=GUNICORN_WORKERS, threads=GUNICORN_THREADS):
        self.name = f"gunicorn-{index}"
        super().__init__()
        self.port = port
        self.workers = workers
        self.threads = threads

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def command(self):
        return [
            PY, "-m", "gunicorn", "website.wsgi", "--bind", f"{HOST}:{self.port}",
            "--workers", str(self.workers), "--worker-class", "gthread", "--threads", str(self.threads),
            "--timeout", "30", "--backlog", "2048", "--log-level", "warning", "--reuse-port",
        ]  # fmt: skip

    def ready(self):
        return healthy(self.url)

    def start(self, env=None, timeout=60):
        self.stop_leftover()
        # With --reuse-port a second server on the port would silently share the load: refuse instead.
        with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), timeout=1):
            raise SystemExit(
                f"something already listens on {HOST}:{self.port}; set BENCH_PORT/BENCH_APP_PORT"
            )
        super().start(env, timeout)

    def worker_pids(self):
        return children(self.process.pid) if self.running() else []


class ManageCommand(Service):
    """A long-running manage.py command (the task worker, the scheduler)."""

    def __init__(self, name, *args):
        self.name = name
        super().__init__()
        self.args = args

    def command(self):
        return [PY, "manage.py", *self.args]

    def ready(self):
        return self.running()


# --- the stack ------------------------------------------------------------------------------------


class Stack:
    """Everything `make bench` runs. `app_servers` gunicorn masters listen on ports of their own; with a
    `front` (a callable taking the port and the app servers' URLs and returning a Service; by default
    nginx from deploy/nginx.conf), the load reaches them only through it on PORT, otherwise the single
    app server listens on PORT itself (`front=None`)."""

    def __init__(self, app_servers=APP_SERVERS, front="nginx", email_workers=EMAIL_WORKERS):
        if front == "nginx":
            front = nginx.front
        if app_servers > 1 and front is None:
            log(f"{app_servers} app servers and no front proxy: the load reaches only the first")
        self.postgres = Postgres()
        self.redis = Redis()
        self.db_path = None  # the forwarder between the app servers and PostgreSQL, while there is one
        ports = [PORT] if front is None else []
        ports += [APP_PORT + i for i in range(len(ports), app_servers)]
        self.app_servers = [AppServer(i, port) for i, port in enumerate(ports)]
        self.front = front(PORT, [s.url for s in self.app_servers]) if front else None
        self.base_url = f"http://{HOST}:{PORT}"
        self.workers = [
            ManageCommand(f"worker-{i}", "db_worker", "--queue-name", "*", "--interval", "1")
            for i in range(max(1, email_workers))
        ]
        self.scheduler = ManageCommand("scheduler", "run_scheduler")
        self.mail_dir = TMP / "mail"
        self.email_fail_flag = TMP / "email-down"
        self.worker_restarts = 0
        self._supervising = False
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.bench",
            "SECRET_KEY": secrets.token_urlsafe(50),
            # Production settings refuse to start without these secrets; fresh ones per run.
            "SIGNATURE_IP_HMAC_KEY": secrets.token_urlsafe(50),
            "DISCLOSURE_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            # The client's address as docs/operations.md configures it behind the documented nginx: one
            # trusted proxy, whose X-Forwarded-For carries the address nginx settled on.
            "TRUSTED_PROXY_COUNT": "1",
            "DATABASE_URL": f"{self.postgres.url}/{DB_NAME}",
            "REDIS_URL": self.redis.url,
            "BENCH_EMAIL_DIR": str(self.mail_dir),
            "BENCH_EMAIL_FAIL_FLAG": str(self.email_fail_flag),
            "WAGTAILADMIN_BASE_URL": self.base_url,
            "WAYMARK_SHARED_DATA": str(shared_data()),  # seed_demo's hexmap layout
            "PYTHONUNBUFFERED": "1",
        }

    # --- commands run against the stack's database ---

    def manage(self, *args, timeout=600, check=True):
        result = self.python("manage.py", *args, timeout=timeout)
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}"
            )
        return result

    def python(self, *args, timeout=600):
        return subprocess.run(
            [PY, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    # --- life cycle ---

    @property
    def app_env(self):
        """The app servers' environment: PostgreSQL through the forwarder while there is one."""
        if self.db_path is None:
            return self.env
        return {**self.env, "DATABASE_URL": f"postgres://postgres@{HOST}:{self.db_path.port}/{DB_NAME}"}

    @contextlib.contextmanager
    def db_through_forwarder(self):
        """The app servers restarted, one after the other, to reach PostgreSQL through a forwarder the bench
        controls (bench/forwarder.py), which this yields; afterwards restarted to reach it directly again."""
        from bench.forwarder import Forwarder

        self.db_path = Forwarder((HOST, self.postgres.port), port=PG_FORWARD_PORT).start()
        try:
            self._restart_app_servers()
            yield self.db_path
        finally:
            self.db_path.resume()
            forwarder, self.db_path = self.db_path, None
            self._restart_app_servers()
            forwarder.close()

    def _restart_app_servers(self):
        for server in self.app_servers:
            server.stop()
            server.start(self.app_env)
        wait_for(self.healthy, 30)

    def up(self):
        """Fresh services, a fresh database with the demo content, then the app, worker and scheduler."""
        TMP.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.mail_dir, ignore_errors=True)
        self.email_fail_flag.unlink(missing_ok=True)
        self.mail_dir.mkdir(parents=True)
        for service in (self.scheduler, *self.workers, self.front, *self.app_servers):
            if service is not None:
                service.stop_leftover()
        for path in TMP.glob("*.log"):
            path.write_text("")
        self.postgres.start()
        self.redis.start()
        log(f"PostgreSQL {self.postgres.version} on :{self.postgres.port}, Redis on :{self.redis.port}")
        log(f"fresh database {DB_NAME}")
        self.postgres.fresh_database(DB_NAME)
        for step in (("migrate", "--noinput"), ("collectstatic", "--noinput"), ("seed_demo",)):
            log(step[0])
            self.manage(*step)
        for server in self.app_servers:
            server.start(self.app_env)
        if self.front:
            self.front.start(self.env)
        for worker in self.workers:
            worker.start(self.env)
        self.scheduler.start(self.env)
        self._supervising = True
        threading.Thread(target=self._supervise, daemon=True).start()
        log(
            f"stack up at {self.base_url}: {len(self.app_servers)} gunicorn "
            f"({GUNICORN_WORKERS} workers x {GUNICORN_THREADS} threads each)"
            + (f" behind {self.front.name}" if self.front else "")
            + f", {len(self.workers)} db_worker processes"
        )

    def _supervise(self):
        """Restart the worker and scheduler if they exit (a database restart can end them), like systemd."""
        while self._supervising:
            for service in (*self.workers, self.scheduler):
                if not service.running() and self._supervising:
                    service.stop(timeout=1)
                    time.sleep(1)
                    if self._supervising:
                        self.worker_restarts += 1
                        with contextlib.suppress(RuntimeError):
                            service.start(self.env)
            time.sleep(1)

    def healthy(self):
        return healthy(self.base_url)

    def app_worker_pids(self):
        """The gunicorn workers that share the load: every app server's behind a front, else the first's."""
        servers = self.app_servers if self.front else self.app_servers[:1]
        return [pid for server in servers for pid in server.worker_pids()]

    def restart_postgres(self):
        return self.postgres.restart()

    def stop_redis(self):
        self.redis.shutdown()

    def pause_redis(self):
        self.redis.pause()

    def resume_redis(self):
        self.redis.resume()

    def black_hole_postgres(self):
        """The app servers' path to PostgreSQL (inside db_through_forwarder) stops carrying bytes either way;
        no socket is closed."""
        self.db_path.black_hole()

    def resume_postgres_path(self):
        self.db_path.resume()

    def start_redis(self):
        self.redis.start(self.env)

    def cpu_by_service(self):
        """A snapshot of the CPU every process of the stack has used so far, {pid: (part, seconds)}: the
        parts are "app", "task workers", "scheduler", "front", "Redis" and "PostgreSQL" (`cpu_used` compares
        two snapshots)."""
        sessions, parents = {}, {}
        for label, services in (
            ("app", self.app_servers),
            ("task workers", self.workers),
            ("scheduler", [self.scheduler]),
            ("front", [self.front] if self.front else []),
            ("Redis", [self.redis]),
        ):
            for service in services:
                if service.running():
                    sessions[service.process.pid] = label
        with contextlib.suppress(OSError, ValueError, IndexError):
            postmaster = int((self.postgres.data / "postmaster.pid").read_text().split()[0])
            sessions[postmaster] = parents[postmaster] = "PostgreSQL"
        return cpu_by_session(sessions, parents)

    def worker_cpu(self):
        """CPU seconds the task workers have used so far (None if one is not running)."""
        used = [cpu_seconds(w.process.pid) if w.running() else None for w in self.workers]
        return None if None in used else sum(used)

    def kill_app_server(self, index):
        """SIGKILL one gunicorn master and its workers, as when its machine dies."""
        self.app_servers[index].kill()

    def start_app_server(self, index):
        self.app_servers[index].start(self.app_env)

    def gunicorn_log_text(self):
        return "".join(s.logfile.read_text(errors="replace") for s in self.app_servers)

    def down(self):
        self._supervising = False
        for service in (self.scheduler, *self.workers, self.front, *self.app_servers):
            if service is not None:
                service.stop()
        self.redis.shutdown()
        if self.db_path is not None:
            self.db_path.close()
        self.postgres.stop()
