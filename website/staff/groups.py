"""Staff groups and the permissions each holds (least privilege), kept in sync after every migrate.

The groups themselves are created by a data migration; permissions are attached here because
Django only creates permission rows after all migrations have run. Page permissions are granted on the
root of the page tree (so on every site and every language's tree) after every migrate, and again on a
page by `grant_page_permissions` (the demo's home page).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

EDITORS = "Editors"
MODERATORS = "Moderators"
CAMPAIGN_MANAGERS = "Campaign managers"
CASEWORKERS = "Caseworkers"
ADMINISTRATORS = "Administrators"

ALL_GROUPS = [EDITORS, MODERATORS, CAMPAIGN_MANAGERS, CASEWORKERS, ADMINISTRATORS]

# "app_label.codename" for every model permission a group holds. Page permissions are PAGE_PERMISSIONS below.
# Helplines and safety settings (quick exit, emergency message) are what survivors act on: Editors and
# Administrators draft and submit them, only Moderators publish (docs/security.md).
SURVIVOR_FACTS_DRAFTED = [
    "support.add_helpline",
    "support.change_helpline",
    "website.add_safetysettings",
    "website.change_safetysettings",
]
SURVIVOR_FACTS_MODERATED = [
    *SURVIVOR_FACTS_DRAFTED,
    "support.delete_helpline",
    "support.publish_helpline",
    "support.lock_helpline",
    "support.unlock_helpline",
    "website.publish_safetysettings",
    "website.lock_safetysettings",
    "website.unlock_safetysettings",
]
GROUP_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        *SURVIVOR_FACTS_DRAFTED,
        # "Translate this page" (wagtail-localize); translations are published through moderation.
        "wagtail_localize.submit_translation",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
        *SURVIVOR_FACTS_MODERATED,
        "wagtail_localize.submit_translation",
    ],
    CAMPAIGN_MANAGERS: [
        "wagtailadmin.access_admin",
    ],
    CASEWORKERS: [
        "wagtailadmin.access_admin",
    ],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "auth.add_group",
        "auth.change_group",
        "auth.view_group",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "website.change_sitesettings",
        # Failed sign-ins and lockouts (django-axes), read only.
        "axes.view_accessfailurelog",
        "axes.view_accessattempt",
        *SURVIVOR_FACTS_DRAFTED,
        "support.delete_helpline",
    ],
}


# Page permissions, on the root of the tree and so on the whole site. Editors draft and submit for moderation;
# only Moderators publish, through the "Moderators approval" workflow that Wagtail's own migrations attach to
# the root of the tree. Staff may grant more in the admin; a permission listed here is added back after a
# migrate, as the model permissions above are.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page"],
}


def administrators():
    """Active accounts that run the site: members of Administrators, and superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS))
        .distinct()
    )


def extend_group_permissions(group, codenames):
    """Let another app add its own permissions to a group (called from its AppConfig.ready)."""
    GROUP_PERMISSIONS.setdefault(group, [])
    GROUP_PERMISSIONS[group].extend(c for c in codenames if c not in GROUP_PERMISSIONS[group])


def sync_group_permissions(using="default", **kwargs):
    """post_migrate receiver. Django creates each app's permission rows in that app's own post_migrate,
    which on a fresh database comes after ours (website is listed first), so create them all first, with
    Wagtail's publish, lock and unlock permissions of draft/live snippets (made in wagtailsnippets' own)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                wanted.append(permission)
        group.permissions.add(*wanted)
    sync_page_permissions()


def grant_page_permissions(page):
    """Give the groups in PAGE_PERMISSIONS their page permissions on `page` and the pages under it."""
    from wagtail.models import GroupPagePermission, Page

    page_type = ContentType.objects.get_for_model(Page)
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def sync_page_permissions():
    """The page permissions on the root of the page tree, once Wagtail's migrations have made it."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    if root is not None:
        grant_page_permissions(root)
