"""The petition in Welsh: the form's messages at their fields, and every email a signer gets written in the
language they signed in, even when a background task sends it with no language of its own."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from geography.models import Postcode
from petition import countries, emails, places, privacy, signing, tasks, tokens
from petition import languages as signer_languages
from petition.forms import SignatureForm, country_choices
from petition.models import CampaignUpdate, Signature, Supporter
from tests.petition.conftest import confirm_link, link_containing

pytestmark = pytest.mark.django_db


WELSH_TITLE = "Cofrestru camdrinwyr cyfresol"
FORM = {"name": "Alex Smith", "email": "alex@example.org", "location": "UK", "postcode": "SW1A 1AA"}


@pytest.fixture
def welsh(petition):
    """The petition's Welsh translation, as wagtail-localize makes it: a page in the Welsh locale of the same
    translation group, at /cy/…, published. Its form posts to the same sign endpoint, with its own id."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    page = petition.copy_for_translation(locale, copy_parents=True)
    page.title = WELSH_TITLE
    page.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return page.specific_class.objects.get(pk=page.pk)


def welsh_signature(welsh, sign, client, **fields):
    """Sign the Welsh petition and confirm: the signature."""
    sign(welsh, **fields)
    client.post(confirm_link(mail.outbox[-1]))
    return Signature.objects.get(email=fields.get("email", "alex@example.org"))


def test_a_missing_email_and_a_bad_postcode_are_explained_in_welsh_at_their_fields(welsh, sign):
    with translation.override("cy"):
        form = SignatureForm({**FORM, "email": "", "postcode": "NOT A POSTCODE"})
        assert not form.is_valid()
        assert form.errors["email"] == ["Rhowch eich cyfeiriad e-bost."]
        assert form.errors["postcode"] == ["Rhowch god post go iawn yn y Deyrnas Unedig, fel SW1A 1AA."]

    # The sign endpoint has no language prefix: the Welsh page's form answers in Welsh all the same.
    response = sign(welsh, email="", postcode="NOT A POSTCODE")
    html = response.content.decode()
    assert response.status_code == 200 and not Signature.objects.exists()
    assert "Rhowch eich cyfeiriad e-bost." in html
    assert "Rhowch god post go iawn yn y Deyrnas Unedig, fel SW1A 1AA." in html
    # Each message is tied to its own field (aria-describedby names the message's id).
    errors = [("email", "Rhowch eich cyfeiriad e-bost."), ("postcode", "Rhowch god post go iawn")]
    for field, message in errors:
        described = html[html.index(f'name="{field}"') :]
        described = described[: described.index(">")]
        assert "aria-describedby" in described, field
        ids = described.split('aria-describedby="')[1].split('"')[0].split()
        assert any(message in html[html.index(f'id="{i}"') :][:200] for i in ids), field


def test_a_postcode_missing_from_the_directory_and_the_country_are_explained_in_welsh(petition):
    Postcode.objects.create(postcode="CF10 1AA", constituency_code="W07000079", country_code="W92000004")
    cache.delete(places.POSTCODE_DATA_KEY)
    with translation.override("cy"):
        unknown = SignatureForm({**FORM, "postcode": "CF99 9ZZ"})
        abroad = SignatureForm({**FORM, "location": "abroad", "postcode": ""})
        assert not unknown.is_valid() and not abroad.is_valid()
        assert "Doedden ni ddim yn gallu dod o hyd i'r cod post hwnnw." in unknown.errors["postcode"][0]
        assert "“Y tu allan i'r Deyrnas Unedig”" in unknown.errors["postcode"][0]
        assert abroad.errors["country"] == ["Dewiswch y wlad rydych chi'n byw ynddi."]


