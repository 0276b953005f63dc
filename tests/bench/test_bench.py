"""The bench's own bookkeeping: what it counts as a signature, when it measures a load again, its figures.

The speed figures themselves live in `make bench`; these tests only check that the bench counts honestly.
"""

import os
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from bench import nginx, probe, report, wrk
from bench.addresses import Addresses, address
from bench.harness import Bench, combine, describe_cpu, uneven, worker_shares
from bench.registry import figures_of
from bench.run import MEASURES
from bench.stack import cpu_by_session, cpu_used
from petition.models import Signature
from petition.tasks import send_signature_email
from tests.petition.factories import PetitionPageFactory, SignatureFactory

GOAL = re.compile(r"^(>=|<=|==|<) \S+$|^all ok$")


def test_every_figure_is_declared_once_with_a_goal_the_report_can_show():
    figures = figures_of(MEASURES)
    names = [figure.name for figure in figures]
    assert len(names) == len(set(names))
    assert len({step.key for step in MEASURES}) == len(MEASURES)
    for figure in figures:
        assert re.fullmatch(r"[a-z0-9_]+", figure.name)
        assert figure.goal is None or GOAL.match(figure.goal), figure
        assert f"| `{figure.name}` |" in report.table(MEASURES)


def test_the_honest_signing_figures_are_declared_with_their_goals():
    goals = {figure.name: figure.goal for figure in figures_of(MEASURES)}
    assert goals["sign_ratio"] == ">= 0.3"
    assert goals["email_rate"] == ">= 1.0"
    assert "slices_remeasured" in goals


def test_a_load_that_one_worker_carried_alone_is_uneven():
    shares = worker_shares({1: 10.0, 2: 10.0}, {1: 13.9, 2: 10.1})
    assert shares == {"1": 0.975, "2": 0.025}
    assert uneven(shares)


def test_a_load_shared_across_the_workers_is_even():
    assert not uneven(worker_shares({1: 10.0, 2: 10.0}, {1: 12.0, 2: 11.4}))
    assert not uneven(worker_shares({1: 10.0}, {1: 14.0}))  # one worker: nothing to compare
    assert not uneven(worker_shares({1: 10.0, 2: 10.0}, {1: 10.05, 2: 10.0}))  # too little work to judge


SPIN_THEN_FORK = """
import os, sys, time
def spin(seconds):
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    print("spun", flush=True)
spin(0.3)
if os.fork() == 0:
    spin(0.3)  # the child's own CPU, in the parent's session
time.sleep(30)
"""


def test_cpu_is_counted_for_every_process_of_a_service_session_and_nothing_else():
    """A child in the service's session (a gunicorn worker, a PostgreSQL backend) counts; a process in
    another session does not."""
    before = cpu_by_session({})
    service = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SPIN_THEN_FORK], start_new_session=True, stdout=subprocess.PIPE, text=True
    )
    try:
        # Measured once both processes have spun: however busy the machine, the child has used its 0.3 s.
        assert [service.stdout.readline(), service.stdout.readline()] == ["spun\n", "spun\n"]
        used = cpu_used(before, cpu_by_session({service.pid: "service"}), labels=["service", "absent"])
        assert used["service"] >= 0.55  # 0.3 s in the service's first process, 0.3 s in its child
        assert used["absent"] == 0.0
        # Found by its parent instead (PostgreSQL's backends start sessions of their own): the child only.
        children = cpu_used({}, cpu_by_session({}, {service.pid: "children"}))
        assert 0.25 <= children["children"] < 0.5
    finally:
        os.killpg(service.pid, signal.SIGKILL)
        service.wait()


def test_a_process_that_exits_during_a_load_never_counts_against_its_service():
    before = {1: ("PostgreSQL", 5.0), 2: ("PostgreSQL", 1.0), 3: ("app", 2.0)}
    after = {2: ("PostgreSQL", 1.5), 3: ("app", 2.5), 4: ("PostgreSQL", 0.25)}  # 1 exited, 4 started
    assert cpu_used(before, after) == {"PostgreSQL": 0.75, "app": 0.5}


