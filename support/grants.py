"""Every grant of casework access is recorded in the casework audit log and announced to the team.

Casework access (support/access.py) is the casework permission plus membership of a team. Whatever gives
someone either half is a grant, however it is made (the admin, a shell, a script, `.add()`, `.set()`, either
side of the relation):
- joining a team (`CaseworkTeam.members`);
- joining a group that holds the casework permission (the Caseworkers group), or that permission being added
  to a group they are in or to them directly;
- being made a superuser (a superuser passes every permission check).

Each is an `AuditEntry` ("Casework access granted": who gave it, to whom, how, when) and an email, with no
request data in it, to the other members of the teams it opens (`support.tasks.notify_casework_grant`).
Removals are recorded too.

Writing the membership tables directly (their through models, or SQL) bypasses every model signal; only
someone with the server's database credentials can, and they could read the keys too, so that is guarded by
who holds the server, not here. Who acted is the signed-in member of staff (Wagtail's log context, set for
every admin view); outside the admin it is the operating-system account that ran the code.
"""

import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_save
from wagtail.log_actions import get_active_log_context

from support import access
from support.models.casework import AuditEntry, CaseworkTeam

Action = AuditEntry.Action


def acting_user():
    """(user or None, words saying who acted)."""
    user = get_active_log_context().user
    if user is not None and user.is_authenticated:
        return user, user.get_username()
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        account = "unknown"
    return None, f"a process outside the admin (system account {account})"


def record(action, grantee, how, teams=()):
    """Audit one grant or removal; for a grant, tell the other members of the teams it opens."""
    from support.tasks import notify_casework_grant

    actor, actor_words = acting_user()
    detail = f"{grantee.get_username()}: {how} (by {actor_words})"
    entry = AuditEntry.record(action, user=actor, detail=detail)
    # AuditEntry.record leaves username blank without a signed-in user; say who acted in the detail instead.
    if action == Action.ACCESS_GRANTED:
        team_ids = [team.pk for team in teams]
        if team_ids:
            notify_casework_grant.enqueue(grantee.pk, team_ids, actor_words, entry.at.isoformat())
    return entry


def _users(pks):
    return get_user_model().objects.filter(pk__in=pks)


def _holds_casework_permission(group):
    return group.permissions.filter(
        content_type__app_label="support",
        codename__in=[name.split(".", 1)[1] for name in access.CASEWORK_PERMISSIONS],
    ).exists()


def _casework_permission_ids():
    codenames = [name.split(".", 1)[1] for name in access.CASEWORK_PERMISSIONS]
    return set(
        Permission.objects.filter(content_type__app_label="support", codename__in=codenames).values_list(
            "pk", flat=True
        )
    )


def _teams_of(user):
    return list(CaseworkTeam.objects.filter(members=user))


# --- Team membership -----------------------------------------------------------------------------------


def team_members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if action == "pre_clear":
        # .clear() reports no pks afterwards: take them now.
        pairs = (
            [(team, instance) for team in instance.casework_teams.all()]
            if reverse
            else [(instance, user) for user in instance.members.all()]
        )
    elif reverse:  # user.casework_teams.add(team, …)
        pairs = [(team, instance) for team in CaseworkTeam.objects.filter(pk__in=pk_set)]
    else:  # team.members.add(user, …)
        pairs = [(instance, user) for user in _users(pk_set)]
    for team, user in pairs:
        if action == "post_add":
            record(Action.ACCESS_GRANTED, user, f"joined the team {team.name}", teams=[team])
        else:
            record(Action.ACCESS_REMOVED, user, f"left the team {team.name}")


# --- The casework permission: groups, direct permissions, superusers -----------------------------------


def _permission_granted(user, how):
    record(Action.ACCESS_GRANTED, user, how, teams=_teams_of(user))


def user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if action == "pre_clear":
        pairs = (
            [(instance, user) for user in instance.user_set.all()]
            if reverse
            else [(group, instance) for group in instance.groups.all()]
        )
    elif reverse:  # group.user_set.add(user, …)
        pairs = [(instance, user) for user in _users(pk_set)]
    else:  # user.groups.add(group, …)
        pairs = [(group, instance) for group in Group.objects.filter(pk__in=pk_set)]
    for group, user in pairs:
        if not _holds_casework_permission(group):
            continue
        if action == "post_add":
            _permission_granted(user, f"joined the group {group.name}, which holds the casework permission")
        else:
            record(Action.ACCESS_REMOVED, user, f"left the group {group.name}")


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add":
        return
    casework = _casework_permission_ids()
    if reverse:  # permission.group_set.add(group, …)
        groups = list(Group.objects.filter(pk__in=pk_set)) if instance.pk in casework else []
    else:  # group.permissions.add(permission, …)
        groups = [instance] if casework & set(pk_set) else []
    for group in groups:
        for user in group.user_set.all():
            _permission_granted(user, f"the casework permission was given to their group {group.name}")


def user_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add":
        return
    casework = _casework_permission_ids()
    if reverse:  # permission.user_set.add(user, …)
        users = list(_users(pk_set)) if instance.pk in casework else []
    else:  # user.user_permissions.add(permission, …)
        users = [instance] if casework & set(pk_set) else []
    for user in users:
        _permission_granted(user, "was given the casework permission directly")


def remember_superuser(sender, instance, update_fields=None, raw=False, **kwargs):
    instance._was_superuser = None
    if raw or instance.pk is None or (update_fields is not None and "is_superuser" not in update_fields):
        return
    instance._was_superuser = (
        sender.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
    )


def superuser_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not instance.is_superuser:
        return
    if created or getattr(instance, "_was_superuser", None) is False:
        _permission_granted(instance, "was made a superuser (which passes every permission check)")


def connect_signals():
    user_model = get_user_model()
    memberships = CaseworkTeam.members.through
    group_memberships = user_model.groups.through
    uid = "waymark-casework-grants"
    m2m_changed.connect(team_members_changed, sender=memberships, dispatch_uid=f"{uid}-teams")
    m2m_changed.connect(user_groups_changed, sender=group_memberships, dispatch_uid=f"{uid}-groups")
    m2m_changed.connect(group_permissions_changed, sender=Group.permissions.through, dispatch_uid=f"{uid}-gp")
    m2m_changed.connect(
        user_permissions_changed, sender=user_model.user_permissions.through, dispatch_uid=f"{uid}-up"
    )
    pre_save.connect(remember_superuser, sender=user_model, dispatch_uid=f"{uid}-su-pre")
    post_save.connect(superuser_saved, sender=user_model, dispatch_uid=f"{uid}-su")
