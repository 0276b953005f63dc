"""One published page of every public page type, for the browser journeys to visit.

Built here with the factories (not from seed_demo) so the journeys do not depend on demo copy.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site
from wagtail.rich_text import RichText

from campaign.models import CampaignPage, StoryIndexPage, StoryPage
from support.models import GuidanceIndexPage, GuidancePage, HelplinesPage
from tests.campaign.factories import CampaignPageFactory, StoryIndexPageFactory, StoryPageFactory
from tests.support.factories import GuidanceIndexPageFactory, GuidancePageFactory, HelplineFactory
from website.models import HomePage, SiteSettings, StandardPage

STORY_WARNING = "This story describes controlling behaviour, threats and stalking."
STORY_SENTENCE = "He had done this to two women before me, and nobody told me."


@dataclass
class SitePages:
    home: HomePage
    standard: StandardPage
    campaign: CampaignPage
    story_index: StoryIndexPage
    story: StoryPage
    guidance_index: GuidanceIndexPage
    guidance: GuidancePage
    cover_your_tracks: GuidancePage
    helplines: HelplinesPage


def paragraph(*texts):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))


def publish(factory, parent, **fields):
    """Build the page with its factory and publish a revision of it, as an editor's first publish would."""
    page = factory(parent=parent, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site_pages(home):
    # Wagtail caches the site root paths; a previous test's tree has gone.
    cache.clear()
    site = Site.objects.get(is_default_site=True)
    national = HelplineFactory(
        name="National Domestic Abuse Helpline",
        number="0808 2000 247",
        hours="24 hours, every day",
        description="Free, confidential support for anyone experiencing domestic abuse.",
        is_free=True,
        sort_order=1,
    )
    stalking = HelplineFactory(
        name="National Stalking Helpline",
        number="0808 802 0300",
        hours="Weekdays",
        email="advice@stalking.example",
        description="",
        is_free=True,
        sort_order=2,
    )
    emergency = HelplineFactory(
        name="Police emergency",
        number="999",
        hours="Always",
        description="If you cannot speak, call 999 and press 55 when prompted.",
        is_emergency=True,
        is_silent_option=True,
        sort_order=0,
    )

    campaign = publish(
        CampaignPageFactory,
        home,
        title="Register serial perpetrators",
        slug="campaign",
        intro="Serial domestic abusers and stalkers should be identified, registered and managed.",
        summary="The register we are campaigning for.",
        body=[
            ("heading", {"text": "Who counts as a serial perpetrator", "level": "h2"}),
            paragraph(
                "Someone who has harmed two or more victims, shown by a conviction, caution, "
                "acquittal or a protective order."
            ),
            (
                "facts",
                {
                    "title": "What registration would mean",
                    "items": [
                        "Attend a perpetrator programme",
                        "Tell the police about a new name, address, relationship or travel abroad",
                    ],
                },
            ),
            ("quote", {"quote": "He had done it before. Nobody told me.", "attribution": "A survivor"}),
        ],
    )
    story_index = publish(
        StoryIndexPageFactory,
        home,
        title="Survivors' stories",
        slug="stories",
        intro="In their own words, shared with consent.",
        summary="Survivors tell their stories.",
    )
    story = publish(
        StoryPageFactory,
        story_index,
        title="Nobody told me",
        slug="nobody-told-me",
        display_name="Sam",
        summary="Sam's story of a partner who had abused before.",
        content_warning=STORY_WARNING,
        body=[paragraph(STORY_SENTENCE, "I want the next woman to be warned.")],
    )
    guidance_index = publish(
        GuidanceIndexPageFactory,
        home,
        title="Help and guidance",
        slug="help",
        intro="Practical guidance, and people you can talk to.",
        summary="Guidance for survivors.",
    )
    guidance = publish(
        GuidancePageFactory,
        guidance_index,
        title="What is coercive control?",
        slug="coercive-control",
        summary="Coercive control is a pattern of behaviour that takes away your freedom.",
        body=[
            (
                "section",
                {
                    "title": "Signs to look for",
                    "content": [
                        paragraph(
                            "Being cut off from friends, watched, or made to account for money and time.",
                            "It is a crime in England and Wales.",
                        ),
                        (
                            "question_answer",
                            {
                                "question": "Is it abuse if there is no violence?",
                                "answer": RichText(
                                    "<p>Yes. Coercive control is abuse, with or without violence.</p>"
                                ),
                            },
                        ),
                    ],
                },
            ),
            (
                "section",
                {
                    "title": "Getting help",
                    "content": [
                        paragraph(
                            "You can talk to a helpline in confidence. They will not tell anyone you called."
                        ),
                        ("helpline", {"helpline": national, "note": "Free from landlines and mobiles."}),
                    ],
                },
            ),
            (
                "question_answer",
                {
                    "question": "Will the person know I looked at this page?",
                    "answer": RichText("<p>Not from us. Read our guidance on covering your tracks.</p>"),
                },
            ),
        ],
    )
    cover_your_tracks = publish(
        GuidancePageFactory,
        guidance_index,
        title="Cover your tracks",
        slug="cover-your-tracks",
        summary="How to keep your visit to this site private.",
        body=[paragraph("Use a private window, and clear your history afterwards if it is safe to.")],
    )

    helplines = HelplinesPage(
        title="Helplines", slug="helplines", intro="People you can talk to, in confidence."
    )
    home.add_child(instance=helplines)
    helplines.save_revision().publish()

    settings = SiteSettings.for_site(site)
    settings.cover_your_tracks_page = cover_your_tracks
    settings.contact_page = StandardPage.objects.get(slug="about")
    settings.privacy_page = StandardPage.objects.get(slug="privacy")
    settings.accessibility_page = StandardPage.objects.get(slug="accessibility")
    settings.charity_number = "1234567"
    settings.data_controller = "Waymark, 1 Example Street, London"
    settings.save()
    settings.footer_helplines.set([emergency, national, stalking])

    return SitePages(
        home=HomePage.objects.get(pk=home.pk),
        standard=StandardPage.objects.get(slug="about"),
        campaign=campaign,
        story_index=story_index,
        story=story,
        guidance_index=guidance_index,
        guidance=guidance,
        cover_your_tracks=cover_your_tracks,
        helplines=HelplinesPage.objects.get(pk=helplines.pk),
    )