def test_a_loads_cpu_is_combined_across_slices_per_request_and_named_in_the_note():
    slices = [
        {
            "requests": 100,
            "non_2xx_3xx": 0,
            "seconds": 1,
            "p50_ms": 1,
            "p99_ms": 2,
            "rps": 100,
            "cpu_seconds_by_service": {"app": 0.5, "task workers": 0.8, "PostgreSQL": 0.2},
        },
        {
            "requests": 300,
            "non_2xx_3xx": 0,
            "seconds": 1,
            "p50_ms": 1,
            "p99_ms": 2,
            "rps": 300,
            "cpu_seconds_by_service": {"app": 1.5, "task workers": 0.0, "PostgreSQL": 0.2},
        },
    ]
    cpu = combine(slices)["cpu_ms_per_request_by_service"]
    assert cpu == {"app": 5.0, "task workers": 2.0, "PostgreSQL": 1.0, "all": 8.0}
    assert describe_cpu(cpu) == "app 5.0 + task workers 2.0 + PostgreSQL 1.0 = 8.0 ms of CPU a request"
    note = Bench.cpu_note(
        None,
        {
            "cpu_ms_per_request_by_service": cpu,
            "baseline_cpu_ms_per_request_by_service": {"app": 0.9, "all": 1.0},
        },
    )
    assert note.endswith("against 1.0 for the bare view (the ratio CPU alone allows: 0.12)")


def test_simulated_addresses_never_repeat():
    addresses = Addresses()
    first = addresses.take(300)
    addresses.skip(1000)
    second = addresses.take(300)
    assert len(set(first + second)) == 600
    assert first[0] == "10.0.0.1"
    assert address(70001) == "10.1.17.113"


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        self.seen.append((self.headers["X-Forwarded-For"], body))
        self.send_response(303)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_two_wrk_runs_never_send_the_same_address_or_signer(tmp_path, monkeypatch):
    monkeypatch.setattr(wrk, "TMP", tmp_path)
    _Recorder.seen = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Recorder)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    addresses = Addresses()
    try:
        for tag in ("sign0", "sign1"):
            result = wrk.run(
                f"http://127.0.0.1:{server.server_address[1]}",
                ["/sign/"],
                seconds=1,
                connections=2,
                method="POST",
                bodies=["email=s__N__@m__N__.example.net"],
                tag=tag,
                first_address=addresses.next,
            )
            assert result["addresses_used"] >= result["requests"] > 0
            addresses.skip(result["addresses_used"] + 1)
    finally:
        server.shutdown()
    sent_from = [address for address, _body in _Recorder.seen]
    signers = [body for _address, body in _Recorder.seen]
    assert len(set(sent_from)) == len(sent_from)
    assert len(set(signers)) == len(signers)
    assert any("msign1x" in body for body in signers)


def test_wrk_output_is_read_with_the_addresses_it_used():
    output = """Running 5s test @ http://127.0.0.1:8731
  Latency Distribution
     50%    6.26ms
     99%  113.20ms
  16190 requests in 5.00s, 3.1MB read
  Non-2xx or 3xx responses: 12
Requests/sec:   3238.00
addresses used: 16206
"""
    result = wrk.parse(output)
    assert result["requests"] == 16190
    assert result["non_2xx_3xx"] == 12
    assert result["p50_ms"] == 6.26
    assert result["p99_ms"] == 113.2
    assert result["addresses_used"] == 16206
    assert result["rps"] == round((16190 - 12) / 5, 1)


def _email_task(signature, status):
    DBTaskResult.objects.create(
        args_kwargs={"args": [signature.pk, "confirm"], "kwargs": {}},
        task_path=send_signature_email.module_path,
        backend_name="default",
        run_after=datetime(9999, 1, 1, tzinfo=UTC),
        status=status,
    )


def test_a_slice_counts_only_pending_rows_whose_email_is_queued(home):
    petition = PetitionPageFactory(parent=home, slug="petition")

    def signer(n, **kwargs):
        domain = f"msign0x{n}.example.net"
        return SignatureFactory(
            petition=petition, email=f"ssign0x{n}@{domain}", email_domain=domain, **kwargs
        )

    queued, sent, never_queued, failed = signer(1), signer(2), signer(3), signer(4)
    _email_task(queued, "READY")
    _email_task(sent, "SUCCESSFUL")
    _email_task(failed, "FAILED")
    signer(5, state=Signature.State.FRAUDULENT, fraud_reason=Signature.Reason.RATE_LIMITED)
    SignatureFactory(
        petition=petition, email="ssign00x6@msign00x6.example.net", email_domain="msign00x6.example.net"
    )
    assert never_queued.state == Signature.State.PENDING

    result = probe.slice_rows("sign0")

    assert result["sign0"] == {
        "rows": {"pending": 4, "fraudulent/rate_limited": 1},
        "pending_with_email_queued": 2,
    }


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="generate_series is PostgreSQL's")
def test_the_bulk_insert_makes_verified_signatures_through_the_model(home):
    petition = PetitionPageFactory(parent=home, slug="petition")

    probe.bulk_signatures(f"{petition.pk}:3")

    rows = Signature.objects.filter(petition=petition)
    assert rows.count() == 3
    assert set(rows.values_list("state", flat=True)) == {Signature.State.VERIFIED}
    assert len(set(rows.values_list("canonical_email", flat=True))) == 3
    assert all(row.verified_at for row in rows)


