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


@pytest.mark.django_db
def test_a_worker_keeps_a_petitions_links_until_the_site_changes(petition, django_assert_max_num_queries):
    from petition import emails
    from tests.petition.factories import SignatureFactory

    first, second = SignatureFactory.create_batch(2, petition=petition)
    emails.send_signature_email(first.pk, emails.CONFIRM)
    # The second email loads no page, locale, translation or site: its reservation and signature only.
    with django_assert_max_num_queries(2):
        emails.send_signature_email(second.pk, emails.CONFIRM)
    assert f'"{petition.title}"' in mail.outbox[-1].body

    # Renaming and moving the petition is a page save (a new page cache generation): the next email says so.
    petition.title = "Register serial stalkers now"
    petition.slug = "register-now"
    petition.save_revision().publish()
    petition.refresh_from_db()
    emails.send_signature_email(first.pk, emails.CONFIRM)
    body = mail.outbox[-1].body
    assert '"Register serial stalkers now"' in body
    assert petition.full_url + "confirm/" in body and "/register-now/" in body


@pytest.mark.django_db
def test_without_the_shared_cache_the_links_are_worked_out_every_time(petition, monkeypatch):
    from petition import emails
    from tests.petition.factories import SignatureFactory
    from website import page_cache

    def down():
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache, "generation", down)
    monkeypatch.setattr(emails, "_kept", {})
    signature = SignatureFactory(petition=petition)
    assert emails.send_signature_email(signature.pk, emails.CONFIRM)
    assert petition.full_url + "confirm/" in mail.outbox[-1].body
    assert emails._kept == {}  # nothing kept without a generation to check it against
