"""Factories for campaign models: constituencies, MPs, postcodes and the letter page."""

import factory
import wagtail_factories

from campaign.models import Constituency, LetterPage, MemberOfParliament, Postcode
from campaign.models.places import ENGLAND


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Constituency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E1400{n:04d}")
    name = factory.Sequence(lambda n: f"Testshire {n}")
    country = "England"


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