def test_over_the_ceiling_a_welsh_signer_is_told_in_welsh_to_try_again(welsh, sign, petition_settings):
    petition_settings(unconfirmed_per_address=50)
    for n in range(50):
        sign(welsh, ip="100.64.0.1", email=f"person{n}@example.org")
    response = sign(welsh, ip="100.64.0.1", email="hwyr@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Rhowch gynnig arall arni ymhen ychydig funudau" in html
    assert "try again in a few minutes" not in html


def test_the_same_errors_stay_in_english_for_english_visitors(petition, sign):
    form = SignatureForm({**FORM, "email": "", "postcode": "NOT A POSTCODE"})
    assert not form.is_valid()
    assert form.errors["email"] == ["Enter your email address."]
    assert form.errors["postcode"] == ["Enter a real UK postcode, like SW1A 1AA."]
    assert "Enter your email address." in sign(petition, email="").content.decode()


def test_countries_are_named_and_ordered_in_welsh_and_the_english_list_is_unchanged():
    with translation.override("cy"):
        choices = country_choices()
        names = dict(choices)
        assert choices[0] == ("", "Dewiswch wlad")
        assert names["DE"] == "Yr Almaen" and names["IE"] == "Gweriniaeth Iwerddon"
        assert names["FK"] == "Ynysoedd Falkland" and names["XK"] == "Kosovo"
        assert "GB" not in names
        listed = [name for _code, name in choices[1:]]
        assert listed.index("Yr Almaen") > listed.index("Unol Daleithiau America")
        assert places.country_name("W92000004") == "Cymru"
        assert places.country_name("UK") == "Y Deyrnas Unedig (dim gwybodaeth am y wlad)"
    english = dict(countries.country_choices("en-gb"))
    assert english["DE"] == "Germany" and english["IE"] == "Republic of Ireland"
    assert country_choices()[0] == ("", "Choose a country")
    assert places.country_name("W92000004") == "Wales"


def test_a_signature_keeps_the_language_of_the_page_signed(petition, welsh, sign):
    sign(welsh, email="cy@example.org")
    sign(petition, email="en@example.org")
    languages = dict(Signature.objects.values_list("email", "language"))
    assert languages == {"cy@example.org": "cy", "en@example.org": "en-gb"}
    assert signer_languages.supported("fr") == "en-gb" and signer_languages.supported("cy") == "cy"


def test_a_welsh_signer_gets_welsh_emails_even_when_the_task_has_no_language(welsh, sign, client):
    sign(welsh, opt_in="on")
    signature = Signature.objects.get()
    mail.outbox.clear()

    # A task worker has no request, so no language: the email still follows the signature.
    with translation.override(None):
        assert emails.send_signature_email(signature.pk, emails.CONFIRM)
    (confirm,) = mail.outbox
    assert confirm.subject == f"Cadarnhewch eich llofnod: {WELSH_TITLE}"
    assert f'Diolch am lofnodi\'r ddeiseb "{WELSH_TITLE}".' in confirm.body
    assert "yn dod i ben ymhen 7 diwrnod" in confirm.body
    assert "Dad-danysgrifio o'r diweddariadau am yr ymgyrch:" in confirm.body
    assert "Thank you" not in confirm.body and "Withdraw" not in confirm.body
    assert confirm.extra_headers["Content-Language"] == "cy"
    # Its links go to the Welsh page's own routes.
    assert confirm_link(confirm).startswith(welsh.url + "confirm/") and welsh.url.startswith("/cy/")

    client.post(confirm_link(confirm))
    thanks = mail.outbox[-1]
    assert thanks.subject == f"Diolch am lofnodi: {WELSH_TITLE}"
    assert f'Mae eich llofnod ar y ddeiseb "{WELSH_TITLE}" wedi\'i gadarnhau. Diolch.' in thanks.body
    assert "Rhannwch y ddeiseb" in thanks.body and "Tynnwch eich llofnod yn ôl" in thanks.body
    record = Supporter.objects.get()
    assert record.language == "cy"
    assert record.consent_wording == "Anfonwch ddiweddariadau am yr ymgyrch ataf drwy e-bost"

    # Signing again: the "already signed" email is in Welsh too, even sent with English active.
    Signature.objects.filter(pk=signature.pk).update(emails_sent=0)
    with translation.override("en-gb"):
        emails.send_signature_email(signature.pk, emails.ALREADY_SIGNED)
    already = mail.outbox[-1]
    assert already.subject == f"Rydych chi eisoes wedi llofnodi: {WELSH_TITLE}"
    assert "Rydych chi eisoes wedi ei llofnodi" in already.body


def test_an_english_signer_still_gets_the_english_emails(petition, sign, client):
    sign(petition)
    confirm = mail.outbox[-1]
    assert confirm.subject == "Please confirm your signature: Register serial abusers"
    assert "The link works once and expires in 7 days." in confirm.body
    with translation.override("cy"):
        emails.send_signature_email(Signature.objects.get().pk, emails.CONFIRM)
    assert mail.outbox[-1].subject == "Please confirm your signature: Register serial abusers"


def test_the_welsh_page_acts_on_a_signature_made_on_the_english_one(petition, sign, welsh):
    # A signature's links may lead to the petition's other language (its routes serve the translation group).
    sign(petition)
    signature = Signature.objects.get()
    Signature.objects.filter(pk=signature.pk).update(language="cy")
    mail.outbox.clear()
    emails.send_signature_email(signature.pk, emails.CONFIRM)
    confirm = mail.outbox[-1]
    assert confirm.subject == f"Cadarnhewch eich llofnod: {WELSH_TITLE}"
    link = confirm_link(confirm)
    assert link.startswith(welsh.url + "confirm/")
    assert welsh.same_petition(petition.pk) and not welsh.same_petition(petition.pk + 1000)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert signing.confirm(welsh, token)
    assert Signature.objects.get().state == Signature.State.VERIFIED
    assert Signature.objects.get().petition_id == petition.pk
    # Withdraw and unsubscribe through the Welsh page find the signature on the English one.
    assert welsh.petition_signed(signature.pk) == petition.pk
    assert welsh.petition_signed(tokens.read_manage_token("1-nonsense")) is None
    assert privacy.withdraw(signature.pk, welsh.petition_signed(signature.pk))
    assert Signature.objects.get().state == Signature.State.WITHDRAWN


def test_a_campaign_update_goes_in_welsh_to_a_welsh_signer_and_in_english_to_an_english_one(
    petition, welsh, sign, client
):
    welsh_signature(welsh, sign, client, email="cymraeg@example.org", opt_in="on")
    sign(petition, email="english@example.org", opt_in="on")
    client.post(confirm_link(mail.outbox[-1]))
    assert dict(Supporter.objects.values_list("email", "language")) == {
        "cymraeg@example.org": "cy",
        "english@example.org": "en-gb",
    }
    update = CampaignUpdate.objects.create(
        subject="The register is in the bill",
        body="Thank you: the register is in the bill.",
        subject_cy="Mae'r gofrestr yn y bil",
        body_cy="Diolch: mae'r gofrestr yn y bil.",
    )
    send(update)

    by_address = {message.to[0]: message for message in mail.outbox}
    welsh_email, english = by_address["cymraeg@example.org"], by_address["english@example.org"]
    assert welsh_email.subject == "Mae'r gofrestr yn y bil"
    assert welsh_email.body.startswith("Diolch: mae'r gofrestr yn y bil.")
    assert "Rydych chi'n cael hwn oherwydd i chi ofyn i Waymark" in welsh_email.body
    assert "Dad-danysgrifio o'r diweddariadau am yr ymgyrch (un clic" in welsh_email.body
    assert "You are receiving this" not in welsh_email.body
    assert welsh_email.extra_headers["Content-Language"] == "cy"
    assert welsh_email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert english.subject == "The register is in the bill"
    assert english.body.startswith("Thank you: the register is in the bill.")
    assert "You are receiving this because you asked Waymark" in english.body
    # Each unsubscribe link works, the Welsh one on a Welsh page.
    welsh_link = link_containing(welsh_email, "/updates/unsubscribe/")
    assert "/cy/updates/unsubscribe/" in welsh_link
    assert "/cy/" not in link_containing(english, "/updates/unsubscribe/")
    page = client.get(welsh_link).content.decode()
    assert 'lang="cy"' in page and "Stop campaign updates" not in page
    client.post(welsh_link)
    assert list(Supporter.objects.active().values_list("email", flat=True)) == ["english@example.org"]


def test_an_update_without_a_welsh_version_goes_in_english_to_welsh_signers_too(welsh, sign, client):
    welsh_signature(welsh, sign, client, opt_in="on")
    update = CampaignUpdate.objects.create(subject="Good news", body="The register is in the bill.")
    send(update)
    (message,) = mail.outbox
    assert message.subject == "Good news" and message.body.startswith("The register is in the bill.")
    # The footer is in the language of the update's own words, so the email reads in one language.
    assert "You are receiving this" in message.body and message.extra_headers["Content-Language"] == "en-gb"


def test_a_welsh_version_needs_both_its_subject_and_body():
    half = CampaignUpdate(subject="Good news", body="Body", subject_cy="Newyddion da", body_cy=" ")
    assert half.version("cy") == (None, "Good news", "Body")
    whole = CampaignUpdate(subject="Good news", body="Body", subject_cy="Newyddion da", body_cy="Corff")
    assert whole.version("cy") == ("cy", "Newyddion da", "Corff")
    assert whole.version("en-gb") == (None, "Good news", "Body")


def send(update):
    """Send an update as staff do (a test first, then Send), leaving only the supporters' emails."""
    from django.contrib.auth.models import User

    from petition import updates

    staff = User.objects.create_user("staff", "staff@waymark.example", "password-for-tests")
    updates.send_test(update, staff)
    update.refresh_from_db()
    mail.outbox.clear()
    assert tasks.start_update(update, staff)


def test_staff_see_the_language_supporters_signed_in(welsh, sign, client, admin_client):
    welsh_signature(welsh, sign, client, opt_in="on")
    response = admin_client.get(reverse("petition_supporters:index"), {"export": "csv"})
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].split(",")[-1] == "Language" and rows[1].split(",")[-1] == "cy"


