"""Tokens never reach access logs: gunicorn's logger class and nginx's log format mask them.

Attack: the petition's confirmation and withdrawal tokens, and the staff password reset's account and token,
sit in URL paths, so they landed in access logs.
"""

import io
import logging
import re
import runpy
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from gunicorn.config import Config

from website.logging import RedactPersonalData

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
TOKEN = "Zq3x9VfT0kLmNoPq-rS_tUvWxYz0123456789abcdE"
# A password reset link: the account's id in base64, then a token of Django's shape.
UID, RESET_TOKEN = "MTIzNDU2", "cz1k2x-0f3c9d8e7b6a5f4e3d2c1b0a9f8e7d6c"

# (path with query as requested, path as it may be logged)
SAMPLES = [
    (f"/petition/confirm/{TOKEN}/", "/petition/confirm/[token]/"),
    (f"/campaign/petition/withdraw/42-{TOKEN}/", "/campaign/petition/withdraw/[token]/"),
    (f"/petition/unsubscribe/42-{TOKEN}/?utm=mail", "/petition/unsubscribe/[token]/"),
    (f"/petition/confirm/{TOKEN}", "/petition/confirm/[token]"),
    (f"/admin/password_reset/confirm/{UID}/{RESET_TOKEN}/", "/admin/password_reset/confirm/[token]/[token]/"),
    (f"/admin/password_reset/confirm/{UID}/set-password/", "/admin/password_reset/confirm/[token]/[token]/"),
    (f"/admin/password_reset/confirm/{UID}/{RESET_TOKEN}", "/admin/password_reset/confirm/[token]/[token]"),
    (f"/admin/password_reset/confirm/{UID}/", "/admin/password_reset/confirm/[token]/"),
    ("/admin/password_reset/done/", "/admin/password_reset/done/"),
    ("/petition/check-your-email/", "/petition/check-your-email/"),
    ("/support/?email=someone@example.org", "/support/"),
    ("/", "/"),
]


def gunicorn_logger(tmp_path):
    """The logger gunicorn builds from deploy/gunicorn.conf.py, writing its access log to a file."""
    cfg = Config()
    for name, value in runpy.run_path(str(DEPLOY / "gunicorn.conf.py")).items():
        if name in cfg.settings:
            cfg.set(name, value)
    log_file = tmp_path / "access.log"
    cfg.set("accesslog", str(log_file))
    return cfg.logger_class(cfg), log_file


def access(logger, raw_uri, referer="-"):
    path, _, query = raw_uri.partition("?")
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": raw_uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "Mail scanner",
    }
    response = SimpleNamespace(status="303 See Other", sent=0, headers=[("Location", raw_uri)])
    request = SimpleNamespace(headers=[("REFERER", referer)])
    logger.access(response, request, environ, timedelta(milliseconds=12))


def test_the_documented_gunicorn_config_masks_tokens_in_the_access_log(tmp_path):
    logger, log_file = gunicorn_logger(tmp_path)
    assert type(logger).__name__ == "RedactingLogger"
    for raw_uri, _logged in SAMPLES:
        access(logger, raw_uri, referer=f"https://waymark.example{raw_uri}")
    for handler in logger.access_log.handlers:
        handler.flush()
    text = log_file.read_text()
    assert TOKEN not in text
    assert UID not in text and RESET_TOKEN not in text
    assert "someone@example.org" not in text
    lines = text.splitlines()
    assert len(lines) == len(SAMPLES)
    for line, (_raw_uri, logged) in zip(lines, SAMPLES, strict=True):
        assert f'"POST {logged}' in line, line
        assert f'"https://waymark.example{logged}' in line, line


