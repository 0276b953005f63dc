"""Petition models, one concept per module, re-exported here (the contract is `petition.models.…`)."""

from petition.models.counts import AreaCount, HourlyCount, PetitionCount, WeeklyConstituencyCount
from petition.models.pages import PetitionPage
from petition.models.rules import BlockedDomain, BlockedNetwork, EmailDomainRule
from petition.models.settings import PetitionSettings
from petition.models.signatures import Signature
from petition.models.updates import CampaignUpdate, Supporter, UpdateDelivery

__all__ = [
    "AreaCount",
    "BlockedDomain",
    "BlockedNetwork",
    "CampaignUpdate",
    "EmailDomainRule",
    "HourlyCount",
    "PetitionCount",
    "PetitionPage",
    "PetitionSettings",
    "Signature",
    "Supporter",
    "UpdateDelivery",
    "WeeklyConstituencyCount",
]
