"""Production settings bound every wait on PostgreSQL (connect, a silent network, a long statement) and leave
SQLite as it is; the cache's socket timeouts and breaker come from the environment too."""

import json
import subprocess
import sys

from tests.website.test_deploy_check import ROOT, production_env

PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'db': settings.DATABASES['default'], 'cache': settings.CACHES['default']}, "
    "default=str))"
)
POSTGRES = "postgres://waymark@db.example:5432/waymark"


def production_settings(tmp_path, **env):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_web_connections_to_postgres_time_out_at_every_stage(tmp_path):
    options = production_settings(tmp_path, DATABASE_URL=POSTGRES, WAYMARK_PROCESS="web")["db"]["OPTIONS"]
    assert options["connect_timeout"] == 5
    assert options["keepalives"] == 1
    assert options["keepalives_idle"] == 30
    assert options["keepalives_interval"] == 5
    assert options["keepalives_count"] == 3
    assert options["tcp_user_timeout"] == 10000
    assert options["options"] == "-c statement_timeout=5000"


def test_the_timeouts_come_from_the_environment(tmp_path):
    options = production_settings(
        tmp_path,
        DATABASE_URL=POSTGRES,
        WAYMARK_PROCESS="web",
        DB_CONNECT_TIMEOUT="3",
        DB_TCP_USER_TIMEOUT="4000",
        DB_STATEMENT_TIMEOUT="2500",
    )["db"]["OPTIONS"]
    assert (options["connect_timeout"], options["tcp_user_timeout"]) == (3, 4000)
    assert options["options"] == "-c statement_timeout=2500"


def test_commands_and_the_task_worker_have_no_statement_timeout(tmp_path):
    options = production_settings(tmp_path, DATABASE_URL=POSTGRES)["db"]["OPTIONS"]
    assert "options" not in options
    assert options["tcp_user_timeout"] == 10000


def test_the_web_entry_points_name_the_web_process():
    for module in ("wsgi", "asgi"):
        source = (ROOT / "website" / f"{module}.py").read_text()
        assert 'os.environ.setdefault("WAYMARK_PROCESS", "web")' in source


def test_sqlite_gets_none_of_the_postgres_options(tmp_path):
    db = production_settings(tmp_path, WAYMARK_PROCESS="web")["db"]
    assert db["ENGINE"].endswith("sqlite3")
    assert not set(db.get("OPTIONS", {})) & {
        "keepalives",
        "tcp_user_timeout",
        "options",
        "connect_timeout",
        "answer_timeout",
    }


def test_a_web_process_checks_a_silent_server_and_leaves_it_alone_for_a_while(tmp_path):
    db = production_settings(tmp_path, DATABASE_URL=POSTGRES, WAYMARK_PROCESS="web")["db"]
    assert db["ENGINE"] == "website.postgres"
    options = db["OPTIONS"]
    assert (options["answer_check_after"], options["answer_check_timeout"]) == (1.0, 0.5)
    assert options["answer_timeout"] == 6.0  # past the 5 s statement_timeout: slow statements get answers
    assert options["breaker_seconds"] == 5.0


def test_commands_and_the_task_worker_wait_for_their_long_statements(tmp_path):
    db = production_settings(tmp_path, DATABASE_URL=POSTGRES)["db"]
    assert db["ENGINE"] == "website.postgres"
    assert "answer_timeout" not in db["OPTIONS"]


def test_the_cache_has_short_socket_timeouts_and_a_breaker(tmp_path):
    cache = production_settings(tmp_path)["cache"]
    assert cache["BACKEND"] == "website.cache_breaker.CircuitBreakerRedisCache"
    assert cache["OPTIONS"] == {
        "SOCKET_CONNECT_TIMEOUT": 0.25,
        "SOCKET_TIMEOUT": 0.25,
        "BREAKER_SECONDS": 30.0,
    }


def test_a_web_process_keeps_its_own_copies_for_ten_seconds_while_redis_is_skipped(tmp_path):
    assert production_settings(tmp_path, WAYMARK_PROCESS="web")["cache"]["OPTIONS"]["LOCAL_SECONDS"] == 10.0
    cache = production_settings(tmp_path, REDIS_TIMEOUT="0.3", REDIS_BREAKER_SECONDS="10")["cache"]
    assert (cache["OPTIONS"]["SOCKET_TIMEOUT"], cache["OPTIONS"]["BREAKER_SECONDS"]) == (0.3, 10.0)
