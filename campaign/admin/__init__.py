"""The campaign's admin: viewsets and dashboard panels; campaign/wagtail_hooks.py registers them."""
