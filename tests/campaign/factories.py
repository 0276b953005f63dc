"""Factories for campaign models: the campaign page, stories and the letter page."""

import datetime

import factory
import wagtail_factories

from campaign.models import CampaignPage, LetterPage, StoryIndexPage, StoryPage
from tests.website.factories import paragraphs


class LetterPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LetterPage

    title = "Write to your MP"
    slug = "write-to-your-mp"


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = "Campaign"
    slug = "campaign"
    intro = "Register serial domestic abuse and stalking perpetrators."
    body = factory.LazyFunction(lambda: paragraphs("Serial perpetrators move from victim to victim."))

    class Meta:
        model = CampaignPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"
    intro = "Survivors' stories, shared with consent."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"A survivor's story {n}")
    display_name = ""
    summary = "A survivor on what happened and what would have helped."
    content_warning = "This story describes coercive control and stalking."
    body = factory.LazyFunction(lambda: paragraphs("He had done it before, and nobody told me."))
    consent_given_on = factory.LazyFunction(lambda: datetime.date(2026, 1, 12))
    consent_method = StoryPage.ConsentMethod.WRITTEN
    consent_review_by = factory.LazyFunction(lambda: datetime.date(2027, 1, 12))
    consent_withdrawn = False

    class Meta:
        model = StoryPage
