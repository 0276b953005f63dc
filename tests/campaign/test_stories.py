"""Survivors' stories: where they live, the content warning, the consent record staff alone see,
withdrawn consent taking a story down, and publishing through moderation."""

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase

from campaign.models import StoryIndexPage, StoryPage
from tests.campaign.factories import StoryIndexPageFactory, StoryPageFactory
from tests.page_types import (
    admin_form_data,
    assert_preview_shows,
    check_created_only_under_allowed_parents,
    paragraph_form_value,
    preview_data,
)
from tests.website.factories import make_site
from website.staff import groups as staff_groups


class StoryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = StoryIndexPageFactory(parent=cls.home)
        cls.story = StoryPageFactory(parent=cls.index, slug="he-had-done-it-before")

    def test_story_index_is_created_only_under_the_home_or_campaign_page(self):
        check_created_only_under_allowed_parents(self, StoryIndexPage)

    def test_story_is_created_only_under_a_story_index(self):
        check_created_only_under_allowed_parents(self, StoryPage)

    def test_story_index_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        data = preview_data(self, self.index)
        self.assertPageIsPreviewable(self.index, post_data=data)
        assert_preview_shows(self, self.index, data, "Survivors&#x27; stories, shared with consent.")

    def test_story_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.story)
        self.assertPageIsRenderable(self.story)
        data = preview_data(self, self.story, body=[paragraph_form_value()])
        self.assertPageIsPreviewable(self.story, post_data=data)
        assert_preview_shows(self, self.story, data, "I understand, show me the story")


class ReadingAStoryTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = StoryIndexPageFactory(parent=cls.home)
        cls.caseworker = get_user_model().objects.create_user(
            "consent-recorder-jane", "jane.recorder@waymark.example", "x", first_name="Janet"
        )
        cls.story = StoryPageFactory(
            parent=cls.index,
            slug="four-years",
            title="Four years of being followed",
            display_name="Jo",
            content_warning="This story describes stalking by a former partner.",
            consent_method=StoryPage.ConsentMethod.VERBAL,
            consent_recorded_by=cls.caseworker,
        )

    def test_the_story_sits_inside_a_closed_content_warning(self):
        html = self.client.get("/stories/four-years/").content.decode()
        warning_at = html.index('<details class="content-warning"')
        assert '<details class="content-warning" data-content-warning>' in html  # closed: no `open`
        assert html.index("This story describes stalking by a former partner.") > warning_at
        assert html.index("I understand, show me the story") > warning_at
        assert html.index("He had done it before, and nobody told me.") > html.index("</summary>")

    def test_the_warning_is_a_native_disclosure_that_works_without_javascript(self):
        response = self.client.get("/stories/four-years/")
        self.assertContains(response, "<summary", count=1)
        self.assertNotContains(response, "<script>")

    def test_shows_the_display_name_or_anonymous(self):
        self.assertContains(self.client.get("/stories/four-years/"), "Jo")
        anonymous = StoryPageFactory(parent=self.index, slug="anon", display_name="")
        self.assertContains(self.client.get(anonymous.url), "Anonymous")

    def test_the_consent_record_never_reaches_the_public_site(self):
        pages = [
            self.client.get("/stories/four-years/"),
            self.client.get("/stories/"),
            self.client.post("/search/", {"q": "followed"}),
        ]
        for response in pages:
            html = response.content.decode()
            assert response.status_code == 200
            for secret in (
                "consent-recorder-jane",
                "jane.recorder",
                "Janet",
                "Verbally, recorded by staff",
                "2026-01-12",
                "12 January 2026",
                "2027",
                "consent_",
            ):
                assert secret not in html, f"{secret!r} leaked into {response.request['PATH_INFO']}"

    def test_staff_see_the_consent_record_in_the_admin(self):
        self.login()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.story.pk]))
        self.assertContains(response, "Consent (staff only)")
        self.assertContains(response, 'name="consent_withdrawn"')

    def test_an_image_needs_alternative_text(self):
        from wagtail.images.models import Image
        from wagtail.images.tests.utils import get_test_image_file

        image = Image.objects.create(title="Path", file=get_test_image_file())
        story = StoryPage(title="x", slug="x", image=image, image_alt=" ", body=[])
        with self.assertRaises(ValidationError) as raised:
            story.clean()
        assert "image_alt" in raised.exception.message_dict


