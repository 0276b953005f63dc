"""Campaign admin: the Campaign menu group (letter counts with geography's constituencies, MPs and map),
the consent rule's admin hooks and the consent-review dashboard panel. Only registration: the rest lives in
campaign/admin/ and campaign/consent.py."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from campaign.admin.panels import ConsentReviewPanel
from campaign.admin.viewsets import CampaignGroup
from campaign.consent import WITHDRAWN_MESSAGE, take_down_if_withdrawn

register_snippet(CampaignGroup)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def take_down_withdrawn_story_on_save(request, page):
    if take_down_if_withdrawn(page, user=request.user):
        messages.warning(request, "Consent withdrawn: the story has been taken off the website.")


@hooks.register("before_publish_page")
def refuse_to_publish_withdrawn_story(request, page):
    if take_down_if_withdrawn(page, user=request.user):
        messages.error(request, WITHDRAWN_MESSAGE)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_homepage_panels")
def add_consent_review_panel(request, panels):
    panels.append(ConsentReviewPanel(request.user))
