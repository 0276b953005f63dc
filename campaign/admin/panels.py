"""The admin dashboard's consent-review panel: stories whose survivor should be asked again."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaign.models import StoryPage

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
