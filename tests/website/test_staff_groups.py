"""Staff groups exist with least privilege: each holds only what its work needs."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from website.staff import groups as staff_groups


def member_of(group_name):
    user = get_user_model().objects.create_user(f"member-{group_name.lower().replace(' ', '-')}")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def page_permissions(group_name):
    permissions = GroupPagePermission.objects.filter(group__name=group_name)
    return set(permissions.values_list("permission__codename", flat=True))


@pytest.mark.django_db
def test_the_five_staff_groups_exist():
    assert set(staff_groups.ALL_GROUPS) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_every_group_can_reach_the_admin():
    for name in staff_groups.ALL_GROUPS:
        assert member_of(name).has_perm("wagtailadmin.access_admin"), name


@pytest.mark.django_db
def test_editors_edit_pages_but_do_not_publish_or_manage_people(seeded):
    editor = member_of(staff_groups.EDITORS)
    home = Page.objects.get(depth=2)
    permissions = home.permissions_for_user(editor)
    assert permissions.can_add_subpage() and permissions.can_edit()
    assert not permissions.can_publish()
    assert page_permissions(staff_groups.EDITORS) == {"add_page", "change_page"}
    for codename in (
        "auth.add_user",
        "auth.change_user",
        "auth.change_group",
        "website.change_sitesettings",
        "wagtailcore.change_workflow",
    ):
        assert not editor.has_perm(codename), codename


@pytest.mark.django_db
def test_moderators_publish_pages_but_do_not_manage_people(seeded):
    moderator = member_of(staff_groups.MODERATORS)
    assert Page.objects.get(depth=2).permissions_for_user(moderator).can_publish()
    assert not moderator.has_perm("auth.change_user")


@pytest.mark.django_db
def test_caseworkers_and_campaign_managers_cannot_edit_pages(seeded):
    home = Page.objects.get(depth=2)
    for name in (staff_groups.CASEWORKERS, staff_groups.CAMPAIGN_MANAGERS):
        user = member_of(name)
        assert page_permissions(name) == set(), name
        permissions = home.permissions_for_user(user)
        assert not permissions.can_edit() and not permissions.can_add_subpage(), name
        assert not user.has_perm("auth.change_user"), name
        assert not user.has_perm("support.change_helpline"), name


@pytest.mark.django_db
def test_administrators_manage_people_and_site_settings():
    admin = member_of(staff_groups.ADMINISTRATORS)
    for codename in ("auth.add_user", "auth.change_user", "auth.change_group", "website.change_sitesettings"):
        assert admin.has_perm(codename), codename


@pytest.mark.django_db
def test_editors_and_administrators_draft_survivor_facts_and_only_moderators_publish_them():
    """Helplines and the quick exit and emergency message (docs/security.md): drafts and submissions for
    those who edit them, publishing for Moderators alone."""
    moderator = member_of(staff_groups.MODERATORS)
    for name in (staff_groups.EDITORS, staff_groups.ADMINISTRATORS):
        user = member_of(name)
        assert user.has_perm("support.change_helpline"), name
        assert user.has_perm("website.change_safetysettings"), name
        assert not user.has_perm("support.publish_helpline"), name
        assert not user.has_perm("website.publish_safetysettings"), name
    assert moderator.has_perm("support.publish_helpline")
    assert moderator.has_perm("website.publish_safetysettings")
