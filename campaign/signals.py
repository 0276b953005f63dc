"""Survivors' consent, enforced: a withdrawn story comes down at once and cannot be published again,
and the admin dashboard lists the stories whose consent is due for review.

Three ways in, one rule (`take_down_if_withdrawn`):
- an editor saves a draft (or creates a story) with "consent withdrawn" ticked: the admin hooks
  `after_edit_page`/`after_create_page` take the live story down then, not at the next publish;
- anyone presses Publish while it is ticked: `before_publish_page` refuses, with a message;
- anything else publishes it (a moderator approving in the workflow, scheduled publishing, bulk
  actions): the `page_published` signal unpublishes it straight after.
"""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from wagtail import hooks
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.ui.components import Component
from wagtail.signals import page_published

from campaign.models import StoryPage

WITHDRAWN_MESSAGE = (
    "Consent for this story has been withdrawn, so it is not on the website and cannot be published. "
    "Untick 'consent withdrawn' only if the survivor has given consent again."
)


def take_down_if_withdrawn(page, user=None):
    """Unpublish a story whose consent is withdrawn. Returns True when the story is withdrawn."""
    page = page.specific
    if not isinstance(page, StoryPage) or not page.consent_withdrawn:
        return False
    # Saving a draft only writes the revision; record the flag on the page row too, so that
    # StoryPage.serve refuses it even before anyone publishes again.
    StoryPage.objects.filter(pk=page.pk).update(consent_withdrawn=True)
    current = StoryPage.objects.get(pk=page.pk)
    if current.live:
        # Safety first: an editor without publish permission can still take a withdrawn story down.
        UnpublishPageAction(current, user=user, log_action="wagtail.unpublish").execute(
            skip_permission_checks=True
        )
    workflow_state = current.current_workflow_state
    if workflow_state:
        workflow_state.cancel(user=user)
    return True


def unpublish_withdrawn_story(sender, instance, **kwargs):
    take_down_if_withdrawn(instance)


page_published.connect(unpublish_withdrawn_story, sender=StoryPage)


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


REVIEW_WARNING_DAYS = 30


class ConsentReviewPanel(Component):
    """Stories whose consent review is overdue or due within a month, and live stories with no record."""

    name = "consent_review"
    template_name = "campaign/consent_review_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REVIEW_WARNING_DAYS)
        due = StoryPage.objects.filter(consent_withdrawn=False, consent_review_by__lte=soon)
        due = due.order_by("consent_review_by")
        unrecorded = StoryPage.objects.live().filter(consent_given_on__isnull=True)
        visible = [story for story in [*unrecorded, *due] if story.permissions_for_user(self.user).can_edit()]
        context.update({"stories": visible, "today": today})
        return context


@hooks.register("construct_homepage_panels")
def add_consent_review_panel(request, panels):
    panels.append(ConsentReviewPanel(request.user))
