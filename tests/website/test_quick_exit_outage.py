"""The quick exit leaves, and forgets, even while the database cannot answer: someone in danger is never left
on an error page of this site."""

import pytest
from django.db import OperationalError, connection
from wagtail.models import Site

from tests.website.factories import publish_safety_settings

pytestmark = pytest.mark.django_db

EXIT = "https://www.example.org/weather"


def database_down(execute, sql, params, many, context):
    raise OperationalError("PostgreSQL at db.example:5432 is not answering: not tried (website.postgres)")


def test_with_the_database_down_the_exit_still_leaves_for_the_last_known_destination(client, home):
    publish_safety_settings(Site.objects.get(is_default_site=True), quick_exit_url=EXIT)
    assert client.get("/exit/")["Location"] == EXIT  # read while the database answered
    session = client.session
    session["disclosure_request"] = "answers so far"
    session.save()
    with connection.execute_wrapper(database_down):
        response = client.get("/exit/", HTTP_REFERER="http://testserver/ask-the-police/")
    assert response.status_code == 302
    assert response["Location"] == EXIT
    assert response.cookies["sessionid"].value == ""  # expired in the browser all the same
    assert response["Clear-Site-Data"] == '"cache"'


def test_with_the_database_down_and_nothing_read_yet_the_exit_goes_to_the_default(client, home):
    from website import views
    from website.models import SafetySettings

    views._last_destinations.clear()
    with connection.execute_wrapper(database_down):
        response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == SafetySettings.DEFAULT_QUICK_EXIT_URL


def test_with_staff_two_factor_required_the_exit_still_leaves_when_the_session_cannot_be_read(
    client, home, settings
):
    settings.WAYMARK_REQUIRE_2FA = True
    publish_safety_settings(Site.objects.get(is_default_site=True), quick_exit_url=EXIT)
    assert client.get("/exit/")["Location"] == EXIT
    session = client.session
    session["disclosure_request"] = "answers so far"  # kept in the database, read on every request
    session.save()
    with connection.execute_wrapper(database_down):
        response = client.get("/exit/", HTTP_REFERER="http://testserver/ask-the-police/")
    assert response.status_code == 302
    assert response["Location"] == EXIT
    assert response.cookies["sessionid"].value == ""
