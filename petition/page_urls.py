"""Routes of this app that answer in the visitor's language, so they exist in every language.

Included from website/urls.py inside i18n_patterns: English keeps `/petitions/<id>/sign/`; the Welsh page's
form posts to `/cy/petitions/<id>/sign/`, so its messages, and the language kept for the signer's emails, are
Welsh (the language comes from the URL alone: website/i18n/languages.py). A Welsh supporter's unsubscribe link
is `/cy/updates/unsubscribe/<token>/`, so the page it opens is Welsh too.
"""

from django.urls import path

from petition import views

urlpatterns = [
    path("petitions/<id:petition_id>/sign/", views.sign, name="petition_sign"),
    # The unsubscribe link of a campaign update carries the supporter's language (petition.updates).
    path(
        "updates/unsubscribe/<str:token>/", views.unsubscribe_from_updates, name="petition_update_unsubscribe"
    ),
]
