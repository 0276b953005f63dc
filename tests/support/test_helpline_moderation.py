"""A helpline's number is a safety fact: an Editor's change reaches survivors only once a Moderator approves
it, public pages show the published version alone, and the history says who did what and when."""

import datetime
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from support.models import Helpline
from tests.page_types import admin_form_data
from tests.support.factories import GuidanceIndexPageFactory, GuidancePageFactory, HelplineFactory
from website.models import SiteSettings
from website.staff import groups as staff_groups

pytestmark = pytest.mark.django_db

OLD_NUMBER, NEW_NUMBER = "0808 2000 247", "0800 666 1313"
ON_THE_CLOCK = datetime.datetime(2026, 12, 7, 10, 30, tzinfo=ZoneInfo("Europe/London"))


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@waymark.example", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return member_of(staff_groups.EDITORS, "eddie")


@pytest.fixture
def moderator():
    return member_of(staff_groups.MODERATORS, "mo")


@pytest.fixture
def helpline(site):
    """A live helpline with a first revision, in the footer; guidance and the helplines page list it."""
    helpline = HelplineFactory(name="National Domestic Abuse Helpline", number=OLD_NUMBER)
    helpline.save_revision().publish()
    SiteSettings.for_site(site).footer_helplines.add(helpline)
    return helpline


@pytest.fixture
def helplines_page(home):
    from support.models import HelplinesPage

    page = HelplinesPage(title="Helplines", slug="helplines")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def edit_url(helpline):
    return reverse("wagtailsnippets_support_helpline:edit", args=[helpline.pk])


def edit_as(client, user, helpline, action, **changes):
    """Post the admin's edit form for `helpline`, as `user`, with `changes` and the button `action`."""
    client.force_login(user)
    data = admin_form_data(client, edit_url(helpline), form_id="w-editor-form")
    data.update(changes)
    data[action] = action
    return client.post(edit_url(helpline), data)


