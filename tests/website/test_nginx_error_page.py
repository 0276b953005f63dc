"""When no app server answers, nginx's own error page still gives the quick exit and the helplines."""

import os
import pwd
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench import nginx
from demo.content.support import HELPLINES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx.conf"
PAGE = ROOT / "deploy" / "errors" / "50x.html"
NEUTRAL = "https://www.bbc.co.uk/weather"  # SiteSettings.quick_exit_url's default (website/models.py)


def test_nginx_answers_its_502_503_and_504_with_the_page_from_the_checkout():
    text = CONFIG.read_text()
    assert re.search(r"^\s*error_page 502 503 504 /50x\.html;$", text, re.M)
    location = re.search(r"location = /50x\.html \{(.*?)\}", text, re.S).group(1)
    root = re.search(r"root (\S+);", location).group(1)
    assert "internal;" in location
    # Production's checkout is /srv/waymark/app (docs/operations.md): the root is this file's folder there.
    assert root.removeprefix("/srv/waymark/app/") == str(PAGE.parent.relative_to(ROOT))


def test_the_page_has_the_quick_exit_to_the_neutral_destination_and_needs_nothing_from_the_app():
    html = PAGE.read_text()
    exit_link = re.search(r"<a ([^>]*data-quick-exit-link[^>]*)>Exit this page</a>", html).group(1)
    assert f'href="{NEUTRAL}"' in exit_link
    assert "noreferrer" in re.search(r'rel="([^"]*)"', exit_link).group(1).split()
    assert html.index("data-quick-exit-link") < html.index("<main")  # first thing on the page
    assert not re.search(r"<(script|link|img)\b", html)  # no asset of ours: the app is what is down


def test_the_page_gives_the_helplines_the_site_publishes():
    html = PAGE.read_text()
    for helpline in HELPLINES:
        if helpline.get("is_emergency"):
            assert "call <b>999</b>" in html and "<b>55</b>" in html
            continue
        assert helpline["name"] in html
        assert helpline["number"] in html
        assert f'href="tel:{helpline["number"].replace(" ", "")}"' in html


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not Path(nginx.NGINX).exists(), reason="nginx is not installed")
def test_with_every_app_server_down_a_visitor_gets_the_page_with_a_502(tmp_path):
    port = _free_port()
    site = tmp_path / "waymark.conf"
    rendered = nginx.render_site(
        CONFIG.read_text(),
        port=port,
        redirect_port=_free_port(),
        upstreams=[f"127.0.0.1:{_free_port()}"],  # nothing listens there: refused
        edge=nginx.EDGE,
        log_dir=tmp_path,
        media_dir=tmp_path / "media",
    )
    site.write_text(rendered)
    main = tmp_path / "nginx.conf"
    user = pwd.getpwuid(os.geteuid()).pw_name if os.geteuid() == 0 else None
    main.write_text(nginx.render_main(prefix=tmp_path, site_path=site, user=user))
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / name).mkdir()
    command = [nginx.NGINX, "-p", str(tmp_path), "-c", str(main)]
    started = subprocess.run(command, capture_output=True, text=True, timeout=30)  # noqa: S603
    assert started.returncode == 0, started.stderr
    try:
        body = status = None
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/petition/", timeout=10)
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read().decode()
                break
            except urllib.error.URLError:
                time.sleep(0.1)  # not listening yet
        assert status == 502
        assert body == PAGE.read_text()
    finally:
        subprocess.run([*command, "-s", "stop"], capture_output=True, timeout=30)  # noqa: S603
