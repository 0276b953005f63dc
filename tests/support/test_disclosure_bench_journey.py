"""The bench's journeys read forms as a person does: on "Check your answers" they press Send, not the
first "Change" beside an answer."""

import pytest

from bench.journeys import DISCLOSURE_VALUES, forms_in

pytestmark = pytest.mark.django_db


def test_the_disclosure_journey_reaches_the_sent_page_through_check_your_answers(
    client, request_page, wales_team
):
    for _ in range(8):
        page = client.get(request_page.url)
        form = next(f for f in forms_in(page.content.decode(), "http://testserver/") if f.method == "POST")
        response = client.post(form.action, form.fill(DISCLOSURE_VALUES))
        assert response.status_code == 302
        if response["Location"] == request_page.url + "sent/":
            return
    pytest.fail("the journey never reached the sent page")
