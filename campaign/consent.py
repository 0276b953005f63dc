"""Survivors' consent, enforced: a withdrawn story comes down at once and cannot be published again.

Three ways in, one rule (`take_down_if_withdrawn`):
- an editor saves a draft (or creates a story) with "consent withdrawn" ticked: the admin hooks
  `after_edit_page`/`after_create_page` (campaign/wagtail_hooks.py) take the live story down then, not at
  the next publish;
- anyone presses Publish while it is ticked: `before_publish_page` refuses, with a message;
- anything else publishes it (a moderator approving in the workflow, scheduled publishing, bulk
  actions): the `page_published` signal unpublishes it straight after (connected in apps.py).
"""

from wagtail.actions.unpublish_page import UnpublishPageAction

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
