"""Staff second factor: an authenticator app (TOTP), enrolled only after a code sent to the staff email.

A password alone never shows the authenticator's secret: the first sign-in emails a one-time code
(django-otp's email device) to the address on the account, and only once that code is typed does the page
create a fresh TOTP secret and show its QR code. Later sign-ins ask for the authenticator's code.
"""

import time
from base64 import b32encode

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.request_policy import ratelimits

# Codes a staff member may try, whatever address they come from: six digits do not survive guessing for long.
from website.staff import enrolment

GROUP, RATE = "two-factor", "10/5m"
# How long a proven email address lets the person finish enrolling, in this session only.
EMAIL_PROOF_SECONDS = 30 * 60
EMAIL_PROOF_SESSION_KEY = "two_factor_email_proven"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class EmailTokenForm(TokenForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].label = gettext("Six-digit code from the email")


def _qr_svg(config_url):
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def masked_email(address):
    """j•••@example.org: enough for the owner to recognise, not enough to read it off a shared screen."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}"


def _email_proven(request):
    proof = request.session.get(EMAIL_PROOF_SESSION_KEY) or {}
    return proof.get("user") == request.user.pk and time.time() - proof.get("at", 0) < EMAIL_PROOF_SECONDS


def _mark_invalid(form):
    if form.errors:
        form.fields["token"].widget.attrs.update({"aria-describedby": "token-error", "aria-invalid": "true"})


def _next_url(request):
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        return "wagtailadmin_home"
    return next_url


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    user = request.user
    if request.method == "POST" and ratelimits.exceeded(
        request, GROUP, RATE, key=str(user.pk), fail_closed=True
    ):
        return ratelimits.too_many_requests(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        return _ask_for_code(request, device)
    if not _email_proven(request):
        return _prove_email(request)
    return _enrol(request)


def _ask_for_code(request, device):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "token", gettext("That code did not match. Check the time on your phone and try again.")
        )
    _mark_invalid(form)
    return render(request, "two_factor/verify.html", {"form": form, "step": "code"})


def _prove_email(request):
    """Enrolment, first step: a code sent to the account's own email address."""
    user = request.user
    context = {"step": "email", "deadline": enrolment.deadline(user)}
    if not user.email:
        return render(request, "two_factor/verify.html", {**context, "no_email": True})
    context["email"] = masked_email(user.email)
    # Never a confirmed device: it proves the mailbox once and is never a way to sign in.
    device, _ = EmailDevice.objects.get_or_create(
        user=user, defaults={"name": "Enrolment", "confirmed": False}
    )
    form = EmailTokenForm()
    if request.method == "POST" and request.POST.get("action") == "send":
        allowed, _ = device.generate_is_allowed()
        if allowed:
            device.generate_challenge()
            context["notice"] = gettext("We have emailed a code to %(email)s.") % {"email": context["email"]}
        else:
            context["notice"] = gettext(
                "A code was sent less than a minute ago: check your inbox, or ask again in a minute."
            )
        context["code_sent"] = True
    elif request.method == "POST":
        form = EmailTokenForm(request.POST)
        if form.is_valid():
            if device.verify_token(form.cleaned_data["token"]):
                request.session[EMAIL_PROOF_SESSION_KEY] = {"user": user.pk, "at": time.time()}
                # A secret made before this proof may have been seen by someone with only the password.
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                return redirect(request.get_full_path())
            form.add_error("token", gettext("That code did not match, or it has expired. Ask for a new one."))
        context["code_sent"] = True
    context["code_sent"] = context.get("code_sent") or device.token is not None
    _mark_invalid(form)
    return render(request, "two_factor/verify.html", {**context, "form": form})


def _enrol(request):
    """Enrolment, second step (email proven): show a new authenticator secret, confirm it with a code."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            EmailDevice.objects.filter(user=user).delete()
            request.session.pop(EMAIL_PROOF_SESSION_KEY, None)
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "token", gettext("That code did not match. Check the time on your phone and try again.")
        )
    _mark_invalid(form)
    # Authenticator apps take a typed-in key in base32 (as in the QR code's otpauth:// URL), not hex.
    key = b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "step": "enrol",
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    }
    return render(request, "two_factor/verify.html", context)
