"""The letter follow-up: an email on the fourteenth day asking whether the representative replied, in the
writer's language, with signed links; the answer is recorded once and the follow-up row is gone."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from campaign import follow_ups
from campaign.models.stances import FollowUpAnswer, LetterFollowUp, Position
from geography.models import Area, Representative

pytestmark = pytest.mark.django_db
WRITER = "writer@example.org"
# A Tuesday morning, local time.
WRITTEN_AT = datetime(2026, 11, 3, 9, 30)


@pytest.fixture(autouse=True)
def written_at(time_machine):
    time_machine.move_to(timezone.make_aware(WRITTEN_AT), tick=False)


def days_later(time_machine, days):
    time_machine.move_to(timezone.make_aware(WRITTEN_AT) + timedelta(days=days), tick=False)


@pytest.fixture
def commissioner(db):
    area = Area.objects.create(
        body="policing", kind=Area.Kind.POLICE_FORCE_AREA, code="E23000036", name="Avon and Somerset"
    )
    return Representative.objects.create(area=area, role=Representative.Role.COMMISSIONER, name="Clare Moody")


def answer_links(message):
    return re.findall(r"https?://\S+", message.body)


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def test_a_follow_up_is_sent_on_the_fourteenth_day_and_then_forgotten(mp, home, time_machine):
    follow_ups.schedule(email=WRITER, recipient=mp, language="en-gb")

    days_later(time_machine, 1)
    follow_ups.send_due_follow_ups.enqueue()
    assert mail.outbox == []
    days_later(time_machine, 13)
    follow_ups.send_due_follow_ups.enqueue()
    assert mail.outbox == []
    assert LetterFollowUp.objects.count() == 1

    days_later(time_machine, 14)
    follow_ups.send_due_follow_ups.enqueue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [WRITER]
    assert LetterFollowUp.objects.count() == 0

    follow_ups.send_due_follow_ups.enqueue()
    assert len(mail.outbox) == 1  # sent once


def test_the_email_names_the_recipient_and_holds_no_letter_and_no_address_in_its_links(
    mp, home, time_machine
):
    follow_ups.schedule(email=WRITER, recipient=mp, language="en-gb")
    days_later(time_machine, 14)
    follow_ups.send_due()

    message = mail.outbox[0]
    assert "Neil Coyle" in message.subject
    assert "Neil Coyle" in message.body
    assert "They replied" in message.body and "Not yet" in message.body
    assert "Dear" not in message.body  # the letter's text is never kept, so it cannot be in the email
    links = answer_links(message)
    assert len(links) == 2
    assert links[0].endswith("?answer=replied") and links[1].endswith("?answer=not_yet")
    for link in links:
        assert "writer" not in link and "example.org" not in link
        assert "writer@example.org" not in str(signing.loads(link.split("/")[-2], salt=follow_ups.SALT))


def test_a_welsh_writer_gets_the_welsh_email_with_welsh_links(mp, home, time_machine):
    follow_ups.schedule(email=WRITER, recipient=mp, language="cy")
    days_later(time_machine, 14)
    follow_ups.send_due()

    message = mail.outbox[0]
    assert message.subject == "A wnaeth Neil Coyle ateb eich llythyr?"
    assert "Maen nhw wedi ateb" in message.body
    assert message.extra_headers["Content-Language"] == "cy"
    assert all(path_of(link).startswith("/cy/follow-up/answer/") for link in answer_links(message))


def test_a_failed_send_keeps_the_follow_up_for_the_next_run(mp, home, time_machine, monkeypatch):
    follow_ups.schedule(email=WRITER, recipient=mp, language="en-gb")
    days_later(time_machine, 14)

    def outage(self, fail_silently=False):
        raise ConnectionError("provider down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", outage)
    assert follow_ups.send_due() == 0
    assert LetterFollowUp.objects.count() == 1
    monkeypatch.undo()
    assert follow_ups.send_due() == 1
    assert LetterFollowUp.objects.count() == 0


@pytest.fixture
def emailed_link(mp, home, time_machine):
    follow_ups.schedule(email=WRITER, recipient=mp, language="en-gb")
    days_later(time_machine, 14)
    follow_ups.send_due()
    return path_of(answer_links(mail.outbox[0])[0])


def test_following_the_link_records_nothing_until_the_writer_confirms(client, emailed_link):
    response = client.get(emailed_link)

    assert response.status_code == 200
    assert "Did Neil Coyle reply to your letter?" in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text
    assert 'value="replied"' in response.text and "checked" in response.text
    assert response["Cache-Control"].startswith("max-age=0")
    assert FollowUpAnswer.objects.count() == 0


def test_the_answer_is_recorded_once_for_the_recipient_and_a_replay_is_refused_politely(
    client, mp, emailed_link
):
    url = emailed_link.split("?")[0]
    response = client.post(url, {"answer": "replied", "position": Position.SUPPORTS})

    assert response.status_code == 200
    assert "Thank you" in response.text
    answer = FollowUpAnswer.objects.get()
    assert (answer.mp, answer.name, answer.replied, answer.position_as_read) == (
        mp,
        "Neil Coyle",
        True,
        Position.SUPPORTS,
    )
    assert answer.week.weekday() == 0

    replay = client.post(url, {"answer": "not_yet"})
    assert replay.status_code == 200
    assert "We already have your answer" in replay.text
    assert FollowUpAnswer.objects.count() == 1
    assert "We already have your answer" in client.get(emailed_link).text


def test_not_yet_is_recorded_without_a_position(client, emailed_link):
    client.post(emailed_link.split("?")[0], {"answer": "not_yet", "position": Position.OPPOSES})

    answer = FollowUpAnswer.objects.get()
    assert (answer.replied, answer.position_as_read) == (False, "")


def test_a_tampered_token_gets_a_clear_page(client, emailed_link):
    path = emailed_link.split("?")[0]
    token = path.split("/")[-2]
    tampered = path.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))

    for response in (client.get(tampered), client.post(tampered, {"answer": "replied"})):
        assert response.status_code == 404
        assert "This link does not work" in response.text
    assert client.get("/follow-up/answer/not-a-token/").status_code == 404
    assert FollowUpAnswer.objects.count() == 0


def test_a_link_older_than_its_days_gets_the_clear_page(client, emailed_link, time_machine):
    days_later(time_machine, 14 + follow_ups.ANSWER_DAYS + 1)

    response = client.post(emailed_link.split("?")[0], {"answer": "replied"})

    assert response.status_code == 404
    assert FollowUpAnswer.objects.count() == 0


def test_a_follow_up_to_another_representative_records_its_answer_for_them(
    client, commissioner, home, time_machine
):
    follow_ups.schedule(email=WRITER, recipient=commissioner, language="en-gb")
    days_later(time_machine, 14)
    follow_ups.send_due()
    assert "Clare Moody" in mail.outbox[0].body

    client.post(path_of(answer_links(mail.outbox[0])[1]).split("?")[0], {"answer": "not_yet"})

    answer = FollowUpAnswer.objects.get()
    assert (answer.representative, answer.mp, answer.replied) == (commissioner, None, False)


def test_the_answer_page_is_in_the_writers_language(client, mp, home):
    with translation.override("cy"):
        url = reverse("follow_up_answer", kwargs={"token": "x"})
    assert url.startswith("/cy/")


def test_the_scheduler_runs_the_follow_ups(settings):
    from website.management.commands.run_scheduler import load_schedule

    assert follow_ups.send_due_follow_ups in [task for task, _every in load_schedule()]


def test_the_answer_links_token_is_masked_in_logs():
    from website.logging import redact_url

    assert redact_url("/cy/follow-up/answer/.eJxTOKEN:1abc:sig/?answer=replied") == (
        "/cy/follow-up/answer/[token]/?[redacted]"
    )
