"""Factories for the site-wide pages, and a site whose root is a HomePage."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from website.models import HomePage, StandardPage


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


def make_site(**home_fields):
    """Replace Wagtail's placeholder welcome page with a HomePage at the root of the default site."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for placeholder in Page.objects.filter(depth=2):
        placeholder.delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, **home_fields)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home