def test_a_petition_in_two_languages_is_one_petition_with_one_count(petition, welsh, sign, client):
    """Signatures made on the Welsh page are stored, counted and shown on the English petition, and each
    page shows the same total; closing the English petition closes the Welsh one too."""
    from petition import counting

    welsh_signature(welsh, sign, client, email="cy@example.org")
    sign(petition, email="en@example.org")
    client.post(confirm_link(mail.outbox[-1]))
    assert set(Signature.objects.values_list("petition_id", flat=True)) == {petition.pk}
    assert set(Signature.objects.values_list("language", flat=True)) == {"cy", "en-gb"}

    counting.update_counts(lag_seconds=0)
    cache.clear()
    english_count = client.get(petition.url + "count.json").json()
    welsh_count = client.get(welsh.url + "count.json").json()
    assert english_count["signature_count"] == welsh_count["signature_count"] == 2

    # The same address signing again on the other language's page is the same signer, not a second name.
    mail.outbox.clear()
    sign(welsh, email="en@example.org")
    assert Signature.objects.filter(email="en@example.org").count() == 1

    petition.state = petition.State.CLOSED
    petition.save_revision().publish()
    response = sign(welsh, email="late@example.org")
    assert response.status_code == 303 and not Signature.objects.filter(email="late@example.org").exists()
