"""Routes of this app outside the page tree (see petition.views)."""

from django.urls import path, re_path

from petition import views

urlpatterns = [
    path("petitions/<int:petition_id>/sign/", views.sign, name="petition_sign"),
    path(
        "updates/unsubscribe/<str:token>/", views.unsubscribe_from_updates, name="petition_update_unsubscribe"
    ),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$", views.count_json, name="petition_count_json"),
]