def approve_as(client, user, helpline):
    state = WorkflowState.objects.get(
        base_content_type__model="helpline",
        object_id=str(helpline.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    client.force_login(user)
    url = reverse(
        "wagtailsnippets_support_helpline:workflow_action",
        args=[helpline.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {"comment": ""})


def what_survivors_see(client, *paths):
    client.logout()
    return "".join(client.get(path).content.decode() for path in paths)


def footer_of(html):
    return html[html.index('<footer class="site-footer">') :]


def test_helplines_are_under_the_moderators_approval_workflow():
    workflow = Helpline().get_workflow()
    assert workflow is not None and workflow.name == "Moderators approval"
    assert [task.name for task in workflow.tasks] == ["Moderators approval"]


def test_an_editors_new_number_waits_for_a_moderator_and_then_is_live(
    client, editor, moderator, helpline, helplines_page
):
    response = edit_as(client, editor, helpline, "action-submit", number=NEW_NUMBER)
    assert response.status_code == 302, response.content[:2000]

    helplines = what_survivors_see(client, "/helplines/")
    footer = footer_of(what_survivors_see(client, "/about/"))
    for html in (helplines, footer):
        assert OLD_NUMBER in html and NEW_NUMBER not in html
    assert Helpline.objects.get(pk=helpline.pk).number == OLD_NUMBER
    assert Helpline.objects.get(pk=helpline.pk).has_unpublished_changes

    response = approve_as(client, moderator, helpline)
    assert response.status_code in (200, 302)

    helplines = what_survivors_see(client, "/helplines/")
    footer = footer_of(what_survivors_see(client, "/about/"))
    for html in (helplines, footer):
        assert NEW_NUMBER in html and OLD_NUMBER not in html


def test_an_editor_cannot_publish_a_helpline_directly(client, editor, helpline, helplines_page):
    client.force_login(editor)
    form = client.get(edit_url(helpline)).content.decode()
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form

    response = edit_as(client, editor, helpline, "action-publish", number=NEW_NUMBER)

    assert response.status_code in (302, 403)
    assert Helpline.objects.get(pk=helpline.pk).number == OLD_NUMBER
    assert NEW_NUMBER not in what_survivors_see(client, "/helplines/")


def test_an_editor_cannot_approve_their_own_change(client, editor, helpline, helplines_page):
    edit_as(client, editor, helpline, "action-submit", number=NEW_NUMBER)

    approve_as(client, editor, helpline)

    assert Helpline.objects.get(pk=helpline.pk).number == OLD_NUMBER
    assert NEW_NUMBER not in what_survivors_see(client, "/helplines/")


def test_an_editors_chat_link_and_text_number_wait_for_a_moderator_too(
    client, editor, moderator, helpline, helplines_page
):
    edit_as(
        client,
        editor,
        helpline,
        "action-submit",
        text_number="60060",
        webchat_url="https://chat.example.org/talk",
    )
    html = what_survivors_see(client, "/helplines/")
    assert "60060" not in html and "https://chat.example.org/talk" not in html

    approve_as(client, moderator, helpline)

    html = what_survivors_see(client, "/helplines/")
    assert "Text: 60060" in html and 'href="https://chat.example.org/talk"' in html


def test_a_new_helpline_shows_nowhere_until_a_moderator_approves_it(
    client, site, editor, moderator, helplines_page, home
):
    index = GuidanceIndexPageFactory(parent=home)
    guidance = GuidancePageFactory(parent=index, slug="stalking")
    guidance.save_revision().publish()
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_support_helpline:add")
    data = admin_form_data(client, add_url, form_id="w-editor-form")
    data.update({"name": "Line An Abuser Controls", "number": NEW_NUMBER, "action-submit": "action-submit"})
    assert client.post(add_url, data).status_code == 302
    added = Helpline.objects.get(name="Line An Abuser Controls")
    SiteSettings.for_site(site).footer_helplines.add(added)  # even chosen for the footer

    html = what_survivors_see(client, "/helplines/", guidance.url)
    assert not added.live
    assert "Line An Abuser Controls" not in html and NEW_NUMBER not in html

    approve_as(client, moderator, added)

    html = what_survivors_see(client, "/helplines/", guidance.url)
    assert html.count("Line An Abuser Controls") >= 3  # the helplines page, beside the guidance, footer


def test_a_callout_shows_only_a_live_helpline(client, site, home):
    unpublished = HelplineFactory(name="Never Approved Line", number=NEW_NUMBER, live=False)
    index = GuidanceIndexPageFactory(parent=home)
    guidance = GuidancePageFactory(
        parent=index, slug="clares-law", body=[("helpline", {"helpline": unpublished, "note": "Call them."})]
    )
    guidance.save_revision().publish()

    html = what_survivors_see(client, guidance.url)

    assert "Never Approved Line" not in html and "Call them." not in html


def test_a_submit_and_an_approval_are_in_the_history_with_who_and_when(
    client, editor, moderator, helpline, time_machine
):
    time_machine.move_to(ON_THE_CLOCK, tick=False)
    edit_as(client, editor, helpline, "action-submit", number=NEW_NUMBER)
    approve_as(client, moderator, helpline)

    entries = ModelLogEntry.objects.for_instance(helpline)
    submitted = entries.get(action="wagtail.workflow.start")
    approved = entries.get(action="wagtail.workflow.approve")
    published = entries.filter(action="wagtail.publish").latest("pk")  # the helpline fixture published first
    assert (submitted.user, submitted.timestamp) == (editor, ON_THE_CLOCK)
    assert (approved.user, approved.timestamp) == (moderator, ON_THE_CLOCK)
    assert (published.user, published.timestamp) == (moderator, ON_THE_CLOCK)
    # The revision survivors now see is the Editor's, with the new number.
    live = Helpline.objects.get(pk=helpline.pk).live_revision
    assert live.user == editor and live.content["number"] == NEW_NUMBER


def test_the_migration_keeps_existing_helplines_live_with_a_first_revision():
    """What the data migration does to the rows a site had before helplines were moderated."""
    before = HelplineFactory(name="Stalking Line", number="0808 802 0300", hours="Weekdays")
    Helpline.objects.filter(pk=before.pk).update(live=True, latest_revision=None, live_revision=None)
    migration = importlib.import_module("support.migrations.0012_existing_helplines_stay_live")

    migration.forwards(apps, schema_editor=None)

    after = Helpline.objects.get(pk=before.pk)
    assert after.live and not after.has_unpublished_changes
    assert (after.name, after.number, after.hours) == ("Stalking Line", "0808 802 0300", "Weekdays")
    assert after.live_revision == after.latest_revision == Revision.objects.for_instance(after).get()
    assert after.live_revision.as_object().number == "0808 802 0300"
    assert after.first_published_at is not None
