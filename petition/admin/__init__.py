"""The petition's admin: viewsets, views and page buttons; petition/wagtail_hooks.py registers them."""
