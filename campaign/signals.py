"""A story whose consent is withdrawn comes down at once and cannot be published again."""

from wagtail.signals import page_published

from campaign.models import StoryPage


def unpublish_withdrawn_story(sender, instance, **kwargs):
    if instance.consent_withdrawn and instance.live:
        instance.unpublish(log_action="wagtail.unpublish")


page_published.connect(unpublish_withdrawn_story, sender=StoryPage)
