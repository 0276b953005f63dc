"""Campaign models, one concept per module."""

from campaign.models.finished import FinishedLetter
from campaign.models.hexmap import ConstituencyHex
from campaign.models.letters import LetterCount, LetterPage, LetterWeek
from campaign.models.pages import CampaignPage
from campaign.models.places import Constituency, MemberOfParliament, Postcode, PostcodeImport
from campaign.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "CampaignPage",
    "Constituency",
    "ConstituencyHex",
    "FinishedLetter",
    "LetterCount",
    "LetterPage",
    "LetterWeek",
    "MemberOfParliament",
    "Postcode",
    "PostcodeImport",
    "StoryIndexPage",
    "StoryPage",
]
