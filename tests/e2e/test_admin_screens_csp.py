"""Every admin screen staff use, in Chromium, under the site's Content Security Policy: none may report a
violation, in the console or as a `securitypolicyviolation` event, and the date-time pickers must start.

The walk signs in once as an Administrator who is also a caseworker, then visits the dashboard, the page
explorer, the page editor (with the schedule-publishing dialog), snippets, images, documents, the casework
queue, the petition tools and the reports.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from campaign.models import LetterPage, StoryPage
from petition.models import CampaignUpdate, PetitionPage
from support.models import CaseworkTeam, Helpline
from tests.e2e.conftest import PASSWORD
from tests.support.factories import DisclosureRequestFactory
from website.models import SafetySettings
from website.staff.groups import CASEWORKERS


class _Silent:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#336699").save(buffer, "PNG")
    return buffer.getvalue()


def blank_pdf():
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def staff_site(transactional_db, django_user_model):
    call_command("seed_demo", stdout=_Silent())
    user = django_user_model.objects.create_superuser("admin", "admin@waymark.example", PASSWORD)
    user.groups.add(Group.objects.get(name=CASEWORKERS))
    team = CaseworkTeam.objects.order_by("pk").first()
    team.members.add(user)
    request = DisclosureRequestFactory(team=team)
    image = get_image_model().objects.create(
        title="Campaign photo", file=ImageFile(io.BytesIO(png_bytes()), name="campaign.png")
    )
    document = get_document_model().objects.create(
        title="Briefing", file=ContentFile(blank_pdf(), name="briefing.pdf")
    )
    update = CampaignUpdate.objects.create(subject="The register is in the bill", body="Thank you.")
    return {"user": user, "request": request, "image": image, "document": document, "update": update}


def visit(page, url, csp_violations, seen):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if csp_violations:
        seen[url] = list(csp_violations)
        csp_violations.clear()


def picker_starts(page, field):
    """Whether the date-time picker (jQuery datetimepicker) opens when its field is clicked."""
    field.click()
    try:
        expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    except AssertionError:
        return False
    page.keyboard.press("Escape")
    return True


def test_every_admin_screen_staff_use_works_under_the_strict_csp(staff_site, admin_page, csp_violations):
    page = admin_page
    seen = {}
    home = Page.objects.get(depth=2)
    standard = home.get_children().get(slug="about")
    petition = PetitionPage.objects.get()
    story = StoryPage.objects.first()
    letter = LetterPage.objects.get()
    screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/?ordering=latest_revision_created_at",
        f"/admin/pages/{standard.pk}/edit/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{letter.pk}/edit/",
        f"/admin/pages/{petition.pk}/edit/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/add/website/standardpage/{home.pk}/",
        f"/admin/pages/{standard.pk}/history/",
        "/admin/snippets/",
        reverse("wagtailsnippets_support_helpline:list"),
        reverse("wagtailsnippets_support_helpline:edit", args=[Helpline.objects.first().pk]),
        reverse("wagtailsnippets_support_helpline:add"),
        reverse("wagtailsnippets_support_helpline:history", args=[Helpline.objects.first().pk]),
        reverse("wagtailsnippets_website_safetysettings:list"),
        reverse("wagtailsnippets_website_safetysettings:edit", args=[SafetySettings.objects.first().pk]),
        "/admin/images/",
        f"/admin/images/{staff_site['image'].pk}/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        f"/admin/documents/edit/{staff_site['document'].pk}/",
        "/admin/documents/multiple/add/",
        reverse("disclosure_requests:index"),
        reverse("disclosure_requests:edit", args=[staff_site["request"].pk]),
        reverse("petition_signatures:index"),
        reverse("petition_supporters:index"),
        reverse("petition_invalidate:index"),
        reverse("petition_lobbying:index"),
        reverse("petition_domain_rules:index"),
        reverse("petition_domain_rules:add"),
        reverse("petition_blocked_domains:index"),
        reverse("petition_blocked_networks:index"),
        reverse("campaign_updates:index"),
        reverse("campaign_updates:add"),
        reverse("campaign_updates:edit", args=[staff_site["update"].pk]),
        reverse("campaign_updates:review", args=[staff_site["update"].pk]),
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/settings/",
        "/admin/users/",
        "/admin/workflows/add/",  # an inline panel of tasks, each with the task chooser
    ]
    for url in screens:
        visit(page, url, csp_violations, seen)

    # The page editor's schedule-publishing dialog: its date-time pickers start.
    visit(page, f"/admin/pages/{standard.pk}/edit/", csp_violations, seen)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog", name="Set publishing schedule")
    expect(dialog).to_be_visible()
    pickers = {"schedule dialog": picker_starts(page, dialog.get_by_label("Go live date/time"))}
    if csp_violations:
        seen["schedule dialog"] = list(csp_violations)
        csp_violations.clear()
    # A chooser starts: the petition's privacy-notice page chooser opens its modal.
    visit(page, f"/admin/pages/{petition.pk}/edit/", csp_violations, seen)
    pickers["petition closes"] = picker_starts(page, page.locator("#id_closes_at"))
    chooser = page.locator("#id_privacy_page-chooser")
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_role("button", name="Choose another page").click()
    expect(page.locator(".modal-dialog").first).to_be_visible()
    if csp_violations:
        seen["page chooser"] = list(csp_violations)
        csp_violations.clear()
    # An inline panel starts: a new task row in the workflow editor, whose task chooser opens its modal.
    visit(page, "/admin/workflows/add/", csp_violations, seen)
    page.get_by_role("button", name="Add task").click()
    page.get_by_role("button", name="Choose a task").last.click()
    expect(page.locator(".modal-dialog").first).to_be_visible()
    if csp_violations:
        seen["workflow editor"] = list(csp_violations)
        csp_violations.clear()
    # A listing's date filter (signatures: "Signed" from) starts its picker too.
    visit(page, reverse("petition_signatures:index"), csp_violations, seen)
    # The filters sit in a closed drawer: the picker is built (hidden) when the field is set up.
    pickers["signatures filter"] = page.locator(".xdsoft_datetimepicker").count() >= 4

    report = "\n".join(f"{url}:\n  " + "\n  ".join(sorted(set(found))) for url, found in seen.items())
    page.close()
    assert not seen, "CSP violations in the admin:\n" + report
    assert all(pickers.values()), f"date pickers that did not start: {pickers}"
