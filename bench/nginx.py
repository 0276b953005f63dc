"""nginx in front of the bench's app servers, configured from deploy/nginx.conf itself.

The bench renders the documented site file with only these changes, each of which must find its line (a
reshaped file fails loudly rather than running something else):

- ports: `listen 443 ssl http2` becomes a plain `listen 127.0.0.1:PORT` (TLS to plain HTTP: the bench's
  clients send `X-Forwarded-Proto: https` as if nginx had terminated TLS, and nginx passes `https` on);
  `listen 80` becomes `listen 127.0.0.1:PORT+1`; the `[::]` listens and the ssl_* lines go;
- paths: /var/log/nginx and /srv/waymark/media move under bench/tmp, and /srv/waymark/app is this checkout;
- the upstream's `server` lines become the bench's app servers;
- the edge range: `set_real_ip_from` names the range the load comes from (127.0.0.1/32), standing in for a
  CDN's published ranges; a client bound to another loopback address (127.0.0.9) is outside it.

Everything else (the real-IP rules, the headers passed to the app, failover, the log format) runs as
documented. nginx runs as the bench's user, with its own prefix, pid file and temp paths in bench/tmp/nginx.
"""

import contextlib
import os
import pwd
import re
import signal
from pathlib import Path

from bench.services import HOST, ROOT, TMP, Service, healthy, log, sh, wait_for

SITE = ROOT / "deploy" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
EDGE = "127.0.0.1/32"  # where wrk and the journeys connect from: the stand-in for a CDN's ranges
OUTSIDE_EDGE = "127.0.0.9"  # a client that is not the CDN (Linux answers on all of 127.0.0.0/8)


class RenderError(ValueError):
    pass


def _sub(pattern, replacement, text, *, count_at_least=1, flags=re.M):
    new, n = re.subn(pattern, replacement, text, flags=flags)
    if n < count_at_least:
        raise RenderError(f"deploy/nginx.conf has no line matching {pattern!r}")
    return new


def render_site(text, *, port, redirect_port, upstreams, edge, log_dir, media_dir):
    """The documented site file with the bench's ports, paths, upstream servers, edge range and no TLS."""
    text = _sub(r"^(\s*)listen 443 ssl( http2)?;$", rf"\1listen {HOST}:{port};", text)
    text = _sub(r"^(\s*)listen 80;$", rf"\1listen {HOST}:{redirect_port};", text)
    text = _sub(r"^\s*listen \[::\]:\d+[^;]*;\n", "", text)
    text = _sub(r"^\s*ssl_\w+ [^;]*;\n", "", text, count_at_least=3)
    # TLS ends at nginx in production, so the app is told "https"; here it ends nowhere, and the clients
    # send what a browser would have reached over TLS.
    text = _sub(r"X-Forwarded-Proto \$scheme;", "X-Forwarded-Proto https;", text)
    text = _sub(r"/var/log/nginx/", f"{log_dir}/", text, count_at_least=2)
    text = _sub(r"/srv/waymark/media/", f"{media_dir}/", text, count_at_least=2)
    text = _sub(r"/srv/waymark/app/", f"{ROOT}/", text)
    # Each app server with the documented server's parameters (max_fails, fail_timeout…).
    documented = re.search(r"upstream waymark_gunicorn \{\n\s*server \S+((?: [^;\s]+)*);", text)
    if not documented:
        raise RenderError("deploy/nginx.conf has no server line in upstream waymark_gunicorn")
    servers = "".join(f"    server {upstream}{documented.group(1)};\n" for upstream in upstreams)
    text = _sub(
        r"(upstream waymark_gunicorn \{\n)(?:\s*server [^;]+;\n)+", lambda m: m.group(1) + servers, text
    )
    edges = "".join(f"    set_real_ip_from {edge};\n" for edge in ([edge] if isinstance(edge, str) else edge))
    text = _sub(r"(?:^\s*set_real_ip_from [^;]+;\n)+", edges, text)
    return text


