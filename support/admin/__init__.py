"""Support's admin: casework views, viewsets and dashboard panels; support/wagtail_hooks.py registers them."""
