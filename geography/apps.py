from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "geography"
    verbose_name = "Geography"

    def ready(self):
        from website.staff.groups import CAMPAIGN_MANAGERS, extend_group_permissions

        # Campaign managers correct MPs (by-elections, contact emails) and the other representatives (a new
        # commissioner), and read constituencies, areas and the map. Areas stay read-only for them: the
        # imports own areas and would overwrite a change.
        extend_group_permissions(
            CAMPAIGN_MANAGERS,
            [
                "geography.view_memberofparliament",
                "geography.change_memberofparliament",
                "geography.view_constituency",
                "geography.view_constituencyhex",
                "geography.view_representative",
                "geography.change_representative",
                "geography.view_area",
            ],
        )
