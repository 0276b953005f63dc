"""The petition page's routes: sign, check your email, confirm, thank you, withdraw, unsubscribe, count.json.

Every page that shows a form or concerns one signer is never cached. Confirming, withdrawing and
unsubscribing happen only on POST: mail scanners that follow links change nothing.
"""

from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache, patch_cache_control

from petition import privacy, signing, stats, tokens
from petition.forms import SignatureForm
from petition.models import Signature


def _render(request, page, template=None, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _page_context(page, form):
    petition_stats = stats.petition_stats(page)
    count = petition_stats["signature_count"]
    return {
        "form": form,
        "stats": petition_stats,
        "collecting": page.is_collecting(),
        "progress_percent": min(100, round(100 * count / page.target)) if page.target else 0,
        "constituency_chart": stats.bar_chart(petition_stats["by_constituency"]),
        "country_chart": stats.bar_chart(petition_stats["by_country"]),
        "privacy_url": page.privacy_page.url if page.privacy_page_id else "/privacy/",
    }


@never_cache
def sign(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST" and page.is_collecting():
        form = SignatureForm(request.POST)
        if form.is_valid():
            signing.sign(request, page, form.cleaned_data)
            # The same neutral page whatever happened: it never says whether an address has signed.
            check_email_url = page.url + page.reverse_subpage("check_email")
            return HttpResponseRedirect(check_email_url, status=303)
    else:
        form = SignatureForm()
    if page.get_deferred_fields():
        # petition.urls.sign loads only the fields signing needs; showing the form again needs the rest.
        page = type(page).objects.get(pk=page.pk)
    return _render(request, page, **_page_context(page, form))


@never_cache
def check_email(request, page):
    return _render(request, page, "petition/check_email.html")


@never_cache
def confirm(request, page, token):
    if request.method == "POST":
        if not page.is_collecting():
            return _render(request, page, "petition/closed.html")
        pending = Signature.objects.filter(
            petition=page,
            state=Signature.State.PENDING,
            token_hash=tokens.hash_token(token),
            token_expires_at__gt=timezone.now(),
        )
        signature_id = pending.values_list("pk", flat=True).first()
        with transaction.atomic():
            # Single use: the token hash goes in the same UPDATE that verifies.
            verified = signature_id and pending.filter(pk=signature_id).update(
                state=Signature.State.VERIFIED, verified_at=timezone.now(), token_hash=None
            )
            if verified:
                signing.queue_email(signature_id, signing.THANK_YOU)
        if verified:
            return HttpResponseRedirect(page.url + page.reverse_subpage("thank_you"), status=303)
        return _render(request, page, "petition/link_invalid.html", status=400)
    # GET shows a button and looks nothing up, so opening the link reveals and changes nothing.
    return _render(request, page, "petition/confirm.html")


@never_cache
def thank_you(request, page):
    return _render(request, page, "petition/thank_you.html")


def _manage(request, page, token, action, template):
    if request.method == "POST":
        signature_id = tokens.read_manage_token(token)
        if signature_id is not None:
            action(signature_id, page.pk)
        # The same answer whether or not the link matched a signature.
        return _render(request, page, template, done=True)
    return _render(request, page, template, done=False)


@never_cache
def withdraw(request, page, token):
    return _manage(request, page, token, privacy.withdraw, "petition/withdraw.html")


@never_cache
def unsubscribe(request, page, token):
    return _manage(request, page, token, privacy.unsubscribe, "petition/unsubscribe.html")


def count_json(request, page):
    response = JsonResponse(stats.as_json(stats.petition_stats(page)))
    patch_cache_control(response, public=True, max_age=60)
    response["Access-Control-Allow-Origin"] = "*"
    return response
