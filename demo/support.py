"""Demo content for support: the helplines and the pages in demo/content/support.py (part of `seed_demo`)."""

from wagtail.models import Site

from demo.content.support import HELPLINES, PAGES
from demo.pages import load
from support.models import Helpline
from website.models import HomePage, SiteSettings

WELSH_FIELDS = ("name_cy", "hours_cy", "description_cy")


def ensure_helplines():
    """Create and publish each helpline once, by name, with a first revision as if staff had published it;
    staff edits to an existing one are kept, published or waiting for moderation. The Welsh texts are filled
    in (and published) where a helpline has none yet and no draft waits for a Moderator, whose draft
    publishing them would leave behind (a database seeded before they existed)."""
    helplines = {}
    for fields in HELPLINES:
        values = dict(fields)
        name = values.pop("name")
        helpline = Helpline.objects.filter(name=name).first()
        if helpline is None:
            helpline = Helpline(name=name, live=False, **values)
            helpline.save()
            helpline.save_revision().publish()
        else:
            missing = [f for f in WELSH_FIELDS if not getattr(helpline, f) and values.get(f)]
            if missing and not helpline.has_unpublished_changes:
                for field in missing:
                    setattr(helpline, field, values[field])
                helpline.save_revision().publish()
        helplines[name] = helpline
    return helplines


def run(stdout):
    home = HomePage.objects.first()  # the English home: the Welsh one comes later in the tree
    helplines = ensure_helplines()
    tracks = load(PAGES, {"home": home, **helplines})["cover-your-tracks"]

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    # First run only: once staff have chosen footer helplines or a cover-your-tracks page, keep them.
    if settings.cover_your_tracks_page_id is None:
        settings.cover_your_tracks_page = tracks
        settings.save(update_fields=["cover_your_tracks_page"])
    if not settings.footer_helplines.exists():
        settings.footer_helplines.set(helplines.values())
    stdout.write(
        "Support: helplines, the helplines page, five guidance pages and the call-back request page."
    )
