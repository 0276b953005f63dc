"""Where people are: postcodes, Westminster constituencies and their MPs, the other representatives and the
areas they answer for, the constituency map's layout."""

from geography.models.hexmap import ConstituencyHex
from geography.models.places import Constituency, MemberOfParliament, Postcode, PostcodeImport
from geography.models.representatives import (
    Area,
    AreaPart,
    Body,
    Representative,
    ScottishParliamentPostcode,
)

__all__ = [
    "Area",
    "AreaPart",
    "Body",
    "Constituency",
    "ConstituencyHex",
    "MemberOfParliament",
    "Postcode",
    "PostcodeImport",
    "Representative",
    "ScottishParliamentPostcode",
]
