"""Staff sign in with a password and then a TOTP code (django-otp) before any admin page opens."""

import io
from base64 import b32encode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from website import staff

PASSWORD = "a long staff password 4 tests"


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=staff.EDITORS))
    return user


def sign_in(client, username="editor"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password step failed"
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
