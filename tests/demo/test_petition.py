"""seed_demo creates one live, open petition, linked from the campaign page, and keeps staff edits."""

import pytest
from django.core.management import call_command

from petition.models import PetitionPage
from tests.conftest import _Silent

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_one_live_open_petition(seeded, client):
    petition = PetitionPage.objects.live().get()
    assert petition.is_collecting()
    assert petition.privacy_page is not None
    response = client.get(petition.url)
    assert response.status_code == 200
    assert "Sign the petition" in response.content.decode()


def test_seed_demo_is_idempotent_and_keeps_staff_edits(seeded):
    petition = PetitionPage.objects.get()
    petition.title = "Edited by staff"
    petition.save_revision().publish()
    call_command("seed_demo", stdout=_Silent())
    assert PetitionPage.objects.get().title == "Edited by staff"


def test_the_campaign_page_links_to_the_petition_if_there_is_one(seeded):
    from campaign.models import CampaignPage

    for campaign in CampaignPage.objects.all():
        assert campaign.petition_page_id == PetitionPage.objects.get().pk
