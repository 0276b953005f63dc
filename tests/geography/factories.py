"""Factories for geography models: constituencies, their hexes, MPs and postcodes."""

import factory

from geography.models import Constituency, ConstituencyHex, MemberOfParliament, Postcode
from geography.models.places import ENGLAND


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
