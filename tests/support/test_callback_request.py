"""The safe call-back request end to end: form, encrypted at rest, routed, queued, audited, retained."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from support import tasks
from support.encryption import decrypt
from support.models import AuditEntry, CallbackRequestPage, DisclosureRequest
from tests.support.factories import (
    CallbackRequestPageFactory,
    CaseworkerFactory,
    DisclosureRequestPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    RoutingRuleFactory,
)
from tests.website.factories import make_site
from website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

ANSWERS = {
    "your_name": "Robin Covername",
    "phone": "07700 900123",
    "safe_times": "Thursday mornings only",
    "voicemail_safe": "no",
    "language": "Polish",
    "nation": "wales",
    "police_force": "",
    "concerns": "He checks my phone every evening",
    "consent": "on",
}
# "Send request" on the check-answers page posts the answers again (they are its hidden fields).
SEND = {**ANSWERS, "action": "send"}
PERSONAL = ["Robin Covername", "07700 900123", "Thursday mornings only", "Polish", "checks my phone"]


class TestCallbackRequestPage(WagtailPageTestCase):
    def setUp(self):
        self.home = make_site()
        self.page = CallbackRequestPageFactory(parent=self.home)

    def test_can_be_created_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, CallbackRequestPage)
        self.assertCanNotCreateAt(StandardPage, CallbackRequestPage)
        self.assertAllowedSubpageTypes(CallbackRequestPage, {})

    def test_is_routable_renders_and_previews(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRoutable(self.page, "sent/")
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(self.page)


@pytest.fixture
def callback_page(home):
    page = CallbackRequestPageFactory(parent=home)
    page.save_revision().publish()
    return page


def test_the_form_has_a_quick_exit_is_never_stored_and_asks_only_what_it_needs(client, callback_page):
    response = client.get(callback_page.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "data-quick-exit" in content and "Exit this page" in content
    for label in [
        "What should we call you?",
        "A safe phone number",
        "When is it safe to call?",
        "is it safe to leave a voicemail?",
        "Which language would you like us to speak?",
        "Where do you live?",
        "Anything you want us to know before we call (optional)",
    ]:
        assert label in content
    assert "999" in content


def test_a_call_back_request_is_encrypted_at_rest_routed_by_nation_and_the_team_told(
    client, callback_page, wales_team, triage_team, caseworker, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(callback_page.url, SEND)
    assert response.status_code == 302
    assert response["Location"] == callback_page.url + "sent/"
    assert "no-store" in response["Cache-Control"]

    request = DisclosureRequest.objects.get()
    assert request.kind == DisclosureRequest.Kind.CALLBACK
    assert request.reference.startswith("CB-")
    assert request.team == wales_team  # every Welsh force routes to Wales
    assert (request.your_name, request.phone, request.language) == (
        "Robin Covername",
        "07700 900123",
        "Polish",
    )
    assert request.voicemail_safe == "no" and request.contact_method == "phone"

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT your_name, phone, safe_times, language, concerns "
            "FROM support_disclosurerequest WHERE id = %s",
            [request.pk],
        )
        raw = cursor.fetchone()
    for stored, plain in zip(
        raw[:4], ["Robin Covername", "07700 900123", "Thursday mornings only", "Polish"], strict=True
    ):
        assert plain not in stored
        assert decrypt(stored) == plain
    assert "phone every evening" not in raw[4]

    created = AuditEntry.objects.get(request_id=request.pk, action=AuditEntry.Action.CREATED)
    assert created.detail == "Routed to Wales; 1 flag(s) set from the answers"  # voicemail not safe
    [email] = mail.outbox
    assert email.to == [wales_team.email]
    for value in PERSONAL:
        assert value not in email.body and value not in email.subject


def test_the_confirmation_repeats_nothing_and_links_to_the_disclosure_request(client, callback_page, home):
    disclosure = DisclosureRequestPageFactory(parent=home)
    disclosure.save_revision().publish()
    client.post(callback_page.url, SEND)
    response = client.get(callback_page.url + "sent/")
    content = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "data-quick-exit" in content
    assert disclosure.url in content
    for value in PERSONAL:
        assert value not in content


@pytest.mark.parametrize(
    ("nation", "force", "team_name"),
    [
        ("wales", "", "Wales"),
        ("england", "gwent", "Wales"),  # the force wins: a Welsh force in an English border town
        ("scotland", "", "Scotland"),
        ("england", "", "Triage"),  # England's forces are split between teams
        ("northern-ireland", "", "Triage"),  # no rule: the default team
    ],
)
def test_routing_by_nation_or_police_force(
    client, callback_page, wales_team, triage_team, nation, force, team_name
):
    from tests.support.factories import CaseworkTeamFactory

    scotland = CaseworkTeamFactory(name="Scotland")
    RoutingRuleFactory(police_force="scotland", team=scotland)
    RoutingRuleFactory(police_force="kent", team=scotland)  # some English forces elsewhere
    answers = {**ANSWERS, "nation": nation, "police_force": force}
    if force == "gwent":
        answers["nation"] = "wales"
    client.post(callback_page.url, {**answers, "action": "send"})
    assert DisclosureRequest.objects.get().team.name == team_name


def test_a_force_outside_the_chosen_nation_is_questioned_next_to_the_field(
    client, callback_page, triage_team
):
    response = client.post(callback_page.url, {**ANSWERS, "nation": "scotland", "police_force": "kent"})
    assert response.status_code == 200
    assert "That police force is not in the nation you chose" in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_missing_answers_are_explained_next_to_each_field_and_nothing_is_saved(
    client, callback_page, triage_team
):
    response = client.post(callback_page.url, {"concerns": "Only this", "phone": "call me maybe"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for message in [
        "Enter a name we can ask for: a cover name is fine",
        "Enter a phone number using digits",
        "Tell us when it is safe to call",
        "Tell us whether we may leave a voicemail",
        "Choose where you live",
        "Agree to the privacy notice so that we can call you back",
    ]:
        assert message in content
    assert "Only this" in content  # what was typed stays in the form
    assert not DisclosureRequest.objects.exists()


def test_the_honeypot_saves_nothing_and_looks_like_success(client, callback_page, triage_team):
    response = client.post(callback_page.url, {**SEND, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not DisclosureRequest.objects.exists()


@override_settings(DISCLOSURE_SUBMIT_RATE="1/h")
def test_sending_is_rate_limited(client, callback_page, triage_team):
    assert client.post(callback_page.url, SEND).status_code == 302
    assert client.post(callback_page.url, SEND).status_code == 429
    assert DisclosureRequest.objects.count() == 1


def test_in_the_queue_as_a_call_back_with_the_safe_contact_rules_first_and_viewing_audited(
    client, callback_page, wales_team, caseworker
):
    client.post(callback_page.url, SEND)
    request = DisclosureRequest.objects.get()
    client.force_login(caseworker)
    queue = client.get("/admin/disclosure_requests/").content.decode()
    assert request.reference in queue and "Call-back request" in queue
    assert "Robin" not in queue

    case = client.get(f"/admin/disclosure_requests/case/{request.pk}/").content.decode()
    main = case[case.index('class="casework-case"') :]
    safe = main.index("Safe contact: read before any contact")
    assert (
        safe < main.index("Never leave a voicemail".lower().capitalize()) or "never leave a voicemail" in main
    )
    assert safe < main.index("07700 900123") < main.index("The call-back request")
    assert safe < main.index("Thursday mornings only") < main.index("He checks my phone")
    assert main.index("Polish") < main.index("The call-back request")
    viewed = AuditEntry.objects.filter(request_id=request.pk, action=AuditEntry.Action.VIEWED)
    assert [entry.username for entry in viewed] == [caseworker.username]


def test_another_teams_caseworker_cannot_open_a_call_back(client, callback_page, wales_team, triage_team):
    client.post(callback_page.url, SEND)
    request = DisclosureRequest.objects.get()
    outsider = CaseworkerFactory(username="outsider")
    triage_team.members.add(outsider)
    client.force_login(outsider)
    response = client.get(f"/admin/disclosure_requests/case/{request.pk}/")
    assert response.status_code == 403
    assert b"Robin" not in response.content
    assert AuditEntry.objects.filter(request_id=request.pk, action=AuditEntry.Action.DENIED).exists()


def test_closed_call_backs_are_erased_by_the_retention_task_like_disclosure_requests(
    client, callback_page, wales_team
):
    client.post(callback_page.url, SEND)
    request = DisclosureRequest.objects.get()
    request.set_status(DisclosureRequest.Status.CLOSED)
    request.closed_at = timezone.now() - timedelta(days=tasks.RETENTION_DAYS + 1)
    request.save()
    assert tasks.delete_expired_disclosure_data.call() == 1
    request.refresh_from_db()
    assert (request.your_name, request.phone, request.language, request.concerns) == ("", "", "", "")
    assert request.kind == DisclosureRequest.Kind.CALLBACK


def test_support_pages_and_the_disclosure_confirmation_link_to_the_call_back(client, callback_page, home):
    index = GuidanceIndexPageFactory(parent=home)
    guide = GuidancePageFactory(parent=index)
    disclosure = DisclosureRequestPageFactory(parent=home)
    for page in (index, guide, disclosure):
        page.save_revision().publish()
    for url in (index.url, guide.url, disclosure.url, disclosure.url + "sent/"):
        assert f'href="{callback_page.url}"' in client.get(url).content.decode(), url
