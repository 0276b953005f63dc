"""Waymark's Django project package: settings, URLs and the site-wide pages and settings."""
