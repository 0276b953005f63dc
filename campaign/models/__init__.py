"""Campaign models, one concept per module."""

from campaign.models.pages import CampaignPage
from campaign.models.places import Constituency, MemberOfParliament, Postcode
from campaign.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "CampaignPage",
    "Constituency",
    "MemberOfParliament",
    "Postcode",
    "StoryIndexPage",
    "StoryPage",
]
