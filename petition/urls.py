"""Routes of this app outside the page tree (see petition.views); signing is in page_urls.py, in every
language."""

from django.urls import re_path

from petition import views

urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$", views.count_json, name="petition_count_json"),
]
