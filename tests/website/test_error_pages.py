"""404 and 500 pages keep the quick exit, and the 500 page needs no database to render."""

import pytest
from django.test import RequestFactory
from django.urls import get_resolver


def assert_has_quick_exit(html):
    assert 'class="quick-exit"' in html
    assert 'href="/exit/"' in html
    assert 'rel="noreferrer nofollow"' in html
    assert html.index('class="skip-link"') < html.index('href="/exit/"') < html.index("<main")
    assert "/static/js/quick-exit.js" in html


@pytest.mark.django_db
def test_the_404_page_keeps_the_quick_exit(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert_has_quick_exit(html)


def test_the_500_page_keeps_the_quick_exit_and_the_helplines_without_touching_the_database():
    # No django_db mark: pytest-django makes any query here an error, as if the database were down.
    handler500 = get_resolver().resolve_error_handler(500)
    response = handler500(RequestFactory().get("/somewhere/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "0808 2000 247" in html
    assert_has_quick_exit(html)


@pytest.mark.django_db
def test_the_429_page_keeps_the_quick_exit(client, home):
    from website.request_policy.ratelimits import too_many_requests

    response = too_many_requests(RequestFactory().get("/"))
    assert response.status_code == 429
    assert_has_quick_exit(response.content.decode())
