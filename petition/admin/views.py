"""Staff views outside the generic listings: bulk invalidation by filter, 'stop collecting', and reviewing,
testing and sending a campaign update."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from petition import counting, tasks, updates
from petition.models import CampaignUpdate, PetitionPage, Signature
from website.request_policy.whole_numbers import WholeNumberField


class InvalidationFilterForm(forms.Form):
    petition = forms.ModelChoiceField(queryset=PetitionPage.objects.all())
    state = forms.MultipleChoiceField(
        choices=[
            (s, label)
            for s, label in Signature.State.choices
            if s in (Signature.State.PENDING, Signature.State.VERIFIED, Signature.State.FRAUDULENT)
        ],
        initial=[Signature.State.VERIFIED, Signature.State.PENDING],
        widget=forms.CheckboxSelectMultiple,
    )
    created_from = forms.DateTimeField(required=False, help_text="e.g. 2026-01-31 18:00")
    created_to = forms.DateTimeField(required=False)
    email_domain = forms.CharField(required=False, help_text="Exact domain, e.g. example.com")
    constituency_code = forms.CharField(required=False, max_length=9)
    ip_hash_prefix = forms.CharField(required=False, max_length=64, help_text="From an alert email.")
    expected = WholeNumberField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not any(
            cleaned.get(f)
            for f in ("created_from", "created_to", "email_domain", "constituency_code", "ip_hash_prefix")
        ):
            raise forms.ValidationError("Choose at least one filter besides the petition and state.")
        return cleaned

    def queryset(self):
        data = self.cleaned_data
        signatures = Signature.objects.filter(petition=data["petition"], state__in=data["state"])
        if data.get("created_from"):
            signatures = signatures.filter(created_at__gte=data["created_from"])
        if data.get("created_to"):
            signatures = signatures.filter(created_at__lte=data["created_to"])
        if data.get("email_domain"):
            signatures = signatures.filter(email_domain=data["email_domain"].strip().lower())
        if data.get("constituency_code"):
            signatures = signatures.filter(constituency_code=data["constituency_code"].strip())
        if data.get("ip_hash_prefix"):
            signatures = signatures.filter(ip_hash__startswith=data["ip_hash_prefix"].strip().lower())
        return signatures


def invalidate(signatures):
    """Mark them invalidated and take them out of the counts now. Returns how many."""
    with transaction.atomic():
        touched = signatures.update(
            state=Signature.State.INVALIDATED,
            fraud_reason=Signature.Reason.STAFF,
            invalidated_at=timezone.now(),
            token_hash=None,
        )
    counting.update_counts()
    return touched


def bulk_invalidate(request):
    if not request.user.has_perm("petition.invalidate_signature"):
        raise PermissionDenied
    form = InvalidationFilterForm(request.POST or None)
    title = "Invalidate signatures"
    context = {
        "form": form,
        "page_title": title,
        "header_title": title,
        "header_icon": "warning",
        "count": None,
    }
    if request.method == "POST" and form.is_valid():
        signatures = form.queryset()
        count = signatures.count()
        if "confirm" in request.POST and form.cleaned_data.get("expected") == count:
            touched = invalidate(signatures)
            messages.success(request, f"Invalidated {touched} signature(s); the counts have been reduced.")
            return redirect("petition_invalidate:index")
        if "confirm" in request.POST:
            messages.warning(request, "The matching count signatures changed: check it and confirm again.")
        # Show how many it will touch before anything happens.
        context["count"] = count
        form.data = form.data.copy()
        form.data["expected"] = count
    return TemplateResponse(request, "petition/admin/invalidate.html", context)


def stop_collecting(request, page_id):
    page = get_object_or_404(PetitionPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        # Stop at once on the live page, then record it as a published revision so the editor agrees.
        PetitionPage.objects.filter(pk=page.pk).update(
            state=PetitionPage.State.STOPPED, state_changed_at=timezone.now()
        )
        page.refresh_from_db()
        page.save_revision(user=request.user, log_action=True).publish(user=request.user)
        messages.success(request, f"“{page.title}” has stopped collecting signatures.")
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(
        request,
        "petition/admin/stop_collecting.html",
        {
            "petition": page,
            "page_title": "Stop collecting",
            "header_title": "Stop collecting",
            "header_icon": "warning",
        },
    )


def campaign_update_review(request, pk):
    """Preview a campaign update as supporters will get it, send a test to yourself, then send it to all.
    Sending needs a test sent since the last edit, and a second press changes nothing."""
    if not request.user.has_perm("petition.view_campaignupdate"):
        raise PermissionDenied
    update = get_object_or_404(CampaignUpdate, pk=pk)
    can_send = request.user.has_perm("petition.send_campaignupdate")
    if request.method == "POST":
        if not can_send:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "test" and update.status == CampaignUpdate.Status.DRAFT:
            sent_to = updates.send_test(update, request.user)
            if sent_to:
                messages.success(
                    request, f"A test has been sent to {sent_to}. Check it, then send the update."
                )
            else:
                messages.error(request, "Your account has no email address: add one to send yourself a test.")
        elif action == "send":
            if tasks.start_update(update, request.user):
                messages.success(request, f"“{update.subject}” is being sent, in batches.")
            else:
                messages.error(
                    request, "Send yourself a test of this version first (or it is already sending)."
                )
        return redirect("campaign_updates:review", pk=update.pk)
    # One preview per language it goes out in: supporters who signed in Welsh get the Welsh version.
    previews = [updates.preview(update, language) for language in updates.versions(update)]
    message = previews[0]
    return TemplateResponse(
        request,
        "petition/admin/update_review.html",
        {
            "update": update,
            "message": message,
            "headers": [(name, message.extra_headers[name]) for name in message.extra_headers],
            "translated_previews": [
                (preview, list(preview.extra_headers.items())) for preview in previews[1:]
            ],
            "progress": updates.progress(update),
            "can_send": can_send,
            "page_title": f"Campaign update: {update.subject}",
            "header_title": f"Campaign update: {update.subject}",
            "header_icon": "mail",
        },
    )
