"""Routes of this app outside the page tree (most of its pages are Wagtail pages)."""

urlpatterns = []
