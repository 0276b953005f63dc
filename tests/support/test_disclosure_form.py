"""The right-to-ask form: steps in the session only, never cached, nothing repeated, nothing leaked."""

import contextlib
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from geography.models import Postcode
from support import form_state
from support.form_state import SESSION_KEY
from support.models import AuditEntry, DisclosureRequest, DisclosureRequestPage, Helpline
from tests.support.conftest import CHECK_STEP, PERSONAL_VALUES, VALID_STEPS, fill_in
from tests.support.factories import DisclosureRequestPageFactory, HelplineFactory
from tests.website.factories import make_site, publish_safety_settings
from website.models import HomePage, SafetySettings, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def text_of(html):
    """The page's text, without tags, attributes or scripts (a CSRF token may hold any digits)."""
    parser = HTMLParser()
    parts = []
    parser.handle_data = parts.append
    parser.feed(html)
    return " ".join(parts)


class TestDisclosureRequestPage(WagtailPageTestCase):
    def setUp(self):
        self.home = make_site()
        self.page = DisclosureRequestPageFactory(parent=self.home)

    def test_can_be_created_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, DisclosureRequestPage)
        self.assertCanNotCreateAt(StandardPage, DisclosureRequestPage)
        self.assertAllowedSubpageTypes(DisclosureRequestPage, {})

    def test_is_routable_renders_and_previews(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRoutable(self.page, "sent/")
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(self.page)


def test_the_page_explains_the_scheme_and_the_emergency_options(client, request_page):
    response = client.get(request_page.url)
    content = response.content.decode()
    assert "right to ask" in content and "right to know" in content
    assert "Scotland" in content and "Northern Ireland" in content
    assert "28 days" in content
    assert "999" in content and "55" in content
    assert 'class="error-summary' not in content


def test_the_page_says_truly_what_closing_the_tab_does_with_and_without_scripts(client, request_page):
    content = client.get(request_page.url).content.decode()
    # The old promise was untrue: answers outlived a closed tab.
    assert "Nothing is saved on this device" not in content
    # Shown until history.js runs: without scripts the answers stay with the browser's session.
    assert "Closing this tab does <strong>not</strong> clear your answers" in content
    # Revealed by history.js, which binds the answers to the tab.
    assert 'data-if-script="tab" hidden>Your answers belong to this tab' in content


def test_the_999_message_appears_once_on_the_page(client, request_page):
    emergency = HelplineFactory(name="Police", number="999", is_emergency=True, description="Call 999.")
    HelplineFactory(name="National Domestic Abuse Helpline", number="0808 2000 247")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_helplines.set(Helpline.objects.all())
    content = client.get(request_page.url).content.decode()
    in_banner = text_of(SafetySettings.live_for_site(settings.site_id).emergency_message).count("999")
    assert in_banner, "the site's emergency banner gives the 999 message"
    assert text_of(content).count("999") == in_banner, "the page, its helplines and the footer repeated it"
    assert "0808 2000 247" in content

    publish_safety_settings(settings.site, emergency_message="")
    content = client.get(request_page.url).content.decode()
    assert "999" in content and emergency.description in content


def test_a_complete_form_creates_one_routed_request_and_forgets_the_answers(client, request_page, wales_team):
    response = fill_in(client, request_page.url)
    assert response.status_code == 302
    assert response["Location"] == request_page.url + "sent/"
    request = DisclosureRequest.objects.get()
    assert request.team == wales_team
    assert request.police_force == "north-wales"
    assert request.person_name == "Barnaby Perpetratorson"
    assert request.person_date_of_birth == "1979-04-05"
    assert request.email == "marigold.safe@example.org"
    assert request.cover_name == "Pat from the library"
    assert request.status == DisclosureRequest.Status.NEW
    # The answers are forgotten; only the confirmation's reference and date are kept, for this tab.
    assert list(client.session[SESSION_KEY]) == ["disclosure-sent:"]
    assert form_state.recall_sent(response.wsgi_request, "disclosure") == {
        "reference": request.public_reference,
        "due": request.due_date,
    }
    assert AuditEntry.objects.filter(request_id=request.pk, action="created").exists()


def test_every_step_and_the_confirmation_are_never_stored_by_any_cache(client, request_page, wales_team):
    responses = [client.get(request_page.url)]
    for number, data in enumerate(VALID_STEPS):
        responses.append(client.post(request_page.url, {"step": number, "action": "continue", **data}))
        responses.append(client.get(request_page.url))
    responses.append(client.get(request_page.url + "sent/"))
    for response in responses:
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_the_confirmation_repeats_none_of_the_answers(client, request_page, wales_team):
    response = client.get(fill_in(client, request_page.url)["Location"])
    content = response.content.decode()
    assert "Your request has been sent" in content
    for value in PERSONAL_VALUES + ["North Wales", "Wales"]:
        assert value not in content


def test_the_team_is_emailed_a_link_to_the_admin_and_nothing_else(
    client, request_page, wales_team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fill_in(client, request_page.url)
    request = DisclosureRequest.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [wales_team.email]
    assert message.subject == "A new request is waiting"
    assert message.body.strip().endswith(f"http://testserver/admin/disclosure_requests/case/{request.pk}/")
    for value in PERSONAL_VALUES + ["North Wales", "Wales", "north-wales", request.reference]:
        assert value not in message.body and value not in message.subject


def test_errors_are_summarised_and_nothing_typed_is_lost(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:1])
    response = client.post(
        request_page.url,
        {
            "step": 1,
            "action": "continue",
            "your_name": "Marigold Uniquename",
            "contact_method": "phone",
            "safe_times": "Tuesdays after nine",
            "voicemail_safe": "no",
            "identify_as": "charity",
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in content
    assert 'href="#id_phone"' in content
    assert 'value="Marigold Uniquename"' in content
    assert "Tuesdays after nine" in content


def test_fields_about_the_person_of_concern_are_not_autofilled(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    content = client.get(request_page.url).content.decode()
    assert "Their name" in content
    for name in ["person_name", "person_relationship", "person_age", "person_date_of_birth_day"]:
        tag = content[content.index(f'name="{name}"') - 300 : content.index(f'name="{name}"') + 300]
        assert 'autocomplete="off"' in tag


def test_back_returns_to_the_previous_step_with_its_answers(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    client.post(request_page.url, {"step": 2, "action": "back"})
    content = client.get(request_page.url).content.decode()
    assert "Step 2 of 5" in content
    assert 'value="Marigold Uniquename"' in content


def test_no_step_number_or_answer_appears_in_any_url(client, request_page, wales_team):
    urls = []
    for number, data in enumerate(VALID_STEPS):
        response = client.post(request_page.url, {"step": number, "action": "continue", **data})
        urls.append(response["Location"])
    for data in ({"change": "1"}, {"step": 1, "action": "continue", **VALID_STEPS[1]}, {"action": "send"}):
        response = client.post(request_page.url, {"step": CHECK_STEP, **data})
        urls.append(response["Location"])
    assert set(urls) == {request_page.url, request_page.url + "sent/"}
    assert DisclosureRequest.objects.count() == 1


def test_answers_expire_after_the_timeout(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(form_state, "TIMEOUT_SECONDS", -1)
        content = client.get(request_page.url).content.decode()
    assert "Step 1 of 5" in content
    assert "cleared your answers after 30 minutes" in content
    assert "Marigold" not in content


def test_the_quick_exit_forgets_the_answers(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:3])
    client.get("/exit/", HTTP_SEC_FETCH_SITE="same-origin")  # what a browser sends on our own link
    content = client.get(request_page.url).content.decode()
    assert "Step 1 of 5" in content
    assert "Marigold" not in content


def test_skipping_ahead_with_a_crafted_post_is_not_possible(client, request_page, wales_team):
    client.post(request_page.url, {"step": 4, "action": "continue", "consent": "on"})
    assert DisclosureRequest.objects.count() == 0
    assert "Step 1 of 5" in client.get(request_page.url).content.decode()


def test_the_honeypot_pretends_to_succeed_and_saves_nothing(client, request_page, wales_team):
    fill_in(client, request_page.url, VALID_STEPS[:-1])
    spam = {
        "step": len(VALID_STEPS) - 1,
        "action": "continue",
        **VALID_STEPS[-1],
        "website": "http://spam.example",
    }
    response = client.post(request_page.url, spam)
    assert response["Location"] == request_page.url + "sent/"
    assert DisclosureRequest.objects.count() == 0


@override_settings(DISCLOSURE_STEP_RATE="3/h")
def test_posting_is_rate_limited_per_ip(client, request_page):
    for _ in range(3):
        client.post(request_page.url, {"step": 0, "action": "continue"})
    response = client.post(request_page.url, {"step": 0, "action": "continue"})
    assert response.status_code == 429


@override_settings(DISCLOSURE_SUBMIT_RATE="1/h")
def test_sending_requests_is_rate_limited_per_ip(client, request_page, wales_team):
    fill_in(client, request_page.url)
    response = fill_in(client, request_page.url)
    assert response.status_code == 429
    assert DisclosureRequest.objects.count() == 1


def test_the_police_force_is_worked_out_from_a_known_postcode(client, request_page, wales_team):
    Postcode.objects.create(postcode="LL57 1UT", police_force_code="W15000001", country_code="W92000004")
    steps = [dict(step) for step in VALID_STEPS]
    steps[3] = {"concerns": "Worried", "postcode": "ll571ut", "police_force": ""}
    fill_in(client, request_page.url, steps)
    request = DisclosureRequest.objects.get()
    assert request.police_force == "north-wales"
    assert request.team == wales_team


def test_an_unknown_postcode_asks_the_person_to_choose_the_force(client, request_page):
    Postcode.objects.create(postcode="LL57 1UT", police_force_code="W15000001")
    fill_in(client, request_page.url, VALID_STEPS[:3])
    response = client.post(
        request_page.url, {"step": 3, "action": "continue", "concerns": "Worried", "postcode": "ZZ99 9ZZ"}
    )
    assert response.status_code == 200
    assert "choose it here" in response.content.decode()


def test_without_postcode_data_the_force_is_chosen_from_the_list(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:3])
    content = client.get(request_page.url).content.decode()
    assert 'name="postcode"' not in content
    assert "Police Service of Northern Ireland" in content
    assert "British Transport Police" in content


def test_the_form_view_hides_post_data_from_error_reports(rf, request_page):
    from django.views.debug import SafeExceptionReporterFilter

    request = rf.post(request_page.url, {"person_name": "Barnaby Perpetratorson"})
    request.session = {}
    with contextlib.suppress(Exception):  # a bare request, on purpose: we only want the marking
        request_page.form(request)
    assert request.sensitive_post_parameters == "__ALL__"
    cleansed = SafeExceptionReporterFilter().get_post_parameters(request)
    assert "Barnaby" not in str(cleansed)


def test_abandoned_answers_are_removed_from_the_session_store(client, request_page, settings, monkeypatch):
    from support.tasks import forget_abandoned_form_answers

    fill_in(client, request_page.url, VALID_STEPS[:2])
    assert forget_abandoned_form_answers.call() == 0  # still within the 30 minutes
    assert SESSION_KEY in client.session
    monkeypatch.setattr(form_state, "TIMEOUT_SECONDS", -1)
    assert forget_abandoned_form_answers.call() == 1
    assert SESSION_KEY not in client.session
    assert ("support.tasks.forget_abandoned_form_answers", 600) in settings.PERIODIC_TASKS
