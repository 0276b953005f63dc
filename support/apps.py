from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "Support"

    def ready(self):
        from support import grants
        from website.staff.groups import ADMINISTRATORS, CASEWORKERS, extend_group_permissions

        grants.connect_signals()

        # Caseworkers work requests (scoped to their teams in support.admin.views); they never add or
        # delete them, and cannot touch teams, routing or the audit log.
        extend_group_permissions(
            CASEWORKERS,
            [
                "support.view_disclosurerequest",
                "support.change_disclosurerequest",
            ],
        )
        # Administrators set up teams and routing and read the audit log; they do not read requests
        # (support/access.py), and any access they give, themselves included, is audited and announced.
        extend_group_permissions(
            ADMINISTRATORS,
            [
                "support.add_caseworkteam",
                "support.change_caseworkteam",
                "support.delete_caseworkteam",
                "support.view_caseworkteam",
                "support.add_routingrule",
                "support.change_routingrule",
                "support.delete_routingrule",
                "support.view_routingrule",
                "support.view_auditentry",
            ],
        )
