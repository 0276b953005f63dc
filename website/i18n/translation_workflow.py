"""Translations through moderation (docs/translation.md).

wagtail-localize's translation editor offers "Save draft" and, to those who may publish, "Publish", but no
"Submit for moderation": `submit_translation` adds that step, so a translator who cannot publish hands their
draft to the same "Moderators approval" workflow as every English page. The button sits in the page's header
and listing menus (website/wagtail_hooks.py).

Localize lets anyone who may translate also publish in two places; both are closed:
- "Translate this page" publishes the new copy when the English page is live: off with
  WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False (settings/base.py), so it starts as a draft;
- "Sync translated pages" with "Publish immediately" publishes every translation without asking whether the
  user may publish them: `update_translations` answers that URL first and refuses it to those who may not.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView


def is_synced_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


def can_submit(page, user):
    """A translated page with changes not yet live, no moderation under way, a workflow, and a user who
    may edit it."""
    return bool(
        page.has_unpublished_changes
        and not page.workflow_in_progress
        and page.get_workflow() is not None
        and page.permissions_for_user(user).can_edit()
        and is_synced_translation(page)
    )


def submit_translation(request, page_id):
    """GET asks to confirm; POST starts the page's workflow on its latest draft."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit() or not is_synced_translation(page):
        raise PermissionDenied
    explore = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    if not can_submit(page, request.user):
        messages.error(request, f"“{page.get_admin_display_title()}” has no draft waiting to be submitted.")
        return redirect(explore)
    if request.method != "POST":
        return TemplateResponse(request, "website/admin/submit_translation.html", {"page": page})
    if page.latest_revision is None:
        page.save_revision(user=request.user)
    page.get_workflow().start(page, request.user)
    messages.success(request, f"“{page.get_admin_display_title()}” has been submitted for moderation.")
    return redirect(explore)


def submit_button(page, user, view_name=None, next_url=None):
    """`register_page_listing_more_buttons` / `register_page_header_buttons` hook."""
    if can_submit(page, user):
        yield ListingButton(
            "Submit translation for moderation",
            reverse("waymark_submit_translation", args=[page.pk]),
            priority=61,
            icon_name="resubmit",
        )


_localize_update_translations = UpdateTranslationsView.as_view()


def update_translations(request, translation_source_id):
    """Localize's "Sync translated pages", refused with "Publish immediately" ticked unless the user may
    publish every translation it would publish."""
    if request.method == "POST" and request.POST.get("publish_translations"):
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            translated = instance.get_translations().filter(
                locale_id__in=source.translations.filter(enabled=True).values("target_locale_id")
            )
            if not all(page.permissions_for_user(request.user).can_publish() for page in translated):
                raise PermissionDenied
    return _localize_update_translations(request, translation_source_id=translation_source_id)
