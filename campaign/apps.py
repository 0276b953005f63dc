from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = "Campaign"

    def ready(self):
        from campaign import signals  # noqa: F401
        from website.staff import CAMPAIGN_MANAGERS, extend_group_permissions

        # Campaign managers correct MPs (by-elections, contact emails), read letter counts and the map layout.
        extend_group_permissions(
            CAMPAIGN_MANAGERS,
            [
                "campaign.view_memberofparliament",
                "campaign.change_memberofparliament",
                "campaign.view_constituency",
                "campaign.view_lettercount",
                "campaign.view_constituencyhex",
            ],
        )
