"""Who may see disclosure requests: the one place the rule lives (queue, case page, exports, counts).

A member of staff sees a request only when both hold:
- they may do casework: the Caseworkers group's permission on requests (view or change), and
- they are a member of the request's team.

Nothing else opens a request. Being a superuser or an Administrator does not (a superuser passes every
permission check, so without a team they still see nothing); there is no "see every team" permission.
Someone who triages across teams is a member of each team, and every membership is a grant recorded in the
casework audit log and announced to the team (support/grants.py, docs/security.md).
"""

from django.db.models import Q

VIEW = "support.view_disclosurerequest"
CHANGE = "support.change_disclosurerequest"
CASEWORK_PERMISSIONS = (VIEW, CHANGE)


def may_do_casework(user):
    """Holds the casework permission at all (still sees nothing outside their teams)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and any(user.has_perm(permission) for permission in CASEWORK_PERMISSIONS)
    )


def may_change_cases(user):
    return may_do_casework(user) and user.has_perm(CHANGE)


def requests_filter(user):
    """A filter on DisclosureRequest: the requests this member of staff may see."""
    if not may_do_casework(user):
        return Q(pk__in=[])
    return Q(team__members=user)


def teams_filter(user):
    """A filter on CaseworkTeam: the teams whose requests this member of staff may see."""
    if not may_do_casework(user):
        return Q(pk__in=[])
    return Q(members=user)
