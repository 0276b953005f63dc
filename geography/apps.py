from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "geography"
    verbose_name = "Geography"

    def ready(self):
        from website.staff.groups import CAMPAIGN_MANAGERS, extend_group_permissions

        # Campaign managers correct MPs (by-elections, contact emails), read constituencies and the map.
        extend_group_permissions(
            CAMPAIGN_MANAGERS,
            [
                "geography.view_memberofparliament",
                "geography.change_memberofparliament",
                "geography.view_constituency",
                "geography.view_constituencyhex",
            ],
        )
