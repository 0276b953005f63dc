"""A logging filter that keeps personal data out of log lines."""

import logging
import re

# Django's request logger prints the full path; our forms never put personal data in a URL,
# but a mistyped link might (?email=...). Strip every query string before it is written.
_QUERY = re.compile(r"(\"[A-Z]+ [^\"?]*)\?[^\" ]*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        cleaned = _EMAIL.sub("[email]", _QUERY.sub(r"\1?[redacted]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
