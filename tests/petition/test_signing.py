"""Signing and verification: pending rows, emails, confirmation by POST, duplicates, tokens."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from geography.models import Constituency, Postcode
from petition import abuse, tokens
from petition.models import PetitionPage, Signature
from petition.tokens import hash_token
from tests.petition.conftest import confirm_link

pytestmark = pytest.mark.django_db


def test_signing_stores_a_pending_signature_and_emails_a_confirmation_link(petition, sign):
    response = sign(petition)
    assert response.status_code == 303
    assert response["Location"].endswith("/petition/check-your-email/")
    signature = Signature.objects.get()
    assert signature.state == Signature.State.PENDING
    assert signature.name == "Alex Smith"
    assert signature.postcode == "SW1A 1AA"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@example.org"]
    assert "/petition/confirm/" in mail.outbox[0].body


def test_the_email_holds_no_name_or_postcode(petition, sign):
    sign(petition)
    body = mail.outbox[0].body + mail.outbox[0].subject
    assert "Alex" not in body and "SW1A" not in body


def test_the_check_your_email_page_shows_the_editable_text(petition, sign, client):
    petition.check_email_text = "<p>Look in your inbox, friend.</p>"
    petition.save_revision().publish()
    response = client.get(sign(petition)["Location"])
    assert "Look in your inbox, friend." in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_token_is_stored_only_as_a_hash(petition, sign):
    sign(petition)
    path = confirm_link(mail.outbox[0])
    raw = path.rstrip("/").rsplit("/", 1)[1]
    signature = Signature.objects.get()
    assert signature.token_hash == hash_token(raw)
    assert raw not in str(Signature.objects.values().get())


def test_opening_the_link_does_not_confirm(petition, sign, client):
    sign(petition)
    response = client.get(confirm_link(mail.outbox[0]))
    assert response.status_code == 200
    assert "Confirm my signature" in response.content.decode()
    assert Signature.objects.get().state == Signature.State.PENDING


def test_pressing_confirm_verifies_and_sends_a_thank_you_with_withdraw_and_unsubscribe_links(
    petition, sign, client
):
    sign(petition, opt_in="on")
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 303
    signature = Signature.objects.get()
    assert signature.state == Signature.State.VERIFIED
    assert signature.verified_at is not None
    assert signature.token_hash is None
    thank_you = mail.outbox[-1]
    assert "confirmed" in thank_you.subject.lower() or "thank you" in thank_you.subject.lower()
    assert "/withdraw/" in thank_you.body and "/unsubscribe/" in thank_you.body
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_the_confirmation_email_carries_withdraw_and_unsubscribe_links(petition, sign):
    sign(petition)
    assert "/withdraw/" in mail.outbox[0].body and "/unsubscribe/" in mail.outbox[0].body


def test_a_link_works_only_once(petition, sign, client):
    sign(petition)
    link = confirm_link(mail.outbox[0])
    client.post(link)
    response = client.post(link)
    assert response.status_code == 400
    assert "expired or has already been used" in response.content.decode()


def test_a_link_expires_after_seven_days(petition, sign, client, settings):
    assert tokens.CONFIRM_DAYS == 7
    sign(petition)
    Signature.objects.update(token_expires_at=timezone.now() - timedelta(seconds=1))
    client.post(confirm_link(mail.outbox[0]))
    assert Signature.objects.get().state == Signature.State.PENDING


def test_a_made_up_token_confirms_nothing(petition, sign, client):
    sign(petition)
    response = client.post(petition.url + "confirm/not-a-real-token/")
    assert response.status_code == 400
    assert Signature.objects.get().state == Signature.State.PENDING


def test_signing_twice_with_the_same_email_keeps_one_row_and_sends_a_new_link(petition, sign, client):
    sign(petition, ip="203.0.113.1")
    first = Signature.objects.get().token_hash
    response = sign(petition, ip="203.0.113.2", email="ALEX@example.org", name="Alex S")
    assert response["Location"].endswith("/check-your-email/")
    signature = Signature.objects.get()
    assert signature.name == "Alex Smith"  # unchanged until the mailbox owner confirms
    assert signature.token_hash != first
    assert len(mail.outbox) == 2
    assert "/confirm/" in mail.outbox[1].body
    client.post(confirm_link(mail.outbox[1]))
    signature.refresh_from_db()
    assert (signature.state, signature.name, signature.email) == ("verified", "Alex S", "ALEX@example.org")


def test_signing_again_after_confirming_sends_already_signed_and_looks_the_same(petition, sign, client):
    sign(petition, ip="203.0.113.1")
    client.post(confirm_link(mail.outbox[0]))
    response = sign(petition, ip="203.0.113.2")
    assert response.status_code == 303 and response["Location"].endswith("/check-your-email/")
    assert "already signed" in mail.outbox[-1].subject.lower()
    assert "/confirm/" not in mail.outbox[-1].body
    assert Signature.objects.count() == 1


def test_at_most_five_emails_per_signature(petition, sign):
    for n in range(8):
        sign(petition, ip=f"203.0.113.{n + 1}")
    assert len(mail.outbox) == 5
    assert Signature.objects.get().emails_sent == 5


def test_canonical_email_merges_gmail_dots_tags_and_googlemail(petition, sign):
    sign(petition, ip="203.0.113.1", email="Alex.Smith+petition@gmail.com")
    sign(petition, ip="203.0.113.2", email="alexsmith@googlemail.com")
    signature = Signature.objects.get()
    assert signature.canonical_email == "alexsmith@gmail.com"
    assert signature.email == "Alex.Smith+petition@gmail.com"
    assert signature.proposed_details["email"] == "alexsmith@googlemail.com"


def test_domain_rules_are_staff_editable(petition):
    from petition.models import EmailDomainRule

    assert abuse.canonical_email("a.b+c@example.org") == "a.b+c@example.org"
    EmailDomainRule.objects.create(domain="example.org", remove_dots=True, remove_plus_tag=True)
    assert abuse.canonical_email("a.b+c@example.org") == "ab@example.org"


def test_the_ip_address_is_stored_only_as_a_keyed_hash(petition, sign, settings):
    sign(petition, ip="198.51.100.23")
    signature = Signature.objects.get()
    assert "198.51.100.23" not in str(Signature.objects.values().get())
    assert signature.ip_hash == abuse.hash_ip("198.51.100.23")
    settings.SIGNATURE_IP_HMAC_KEY = "another-key"
    assert signature.ip_hash != abuse.hash_ip("198.51.100.23")


def test_the_postcode_gives_the_constituency_and_country_when_postcode_data_is_loaded(petition, sign):
    Constituency.objects.create(code="E14001234", name="Cities of London and Westminster")
    Postcode.objects.create(postcode="SW1A 1AA", constituency_code="E14001234", country_code="E92000001")
    sign(petition)
    signature = Signature.objects.get()
    assert (signature.constituency_code, signature.country_code) == ("E14001234", "E92000001")


def test_without_postcode_data_the_signature_is_kept_with_the_constituency_unknown(petition, sign):
    sign(petition)
    signature = Signature.objects.get()
    assert signature.constituency_code == ""
    assert signature.country_code == "UK"


def test_signers_outside_the_uk_are_counted_by_their_country(petition, sign):
    sign(petition, location="abroad", postcode="", country="IE")
    assert Signature.objects.get().country_code == "IE"


def test_bad_input_comes_back_with_messages_and_everything_typed(petition, sign):
    response = sign(petition, name="=cmd", email="alex@example.org", postcode="nope", opt_in="on")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "cannot start with" in html and "real UK postcode" in html
    assert 'value="alex@example.org"' in html and 'value="nope"' in html
    assert Signature.objects.count() == 0
    assert "no-store" in response["Cache-Control"]


def test_the_page_shows_the_form_with_a_privacy_link_and_the_opt_in_unticked(petition, client):
    html = client.get(petition.url).content.decode()
    assert "Sign the petition" in html
    assert "privacy notice" in html
    assert 'name="opt_in"' in html and "checked" not in html.split('name="opt_in"')[1].split(">")[0]


def test_a_form_with_errors_is_shown_on_the_whole_petition_page(petition, sign):
    # The signing target loads only a few fields of the page; the error page still has all of it.
    response = sign(petition, email="not an email")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter an email address in the right format" in html
    assert petition.ask in html and petition.title in html
    assert not Signature.objects.exists()


def test_signing_an_unpublished_or_unknown_petition_is_not_found(petition, sign):
    petition.unpublish()
    assert sign(petition).status_code == 404
    assert sign(PetitionPage(pk=987654)).status_code == 404
    assert not Signature.objects.exists()


def test_signing_a_stopped_petition_goes_back_to_its_page_and_stores_nothing(petition, sign):
    petition.state = PetitionPage.State.STOPPED
    petition.save()
    response = sign(petition)
    assert response.status_code == 303 and response["Location"] == petition.url
    assert not Signature.objects.exists()


def test_with_postcode_data_loaded_a_postcode_not_in_it_is_refused_and_nothing_is_stored(petition, sign):
    from tests.geography.factories import PostcodeFactory

    PostcodeFactory(postcode="SW1A 1AA")
    response = sign(petition, postcode="ZZ99 9ZZ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We couldn&#x27;t find that postcode." in html
    assert 'value="ZZ99 9ZZ"' in html  # what was typed is kept
    assert not Signature.objects.exists()
