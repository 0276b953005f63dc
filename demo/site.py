"""Demo content for the site itself: the home page, its standard pages (demo/content/site.py), the site
settings and a staff login."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from demo.content.site import CHARITY_NUMBER, DATA_CONTROLLER, HOME, PAGES
from demo.pages import load
from website.models import HomePage, SafetySettings, SiteSettings
from website.staff import groups as staff_groups

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "waymark-dev-admin"  # noqa: S105 (development only, never created in production)


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
    serve_site_at_base_url()
    if created:
        for name, value in HOME.items():
            setattr(home, name, value)
        home.save_revision().publish()

    made = load(PAGES, {"home": home})

    fill_footer_settings(made["contact"], made["privacy"], made["accessibility"])
    ensure_safety_settings(Site.objects.get(is_default_site=True))
    staff_groups.grant_page_permissions(home)
    stdout.write("Demo site: home, about, contact, privacy notice and accessibility statement.")


def fill_footer_settings(contact, privacy, accessibility):
    """The footer's pages, charity number and data controller: each filled only while still empty, so what
    staff choose in Settings → Site settings stays."""
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))  # creates the defaults once
    defaults = {
        "contact_page_id": contact.pk,
        "privacy_page_id": privacy.pk,
        "accessibility_page_id": accessibility.pk,
        "charity_number": CHARITY_NUMBER,
        "data_controller": DATA_CONTROLLER,
    }
    empty = {name: value for name, value in defaults.items() if not getattr(settings_, name)}
    if empty:
        for name, value in empty.items():
            setattr(settings_, name, value)
        settings_.save(update_fields=[name.removesuffix("_id") for name in empty])


def ensure_safety_settings(site):
    """The site's quick-exit destination and emergency message, with their defaults, published once so
    staff have a row to edit under Settings → Safety settings; an existing one (live or a draft waiting for
    moderation) is left as it is."""
    if SafetySettings.objects.filter(site=site).exists():
        return
    safety = SafetySettings(site=site, live=False)
    safety.save()
    safety.save_revision().publish()


# Addresses only a developer's own machine answers: a Site record naming one was made by the demo, not staff.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "0.0.0.0"}  # noqa: S104 (names compared, nothing bound)


def serve_site_at_base_url():
    """Development: the demo Site record names the address `make run` serves (`WAYMARK_BASE_URL`), so share
    links, the sitemap and every other full URL point there. A hostname staff gave the site is kept."""
    base = getattr(settings, "WAYMARK_BASE_URL", "")
    site = Site.objects.filter(is_default_site=True).first()
    if not base or site is None or site.hostname not in LOCAL_HOSTNAMES:
        return
    served = urlsplit(base)
    port = served.port or (443 if served.scheme == "https" else 80)
    if (site.hostname, site.port) != (served.hostname, port):
        site.hostname, site.port = served.hostname, port
        site.save()


def admin_url():
    """Where the admin is being served: dev settings take it from the host and port `make run` serves."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


def ensure_dev_admin(stdout):
    """Development only: create the demo admin once."""
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
    stdout.write("Development-only admin login: `manage.py dev_logins` prints it.")


def dev_logins():
    """The development logins this module makes, for `manage.py dev_logins`."""
    return [("admin", DEV_ADMIN_USERNAME, DEV_ADMIN_PASSWORD)]