# --- the production topology: nginx from deploy/nginx.conf ------------------------------------------


def _rendered(tmp_path, edge=nginx.EDGE):
    return nginx.render_site(
        nginx.SITE.read_text(),
        port=18731,
        redirect_port=18732,
        upstreams=["127.0.0.1:18751", "127.0.0.1:18752"],
        edge=edge,
        log_dir=tmp_path,
        media_dir=tmp_path / "media",
    )


def _directives(text):
    """The file's directives without comments, one per line, whitespace collapsed."""
    lines = (re.sub(r"#.*", "", line).strip() for line in text.splitlines())
    return [re.sub(r"\s+", " ", line) for line in lines if line]


def test_the_bench_renders_the_documented_nginx_config_changing_only_ports_paths_upstreams_edge_and_tls(
    tmp_path,
):
    documented = _directives(nginx.SITE.read_text())
    rendered = _directives(_rendered(tmp_path))
    changed = set(documented) - set(rendered)
    allowed = re.compile(
        r"^(listen .*|ssl_\w+ .*|server 127\.0\.0\.1:8000 .*|set_real_ip_from .*"
        r"|proxy_set_header X-Forwarded-Proto \$scheme;"
        r"|.*(/var/log/nginx/|/srv/waymark/media/|/srv/waymark/app/).*)$"
    )
    assert changed and all(allowed.match(line) for line in changed), changed
    assert "listen 127.0.0.1:18731;" in rendered and "listen 127.0.0.1:18732;" in rendered
    assert not any(line.startswith("ssl_") or "[::]" in line for line in rendered)
    documented_server = next(line for line in documented if line.startswith("server 127.0.0.1:8000"))
    parameters = documented_server.removeprefix("server 127.0.0.1:8000")
    assert f"server 127.0.0.1:18751{parameters}" in rendered
    assert f"server 127.0.0.1:18752{parameters}" in rendered
    assert [line for line in rendered if line.startswith("set_real_ip_from")] == [
        "set_real_ip_from 127.0.0.1/32;"
    ]
    # What decides the client's address and failover runs exactly as documented.
    for line in (
        "real_ip_header X-Forwarded-For;",
        "real_ip_recursive on;",
        "proxy_set_header X-Forwarded-For $remote_addr;",
        "proxy_set_header X-Real-IP $remote_addr;",
        "proxy_next_upstream error timeout;",
    ):
        assert line in documented and line in rendered, line


def test_the_documented_config_never_resends_a_post_and_believes_forwarded_headers_only_from_the_edge():
    documented = _directives(nginx.SITE.read_text())
    next_upstream = [line for line in documented if line.startswith("proxy_next_upstream ")]
    assert next_upstream and not any("non_idempotent" in line for line in next_upstream)
    assert any(line.startswith("set_real_ip_from ") for line in documented)
    # The app is sent the address nginx settled on, never the client's own header appended to.
    assert "$proxy_add_x_forwarded_for" not in " ".join(documented)


def test_a_reshaped_config_fails_to_render_rather_than_running_something_else(tmp_path):
    text = nginx.SITE.read_text().replace("set_real_ip_from", "# set_real_ip_from")
    with pytest.raises(nginx.RenderError):
        nginx.render_site(
            text,
            port=1,
            redirect_port=2,
            upstreams=["127.0.0.1:3"],
            edge=nginx.EDGE,
            log_dir=tmp_path,
            media_dir=tmp_path,
        )


