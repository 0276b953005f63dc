"""Email to files, failing on demand: the bench's stand-in for a mail provider that has an outage."""

import os
import smtplib

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend


class FlakyFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        flag = os.environ.get("BENCH_EMAIL_FAIL_FLAG") or str(
            settings.BASE_DIR / "bench" / "tmp" / "email-down"
        )
        if os.path.exists(flag):
            raise smtplib.SMTPServerDisconnected("bench: the mail provider is down")
        return super().send_messages(email_messages)
