"""The register petition: signatures, email verification and counting."""

from django.apps import AppConfig


class PetitionConfig(AppConfig):
    name = "petition"
    verbose_name = "Petition"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from petition.abuse import forget_rules
        from petition.models import BlockedDomain, BlockedNetwork, EmailDomainRule, PetitionSettings
        from petition.models.settings import forget_limits
        from website.staff.groups import CAMPAIGN_MANAGERS, extend_group_permissions

        for model in (BlockedDomain, BlockedNetwork, EmailDomainRule):
            post_save.connect(forget_rules, sender=model, dispatch_uid=f"rules-save-{model.__name__}")
            post_delete.connect(forget_rules, sender=model, dispatch_uid=f"rules-delete-{model.__name__}")
        post_save.connect(forget_limits, sender=PetitionSettings, dispatch_uid="limits-save")
        post_delete.connect(forget_limits, sender=PetitionSettings, dispatch_uid="limits-delete")

        extend_group_permissions(
            CAMPAIGN_MANAGERS,
            [
                "petition.view_signature",
                "petition.change_signature",
                "petition.invalidate_signature",
                "petition.view_blockeddomain",
                "petition.add_blockeddomain",
                "petition.change_blockeddomain",
                "petition.delete_blockeddomain",
                "petition.view_blockednetwork",
                "petition.add_blockednetwork",
                "petition.change_blockednetwork",
                "petition.delete_blockednetwork",
                "petition.view_emaildomainrule",
                "petition.add_emaildomainrule",
                "petition.change_emaildomainrule",
                "petition.delete_emaildomainrule",
                # Settings → Petition settings: the signing rates and the alert threshold.
                "petition.change_petitionsettings",
                # Petition → Signatures and letters by MP (petition.lobbying).
                "petition.view_lobbying_report",
                # Petition → Campaign updates: write, test and send (petition.updates).
                "petition.view_campaignupdate",
                "petition.add_campaignupdate",
                "petition.change_campaignupdate",
                "petition.delete_campaignupdate",
                "petition.send_campaignupdate",
            ],
        )