class WithdrawnConsentTests(WagtailPageTestCase):
    """Ticking 'consent withdrawn' takes the story down at once, and it cannot go back up."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = StoryIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.story = StoryPageFactory(parent=self.index, slug="a-story", title="A story")
        self.story.save_revision().publish()
        self.user = self.login()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.story.pk])

    def edit_data(self, **changes):
        data = admin_form_data(self.client, self.edit_url, body=[paragraph_form_value()])
        for key, value in changes.items():
            data[key] = value
        return data

    def assert_not_on_the_site(self):
        self.client.logout()
        assert self.client.get("/stories/a-story/").status_code == 404
        self.assertNotContains(self.client.get("/stories/"), "A story")
        self.assertNotContains(self.client.post("/search/", {"q": "story"}), "/stories/a-story/")

    def test_saving_a_draft_with_consent_withdrawn_unpublishes_the_story_at_once(self):
        response = self.client.post(self.edit_url, self.edit_data(consent_withdrawn="on"))
        assert response.status_code == 302
        story = StoryPage.objects.get(pk=self.story.pk)
        assert not story.live
        assert story.consent_withdrawn
        self.assert_not_on_the_site()

    def test_an_editor_without_publish_permission_can_still_take_a_story_down(self):
        staff_groups.grant_page_permissions(self.home)
        editor = get_user_model().objects.create_user("eddie", "eddie@waymark.example", "x")
        editor.groups.add(Group.objects.get(name=staff_groups.EDITORS))
        self.client.force_login(editor)
        response = self.client.post(self.edit_url, self.edit_data(consent_withdrawn="on"))
        assert response.status_code == 302
        assert not StoryPage.objects.get(pk=self.story.pk).live
        self.assert_not_on_the_site()

    def test_publishing_while_consent_is_withdrawn_is_refused(self):
        self.client.post(self.edit_url, self.edit_data(consent_withdrawn="on"))
        response = self.client.post(
            self.edit_url,
            self.edit_data(consent_withdrawn="on", **{"action-publish": "action-publish"}),
            follow=True,
        )
        self.assertContains(response, "Consent for this story has been withdrawn")
        assert not StoryPage.objects.get(pk=self.story.pk).live
        self.assert_not_on_the_site()

    def test_a_withdrawn_story_published_some_other_way_comes_straight_down(self):
        # A moderator approving, a scheduled publish or a bulk action all end in revision.publish().
        story = StoryPage.objects.get(pk=self.story.pk)
        story.consent_withdrawn = True
        story.save_revision().publish()
        assert not StoryPage.objects.get(pk=self.story.pk).live
        self.assert_not_on_the_site()

    def test_a_new_story_created_with_consent_withdrawn_is_never_published(self):
        add_url = reverse("wagtailadmin_pages:add", args=["campaign", "storypage", self.index.pk])
        data = admin_form_data(self.client, add_url, body=[paragraph_form_value()])
        data.update(
            {
                "title": "New story",
                "slug": "new-story",
                "consent_withdrawn": "on",
                "action-publish": "action-publish",
            }
        )
        self.client.post(add_url, data)
        story = StoryPage.objects.get(slug="new-story")
        assert not story.live
        assert self.client.get("/stories/new-story/").status_code == 404

    def test_a_live_row_marked_withdrawn_is_never_served(self):
        StoryPage.objects.filter(pk=self.story.pk).update(consent_withdrawn=True)  # live stays True
        self.client.logout()
        assert self.client.get("/stories/a-story/").status_code == 404

    def test_consent_given_again_lets_the_story_be_published(self):
        self.client.post(self.edit_url, self.edit_data(consent_withdrawn="on"))
        data = self.edit_data(**{"action-publish": "action-publish"})
        data.pop("consent_withdrawn", None)
        self.client.post(self.edit_url, data)
        assert StoryPage.objects.get(pk=self.story.pk).live


class ModerationTests(WagtailPageTestCase):
    """Editors write and submit stories; only Moderators publish them, by approving in the workflow."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        staff_groups.grant_page_permissions(cls.home)
        cls.index = StoryIndexPageFactory(parent=cls.home)
        users = get_user_model().objects
        cls.editor = users.create_user("eddie", "eddie@waymark.example", "x")
        cls.editor.groups.add(Group.objects.get(name=staff_groups.EDITORS))
        cls.moderator = users.create_user("mo", "mo@waymark.example", "x")
        cls.moderator.groups.add(Group.objects.get(name=staff_groups.MODERATORS))

    def create_story_as(self, user, action):
        self.client.force_login(user)
        add_url = reverse("wagtailadmin_pages:add", args=["campaign", "storypage", self.index.pk])
        data = admin_form_data(self.client, add_url, body=[paragraph_form_value("<p>What happened.</p>")])
        data.update({"title": "My story", "slug": "my-story", action: action})
        response = self.client.post(add_url, data)
        assert response.status_code == 302, response.content[:2000]
        return StoryPage.objects.get(slug="my-story")

    def test_stories_are_under_the_moderators_approval_workflow(self):
        story = StoryPageFactory(parent=self.index)
        workflow = story.get_workflow()
        assert workflow is not None and workflow.name == "Moderators approval"
        assert [task.name for task in workflow.tasks] == ["Moderators approval"]

    def test_an_editor_cannot_publish_a_story_directly(self):
        story = self.create_story_as(self.editor, "action-publish")
        assert not story.live
        assert story.has_unpublished_changes
        assert not story.permissions_for_user(self.editor).can_publish()
        self.client.logout()
        assert self.client.get("/stories/my-story/").status_code == 404

    def test_a_moderator_approves_a_story_an_editor_submitted(self):
        story = self.create_story_as(self.editor, "action-submit")
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not StoryPage.objects.get(pk=story.pk).live

        self.client.force_login(self.moderator)
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.current_task_state.pk]
        )
        response = self.client.post(approve_url, {"comment": ""})
        assert response.status_code in (200, 302)

        story = StoryPage.objects.get(pk=story.pk)
        assert story.live
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        self.client.logout()
        self.assertContains(self.client.get("/stories/my-story/"), "What happened.")

    def test_an_editor_cannot_approve_their_own_story(self):
        story = self.create_story_as(self.editor, "action-submit")
        state = WorkflowState.objects.get(object_id=str(story.pk))
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.current_task_state.pk]
        )
        self.client.post(approve_url, {"comment": ""})
        assert not StoryPage.objects.get(pk=story.pk).live


