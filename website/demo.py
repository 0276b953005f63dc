"""Demo content for the site itself: the home page, standard pages, site settings and a staff login."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page, Site

from website import staff
from website.models import HomePage, SiteSettings, StandardPage

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "waymark-dev-admin"  # noqa: S105 (development only, never created in production)


def rich(*paragraphs):
    return [("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))]


def ensure_child(parent, model, slug, before=None, **fields):
    """Create and publish the child page once. Later runs leave it alone, keeping staff edits.

    `before`: a sibling the new page is placed in front of (menus follow the tree order). Only a
    newly created page is moved, so staff reordering survives a second run.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if before is not None:
        page.move(before, pos="left")
        page = model.objects.get(pk=page.pk)
    return page


# Page permissions on the home page (and so on the whole site). Editors draft and submit for
# moderation; only Moderators publish, through the "Moderators approval" workflow that
# Wagtail's own migrations attach to the root of the tree.
PAGE_PERMISSIONS = {
    staff.EDITORS: ["add_page", "change_page"],
    staff.MODERATORS: ["add_page", "change_page", "publish_page"],
}


def ensure_page_permissions(home):
    page_type = ContentType.objects.get_for_model(Page)
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


def run(stdout):
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    created = home is None
    if created:
        # Replace Wagtail's placeholder "Welcome" page with ours.
        Site.objects.filter(is_default_site=True).delete()
        for placeholder in Page.objects.filter(depth=2):
            placeholder.delete()
        root.refresh_from_db()
        home = HomePage(title="Waymark", slug="home", intro="")
        root.add_child(instance=home)
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Waymark"
        )
    if created:
        home.intro = (
            "Serial domestic abusers and stalkers move from victim to victim, unseen. "
            "We campaign for them to be identified, registered and managed, and we support survivors."
        )
        home.summary = "A register for serial domestic abuse and stalking perpetrators."
        home.save_revision().publish()

    ensure_child(
        home,
        StandardPage,
        "about",
        title="About us",
        show_in_menus=True,
        summary="Who we are and why we campaign.",
        body=rich(
            "Waymark is a charity started by survivors and the families of people killed by a partner "
            "or former partner who had hurt others before.",
            "We campaign for a new category of MAPPA, the arrangements police, probation and prisons "
            "use to manage dangerous offenders, so that serial perpetrators are identified early and "
            "managed actively. We also help survivors find support and ask the police for a disclosure.",
        ),
    )
    ensure_child(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        summary="What we keep about you, why, and for how long.",
        body=rich(
            "We collect as little as we can. We never sell or share your information for marketing.",
            "<b>Petition signatures.</b> We keep your name, email address, postcode and whether you "
            "want campaign updates. We use them to count your signature once and to contact you if "
            "you asked us to. Six months after the petition closes we delete names, email addresses, "
            "postcodes and network details, keeping only the counts.",
            "<b>Campaign updates.</b> If you ticked the box for campaign updates, we keep your name and email "
            "address for that, separately from your signature, until you unsubscribe (one click, in any "
            "update) or two years after you last asked for updates, whichever comes first. Unsubscribing "
            "deletes your email address from our list at once.",
            "<b>Letters to your MP.</b> We do not store your name, address or letter. We only count "
            "how many letters were written in each constituency.",
            "<b>Disclosure requests.</b> What you tell us is sensitive and may be criminal-offence "
            "data. It is encrypted, seen only by the caseworkers of the team handling your request (not "
            "our other staff or the administrators of this website), every look at it is recorded, and it is "
            "deleted twelve months after your request is closed.",
            "<b>Your device.</b> We set no tracking or advertising cookies and load nothing from other "
            "websites. The quick exit button clears what our server knows about your visit.",
        ),
    )
    ensure_child(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        summary="How accessible this website is and how to tell us about problems.",
        body=rich(
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
            "Every page works with a keyboard and a screen reader, and we test each page type "
            "with automated accessibility checks.",
            "If something does not work for you, please tell us and we will fix it.",
        ),
    )

    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # creates the defaults once
    ensure_page_permissions(home)
    stdout.write("Demo site: home, about, privacy notice and accessibility statement.")


def ensure_dev_admin(stdout):
    """Development only: create the demo admin once and print its login."""
    if not settings.DEBUG or os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith("production"):
        return
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=DEV_ADMIN_USERNAME, defaults={"is_superuser": True, "is_staff": True}
    )
    if created:
        admin.set_password(DEV_ADMIN_PASSWORD)
        admin.email = "admin@waymark.localhost"
        admin.save()
    stdout.write(
        f"Development-only admin login: http://127.0.0.1:8000/admin/ "
        f"username '{DEV_ADMIN_USERNAME}', password '{DEV_ADMIN_PASSWORD}'"
    )
