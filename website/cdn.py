"""What a CDN in front of the site is told to forget, beyond Wagtail's own purge of a page on publish.

Wagtail's frontend cache app purges a page when it is published or unpublished. Two other changes alter what
a public address shows and would otherwise stay at the CDN for up to its `s-maxage` (five minutes):

- a view restriction added to a page (or changed, or removed): the page and every page below it, so a page
  made private stops being served to the public at once;
- a site's settings or its record (footer helplines, its hostname), or its safety settings published (the
  emergency message, the quick-exit destination): every live page of that site, since each one shows them;
- a helpline published or unpublished: every live page of every site (footers and call-outs show helplines).

Nothing happens unless `WAGTAILFRONTENDCACHE` is configured (production.py); the purge itself goes through
Wagtail's batch, which sends it as a background task.
"""

from django.conf import settings
from django.db import transaction


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_pages_later(pages):
    """Purge `pages` once the change that affects them is committed (a rolled-back change purges nothing)."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    pages = list(pages)
    if pages:
        transaction.on_commit(lambda: purge_pages_from_cache(pages))


def purge_restricted_page(sender, instance, **kwargs):
    from wagtail.models import Page

    # Deleted with its page, the restriction takes nothing with it: the page's own unpublish purges it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if configured() and page is not None:
        purge_pages_later(page.get_descendants(inclusive=True).live())


def purge_site(site):
    from wagtail.models import Page

    if configured() and site is not None and site.root_page_id:
        root = Page.objects.filter(pk=site.root_page_id).first()
        if root is not None:
            purge_pages_later(root.get_descendants(inclusive=True).live())


def purge_site_of_setting(sender, instance, **kwargs):
    purge_site(instance.site)


def purge_every_site(sender, instance, **kwargs):
    from wagtail.models import Site

    for site in Site.objects.all():
        purge_site(site)


def purge_changed_site(sender, instance, **kwargs):
    purge_site(instance)


def connect_signals():
    """From WebsiteConfig.ready(), per model (a receiver for every sender would slow bulk deletes)."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import published, unpublished

    from website.models import SafetySettings

    # By label, as the page cache names it: the website app imports no other app.
    Helpline = apps.get_model("support", "Helpline")
    for signal in (published, unpublished):
        name = "published" if signal is published else "unpublished"
        signal.connect(purge_site_of_setting, sender=SafetySettings, dispatch_uid=f"cdn_safety_{name}")
        signal.connect(purge_every_site, sender=Helpline, dispatch_uid=f"cdn_helpline_{name}")
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(
            purge_restricted_page, sender=PageViewRestriction, dispatch_uid=f"cdn_restriction_{name}"
        )
        signal.connect(purge_changed_site, sender=Site, dispatch_uid=f"cdn_site_{name}")
        for model in apps.get_models():
            if issubclass(model, BaseSiteSetting):
                uid = f"cdn_{model._meta.label_lower}_{name}"
                signal.connect(purge_site_of_setting, sender=model, dispatch_uid=uid)
