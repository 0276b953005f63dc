"""Staff second factor: enrol a TOTP authenticator app on first sign-in, then ask for a code."""

from base64 import b32encode

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from website import ratelimits

# Codes a staff member may try, whatever address they come from: six digits do not survive guessing for long.
GROUP, RATE = "two-factor", "10/5m"


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _qr_svg(config_url):
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    user = request.user
    if request.method == "POST" and ratelimits.exceeded(request, GROUP, RATE, key=str(user.pk)):
        return ratelimits.too_many_requests(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or (
            TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = "wagtailadmin_home"
            return redirect(next_url)
        form.add_error("token", "That code did not match. Check the time on your phone and try again.")
    if form.errors:
        form.fields["token"].widget.attrs.update({"aria-describedby": "token-error", "aria-invalid": "true"})
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context["qr_svg"] = _qr_svg(device.config_url)
        # Authenticator apps take a typed-in key in base32 (as in the QR code's otpauth:// URL), not hex.
        key = b32encode(device.bin_key).decode().rstrip("=")
        context["secret"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
    return render(request, "two_factor/verify.html", context)
