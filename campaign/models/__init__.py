"""Campaign models, one concept per module."""

from campaign.models.finished import FinishedLetter
from campaign.models.letter_counts import LetterCount, LetterWeek, RepresentativeLetterCount
from campaign.models.letters import LetterPage
from campaign.models.pages import CampaignPage
from campaign.models.stances import FollowUpAnswer, LetterFollowUp, Position, Stance
from campaign.models.stories import StoryIndexPage, StoryPage

__all__ = [
    "CampaignPage",
    "FinishedLetter",
    "FollowUpAnswer",
    "LetterCount",
    "LetterFollowUp",
    "LetterPage",
    "LetterWeek",
    "Position",
    "RepresentativeLetterCount",
    "Stance",
    "StoryIndexPage",
    "StoryPage",
]
