"""Admin registration for site-wide models."""

from wagtail import hooks

from website import page_cache

hooks.register("on_serve_page", page_cache.mark_page_response)
