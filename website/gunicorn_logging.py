"""gunicorn's access log without secrets: `logger_class` in deploy/gunicorn.conf.py.

Every value the access log format can print (request line, path, query, referrer, headers, environ) passes
through `website.logging.redact_url`: the petition's emailed tokens and the staff password reset link's two
segments are masked, and query strings dropped.
"""

from gunicorn.glogging import Logger

from website.logging import redact_url

# Atoms that hold only a query string: never printed.
QUERY_ATOMS = {"q", "{query_string}e"}


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name, value in atoms.items():
            if not isinstance(value, str):
                continue
            if name in QUERY_ATOMS:
                atoms[name] = "[redacted]" if value else ""
            elif name == "r":
                method, _, rest = value.partition(" ")
                target, _, protocol = rest.rpartition(" ")
                atoms[name] = f"{method} {redact_url(target)} {protocol}"
            else:
                atoms[name] = redact_url(value)
        return atoms
