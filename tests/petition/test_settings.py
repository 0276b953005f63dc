"""Petition settings: staff change the signing rates and the alert threshold in the admin, validated."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from petition.models import PetitionSettings, Signature
from petition.models.settings import DEFAULT_LIMITS
from website.staff.groups import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db


def test_the_defaults_are_a_high_ceiling_per_address_and_the_domain_rates(petition):
    assert DEFAULT_LIMITS.unconfirmed_per_address == 300
    assert DEFAULT_LIMITS.ceiling_rate == "300/10m"
    assert DEFAULT_LIMITS.domain_rates == ("300/m",)
    assert PetitionSettings.limits_for_page(petition) == DEFAULT_LIMITS
    assert not PetitionSettings.objects.exists()  # reading the defaults creates nothing


@pytest.mark.parametrize("rates", ["", "fast", "0/m", "5/week", "5/m;10/h"])
def test_a_rate_that_is_not_understood_is_refused_with_a_message(home, rates):
    chosen = PetitionSettings(site=Site.objects.get(is_default_site=True), domain_rates=rates)
    with pytest.raises(ValidationError) as raised:
        chosen.full_clean()
    assert "domain_rates" in raised.value.message_dict


def test_the_ceiling_per_address_cannot_go_below_fifty(home):
    chosen = PetitionSettings(site=Site.objects.get(is_default_site=True), unconfirmed_per_address=49)
    with pytest.raises(ValidationError) as raised:
        chosen.full_clean()
    assert "unconfirmed_per_address" in raised.value.message_dict
    chosen.unconfirmed_per_address = 10  # saved some other way: still at least fifty
    assert chosen.limits().unconfirmed_per_address == 50


def test_a_saved_change_applies_to_the_next_signature(petition, sign, petition_settings):
    petition_settings(domain_rates="1/m")
    sign(petition, email="one@example.org")
    assert sign(petition, email="two@example.org").status_code == 429
    petition_settings(domain_rates="10/m")
    assert sign(petition, email="two@example.org").status_code == 303
    assert set(Signature.objects.values_list("state", flat=True)) == {"pending"}


def test_campaign_managers_change_them_in_the_admin(client, home):
    manager = User.objects.create_user("manager", "m@waymark.example", "password-for-tests")
    manager.groups.add(Group.objects.get(name=CAMPAIGN_MANAGERS))
    client.force_login(manager)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["petition", "petitionsettings", site.pk])
    assert client.get(url).status_code == 200
    fields = {"unconfirmed_per_address": "500", "domain_rates": "300/m", "alert_threshold": "50"}
    response = client.post(url, fields)
    assert response.status_code == 302
    assert PetitionSettings.limits_for_site(site.pk).unconfirmed_per_address == 500
    assert PetitionSettings.limits_for_site(site.pk).alert_threshold == 50
    response = client.post(url, {**fields, "domain_rates": "lots", "unconfirmed_per_address": "5"})
    assert response.status_code == 200
    assert "Not understood: lots" in response.content.decode()
    assert "greater than or equal to 50" in response.content.decode()
    assert PetitionSettings.limits_for_site(site.pk).unconfirmed_per_address == 500
