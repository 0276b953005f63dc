"""Campaign models, one concept per module."""

from campaign.models.finished import FinishedLetter
from campaign.models.letters import LetterCount, LetterPage, LetterWeek
from campaign.models.pages import CampaignPage
from campaign.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "CampaignPage",
    "FinishedLetter",
    "LetterCount",
    "LetterPage",
    "LetterWeek",
    "StoryIndexPage",
    "StoryPage",
]
