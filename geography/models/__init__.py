"""Where people are: postcodes, Westminster constituencies and their MPs, the constituency map's layout."""

from geography.models.hexmap import ConstituencyHex
from geography.models.places import Constituency, MemberOfParliament, Postcode, PostcodeImport

__all__ = ["Constituency", "ConstituencyHex", "MemberOfParliament", "Postcode", "PostcodeImport"]
