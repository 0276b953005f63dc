"""Background work of the website app."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from website.staff import enrolment
from website.staff import groups as staff_groups


@task()
def disable_unenrolled_staff():
    """Switch off staff accounts that never set up two-factor sign-in in time (website/staff/enrolment.py)."""
    return enrolment.disable_overdue()


@task()
def alert_sign_in_failures(username, addresses, minutes):
    """Tell the Administrators that sign-in as `username` failed from `addresses` different addresses within
    `minutes` (website/staff/login_throttle.py). A count only: no address, no password, no attempt."""
    recipients = sorted(staff_groups.administrators().exclude(email="").values_list("email", flat=True))
    if not recipients:
        return 0
    context = {"username": username, "addresses": addresses, "minutes": minutes}
    subject = render_to_string("emails/two_factor/sign_in_failures_subject.txt", context)
    subject = " ".join(subject.split())
    body = render_to_string("emails/two_factor/sign_in_failures.txt", context)
    return send_mail(subject, body, None, recipients)
