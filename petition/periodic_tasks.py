"""Periodic work, enqueued by `manage.py run_scheduler` (settings.PERIODIC_TASKS): the counting batch, the
nightly recount, alerts to Campaign managers and anonymisation after closing."""

from django_tasks import task

from petition import alerts, counting, retention


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
    return retention.anonymise_closed_petitions()
