"""Each site's quick-exit destination and emergency message are moderated: an Editor's change waits for a
Moderator, /exit/ and the banner keep the published values until then, and the history says who and when."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Site, WorkflowState
from wagtail.test.utils.form_data import rich_text

from demo.translations import translate
from tests.page_types import admin_form_data
from tests.website.factories import publish_safety_settings
from website.models import SafetySettings, StandardPage
from website.staff import groups as staff_groups

OLD_EXIT, NEW_EXIT = "https://www.bbc.co.uk/weather", "https://abuser.example.net/where-are-you"
OLD_MESSAGE = "<p>In danger now? Call <b>999</b>.</p>"
NEW_MESSAGE = "<p>In danger? Ring 0800 000 0000 instead of 999.</p>"
ON_THE_CLOCK = datetime.datetime(2026, 12, 7, 11, 0, tzinfo=ZoneInfo("Europe/London"))


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@waymark.example", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of(staff_groups.EDITORS, "eddie")


@pytest.fixture
def moderator(db):
    return member_of(staff_groups.MODERATORS, "mo")


@pytest.fixture
def welsh(home):
    """The home and about pages in Welsh, so /cy/about/ is a Welsh page."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    words = {"Waymark": "Waymark", "About us": "Amdanom ni"}
    translate(home, locale, words)
    translate(StandardPage.objects.get(slug="about", locale__language_code="en-gb"), locale, words)
    return locale


@pytest.fixture
def safety(site):
    return publish_safety_settings(site, quick_exit_url=OLD_EXIT, emergency_message=OLD_MESSAGE)


def edit_url(safety):
    return reverse("wagtailsnippets_website_safetysettings:edit", args=[safety.pk])


def edit_as(client, user, safety, action, **changes):
    client.force_login(user)
    data = admin_form_data(client, edit_url(safety), form_id="w-editor-form")
    data.update(changes)
    data[action] = action
    return client.post(edit_url(safety), data)


def approve_as(client, user, safety):
    state = WorkflowState.objects.get(
        base_content_type__model="safetysettings",
        object_id=str(safety.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    client.force_login(user)
    url = reverse(
        "wagtailsnippets_website_safetysettings:workflow_action",
        args=[safety.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {"comment": ""})


def exit_goes_to(client):
    client.logout()
    return client.get("/exit/")["Location"]


def banner(client):
    client.logout()
    html = client.get("/about/").content.decode()
    return html[html.index('<aside class="emergency"') : html.index("<main")]


@pytest.mark.django_db
def test_safety_settings_are_under_the_moderators_approval_workflow():
    workflow = SafetySettings().get_workflow()
    assert workflow is not None and workflow.name == "Moderators approval"


@pytest.mark.django_db
def test_an_editors_new_exit_and_message_wait_for_a_moderator_and_then_are_live(
    client, editor, moderator, safety
):
    changes = {"quick_exit_url": NEW_EXIT, "emergency_message": rich_text(NEW_MESSAGE)}
    response = edit_as(client, editor, safety, "action-submit", **changes)
    assert response.status_code == 302, response.content[:2000]

    assert exit_goes_to(client) == OLD_EXIT
    assert "Call <b>999</b>" in banner(client) and "0800 000 0000" not in banner(client)
    assert f'data-destination="{OLD_EXIT}"' in client.get("/about/").content.decode()

    response = approve_as(client, moderator, safety)
    assert response.status_code in (200, 302)

    assert exit_goes_to(client) == NEW_EXIT
    assert "0800 000 0000" in banner(client) and "Call <b>999</b>" not in banner(client)
    assert f'data-destination="{NEW_EXIT}"' in client.get("/about/").content.decode()


@pytest.mark.django_db
def test_an_editors_welsh_emergency_message_waits_for_a_moderator(client, editor, moderator, safety, welsh):
    welsh_message = rich_text("<p>Ffoniwch 0800 000 0000.</p>")
    edit_as(client, editor, safety, "action-submit", emergency_message_cy=welsh_message)
    client.logout()
    assert "Ffoniwch 0800 000 0000." not in client.get("/cy/about/").content.decode()

    approve_as(client, moderator, safety)

    client.logout()
    assert "Ffoniwch 0800 000 0000." in client.get("/cy/about/").content.decode()


@pytest.mark.django_db
def test_an_editor_cannot_publish_safety_settings_directly(client, editor, safety):
    client.force_login(editor)
    form = client.get(edit_url(safety)).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form

    response = edit_as(client, editor, safety, "action-publish", quick_exit_url=NEW_EXIT)

    assert response.status_code in (302, 403)
    assert SafetySettings.objects.get(pk=safety.pk).quick_exit_url == OLD_EXIT
    assert exit_goes_to(client) == OLD_EXIT


@pytest.mark.django_db
def test_a_site_with_nothing_published_gets_the_defaults_not_a_draft(client, site, editor):
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_website_safetysettings:add")
    data = admin_form_data(client, add_url, form_id="w-editor-form")
    data.update({"site": site.pk, "quick_exit_url": NEW_EXIT, "action-submit": "action-submit"})
    assert client.post(add_url, data).status_code == 302
    assert not SafetySettings.objects.get(site=site).live

    assert exit_goes_to(client) == SafetySettings.DEFAULT_QUICK_EXIT_URL
    assert "In an emergency call <b>999</b>" in banner(client)


@pytest.mark.django_db
def test_site_settings_no_longer_hold_the_safety_facts():
    from website.models import SiteSettings

    names = {field.name for field in SiteSettings._meta.get_fields()}
    assert not names & {"quick_exit_url", "emergency_message", "emergency_message_cy"}


@pytest.mark.django_db
def test_a_submit_and_an_approval_are_in_the_history_with_who_and_when(
    client, editor, moderator, safety, time_machine
):
    time_machine.move_to(ON_THE_CLOCK, tick=False)
    edit_as(client, editor, safety, "action-submit", quick_exit_url=NEW_EXIT)
    approve_as(client, moderator, safety)

    entries = ModelLogEntry.objects.for_instance(safety)
    submitted = entries.get(action="wagtail.workflow.start")
    approved = entries.get(action="wagtail.workflow.approve")
    assert (submitted.user, submitted.timestamp) == (editor, ON_THE_CLOCK)
    assert (approved.user, approved.timestamp) == (moderator, ON_THE_CLOCK)
    live = SafetySettings.objects.get(pk=safety.pk).live_revision
    assert live.user == editor and live.content["quick_exit_url"] == NEW_EXIT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_copies_each_sites_values_live_with_a_first_revision():
    # A browser test before this one may have emptied every table, the default site's row included.
    if not Site.objects.filter(is_default_site=True).exists():
        from tests.website.factories import make_site_with_standard_pages

        make_site_with_standard_pages()
    executor = MigrationExecutor(connection)
    before = [("website", "0007_safety_settings_are_moderated")]
    after = [("website", "0009_site_settings_without_safety_facts")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    old.get_model("website", "SiteSettings").objects.update_or_create(
        site_id=site.pk,
        defaults={"quick_exit_url": "https://www.example.org/recipes", "emergency_message": OLD_MESSAGE},
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    safety = SafetySettings.objects.get(site=Site.objects.get(is_default_site=True))
    assert safety.live and not safety.has_unpublished_changes
    assert safety.quick_exit_url == "https://www.example.org/recipes"
    assert safety.emergency_message == OLD_MESSAGE
    assert safety.live_revision == safety.latest_revision
    assert safety.live_revision.as_object().quick_exit_url == "https://www.example.org/recipes"
