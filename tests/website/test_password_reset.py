"""Staff password reset: limited per address and per account, the same answer whatever happened, and never
enough alone to take over an account that has not set up its second factor."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import override_settings
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.staff import groups as staff_groups

PASSWORD = "a long staff password 4 tests"
NEW_PASSWORD = "a brand new staff password 4 tests"
RESET = "/admin/password_reset/"
LINK = re.compile(r"/admin/password_reset/confirm/[^/\s]+/[^/\s]+/")
CSRF_TOKEN = re.compile(rb'"CSRF_TOKEN": "[^"]+"')

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]


@pytest.fixture(autouse=True)
def frozen(time_machine):
    """One instant, so every request of a test falls in the same rate-limit window."""
    time_machine.move_to(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False)
    return time_machine


def make_staff(username, enrolled):
    user = get_user_model().objects.create_user(username, f"{username}@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=staff_groups.CASEWORKERS))
    if enrolled:
        TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


@pytest.fixture
def caseworker(db):
    return make_staff("caseworker", enrolled=True)


@pytest.fixture
def newcomer(db):
    """Opened by an administrator, not yet signed in: no authenticator."""
    return make_staff("newcomer", enrolled=False)


def ask(client, email, address="203.0.113.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def links():
    return [match.group(0) for message in mail.outbox for match in LINK.finditer(message.body)]


def answer(response, client):
    """What the person asking sees: the answer to the post, and the page it leads to (with its CSRF token,
    different on every response, blanked; the admin's icons are rendered once per process, so left out)."""
    page = client.get(response["Location"])
    return (
        response.status_code,
        response["Location"],
        response.content,
        page.status_code,
        [template.name for template in page.templates if not template.name.endswith(".svg")],
        CSRF_TOKEN.sub(b'"CSRF_TOKEN": "-"', page.content),
    )


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_enrolled_member_of_staff_resets_their_password_by_email(client, caseworker):
    ask(client, "caseworker@waymark.example")
    [link] = links()
    page = client.get(link, follow=True)
    assert page.context["validlink"]
    response = client.post(
        page.request["PATH_INFO"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    caseworker.refresh_from_db()
    assert caseworker.check_password(NEW_PASSWORD)


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_fourth_reset_for_one_account_within_the_hour_sends_nothing_and_looks_the_same(
    client, caseworker, frozen
):
    answers = []
    for number in range(4):
        answers.append(
            answer(ask(client, "caseworker@waymark.example", address=f"198.51.100.{number}"), client)
        )
    assert len(links()) == 3
    assert answers[3] == answers[0]
    # Another letter case is the same mailbox.
    ask(client, "CaseWorker@Waymark.Example", address="198.51.100.99")
    assert len(links()) == 3
    frozen.shift(timedelta(minutes=61))
    ask(client, "caseworker@waymark.example", address="198.51.100.100")
    assert len(links()) == 4


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_one_address_asking_for_many_accounts_is_limited_and_looks_the_same(client, caseworker):
    first = answer(ask(client, "caseworker@waymark.example"), client)
    for number in range(9):
        ask(client, f"someone{number}@waymark.example")
    assert len(links()) == 1
    mail.outbox.clear()
    assert answer(ask(client, "caseworker@waymark.example"), client) == first
    assert links() == []
    # Another address is not held back by this one.
    ask(client, "caseworker@waymark.example", address="192.0.2.10")
    assert len(links()) == 1


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_known_unknown_unenrolled_and_limited_requests_get_the_same_answer(client, caseworker, newcomer):
    known = answer(ask(client, "caseworker@waymark.example", address="192.0.2.1"), client)
    assert len(links()) == 1
    unknown = answer(ask(client, "nobody@waymark.example", address="192.0.2.2"), client)
    unenrolled = answer(ask(client, "newcomer@waymark.example", address="192.0.2.3"), client)
    for _ in range(3):
        ask(client, "caseworker@waymark.example", address="192.0.2.4")
    limited = answer(ask(client, "caseworker@waymark.example", address="192.0.2.4"), client)
    assert known[0] == 302 and known[3] == 200
    assert "wagtailadmin/account/password_reset/done.html" in known[4]
    assert unknown == known
    assert unenrolled == known
    assert limited == known


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_account_without_an_authenticator_gets_no_reset_link_only_word_to_ask_an_administrator(
    client, newcomer
):
    ask(client, "newcomer@waymark.example")
    assert links() == []
    [message] = mail.outbox
    assert message.to == ["newcomer@waymark.example"]
    assert "Ask an administrator to set a new password" in message.body
    assert "password_reset" not in message.body


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_a_reset_link_for_an_account_without_an_authenticator_does_not_work_however_it_was_made(
    client, newcomer
):
    uid = urlsafe_base64_encode(force_bytes(newcomer.pk))
    token = default_token_generator.make_token(newcomer)
    page = client.get(f"/admin/password_reset/confirm/{uid}/{token}/", follow=True)
    assert page.status_code == 200
    assert not page.context["validlink"]
    client.post(
        f"/admin/password_reset/confirm/{uid}/set-password/",
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    newcomer.refresh_from_db()
    assert newcomer.check_password(PASSWORD)


@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_account_whose_authenticator_was_reset_cannot_use_an_earlier_link(client, caseworker):
    ask(client, "caseworker@waymark.example")
    [link] = links()
    TOTPDevice.objects.filter(user=caseworker).delete()  # manage.py reset_two_factor
    page = client.get(link, follow=True)
    assert not page.context["validlink"]


@override_settings(WAYMARK_REQUIRE_2FA=False)
def test_without_the_second_factor_required_any_account_gets_a_link(client, newcomer):
    ask(client, "newcomer@waymark.example")
    assert len(links()) == 1
