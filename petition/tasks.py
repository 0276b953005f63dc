"""Background work: signer emails, the counting batch, the nightly recount, alerts and anonymisation."""

from django_tasks import task

from petition import alerts, counting, emails, privacy


@task()
def send_signature_email(signature_id, kind):
    return emails.send_signature_email(signature_id, kind)


@task()
def update_counts():
    return counting.update_counts()


@task()
def recount():
    return len(counting.recount())


@task()
def check_signature_alerts():
    return len(alerts.check_signature_alerts())


@task()
def anonymise_closed_petitions():
    return privacy.anonymise_closed_petitions()
