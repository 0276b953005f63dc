"""Routes of this app that a visitor reads, so they exist in every language (/cy/letters/…).

Included from website/urls.py inside i18n_patterns.
"""

from django.urls import path

from campaign import views

urlpatterns = [
    path("letters/<id:page_id>/postcode/", views.letter_postcode, name="letter_postcode"),
    # The follow-up email's links, in the writer's language (campaign.follow_ups).
    path("follow-up/answer/<str:token>/", views.follow_up_answer, name="follow_up_answer"),
]
