"""Factories for campaign models: the campaign page, stories, constituencies, MPs, postcodes, letters."""

import datetime

import factory
import wagtail_factories

from campaign.models import CampaignPage, LetterPage, StoryIndexPage, StoryPage
from geography.models import Constituency, ConstituencyHex, MemberOfParliament, Postcode
from geography.models.places import ENGLAND
from tests.website.factories import paragraphs


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Constituency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E1400{n:04d}")
    name = factory.Sequence(lambda n: f"Testshire {n}")
    country = "England"


class ConstituencyHexFactory(factory.django.DjangoModelFactory):
    """A hexagon of the constituency map. Give q and r: two hexes never share a cell."""

    class Meta:
        model = ConstituencyHex

    code = factory.Sequence(lambda n: f"E1400{n:04d}")
    name = factory.Sequence(lambda n: f"Testshire {n}")
    region = "E12000001"


class MemberOfParliamentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberOfParliament

    constituency = factory.SubFactory(ConstituencyFactory)
    name = factory.Sequence(lambda n: f"Alex Member {n}")
    party = "Labour"
    email = ""


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcode

    postcode = factory.Sequence(lambda n: f"ZZ{n % 99 + 1} {n % 10}AB")
    constituency_code = factory.LazyAttribute(lambda o: ConstituencyFactory().code)
    country_code = ENGLAND
    police_force_code = "E23000001"
    terminated = ""


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
