"""Links in the signer's emails point at the address being served (development: `make run PORT=…`)."""

import pytest
from django.core import mail
from django.test import override_settings

from petition.models import Signature
from website import absolute_urls


@pytest.mark.django_db
def test_emails_link_to_the_address_being_served_in_development(petition, sign):
    with override_settings(WAYMARK_BASE_URL="http://127.0.0.1:8101"):
        assert absolute_urls.page_url(petition) == "http://127.0.0.1:8101" + petition.url
        sign(petition)
    assert Signature.objects.count() == 1
    body = mail.outbox[-1].body
    assert "http://127.0.0.1:8101" + petition.url + "confirm/" in body
    assert "http://localhost" not in body


@pytest.mark.django_db
def test_without_a_served_address_emails_use_the_sites_own(petition, sign):
    assert absolute_urls.page_url(petition) == petition.full_url == "http://localhost" + petition.url
    sign(petition)
    assert "http://localhost" + petition.url + "confirm/" in mail.outbox[-1].body