def render_main(*, prefix, site_path, user=None):
    """The top-level nginx.conf (Debian's /etc/nginx/nginx.conf in production): one include, the site."""
    lines = [
        f"pid {prefix}/nginx.pid;",
        f"error_log {prefix}/error.log warn;",
        "worker_processes auto;",
        "events { worker_connections 4096; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        "    keepalive_timeout 65;",
        f"    client_body_temp_path {prefix}/client_body;",
        f"    proxy_temp_path {prefix}/proxy;",
        f"    fastcgi_temp_path {prefix}/fastcgi;",
        f"    uwsgi_temp_path {prefix}/uwsgi;",
        f"    scgi_temp_path {prefix}/scgi;",
        f"    access_log {prefix}/default-access.log;",
        f"    include {site_path};",
        "}",
    ]
    if user:
        lines.insert(0, f"user {user};")
    return "\n".join(lines) + "\n"


class Nginx(Service):
    """Debian's nginx, run by the bench as its own user with everything under bench/tmp/nginx."""

    name = "nginx"

    def __init__(self, port, upstreams, edge=EDGE):
        super().__init__()
        self.port = port
        self.upstreams = [re.sub(r"^https?://", "", upstream) for upstream in upstreams]
        self.edge = edge
        self.prefix = TMP / "nginx"
        self.config = self.prefix / "nginx.conf"
        self.site = self.prefix / "waymark.conf"

    @property
    def access_log(self):
        return self.prefix / "waymark.access.log"

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def write_config(self):
        self.prefix.mkdir(parents=True, exist_ok=True)
        media = TMP / "media"
        (media / "images").mkdir(parents=True, exist_ok=True)
        (media / "original_images").mkdir(parents=True, exist_ok=True)
        self.site.write_text(
            render_site(
                SITE.read_text(),
                port=self.port,
                redirect_port=self.port + 1,
                upstreams=self.upstreams,
                edge=self.edge,
                log_dir=self.prefix,
                media_dir=media,
            )
        )
        # As root nginx would hand its workers to "nobody"; the bench runs them as its own user instead.
        user = pwd.getpwuid(os.geteuid()).pw_name if os.geteuid() == 0 else None
        self.config.write_text(render_main(prefix=self.prefix, site_path=self.site, user=user))
        checked = sh([NGINX, "-t", "-p", str(self.prefix), "-c", str(self.config)], check=False)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t refused the rendered config: {checked.stderr[-1500:]}")

    def stop_leftover(self):
        """nginx renames its master ("nginx: master process …"), so the leftover of an earlier run is the
        process in nginx's own pid file whose title names this prefix's config."""
        try:
            pid = int((self.prefix / "nginx.pid").read_text())
            title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError):
            title, pid = b"", None
        if title.startswith(b"nginx: master process") and str(self.config).encode() in title:
            log(f"nginx from an earlier run is still up (pid {pid}): stopping it first")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            wait_for(lambda: not Path(f"/proc/{pid}").exists(), 10)
        super().stop_leftover()

    def command(self):
        return [NGINX, "-p", str(self.prefix), "-c", str(self.config), "-g", "daemon off;"]

    def start(self, env=None, timeout=30):
        self.write_config()
        super().start(env, timeout)

    def ready(self):
        return self.running() and healthy(self.url)

    def access_log_size(self):
        try:
            return self.access_log.stat().st_size
        except OSError:
            return 0

    def access_log_since(self, offset):
        """The access log's lines written after byte `offset`."""
        with open(self.access_log, "rb") as handle:
            handle.seek(offset)
            return handle.read().decode(errors="replace").splitlines()


LOG_LINE = re.compile(r'^(\S+) - \S+ \[[^\]]+\] "(\S+) (\S+) [^"]*" (\d{3}) ')


def statuses(lines, method=None, path=None):
    """{status: n} of access-log lines, for one method and path if given."""
    counts = {}
    for line in lines:
        match = LOG_LINE.match(line)
        if not match:
            continue
        _address, verb, uri, status = match.groups()
        if (method and verb != method) or (path and uri != path):
            continue
        counts[int(status)] = counts.get(int(status), 0) + 1
    return counts


def front(port, upstreams):
    """The `front` a Stack takes: nginx on `port` in front of the app servers."""
    return Nginx(port, upstreams)
