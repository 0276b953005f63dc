"""Routes of this app outside the page tree (see petition.views); signing is in page_urls.py, in every
language."""

from django.urls import path, re_path

from petition import views

urlpatterns = [
    path(
        "updates/unsubscribe/<str:token>/", views.unsubscribe_from_updates, name="petition_update_unsubscribe"
    ),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$", views.count_json, name="petition_count_json"),
]
