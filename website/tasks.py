"""Background work of the website app."""

from django_tasks import task

from website import enrolment


@task()
def disable_unenrolled_staff():
    """Switch off staff accounts that never set up two-factor sign-in in time (website/enrolment.py)."""
    return enrolment.disable_overdue()
