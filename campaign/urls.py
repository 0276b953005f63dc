"""Routes of this app outside the page tree (most of its pages are Wagtail pages)."""

from django.urls import path

from campaign import views

urlpatterns = [
    # POST only: a postcode never appears in a URL.
    path("api/postcode-lookup/", views.postcode_lookup, name="postcode_lookup"),
    path("letters/<int:page_id>/postcode/", views.letter_postcode, name="letter_postcode"),
]
