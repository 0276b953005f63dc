"""Factories for the other representatives and their areas (geography.models.representatives)."""

import factory

from geography.models import Area, AreaPart, Body, Representative, ScottishParliamentPostcode


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    body = Body.POLICING
    kind = Area.Kind.POLICE_FORCE_AREA
    code = factory.Sequence(lambda n: f"X{n:08d}")
    name = factory.Sequence(lambda n: f"Area {n}")


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    area = factory.SubFactory(AreaFactory)
    role = Representative.Role.COMMISSIONER
    name = factory.Sequence(lambda n: f"Rep Resentative {n}")
    party = "Independent"
    email = factory.Sequence(lambda n: f"rep{n}@example.org")


class AreaPartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaPart

    area = factory.SubFactory(AreaFactory)
    westminster_code = "W07000081"


class ScottishParliamentPostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScottishParliamentPostcode

    postcode = "AB10 1AB"
    constituency_code = "S16000074"
