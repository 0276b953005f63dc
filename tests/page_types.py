"""Every page type we build, and where each may be created: the table the page-type tests check."""

from wagtail.models import Page

from campaign.models import CampaignPage, StoryIndexPage, StoryPage
from support.models import GuidanceIndexPage, GuidancePage
from website.models import HomePage, StandardPage

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    CampaignPage: {HomePage},
    StoryIndexPage: {HomePage, CampaignPage},
    StoryPage: {StoryIndexPage},
    GuidanceIndexPage: {HomePage},
    GuidancePage: {GuidanceIndexPage},
}
PARENT_CANDIDATES = [Page, *ALLOWED_PARENTS]


def check_created_only_under_allowed_parents(test_case, page_type):
    """assertCanCreateAt for each allowed parent, assertCanNotCreateAt for every other page type."""
    for parent in PARENT_CANDIDATES:
        if parent in ALLOWED_PARENTS[page_type]:
            test_case.assertCanCreateAt(parent, page_type)
        else:
            test_case.assertCanNotCreateAt(parent, page_type)


def admin_form_data(client, url, form_id="page-edit-form", **streams):
    """What the admin page form at `url` would post for the logged-in user, plus the StreamFields,
    which the form only renders through JavaScript. `streams`: field name -> [(block type, value)].
    A snippet's form is `form_id="w-editor-form"`."""
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    data = querydict_from_html(client.get(url).content.decode(), form_id=form_id)
    for name, items in streams.items():
        data.update(nested_form_data({name: streamfield(items)}))
    return data


def preview_data(test_case, page, **streams):
    """Edit-form data for `page` (fetched as a superuser) to post to its preview."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    editor = get_user_model().objects.filter(username="preview-editor").first()
    editor = editor or get_user_model().objects.create_superuser("preview-editor", "p@example.org", "x")
    test_case.client.force_login(editor)
    data = admin_form_data(test_case.client, reverse("wagtailadmin_pages:edit", args=[page.pk]), **streams)
    test_case.client.logout()
    return data


def paragraph_form_value(html="<p>A paragraph for the preview.</p>"):
    from wagtail.test.utils.form_data import rich_text

    return ("paragraph", rich_text(html))


def assert_preview_shows(test_case, page, data, text):
    """Beyond assertPageIsPreviewable (which does not look at the result): the preview itself renders
    with the page's template and shows `text`."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    test_case.client.force_login(get_user_model().objects.get(username="preview-editor"))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    test_case.client.post(url, data)
    response = test_case.client.get(url)
    test_case.client.logout()
    test_case.assertEqual(response.status_code, 200)
    test_case.assertContains(response, text)
    test_case.assertContains(response, 'href="/exit/"')  # the quick exit is in previews too
