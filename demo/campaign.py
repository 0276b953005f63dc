"""Demo content for the campaign: the pages in demo/content/campaign.py (part of `seed_demo`)."""

import datetime

from django.utils import timezone

from campaign.models import CampaignPage, StoryPage
from demo.content.campaign import HOME_SIGNPOSTS, PAGES, STORIES, paragraph
from demo.pages import load, resolve
from support.models import GuidanceIndexPage
from website.models import HomePage


def story_pages(today):
    """STORIES as page entries, each with a consent record given a month ago and due for review in eleven."""
    return [
        {
            "type": StoryPage,
            "parent": "stories",
            "slug": story["slug"],
            "title": story["title"],
            "display_name": story["display_name"],
            "summary": story["summary"],
            "content_warning": story["content_warning"],
            "body": [paragraph(*story["paragraphs"])],
            "consent_given_on": today - datetime.timedelta(days=30),
            "consent_method": story["method"],
            "consent_review_by": today + datetime.timedelta(days=335),
        }
        for story in STORIES
    ]


def run(stdout):
    home = HomePage.objects.first()  # the English home: the Welsh one comes later in the tree
    support = GuidanceIndexPage.objects.child_of(home).filter(slug="support").first()
    first_run = not CampaignPage.objects.child_of(home).exists()
    made = load([*PAGES, *story_pages(timezone.localdate())], {"home": home, "support": support})
    if first_run and not home.body:
        # The home page's signposts, once: later runs leave whatever staff have made of it.
        home.body = resolve(HOME_SIGNPOSTS, made)
        home.save_revision().publish()
    stdout.write("Campaign: the register proposal and three survivors' stories.")
