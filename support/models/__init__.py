"""Support models, one concept per module."""

from support.models.callback_page import CallbackRequestPage
from support.models.casework import (
    AuditEntry,
    CaseNote,
    CaseworkTeam,
    ContactAttempt,
    RoutingRule,
)
from support.models.disclosure import DisclosureRequest
from support.models.disclosure_page import DisclosureRequestPage
from support.models.guidance import GuidanceIndexPage, GuidancePage
from support.models.helplines import Helpline
from support.models.helplines_page import HelplinesPage

__all__ = [
    "AuditEntry",
    "CallbackRequestPage",
    "CaseNote",
    "CaseworkTeam",
    "ContactAttempt",
    "DisclosureRequest",
    "DisclosureRequestPage",
    "GuidanceIndexPage",
    "GuidancePage",
    "Helpline",
    "HelplinesPage",
    "RoutingRule",
]
