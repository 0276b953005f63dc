"""Petition models, one concept per module (filled by the petition issue)."""