def redacted_lines(*records):
    """What a handler with the redaction filter writes for each (level, message, *args) record."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactPersonalData())
    log = logging.getLogger("waymark.test.tokens")
    log.addHandler(handler)
    try:
        for level, message, *args in records:
            log.log(level, message, *args)
    finally:
        log.removeHandler(handler)
    return stream.getvalue().splitlines()


def test_django_log_lines_mask_tokens_too():
    lines = redacted_lines((logging.ERROR, "Internal Server Error: /petition/confirm/%s/", TOKEN))
    assert lines == ["Internal Server Error: /petition/confirm/[token]/"]


def test_django_log_lines_mask_password_reset_links():
    lines = redacted_lines(
        (logging.WARNING, "Not Found: /admin/password_reset/confirm/%s/%s/", UID, RESET_TOKEN),
        # django.server's request line, as runserver logs it.
        (logging.WARNING, '"GET /admin/password_reset/confirm/%s/%s/ HTTP/1.1" 302 0', UID, RESET_TOKEN),
    )
    assert lines == [
        "Not Found: /admin/password_reset/confirm/[token]/[token]/",
        '"GET /admin/password_reset/confirm/[token]/[token]/ HTTP/1.1" 302 0',
    ]


@pytest.fixture
def django_log():
    """What the project's LOGGING writes, from a logger that shows 404s (production's shows only errors)."""
    [handler] = [
        h for h in logging.getLogger().handlers if any(isinstance(f, RedactPersonalData) for f in h.filters)
    ]
    stream = io.StringIO()
    previous_stream = handler.setStream(stream)
    request_log = logging.getLogger("django.request")
    previous_level = request_log.level
    request_log.setLevel(logging.WARNING)
    try:
        yield stream
    finally:
        request_log.setLevel(previous_level)
        handler.setStream(previous_stream)


@pytest.mark.django_db
def test_a_real_reset_link_reaches_no_log(client, home, tmp_path, django_log):
    get_user_model().objects.create_user("editor", "editor@waymark.example", "a long staff password 4 tests")
    client.post("/admin/password_reset/", {"email": "editor@waymark.example"})
    link = re.search(r"/admin/password_reset/confirm/([^/\s]+)/([^/\s]+)/", mail.outbox[-1].body)
    uid, token = link.groups()
    redirect = client.get(link.group(0))
    assert redirect.status_code == 302 and redirect["Location"].endswith("/set-password/")
    # A link pasted without its /admin: Django logs the 404.
    assert client.get(link.group(0).removeprefix("/admin")).status_code == 404

    logger, log_file = gunicorn_logger(tmp_path)
    access(logger, link.group(0))
    access(logger, redirect["Location"], referer=f"https://waymark.example{link.group(0)}")
    for handler in logger.access_log.handlers:
        handler.flush()
    assert "Not Found: /password_reset/confirm/[token]/[token]/" in django_log.getvalue()
    for text in (log_file.read_text(), django_log.getvalue()):
        assert "/password_reset/confirm/[token]/[token]/" in text
        assert token not in text and f"/{uid}/" not in text


def nginx_maps():
    """Each `map` of deploy/nginx.conf as (source variable, [(python regex, replacement)])."""
    text = (DEPLOY / "nginx.conf").read_text()
    maps = {}
    for source, target, body in re.findall(r"map \$(\w+) \$(\w+) \{(.*?)\n\}", text, re.S):
        rules = []
        for pattern, value in re.findall(r'"~(.*?)"\s+"(.*?)";', body):
            python_pattern = pattern.replace("(?<", "(?P<")
            python_value = re.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", value)
            rules.append((re.compile(python_pattern), python_value))
        maps[target] = (source, rules)
    return maps


def nginx_map(rules, value):
    for pattern, replacement in rules:  # nginx: regexes in order, the first match wins
        match = pattern.search(value)
        if match:
            return match.expand(replacement)
    return ""


def test_the_nginx_log_format_logs_only_masked_paths_and_referrers():
    text = (DEPLOY / "nginx.conf").read_text()
    log_format = re.search(r"log_format waymark (.*?);", text, re.S).group(1)
    assert (
        "$request " not in log_format
        and "$request_uri" not in log_format
        and "$http_referer" not in log_format
    )
    assert "$waymark_loggable_uri" in log_format and "$waymark_loggable_referer" in log_format
    assert re.findall(r"access_log \S+ (\w+);", text) == ["waymark", "waymark"]

    maps = nginx_maps()
    uri_source, uri_rules = maps["waymark_loggable_uri"]
    referer_source, referer_rules = maps["waymark_loggable_referer"]
    assert (uri_source, referer_source) == ("request_uri", "http_referer")
    for raw_uri, logged in SAMPLES:
        assert nginx_map(uri_rules, raw_uri) == logged, raw_uri
        assert (
            nginx_map(referer_rules, f"https://waymark.example{raw_uri}")
            == f"https://waymark.example{logged}"
        )


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_the_nginx_config_is_accepted_by_nginx(tmp_path):
    """`nginx -t` on the documented file, with its certificate and log paths pointed at a scratch folder."""
    from tests.website.self_signed import write_self_signed_certificate

    cert, key = write_self_signed_certificate(tmp_path)
    site = (DEPLOY / "nginx.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/waymark.org.uk/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/waymark.org.uk/privkey.pem", str(key))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "waymark.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n  include {tmp_path}/waymark.conf;\n}}\n"
    )
    result = subprocess.run(  # noqa: S603
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
