"""Staff see the anonymous letter counts and can edit the letter page; campaign managers may read counts."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from campaign.models import LetterCount
from website.staff.groups import CAMPAIGN_MANAGERS


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_staff_see_letter_counts_by_constituency(admin_client, mp):
    LetterCount.record(mp.constituency_id)
    LetterCount.record(mp.constituency_id)
    response = admin_client.get(reverse("wagtailsnippets_campaign_lettercount:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bermondsey and Old Southwark" in html and ">2<" in html.replace(" ", "").replace("\n", "")


def test_staff_can_edit_the_letter_page(admin_client, letter_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[letter_page.pk]))
    assert response.status_code == 200
    assert "{personal_paragraph}" in response.content.decode()


def test_campaign_managers_may_read_counts_and_correct_mps(db):
    from website.staff.groups import sync_group_permissions

    sync_group_permissions()
    codenames = set(Group.objects.get(name=CAMPAIGN_MANAGERS).permissions.values_list("codename", flat=True))
    assert {"view_lettercount", "change_memberofparliament", "view_constituency"} <= codenames
    assert "change_lettercount" not in codenames