@time_machine.travel(datetime.datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Europe/London")), tick=False)
class ConsentReviewTests(WagtailPageTestCase):
    """The admin dashboard lists stories whose consent is due for review, so staff ask in time."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site()
        cls.index = StoryIndexPageFactory(parent=cls.home)
        today = timezone.localdate()
        days = datetime.timedelta
        StoryPageFactory(parent=cls.index, title="Overdue story", consent_review_by=today - days(1))
        StoryPageFactory(parent=cls.index, title="Due soon story", consent_review_by=today + days(9))
        StoryPageFactory(parent=cls.index, title="Fine story", consent_review_by=today + days(300))
        StoryPageFactory(parent=cls.index, title="Unrecorded story", consent_given_on=None)
        StoryPageFactory(
            parent=cls.index,
            title="Withdrawn story",
            consent_withdrawn=True,
            live=False,
            consent_review_by=today - days(1),
        )

    def test_the_dashboard_lists_stories_due_a_consent_review(self):
        self.login()
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Stories: consent to review" in html
        assert "Overdue story" in html and "Review overdue since" in html
        assert "Due soon story" in html
        assert "Unrecorded story" in html and "No consent record" in html
        assert "Fine story" not in html
        assert "Withdrawn story" not in html

    def test_staff_who_cannot_edit_stories_do_not_see_the_list(self):
        caseworker = get_user_model().objects.create_user("case", "case@waymark.example", "x")
        caseworker.groups.add(Group.objects.get(name=staff_groups.CASEWORKERS))
        self.client.force_login(caseworker)
        response = self.client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert b"Overdue story" not in response.content
