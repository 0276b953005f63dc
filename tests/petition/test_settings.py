"""Petition settings: staff change the signing rates and the alert threshold in the admin, validated."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from petition.models import PetitionSettings, Signature
from petition.models.settings import DEFAULT_LIMITS
from website.staff import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db


def test_the_defaults_are_the_rates_and_threshold_the_site_has_always_had(petition):
    assert DEFAULT_LIMITS.ip_rates == ("1/m", "5/5m")
    assert DEFAULT_LIMITS.domain_rates == ("300/m",)
    assert PetitionSettings.limits_for_page(petition) == DEFAULT_LIMITS
    assert not PetitionSettings.objects.exists()  # reading the defaults creates nothing


@pytest.mark.parametrize("rates", ["", "fast", "0/m", "5/week", "5/m;10/h"])
def test_a_rate_that_is_not_understood_is_refused_with_a_message(home, rates):
    chosen = PetitionSettings(site=Site.objects.get(is_default_site=True), ip_rates=rates)
    with pytest.raises(ValidationError) as raised:
        chosen.full_clean()
    assert "ip_rates" in raised.value.message_dict


def test_a_saved_change_applies_to_the_next_signature(petition, sign, petition_settings):
    sign(petition, email="one@example.org")
    petition_settings(ip_rates="10/m")
    sign(petition, email="two@example.org")
    assert set(Signature.objects.values_list("state", flat=True)) == {"pending"}


def test_campaign_managers_change_them_in_the_admin(client, home):
    manager = User.objects.create_user("manager", "m@waymark.example", "password-for-tests")
    manager.groups.add(Group.objects.get(name=CAMPAIGN_MANAGERS))
    client.force_login(manager)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["petition", "petitionsettings", site.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"ip_rates": "2/m", "domain_rates": "300/m", "alert_threshold": "50"})
    assert response.status_code == 302
    assert PetitionSettings.limits_for_site(site.pk).ip_rates == ("2/m",)
    assert PetitionSettings.limits_for_site(site.pk).alert_threshold == 50
    response = client.post(url, {"ip_rates": "lots", "domain_rates": "300/m", "alert_threshold": "0"})
    assert response.status_code == 200
    assert "Not understood: lots" in response.content.decode()
