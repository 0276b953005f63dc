from django.apps import AppConfig


def sync_group_permissions_after_migrate(sender, using="default", **kwargs):
    """Attach the staff groups' permissions once ours exist.

    Django creates an app's permission rows in that app's own post_migrate, which on a fresh database
    runs after website's (where the groups are synced). So create every app's rows first, then sync.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from website.staff import sync_group_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_group_permissions()


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "Support"

    def ready(self):
        from django.db.models.signals import post_migrate

        from website.staff import ADMINISTRATORS, CASEWORKERS, extend_group_permissions

        # Caseworkers work requests (scoped to their teams in support.casework_views); they never add or
        # delete them, and cannot touch teams, routing or the audit log.
        extend_group_permissions(CASEWORKERS, [
            "support.view_disclosurerequest", "support.change_disclosurerequest",
        ])
        # Administrators set up teams and routing and read the audit log; they do not read requests
        # unless they are also a team member.
        extend_group_permissions(ADMINISTRATORS, [
            "support.add_caseworkteam", "support.change_caseworkteam", "support.delete_caseworkteam",
            "support.view_caseworkteam",
            "support.add_routingrule", "support.change_routingrule", "support.delete_routingrule",
            "support.view_routingrule",
            "support.view_auditentry",
        ])
        post_migrate.connect(sync_group_permissions_after_migrate, sender=self)
