"""Admin registration for site-wide models."""
