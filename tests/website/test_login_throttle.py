"""Staff sign-in is throttled (django-axes): per address and per username, with a plain message."""

import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from website import staff

PASSWORD = "a long staff password 4 tests"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=staff.EDITORS))
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


def test_a_username_is_locked_whatever_address_the_guesses_come_from(client, editor, home):
    for number in range(5):
        attempt(client, f"guess {number}", address=f"198.51.100.{number + 1}")
    assert attempt(client, PASSWORD, address="192.0.2.99").status_code == 429


def test_an_address_is_locked_whatever_usernames_it_tries(client, editor, home):
    for number in range(5):
        attempt(client, "wrong", username=f"someone{number}")
    assert attempt(client, PASSWORD).status_code == 429
    # Another network signs in as the same person normally.
    assert attempt(client, PASSWORD, address="192.0.2.10").status_code == 302


def test_an_ipv6_64_is_one_address(client, editor, home):
    for number in range(5):
        attempt(client, "wrong", username=f"someone{number}", address=f"2001:db8:4:4::{number + 1}")
    assert attempt(client, PASSWORD, address="2001:db8:4:4:ffff::1").status_code == 429
    assert attempt(client, PASSWORD, address="2001:db8:4:5::1").status_code == 302
    assert AccessFailureLog.objects.filter(ip_address="2001:db8:4:4::").count() == 5


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
        attempt(client, f"guess {number}", address=f"198.51.100.{number + 1}")
    assert attempt(client, PASSWORD, address="192.0.2.99").status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert attempt(client, PASSWORD, address="192.0.2.99").status_code == 302
    # The record of the lockout stays.
    assert AccessFailureLog.objects.filter(locked_out=True, username="editor").exists()


def test_administrators_see_lockouts_in_the_admin_and_editors_do_not(client, editor, home):
    for number in range(5):
        attempt(client, f"guess {number}")
    admin = get_user_model().objects.create_user("admin", "admin@waymark.example", PASSWORD)
    admin.groups.add(Group.objects.get(name=staff.ADMINISTRATORS))
    client.force_login(admin)
    response = client.get("/admin/sign_in_failures/?locked_out=true")
    assert response.status_code == 200
    assert "203.0.113.7" in response.content.decode()
    client.force_login(editor)
    assert client.get("/admin/sign_in_failures/").status_code in {302, 403}
