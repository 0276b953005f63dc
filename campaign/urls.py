"""Routes of this app outside the page tree (most of its pages are Wagtail pages); the ones a visitor reads
are in page_urls.py, in every language."""

from django.urls import path

from campaign import views

urlpatterns = [
    # POST only: a postcode never appears in a URL.
    path("api/postcode-lookup/", views.postcode_lookup, name="postcode_lookup"),
]
