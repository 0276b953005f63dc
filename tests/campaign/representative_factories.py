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


def aberdeen_central(postcode="AB10 1AB"):
    """A Scottish postcode's areas: Scotland's police force area (no commissioner, its oversight instead), the
    Aberdeen Central constituency and its North East region. Returns (constituency, region)."""
    AreaFactory(
        code="S23000009",
        name="Scotland",
        oversight="Police Scotland answers to the Scottish Police Authority.",
    )
    region = AreaFactory(
        body=Body.SCOTTISH_PARLIAMENT, kind=Area.Kind.REGION, code="S17000020", name="North East"
    )
    seat = AreaFactory(
        body=Body.SCOTTISH_PARLIAMENT,
        kind=Area.Kind.CONSTITUENCY,
        code="S16000074",
        name="Aberdeen Central",
        parent=region,
    )
    ScottishParliamentPostcodeFactory(postcode=postcode, constituency_code="S16000074")
    return seat, region
