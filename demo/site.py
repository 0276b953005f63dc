"""Demo content for the site itself: the home page, standard pages, site settings and a staff login."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from website import staff
from website.models import HomePage, SafetySettings, SiteSettings, StandardPage

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "waymark-dev-admin"  # noqa: S105 (development only, never created in production)
# Invented details for the demo charity (Settings → Site settings holds the real ones).
CHARITY_NUMBER = "1234567"
DATA_CONTROLLER = "Waymark, 1 Example Street, London N1 0AA (ICO registration ZA000000)"
CONTACT_EMAIL = "hello@waymark.localhost"
PRIVACY_EMAIL = "privacy@waymark.localhost"
ACCESSIBILITY_EMAIL = "accessibility@waymark.localhost"


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
        home.intro = (
            "Serial domestic abusers and stalkers move from victim to victim, unseen. "
            "We campaign for them to be identified, registered and managed, and we support survivors."
        )
        home.summary = "A register for serial domestic abuse and stalking perpetrators."
        home.seo_title = "Waymark: register serial domestic abusers and stalkers"
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
    contact = ensure_child(
        home,
        StandardPage,
        "contact",
        title="Contact us",
        summary="How to reach us, and how to get help quickly if you need it.",
        body=rich(
            "<b>If you are in danger now, call 999.</b> We are a small charity and cannot respond to "
            "emergencies. Helplines are listed at the foot of every page.",
            f'Email us at <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. We reply within five '
            "working days. Tell us if there is a safe time or way to reach you; we never leave messages "
            "unless you say we can.",
            "By post: Waymark, 1 Example Street, London N1 0AA.",
            "Press enquiries: the same email address, with \u201cpress\u201d in the subject line.",
        ),
    )
    privacy = ensure_child(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        summary="What we keep about you, why, for how long, and your rights.",
        body=rich(
            f"Waymark ({DATA_CONTROLLER}) is the data controller for the information you give us on this "
            f'website. You can reach us about your information at <a href="mailto:{PRIVACY_EMAIL}">'
            f"{PRIVACY_EMAIL}</a>.",
            "We collect as little as we can. We never sell or share your information for marketing.",
            "<b>Petition signatures.</b> We keep your name, email address, postcode and whether you "
            "want campaign updates. We use them to count your signature once and to contact you if "
            "you asked us to. Six months after the petition closes we delete names, email addresses, "
            "postcodes and network details, keeping only the counts.",
            "<b>Campaign updates.</b> If you ticked the box for campaign updates, we keep your name and "
            "email address for that, separately from your signature, until you unsubscribe (one click, "
            "in any update) or two years after you last asked for updates, whichever comes first. "
            "Unsubscribing deletes your email address from our list at once.",
            "<b>Letters to your MP.</b> We do not store your name, address or letter. We only count "
            "how many letters were written in each constituency.",
            "<b>Disclosure requests.</b> What you tell us is sensitive and may be criminal-offence "
            "data. It is encrypted, seen only by the caseworkers of the team handling your request (not "
            "our other staff or the administrators of this website), every look at it is recorded, and it is "
            "deleted twelve months after your request is closed.",
            "<b>Your device.</b> We set no tracking or advertising cookies and load nothing from other "
            "websites. The quick exit button clears what our server knows about your visit.",
            "<b>Your rights.</b> Under the UK General Data Protection Regulation (UK GDPR) you have the "
            "right to be told what we hold about you and to get a copy of it (a subject access request); "
            "to have it corrected if it is wrong; to have it deleted; to restrict how we use it; to object "
            "to our using it, including for campaign emails at any time; to withdraw your consent where "
            "we rely on it; and to receive it in a form you can take elsewhere (data portability).",
            "<b>How to use your rights.</b> Email or write to us (the addresses are above and on our "
            '<a href="/contact/">contact page</a>), saying which right you want to use. You do not '
            "have to use any particular words or form, and it is free. We answer within one month. We may "
            "ask you to prove who you are, in a way that is safe for you. To stop petition emails, use the "
            "unsubscribe link in any of them; to withdraw your signature, use the link in your confirmation "
            "email.",
            "<b>Complaints.</b> If you are unhappy with how we use your information, tell us first. You "
            "can also complain to the Information Commissioner's Office (ICO), the UK's data protection "
            "regulator: ico.org.uk, helpline 0303 123 1113.",
        ),
    )
    accessibility = ensure_child(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        summary="How accessible this website is and how to tell us about problems.",
        body=rich(
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
            "Every page works with a keyboard and a screen reader, and we test each page type "
            "with automated accessibility checks.",
            "<b>Reporting a problem.</b> If something on this website does not work for you, or you "
            f'need information in a different format, email <a href="mailto:{ACCESSIBILITY_EMAIL}">'
            f'{ACCESSIBILITY_EMAIL}</a> or use our <a href="/contact/">contact page</a>. Tell us the '
            "web address of the page, what the problem is and what you were using (for example a "
            "screen reader or a phone). We reply within five working days.",
            "<b>Enforcement.</b> If you are not happy with how we respond, contact the Equality Advisory "
            "and Support Service (EASS).",
        ),
    )

    fill_footer_settings(contact, privacy, accessibility)
    ensure_safety_settings(Site.objects.get(is_default_site=True))
    staff.grant_page_permissions(home)
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


def link_from_home(field, page):
    """Point the home page's call to action (`petition_page` or `letter_page`) at a demo page, only while
    it is empty and the home page has no draft: a page staff chose is never replaced."""
    home = HomePage.objects.first()
    if home is None or getattr(home, f"{field}_id") or home.has_unpublished_changes:
        return
    setattr(home, field, page)
    home.save_revision().publish()


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
