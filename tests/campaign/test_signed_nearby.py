"""After a letter: "N people in your constituency have signed the petition", with a link to sign."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.models import CampaignPage
from petition import counting
from petition.models import PetitionPage
from tests.campaign.test_letter_page import letter_data
from tests.petition.factories import PetitionPageFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def signed_in(petition, code, n):
    at = timezone.now() - timedelta(minutes=1)
    for _ in range(n):
        SignatureFactory(petition=petition, verified=True, verified_at=at, constituency_code=code)
    counting.update_counts()


@pytest.fixture
def petition(home):
    return PetitionPageFactory(parent=home, slug="petition", title="Register serial abusers")


def finished_letter(client, letter_page, mp):
    return client.post(letter_page.url, letter_data(mp)).content.decode()


def test_the_finished_letter_says_how_many_neighbours_signed_and_links_to_sign(
    client, letter_page, mp, petition
):
    signed_in(petition, mp.constituency_id, 3)
    signed_in(petition, "E14000999", 5)  # another constituency: not counted here
    html = finished_letter(client, letter_page, mp)
    assert '<h3 id="signed-nearby-title">3 people in your constituency have signed the petition</h3>' in html
    assert f'<a class="button" href="{petition.url}">Sign the petition</a>' in html


def test_one_neighbour_is_one_person(client, letter_page, mp, petition):
    signed_in(petition, mp.constituency_id, 1)
    assert "1 person in your constituency has signed the petition" in finished_letter(client, letter_page, mp)


def test_with_nobody_yet_the_writer_is_asked_to_be_the_first(client, letter_page, mp, petition):
    html = finished_letter(client, letter_page, mp)
    assert "Nobody in Bermondsey and Old Southwark has signed the petition yet" in html
    assert "Be the first to sign</a>" in html


def test_a_closed_petition_is_shown_but_not_offered_for_signing(client, letter_page, mp, petition):
    signed_in(petition, mp.constituency_id, 2)
    PetitionPage.objects.filter(pk=petition.pk).update(state=PetitionPage.State.CLOSED)
    html = finished_letter(client, letter_page, mp)
    assert "2 people in your constituency have signed the petition" in html
    assert "Sign the petition</a>" not in html and "no longer collecting signatures" in html


def test_the_petition_is_the_one_the_campaign_page_links_to(client, home, letter_page, mp, petition):
    other = PetitionPageFactory(parent=home, slug="other-petition", title="Another petition")
    campaign = CampaignPage(title="Campaign", slug="campaign", intro="Back it.", letter_page=letter_page)
    campaign.petition_page = petition
    home.add_child(instance=campaign)
    signed_in(other, mp.constituency_id, 7)
    signed_in(petition, mp.constituency_id, 2)
    html = finished_letter(client, letter_page, mp)
    assert "2 people in your constituency have signed the petition" in html
    assert f'href="{petition.url}"' in html and f'href="{other.url}"' not in html


def test_without_a_petition_nothing_is_said(client, letter_page, mp):
    html = finished_letter(client, letter_page, mp)
    assert "signed-nearby" not in html and "Your letter to Neil Coyle" in html
