"""The production-settings stack on loopback: PostgreSQL, Redis, gunicorn, the task worker, the scheduler."""

import base64
import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "bench" / "tmp"
PY = sys.executable
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8731"))
DB_NAME = os.environ.get("BENCH_DB", "bench_waymark")
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "8"))
PG_CLUSTER_CMD = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
REDIS_START_CMD = (
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no '
    "--dir /var/lib/redis --logfile /var/log/redis/ci.log"
)
GUNICORN_WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GUNICORN_THREADS = int(os.environ.get("BENCH_THREADS", "4"))


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sh(command, check=True, timeout=120):
    return subprocess.run(command, shell=True, check=check, timeout=timeout, capture_output=True, text=True)


# --- the services the machine runs --------------------------------------------------------------------


def postgres_ready():
    return sh(f"pg_isready -h {HOST} -p 5432 -q", check=False).returncode == 0


def redis_ready():
    return sh(f"redis-cli -h {HOST} -p 6379 ping", check=False).stdout.strip() == "PONG"


def wait_for(predicate, seconds, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def ensure_services():
    if not postgres_ready():
        log("starting PostgreSQL")
        sh(f"{PG_CLUSTER_CMD} start", check=False)
        if not wait_for(postgres_ready, 30):
            raise SystemExit("PostgreSQL did not start on 127.0.0.1:5432")
    if not redis_ready():
        start_redis()


def start_redis():
    log("starting Redis")
    sh(REDIS_START_CMD, check=False)
    if not wait_for(redis_ready, 30):
        raise SystemExit("Redis did not start on 127.0.0.1:6379")


def stop_redis():
    sh(f"redis-cli -h {HOST} -p 6379 shutdown nosave", check=False)
    wait_for(lambda: not redis_ready(), 10)


def restart_postgres():
    return sh(f"{PG_CLUSTER_CMD} restart", check=False, timeout=120)


def fresh_database():
    with psycopg.connect(f"postgresql://postgres@{HOST}:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def flush_redis_db():
    sh(f"redis-cli -h {HOST} -p 6379 -n {REDIS_DB} flushdb", check=False)


# --- the application -----------------------------------------------------------------------------


class Stack:
    def __init__(self):
        self.base_url = f"http://{HOST}:{PORT}"
        self.mail_dir = TMP / "mail"
        self.email_fail_flag = TMP / "email-down"
        self.gunicorn_log = TMP / "gunicorn.log"
        self.worker_log = TMP / "worker.log"
        self.env = dict(os.environ)
        self.env.update(
            {
                "DJANGO_SETTINGS_MODULE": "website.settings.bench",
                "SECRET_KEY": secrets.token_urlsafe(50),
                # Production settings refuse to start without these secrets; fresh ones per run.
                "SIGNATURE_IP_HMAC_KEY": secrets.token_urlsafe(50),
                "DISCLOSURE_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
                "ALLOWED_HOSTS": f"{HOST},localhost",
                "DATABASE_URL": f"postgres://postgres@{HOST}:5432/{DB_NAME}",
                "REDIS_URL": f"redis://{HOST}:6379/{REDIS_DB}",
                "BENCH_EMAIL_DIR": str(self.mail_dir),
                "BENCH_EMAIL_FAIL_FLAG": str(self.email_fail_flag),
                "WAGTAILADMIN_BASE_URL": self.base_url,
                "PYTHONUNBUFFERED": "1",
            }
        )
        self.processes = {}
        self.worker_restarts = 0
        self._supervising = False

    def manage(self, *args, timeout=600, check=True):
        result = subprocess.run(
            [PY, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}"
            )
        return result

    def python(self, *args, timeout=600):
        return subprocess.run(
            [PY, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def prepare(self):
        if TMP.exists():
            for name in ("mail", "email-down"):
                path = TMP / name
                if path.is_dir():
                    shutil.rmtree(path)
                elif path.exists():
                    path.unlink()
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        log(f"fresh database {DB_NAME}, Redis db {REDIS_DB}")
        fresh_database()
        flush_redis_db()
        log("migrate")
        self.manage("migrate", "--noinput")
        log("collectstatic")
        self.manage("collectstatic", "--noinput")
        log("seed_demo")
        self.manage("seed_demo")

    def _spawn(self, name, command, logfile):
        handle = open(logfile, "a")  # noqa: SIM115 (closed in stop())
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes[name] = (process, handle, command, logfile)
        return process

    def start(self):
        self.gunicorn_log.write_text("")
        self.worker_log.write_text("")
        self._spawn(
            "gunicorn",
            [
                PY,
                "-m",
                "gunicorn",
                "website.wsgi",
                "--bind",
                f"{HOST}:{PORT}",
                "--workers",
                str(GUNICORN_WORKERS),
                "--worker-class",
                "gthread",
                "--threads",
                str(GUNICORN_THREADS),
                "--timeout",
                "30",
                "--backlog",
                "2048",
                "--log-level",
                "warning",
            ],
            self.gunicorn_log,
        )
        self._spawn(
            "worker", [PY, "manage.py", "db_worker", "--queue-name", "*", "--interval", "1"], self.worker_log
        )
        self._spawn("scheduler", [PY, "manage.py", "run_scheduler"], self.worker_log)
        if not wait_for(self.healthy, 60, step=0.5):
            raise RuntimeError(f"gunicorn did not answer /healthz; see {self.gunicorn_log}")
        self._supervising = True
        threading.Thread(target=self._supervise, daemon=True).start()
        log(f"stack up at {self.base_url} (gunicorn {GUNICORN_WORKERS} workers x {GUNICORN_THREADS} threads)")

    def _supervise(self):
        """Restart the worker and scheduler if they exit (a database restart can end them), like systemd."""
        while self._supervising:
            for name in ("worker", "scheduler"):
                process, handle, command, logfile = self.processes[name]
                if process.poll() is not None and self._supervising:
                    handle.close()
                    self.worker_restarts += 1
                    time.sleep(1)
                    self._spawn(name, command, logfile)
            time.sleep(1)

    def healthy(self):
        try:
            response = requests.get(
                f"{self.base_url}/healthz", headers={"X-Forwarded-Proto": "https"}, timeout=2
            )
        except requests.RequestException:
            return False
        return response.status_code == 200

    def stop(self):
        self._supervising = False
        for process, _handle, _command, _logfile in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _name, (process, handle, _command, _logfile) in self.processes.items():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
            handle.close()
        self.processes = {}
