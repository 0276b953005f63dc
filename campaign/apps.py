from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = "Campaign"

    def ready(self):
        from wagtail.signals import page_published

        from campaign.consent import unpublish_withdrawn_story
        from campaign.models import StoryPage
        from website.staff.groups import CAMPAIGN_MANAGERS, extend_group_permissions

        # Whatever publishes a story whose consent is withdrawn, it comes straight down (campaign/consent.py).
        page_published.connect(unpublish_withdrawn_story, sender=StoryPage, dispatch_uid="withdrawn_story")

        # Campaign managers read letter counts (geography/apps.py gives them the MPs and the map) and record
        # where representatives stand.
        extend_group_permissions(
            CAMPAIGN_MANAGERS,
            [
                "campaign.view_lettercount",
                "campaign.add_stance",
                "campaign.change_stance",
                "campaign.view_stance",
                "campaign.delete_stance",
            ],
        )
