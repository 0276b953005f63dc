"""gunicorn for Waymark's web process: `gunicorn -c deploy/gunicorn.conf.py` (docs/operations.md).

2 workers × 4 threads per 2 cores (docs/performance.md). The access log goes to stdout (journald), through
`website.gunicorn_logging.RedactingLogger`: the petition's confirm/withdraw/unsubscribe tokens are masked
and query strings dropped, so no working link ever lands in a log.
"""

wsgi_app = "website.wsgi:application"
bind = "127.0.0.1:8000"
workers = 2
worker_class = "gthread"
threads = 4
# Each worker its own listening socket, so the kernel spreads the proxy's connections (docs/operations.md).
reuse_port = True
accesslog = "-"
logger_class = "website.gunicorn_logging.RedactingLogger"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
# Only the proxy on this machine talks to gunicorn.
forwarded_allow_ips = "127.0.0.1"
