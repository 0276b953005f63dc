"""Keeping personal data and secret links out of log lines: Django's logs and gunicorn's access log."""

import logging
import re

# Django's request logger prints the full path; our forms never put personal data in a URL,
# but a mistyped link might (?email=...). Strip every query string before it is written.
_QUERY = re.compile(r"(\"[A-Z]+ [^\"?]*)\?[^\" ]*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Emailed links carry a secret in the path. The petition's: confirm/<token>/, withdraw/<id-hmac>/,
# unsubscribe/<id-hmac>/; the letter follow-up's: follow-up/answer/<token>/. Whoever reads the log must not
# be able to use them. (deploy/nginx.conf masks the same paths with the same pattern.)
TOKEN_PATH = re.compile(r"(/(?:confirm|withdraw|unsubscribe|answer)/)[^/?#\s\"]+")
TOKEN_MASK = r"\1[token]"  # noqa: S105 (a replacement pattern, not a secret)
# A staff password reset link is two segments, the account (uidb64) and its token; Django's next step
# swaps the token for `set-password`. Mask both segments, whichever.
RESET_PATH = re.compile(r"(/password_reset/confirm/)[^/?#\s\"]+/[^/?#\s\"]+")
RESET_MASK = r"\1[token]/[token]"  # a replacement pattern, not a secret


def mask_tokens(text):
    return TOKEN_PATH.sub(TOKEN_MASK, RESET_PATH.sub(RESET_MASK, text))


def redact_url(url):
    """A path or URL fit for a log: tokens masked, any query string replaced by `?[redacted]`."""
    path, question, _query = mask_tokens(url).partition("?")
    return path + ("?[redacted]" if question else "")


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        cleaned = _EMAIL.sub("[email]", _QUERY.sub(r"\1?[redacted]", mask_tokens(message)))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class QuietTaskProgress(logging.Filter):
    """Development's console: a task worker's line for every task started and finished (thousands an hour,
    with the periodic jobs) buries what a developer needs, such as the logins `make run` prints. Warnings and
    errors still show. The worker sets its loggers' levels itself, so this filters at the handler."""

    NAMES = ("django_tasks", "django_tasks_db")

    def filter(self, record):
        noisy = record.name.split(".")[0] in self.NAMES and record.levelno < logging.WARNING
        return not noisy


class QuietDatabaseOutage(logging.Filter):
    """While website.postgres leaves a silent database alone, every request that needed it fails with the
    error page, and Django logs each with the same traceback. The breaker has said once that the server is
    not answering; each failed request keeps its one line, without the traceback."""

    def filter(self, record):
        if record.exc_info and database_left_alone(record.exc_info[1]):
            record.exc_info = record.exc_text = None
        return True


def database_left_alone(error):
    """Did `error` come from website.postgres's breaker refusing to ask a silent server?"""
    from website.postgres.base import NotTried

    while error is not None:
        if isinstance(error, NotTried):
            return True
        error = error.__cause__ or error.__context__
    return False
