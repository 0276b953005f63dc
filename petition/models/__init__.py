"""Petition models, one concept per module, re-exported here (the contract is `petition.models.…`)."""

from petition.models.counts import AreaCount, HourlyCount, PetitionCount, WeeklyConstituencyCount
from petition.models.pages import PetitionPage
from petition.models.rules import BlockedDomain, BlockedNetwork, EmailDomainRule
from petition.models.settings import PetitionSettings
from petition.models.signatures import Signature

__all__ = [
    "AreaCount",
    "BlockedDomain",
    "BlockedNetwork",
    "EmailDomainRule",
    "HourlyCount",
    "PetitionCount",
    "PetitionPage",
    "PetitionSettings",
    "Signature",
    "WeeklyConstituencyCount",
]
