"""Support models, one concept per module."""

from support.models.guidance import GuidanceIndexPage, GuidancePage
from support.models.helplines import Helpline

__all__ = ["GuidanceIndexPage", "GuidancePage", "Helpline"]