@pytest.mark.skipif(not Path(nginx.NGINX).exists(), reason="nginx is not installed")
def test_the_rendered_config_is_accepted_by_nginx(tmp_path):
    site = tmp_path / "waymark.conf"
    site.write_text(_rendered(tmp_path))
    main = tmp_path / "nginx.conf"
    main.write_text(nginx.render_main(prefix=tmp_path, site_path=site))
    result = subprocess.run(  # noqa: S603
        [nginx.NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr


def test_nginx_access_log_lines_are_counted_by_method_path_and_status():
    lines = [
        '10.0.0.5 - - [01/Dec/2026:01:31:42 +0000] "POST /petitions/20/sign/ HTTP/1.1" 303 0 "" "-" 0.010',
        '10.0.0.6 - - [01/Dec/2026:01:31:42 +0000] "POST /petitions/20/sign/ HTTP/1.1" 502 0 "" "-" 0.010',
        '10.0.0.7 - - [01/Dec/2026:01:31:42 +0000] "GET /petition/ HTTP/1.1" 200 900 "" "-" 0.010',
        "not a log line",
    ]
    assert nginx.statuses(lines, "POST", "/petitions/20/sign/") == {303: 1, 502: 1}
    assert nginx.statuses(lines) == {303: 1, 502: 1, 200: 1}


def test_the_new_figures_are_declared_with_their_goals():
    goals = {figure.name: figure.goal for figure in figures_of(MEASURES)}
    assert goals["shared_address_signers_counted"] == "== 50"
    assert goals["forwarded_header_abuse_5xx"] == "== 0"
    assert goals["forwarded_header_spoof_accepted"] == "== 0"
    assert goals["app_server_kill_lost"] == "== 0"
    assert goals["redis_down_disclosure_ok"] == goals["redis_down_letter_ok"] == "all ok"
    assert goals["petition_page_ratio"] == ">= 0.7"
    assert goals["petition_page_bytes"] == "<= 100000"
    assert goals["surge_errors"] == goals["surge_signatures_lost"] == "== 0"
    assert {"surge_views_per_s", "surge_signatures_per_s", "surge_p50_ms", "surge_p99_ms"} <= set(goals)


def test_the_stack_sets_the_documented_client_address_setting_and_nothing_bench_only():
    from bench.stack import Stack

    stack = Stack()
    assert isinstance(stack.front, nginx.Nginx)
    assert len(stack.app_servers) == 2
    assert stack.env["TRUSTED_PROXY_COUNT"] == "1"
    settings_text = (nginx.ROOT / "website" / "settings" / "bench.py").read_text()
    assert not re.search(r"^(RATELIMIT_IP_META_KEY|TRUSTED_PROXY\w*|\w*IP\w*)\s*=", settings_text, re.M)


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_a_mixed_wrk_load_rotates_whole_requests(tmp_path, monkeypatch):
    monkeypatch.setattr(wrk, "TMP", tmp_path)
    _Recorder.seen = []
    seen_gets = []

    class Handler(_Recorder):
        def do_GET(self):
            seen_gets.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = wrk.run(
            f"http://127.0.0.1:{server.server_address[1]}",
            ["/unused/"],
            seconds=1,
            connections=1,
            first_address=1,
            tag="mix",
            mix=[{"path": "/petition/"}] * 3
            + [{"method": "POST", "path": "/sign/", "body": "email=s__N__@x", "headers": {"X-A": "1"}}],
        )
    finally:
        server.shutdown()
    assert result["requests"] > 4
    assert set(seen_gets) == {"/petition/"}
    posts = [body for _address, body in _Recorder.seen]
    assert posts and all(body.startswith("email=smixx") for body in posts)
    assert 2.5 <= len(seen_gets) / len(posts) <= 3.5


def test_the_bench_urlconf_serves_the_bare_view_and_the_site_in_every_language(client, settings):
    """settings.bench's URLconf: the baseline view beside the site's own URLs, /cy/ prefixes included (an
    included URLconf may not hold i18n_patterns, which stopped `make bench` at its first check)."""
    from django.urls import clear_url_caches, resolve
    from django.utils import translation

    settings.ROOT_URLCONF = "bench.urls"
    clear_url_caches()
    try:
        assert client.get("/__bench__/bare").content == b"ok"
        with translation.override("cy"):  # as website.i18n.languages' middleware does for a /cy/ address
            assert resolve("/cy/search/").url_name == "search"
        assert resolve("/petitions/1/sign/").url_name == "petition_sign"
    finally:
        clear_url_caches()


def test_the_report_knows_a_missed_goal_from_a_met_one():
    from bench.registry import missed

    assert missed("< 2000", 2350) is True
    assert missed("< 2000", 180) is False
    assert missed("== 0", 1) is True
    assert missed(">= 0.7", 0.71) is False
    assert missed("all ok", "2/3") is True
    assert missed("all ok", "3/3") is False
    assert missed("== True", False) is True
    assert missed("< 2000", None) is None  # not measured: the notes say why
    assert missed(None, 5) is None
