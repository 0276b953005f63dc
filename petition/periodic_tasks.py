"""Periodic work, enqueued by `manage.py run_scheduler` (settings.PERIODIC_TASKS): the counting batch, the
nightly recount, alerts to Campaign managers, anonymisation after closing, and resuming campaign updates whose
worker died."""

from django_tasks import task

from petition import alerts, counting, retention, tasks, updates


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


@task()
def resume_campaign_updates():
    stalled = updates.stalled()
    for update_id in stalled:
        tasks.queue_update_batch(update_id)
    return len(stalled)
