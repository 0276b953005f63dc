"""Staff sign in with a password and then a TOTP code (django-otp) before any admin page opens."""

import io
import re
from base64 import b32encode
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.staff import groups as staff_groups

PASSWORD = "a long staff password 4 tests"


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=staff_groups.EDITORS))
    return user


def sign_in(client, username="editor"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password step failed"
    return response


def emailed_code():
    message = mail.outbox[-1]
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def prove_email(client, url="/admin/2fa/"):
    client.post(url, {"action": "send"})
    response = client.post(url, {"action": "check", "token": emailed_code()})
    assert response.status_code == 302, "the emailed code was refused"
    return response


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_first_sign_in_enrols_an_authenticator_then_opens_the_admin(client, editor, home):
    sign_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/")

    page = client.get(response["Location"])
    assert page.status_code == 200
    # The password alone shows no secret: first a code goes to the account's email address.
    assert "Scan this code" not in page.content.decode() and "<svg" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    prove_email(client, page.request["PATH_INFO"])

    page = client.get(page.request["PATH_INFO"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Scan this code" in html and "<svg" in html
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    typed_key = b32encode(device.bin_key).decode().rstrip("=")
    assert typed_key[:8] in html.replace(" ", "")  # the key to type in by hand, in base32
    assert typed_key in device.config_url  # the same key the QR code carries

    response = client.post(page.request["PATH_INFO"], {"token": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert b"Dashboard" in admin.content or b"Welcome" in admin.content


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_without_the_second_factor_no_admin_page_opens(client, editor, home):
    sign_in(client)
    for path in (
        "/admin/",
        "/admin/pages/",
        "/admin/pages/2/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/settings/website/sitesettings/",
        "/admin/api/main/pages/",
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/2fa/"), path


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_a_wrong_code_is_refused(client, editor, home):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client)
    wrong = str((int(current_code(device)) + 1) % 1_000_000).zfill(6)
    response = client.post("/admin/2fa/", {"token": wrong})
    assert response.status_code == 200
    assert b"That code did not match" in response.content
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_enrolled_member_of_staff_is_asked_for_a_code_not_shown_the_secret_again(client, editor, home):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client)
    html = client.get("/admin/2fa/").content.decode()
    assert "Enter the six-digit code" in html
    assert b32encode(device.bin_key).decode()[:8] not in html.replace(" ", "")
    assert "<svg" not in html
    response = client.post("/admin/2fa/?next=/admin/pages/", {"token": current_code(device)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_code_step_sends_staff_back_where_they_were_going(client, editor, home):
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/?next=/admin/pages/"


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_code_step_never_redirects_off_site(client, editor, home):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client)
    response = client.post("/admin/2fa/?next=https://evil.example/", {"token": current_code(device)})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_signing_out_and_in_again_asks_for_a_new_code(client, editor, home):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client)
    client.post("/admin/2fa/", {"token": current_code(device)})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_code_step_needs_a_password_sign_in_first(client, home):
    response = client.get("/admin/2fa/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_public_site_is_not_affected(client, editor, home):
    sign_in(client)
    assert client.get("/").status_code == 200


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_production_login_page_does_not_say_two_factor_is_off(client, home):
    assert b"two-factor sign-in is switched off" not in client.get("/admin/login/").content


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=False)
def test_the_development_login_page_says_two_factor_is_off(client, editor, home):
    response = client.get("/admin/login/")
    assert b"Development mode: two-factor sign-in is switched off." in response.content
    sign_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_administrator_can_reset_a_lost_authenticator(editor):
    from django.core.management import call_command

    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    call_command("reset_two_factor", "editor", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_the_code_page_loads_its_scripts_before_the_code_is_given(client, editor, home):
    sign_in(client)
    html = client.get("/admin/2fa/").content.decode()
    assert 'src="/admin/jsi18n/"' in html
    assert client.get("/admin/jsi18n/").status_code == 200


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_guessing_codes_is_limited_per_staff_member(client, editor, home):
    sign_in(client)
    for _ in range(10):
        assert client.post("/admin/2fa/", {"token": "000000"}).status_code == 200
    response = client.post("/admin/2fa/", {"token": "000000"})
    assert response.status_code == 429
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


# --- Enrolment proves more than the password -------------------------------------------------------------


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_a_stolen_password_does_not_reveal_the_authenticator_secret(client, editor, home):
    """Attack: an account that had not enrolled showed its TOTP secret to whoever held the password."""
    sign_in(client)
    for attempt in ({}, {"action": "check", "token": "123456"}, {"token": "000000"}):
        html = client.post("/admin/2fa/", attempt).content.decode() if attempt else ""
        html += client.get("/admin/2fa/").content.decode()
        assert "<svg" not in html and "Scan this code" not in html
    assert not TOTPDevice.objects.filter(user=editor).exists()
    # The code goes to the account's own address, and nowhere else; it carries no secret to enrol with.
    client.post("/admin/2fa/", {"action": "send"})
    assert [message.to for message in mail.outbox] == [["editor@waymark.example"]]
    assert "someone else knows your password" in mail.outbox[0].body
    html = client.get("/admin/2fa/").content.decode()
    assert "e•••@waymark.example" in html and "editor@waymark.example" not in html
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_a_secret_made_before_the_email_proof_is_never_used(client, editor, home):
    old = TOTPDevice.objects.create(user=editor, name="seen by someone", confirmed=False)
    sign_in(client)
    prove_email(client)
    client.get("/admin/2fa/")
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.filter(user=editor, confirmed=False).count() == 1


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_emailed_code_is_never_a_way_to_sign_in(client, editor, home):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client)
    # An enrolled account is only ever asked for the authenticator's code; no email is sent.
    client.post("/admin/2fa/", {"action": "send"})
    assert mail.outbox == []
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_account_without_an_email_address_is_told_to_ask_an_administrator(client, editor, home):
    editor.email = ""
    editor.save()
    sign_in(client)
    html = client.get("/admin/2fa/").content.decode()
    assert "Your account has no email address" in html
    assert "<svg" not in html


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_an_old_emailed_code_is_refused(client, editor, home):
    from django_otp.plugins.otp_email.models import EmailDevice

    sign_in(client)
    client.post("/admin/2fa/", {"action": "send"})
    code = emailed_code()
    EmailDevice.objects.filter(user=editor).update(valid_until=timezone.now() - timedelta(seconds=1))
    response = client.post("/admin/2fa/", {"action": "check", "token": code})
    assert response.status_code == 200
    assert "has expired" in response.content.decode()
    assert "<svg" not in client.get("/admin/2fa/").content.decode()


# --- Anything behind a login needs the second factor -----------------------------------------------------


def restricted_page(home, restriction_type, **extra):
    from wagtail.models import PageViewRestriction

    from tests.website.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, title="Staff only", slug=f"staff-only-{restriction_type}")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **extra)
    if "groups" in restriction_type:
        restriction.groups.add(Group.objects.get(name=staff_groups.EDITORS))
    return page


def private_document():
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Staff papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Rota", collection=collection)
    document.file.save("rota.txt", ContentFile(b"the private rota"), save=True)
    return document


@pytest.mark.django_db
def test_login_restricted_pages_and_documents_need_the_second_factor(
    client, editor, home, tmp_path, settings
):
    """Attack: login-restricted documents and pages opened after a password-only login."""
    # One way of overriding settings per test: pytest-django's fixture and override_settings do not nest.
    settings.WAYMARK_REQUIRE_2FA = True
    settings.MEDIA_ROOT = tmp_path
    page = restricted_page(home, "login")
    by_group = restricted_page(home, "groups")
    document = private_document()
    sign_in(client)
    for url in (page.url, by_group.url, document.url):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    # The way to sign in leads through the code step and back to the page.
    response = client.get(f"/admin/login/?next={page.url}")
    assert response["Location"] == f"/admin/2fa/?next={page.url}"

    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = client.post(response["Location"], {"token": current_code(device)})
    assert response["Location"] == page.url
    assert client.get(page.url).status_code == 200
    assert client.get(by_group.url).status_code == 200
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"the private rota"


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=False)
def test_without_two_factor_required_a_password_is_enough_for_restricted_pages(client, editor, home):
    page = restricted_page(home, "login")
    sign_in(client)
    assert client.get(page.url).status_code == 200


# --- Accounts that never enrol are switched off ----------------------------------------------------------


def make_staff(username, days_ago, enrolled=False):
    user = get_user_model().objects.create_user(username, f"{username}@waymark.example", PASSWORD)
    user.date_joined = timezone.now() - timedelta(days=days_ago)
    user.save()
    if enrolled:
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_accounts_that_never_enrol_are_switched_off_and_told_why():
    from website import tasks
    from website.staff import enrolment

    late = make_staff("late", enrolment.ENROL_WITHIN_DAYS + 1)
    new = make_staff("new", enrolment.ENROL_WITHIN_DAYS - 1)
    enrolled = make_staff("enrolled", 100, enrolled=True)
    assert tasks.disable_unenrolled_staff.call() == 1
    for user in (late, new, enrolled):
        user.refresh_from_db()
    assert (late.is_active, new.is_active, enrolled.is_active) == (False, True, True)
    assert [message.to for message in mail.outbox] == [["late@waymark.example"]]
    assert "two-factor sign-in was not set up" in mail.outbox[0].body
    assert "website.tasks.disable_unenrolled_staff" in [
        name for name, _every in django_settings.PERIODIC_TASKS
    ]


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_switching_an_account_back_on_gives_it_another_full_period(client):
    from website.staff import enrolment

    late = make_staff("late", enrolment.ENROL_WITHIN_DAYS + 1)
    enrolment.disable_overdue()
    late.refresh_from_db()
    late.is_active = True
    late.save()
    assert enrolment.disable_overdue() == 0
    late.refresh_from_db()
    assert late.is_active
    assert enrolment.deadline(late) > timezone.now() + timedelta(days=enrolment.ENROL_WITHIN_DAYS - 1)
    # A switched-off account cannot sign in.
    late.is_active = False
    late.save()
    assert client.post("/admin/login/", {"username": "late", "password": PASSWORD}).status_code == 200


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=True)
def test_resetting_an_authenticator_restarts_the_days_to_enrol(editor):
    from django.core.management import call_command

    from website.staff import enrolment

    editor.date_joined = timezone.now() - timedelta(days=200)
    editor.save()
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    call_command("reset_two_factor", "editor", stdout=io.StringIO())
    assert enrolment.disable_overdue() == 0


@pytest.mark.django_db
@override_settings(WAYMARK_REQUIRE_2FA=False)
def test_development_never_switches_accounts_off():
    from website.staff import enrolment

    make_staff("late", 100)
    assert enrolment.disable_overdue() == 0
