"""Which pages start the one-entry history (static/js/history.js): support pages and pages with a form carry
the marker base.html puts ahead of the script; the campaign's reading pages do not, so Back works there."""

import pytest


@pytest.mark.django_db
def test_only_support_and_form_pages_carry_the_one_entry_history_marker(rf, home):
    from django.template.loader import render_to_string

    from campaign.models import CampaignPage, LetterPage, StoryPage
    from petition.models import PetitionPage
    from support.models import CallbackRequestPage, DisclosureRequestPage, GuidancePage, HelplinesPage
    from website.models import HomePage, StandardPage

    marker = '<meta name="waymark-history" content="one-entry">'
    for page_type in (GuidancePage, HelplinesPage, DisclosureRequestPage, CallbackRequestPage):
        assert page_type.one_entry_history, page_type
    for page_type in (PetitionPage, LetterPage):
        assert page_type.one_entry_history, page_type
    for page_type in (HomePage, StandardPage, CampaignPage, StoryPage):
        assert not page_type.one_entry_history, page_type

    html = render_to_string("base.html", {"one_entry_history": True}, request=rf.get("/"))
    # Ahead of history.js, which reads it as it loads.
    assert marker in html and html.index(marker) < html.index("js/history.js")
    assert marker not in render_to_string("base.html", {}, request=rf.get("/"))


@pytest.mark.django_db
def test_the_search_page_is_a_form_page(client, home):
    assert '<meta name="waymark-history" content="one-entry">' in client.get("/search/").content.decode()
