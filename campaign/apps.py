from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = "Campaign"

    def ready(self):
        from campaign import signals  # noqa: F401
        from website.staff import CAMPAIGN_MANAGERS, extend_group_permissions

        # Campaign managers read letter counts (geography/apps.py gives them the MPs and the map).
        extend_group_permissions(CAMPAIGN_MANAGERS, ["campaign.view_lettercount"])
