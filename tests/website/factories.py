"""Factories for the site-wide pages, and a site whose root is a HomePage."""

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from website.models import HomePage, SafetySettings, SiteSettings, StandardPage


def paragraphs(*texts):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in texts))]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Waymark"
    slug = "home"
    intro = "A register for serial domestic abuse and stalking perpetrators."
    body = factory.LazyFunction(lambda: paragraphs("We campaign and we support survivors."))

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A plain page."
    body = factory.LazyFunction(lambda: paragraphs("Plain words on a plain page."))

    class Meta:
        model = StandardPage


def ensure_tree_root():
    """Wagtail's migrations create the default locale, the root collection and the tree's root; a flushed
    database (as transactional and browser tests leave it) has none of them, so make them again."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    return root


def publish_safety_settings(site, **values):
    """The site's safety settings (quick exit, emergency message) changed to `values` and published, as a
    Moderator's approval publishes them."""
    safety = SafetySettings.objects.filter(site=site).first() or SafetySettings(site=site, live=False)
    for name, value in values.items():
        setattr(safety, name, value)
    if safety.pk is None:
        safety.save()
    safety.save_revision().publish()
    return safety


def make_site(**home_fields):
    """Replace Wagtail's placeholder welcome page with a HomePage at the root of the default site."""
    root = ensure_tree_root()
    Site.objects.all().delete()
    for placeholder in Page.objects.filter(depth=2):
        placeholder.delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, **home_fields)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Waymark"
    )
    SiteSettings.for_site(site)  # the defaults, as seed_demo makes them (reading them would create them)
    return home


# The plain pages every site has, linked from the menu and the footer.
STANDARD_PAGES = [
    ("about", "About us", True),
    ("privacy", "Privacy notice", False),
    ("accessibility", "Accessibility statement", False),
]


def make_site_with_standard_pages(**home_fields):
    home = make_site(**home_fields)
    for slug, title, in_menu in STANDARD_PAGES:
        StandardPageFactory(parent=home, slug=slug, title=title, show_in_menus=in_menu)
    return home
