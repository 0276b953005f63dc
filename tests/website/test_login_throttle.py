"""Staff sign-in is throttled (django-axes): per username from one address, with a ceiling per address and a
plain message; failures from many addresses for one username are emailed to the Administrators."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from website.staff import groups as staff_groups

PASSWORD = "a long staff password 4 tests"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=staff_groups.EDITORS))
    return user


def attempt(client, password, username="editor", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, editor, home):
    """Attack: 30 wrong passwords, then the right one: signed in. Now the account is locked out."""
    for number in range(30):
        response = attempt(client, f"guess number {number}")
        assert response.status_code in {200, 429}
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "Too many failed sign-ins for this account or from this network" in html
    assert "30 minutes" in html
    assert client.get("/admin/").status_code == 302


def test_the_fifth_failure_locks_and_is_recorded(client, editor, home):
    for number in range(4):
        assert attempt(client, f"guess {number}").status_code == 200
    assert attempt(client, "guess 5").status_code == 429
    lockout = AccessFailureLog.objects.get(locked_out=True)
    assert lockout.username == "editor" and lockout.ip_address == "203.0.113.7"
    assert AccessFailureLog.objects.count() == 5


def test_a_stranger_failing_a_colleagues_username_never_locks_the_colleague_out(
    client, editor, home, time_machine
):
    """Attack: a stranger fails the username 5 times every 30 minutes from one address, for hours."""
    time_machine.move_to(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False)
    for period in range(4):
        for number in range(6):
            attempt(client, f"guess {period}-{number}", address="198.51.100.66")
        # The stranger's address is locked out of the account, even with the right password...
        assert attempt(client, PASSWORD, address="198.51.100.66").status_code == 429
        # ...and the colleague on their own network signs in as usual.
        assert attempt(client, PASSWORD, address="192.0.2.10").status_code == 302
        client.logout()
        time_machine.shift(timedelta(minutes=30))


def test_a_username_from_one_address_unlocks_after_the_cool_off(client, editor, home, time_machine):
    time_machine.move_to(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False)
    for number in range(5):
        attempt(client, f"guess {number}")
    time_machine.shift(timedelta(minutes=29))
    assert attempt(client, PASSWORD).status_code == 429
    time_machine.shift(timedelta(minutes=2))
    assert attempt(client, PASSWORD).status_code == 302


def test_an_address_is_locked_after_twenty_failures_whatever_usernames_it_tries(client, editor, home):
    for number in range(19):
        attempt(client, "wrong", username=f"someone{number}")
    # Below the ceiling, and never this username's failure: the right password works.
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    attempt(client, "wrong", username="someone19")
    assert attempt(client, PASSWORD).status_code == 429
    assert attempt(client, "wrong", username="a-username-never-tried").status_code == 429
    # Another network signs in as the same person normally.
    assert attempt(client, PASSWORD, address="192.0.2.10").status_code == 302


def test_an_ipv6_64_is_one_address(client, editor, home):
    for number in range(20):
        attempt(client, "wrong", username=f"someone{number}", address=f"2001:db8:4:4::{number + 1}")
    assert attempt(client, PASSWORD, address="2001:db8:4:4:ffff::1").status_code == 429
    assert attempt(client, PASSWORD, address="2001:db8:4:5::1").status_code == 302
    assert AccessFailureLog.objects.filter(ip_address="2001:db8:4:4::").count() == 20


@pytest.fixture
def administrators(db):
    """Who is told of an attack: an Administrator and a superuser, each once; never an inactive one."""
    users = get_user_model().objects
    admin = users.create_user("admin", "admin@waymark.example", PASSWORD)
    admin.groups.add(Group.objects.get(name=staff_groups.ADMINISTRATORS))
    root = users.create_superuser("root", "root@waymark.example", PASSWORD)
    root.groups.add(Group.objects.get(name=staff_groups.ADMINISTRATORS))
    gone = users.create_user("gone", "gone@waymark.example", PASSWORD, is_active=False)
    gone.groups.add(Group.objects.get(name=staff_groups.ADMINISTRATORS))
    return ["admin@waymark.example", "root@waymark.example"]


def alerts():
    return [message for message in mail.outbox if "failed sign-ins" in message.subject]


def test_failures_for_one_username_from_many_addresses_tell_the_administrators_once(
    client, editor, administrators, home, time_machine
):
    time_machine.move_to(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False)
    for number in range(4):
        for _ in range(3):  # many failures from one address are still one address
            attempt(client, "hunter2 guess", address=f"198.51.100.{number + 1}")
    assert alerts() == []
    for number in range(4, 12):
        attempt(client, "hunter2 guess", address=f"198.51.100.{number + 1}")
    [alert] = alerts()
    assert alert.to == administrators
    assert "editor" in alert.subject and "5 networks" in alert.subject
    assert "from 5 different networks in the last 30 minutes" in alert.body
    assert "198.51.100" not in alert.subject + alert.body
    assert "hunter2" not in alert.subject + alert.body
    # The owner still signs in from their own network.
    assert attempt(client, PASSWORD, address="192.0.2.10").status_code == 302

    # The next period, another attack: another alert.
    time_machine.shift(timedelta(minutes=31))
    for number in range(5):
        attempt(client, "guess", address=f"203.0.113.{number + 1}")
    assert len(alerts()) == 2


def test_a_made_up_username_failing_from_many_addresses_tells_nobody(client, administrators, home):
    for number in range(6):
        attempt(client, "guess", username="nobody-has-this-name", address=f"198.51.100.{number + 1}")
    assert alerts() == []


def test_the_address_comes_from_website_client_ip(client, editor, home, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        client.post(
            LOGIN,
            {"username": f"someone{number}", "password": "x"},
            # A forged entry, then the address our proxy appended; X-Real-IP is never believed.
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 198.51.100.40",
            HTTP_X_REAL_IP="6.6.6.6",
            REMOTE_ADDR="127.0.0.1",
        )
    assert AccessAttempt.objects.filter(ip_address="198.51.100.40").count() == 5


def test_an_administrator_unlocks_with_the_axes_command(client, editor, home):
    for number in range(5):
        attempt(client, f"guess {number}")
    assert attempt(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert attempt(client, PASSWORD).status_code == 302
    # The record of the lockout stays.
    assert AccessFailureLog.objects.filter(locked_out=True, username="editor").exists()


def test_administrators_see_lockouts_in_the_admin_and_editors_do_not(client, editor, home):
    for number in range(5):
        attempt(client, f"guess {number}")
    admin = get_user_model().objects.create_user("admin", "admin@waymark.example", PASSWORD)
    admin.groups.add(Group.objects.get(name=staff_groups.ADMINISTRATORS))
    client.force_login(admin)
    response = client.get("/admin/sign_in_failures/?locked_out=true")
    assert response.status_code == 200
    assert "203.0.113.7" in response.content.decode()
    client.force_login(editor)
    assert client.get("/admin/sign_in_failures/").status_code in {302, 403}
