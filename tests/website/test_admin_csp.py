"""The admin under our CSP, checked on the server: no executable inline script in any admin page we render,
and the admin's few relaxations (styles, one no-op handler) never reach the public site.
The browser walk of every admin screen is tests/e2e/test_admin_screens_csp.py."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminPageChooser
from wagtail.images.widgets import AdminImageChooser
from wagtail.models import Page, Workflow

pytestmark = pytest.mark.django_db

# A <script> that a browser would run as inline code: no src, and not a JSON data block.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


class _Silent:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def admin_client(client):
    call_command("seed_demo", stdout=_Silent())
    client.force_login(User.objects.create_superuser("boss", "boss@waymark.example", "password-for-tests"))
    return client


def test_date_widgets_and_choosers_render_their_start_up_as_data_not_script():
    html = "".join(
        [
            AdminDateInput().render("day", None, {"id": "id_day"}),
            AdminDateTimeInput().render("when", None, {"id": "id_when"}),
            AdminPageChooser().render("page", None, {"id": "id_page"}),
            AdminImageChooser().render("image", None, {"id": "id_image"}),
        ]
    )
    assert not INLINE_SCRIPT.search(html), html
    assert 'data-waymark-picker="datetime"' in html and 'data-waymark-picker="date"' in html
    assert '"construct": "PageChooser", "args": ["id_page"' in html
    assert '"construct": "ImageChooser", "args": ["id_image"' in html


def test_no_admin_screen_staff_use_holds_an_inline_script(admin_client):
    urls = [f"/admin/pages/{page.pk}/edit/" for page in Page.objects.filter(depth__gte=2)]
    urls += ["/admin/", "/admin/pages/", "/admin/reports/aging-pages/", "/admin/reports/workflow_tasks/"]
    urls += ["/admin/users/", "/admin/petition_signatures/", "/admin/images/", "/admin/documents/"]
    # The workflow editor: an inline panel of tasks, each with the task chooser.
    urls += [f"/admin/workflows/edit/{workflow.pk}/" for workflow in Workflow.objects.all()[:1]]
    urls += ["/admin/workflows/add/"]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        found = INLINE_SCRIPT.findall(response.content.decode())
        assert not found, f"{url}: {found}"


def test_the_admin_policy_relaxes_styles_only_and_scripts_stay_strict(admin_client):
    policy = directives(admin_client.get("/admin/pages/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    # The one inline handler allowed is the image cropper's no-op feature test, by its hash.
    assert policy["script-src-attr"] == [
        "'unsafe-hashes'",
        "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='",
    ]


def test_the_public_site_keeps_the_strict_policy(admin_client):
    for url in ["/", "/about/", "/petition/"]:
        header = admin_client.get(url)["Content-Security-Policy"]
        assert "'unsafe-inline'" not in header and "unsafe-hashes" not in header, url
        assert directives(header)["style-src"] == ["'self'"]
