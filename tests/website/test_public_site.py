"""What a first-time visitor meets: a home page that leads to the petition and the letter, a footer from the
site settings, a favicon, the helplines page, and guidance that links to the site's own request form."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from petition.models import PetitionCount, PetitionPage
from support.models import GuidancePage, Helpline, HelplinesPage
from tests.website.factories import make_site
from website.models import HomePage, SiteSettings
from website.templatetags.waymark_tags import weblinks

STATIC = Path(__file__).resolve().parents[2] / "static"


def footer_of(html):
    return html.split('<footer class="site-footer">', 1)[1]


def test_favicon_ico_is_answered_directly_with_an_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO file signature
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.django_db
def test_every_page_links_the_svg_icon_and_the_file_is_there(client, home):
    html = client.get("/about/").content.decode()
    assert '<link rel="icon" href="/static/images/favicon.svg" type="image/svg+xml">' in html
    assert (STATIC / "images" / "favicon.svg").read_text().startswith("<svg")


@pytest.mark.django_db
def test_the_home_page_leads_to_the_petition_with_its_count_and_to_the_letter(client, seeded):
    petition = PetitionPage.objects.live().get()
    PetitionCount.objects.update_or_create(
        petition=petition, defaults={"signature_count": 12345, "updated_at": timezone.now()}
    )
    html = client.get("/").content.decode()
    assert "<title>Waymark: register serial domestic abusers and stalkers</title>" in html
    main = html.split('id="main"', 1)[1].split("<footer", 1)[0]
    assert '<a class="button" href="/petition/">Sign the petition</a>' in main
    assert "<strong>12,345</strong> people have signed." in main
    assert '<a class="button button--secondary" href="/write-to-your-mp/">Write to your MP</a>' in main


@pytest.mark.django_db
def test_the_home_page_title_is_the_site_name_once(client, home):
    html = client.get("/").content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.count("Waymark") == 1


@pytest.mark.django_db
def test_a_home_page_without_calls_to_action_shows_neither(client, home):
    html = client.get("/").content.decode()
    assert "home-actions" not in html


@pytest.mark.django_db
def test_the_footer_comes_from_the_site_settings_the_seed_fills(client, seeded):
    footer = footer_of(client.get("/about/").content.decode())
    for slug, title in [
        ("contact", "Contact us"),
        ("privacy", "Privacy notice"),
        ("accessibility", "Accessibility statement"),
    ]:
        assert f'<a href="/{slug}/">{title}</a>' in footer
    assert "Registered charity number 1234567." in footer
    assert "Data controller: Waymark, 1 Example Street" in footer

    # Staff change the settings; the footer follows, and a second seed keeps their choice.
    settings = SiteSettings.for_site(seeded)
    settings.charity_number = "7654321"
    settings.data_controller = "Waymark Trust, PO Box 1"
    settings.save()
    call_command("seed_demo", stdout=io.StringIO())
    footer = footer_of(client.get("/about/").content.decode())
    assert "Registered charity number 7654321." in footer
    assert "Data controller: Waymark Trust, PO Box 1." in footer


@pytest.mark.django_db
def test_a_footer_page_that_is_unpublished_leaves_the_footer(client, seeded):
    settings = SiteSettings.for_site(seeded)
    settings.contact_page.specific.unpublish()
    footer = footer_of(client.get("/about/").content.decode())
    assert "Contact us" not in footer
    assert '<a href="/privacy/">Privacy notice</a>' in footer


@pytest.mark.django_db
def test_the_privacy_notice_states_rights_and_how_to_use_them_and_the_statement_how_to_report(client, seeded):
    privacy = client.get("/privacy/").content.decode()
    assert "UK General Data Protection Regulation (UK GDPR)" in privacy
    for right in ("get a copy", "corrected", "deleted", "restrict", "object", "withdraw your consent"):
        assert right in privacy, right
    assert "<b>How to use your rights.</b>" in privacy
    assert "Information Commissioner" in privacy
    accessibility = client.get("/accessibility/").content.decode()
    assert "<b>Reporting a problem.</b>" in accessibility
    assert 'href="mailto:accessibility@waymark.localhost"' in accessibility
    contact = client.get("/contact/")
    assert contact.status_code == 200


@pytest.mark.django_db
def test_helplines_lists_every_helpline_and_clares_law_links_to_the_request_form(client, seeded):
    response = client.get("/helplines/")
    assert response.status_code == 200
    html = response.content.decode()
    for helpline in Helpline.objects.all():
        assert f'<p class="helpline__name" dir="auto">{helpline.name}</p>' in html
    Helpline.objects.create(name="A helpline added by staff", number="0800 000 000")
    assert "A helpline added by staff" in client.get("/helplines/").content.decode()

    clares_law = GuidancePage.objects.get(slug="clares-law")
    html = client.get(clares_law.url).content.decode()
    assert 'href="/ask-the-police/"' in html


class TestHelplinesPageType(WagtailPageTestCase):
    def test_it_goes_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, HelplinesPage)
        self.assertCanNotCreateAt(HelplinesPage, HelplinesPage)

    def test_it_is_renderable_and_routable(self):
        page = HelplinesPage(title="Helplines", slug="helplines")
        make_site().add_child(instance=page)
        self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(page)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "Write to Tynwald (https://www.tynwald.org.im).",
            'Write to Tynwald (<a href="https://www.tynwald.org.im" rel="noreferrer">'
            "https://www.tynwald.org.im</a>).",
        ),
        (
            "See www.example.org/a?b=1&c=2, then <b>stop</b>",
            'See <a href="https://www.example.org/a?b=1&amp;c=2" rel="noreferrer">'
            "www.example.org/a?b=1&amp;c=2</a>, then &lt;b&gt;stop&lt;/b&gt;",
        ),
        ("Like name@example.com.", "Like name@example.com."),
        ('javascript:alert(1) "x"', "javascript:alert(1) &quot;x&quot;"),
    ],
)
def test_weblinks_escapes_first_then_links_web_addresses_only(text, html):
    assert weblinks(text) == html


@pytest.mark.django_db
def test_staff_edit_the_footer_in_the_site_settings(client, site, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/settings/website/sitesettings/{site.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Contact page", "Privacy page", "Accessibility page", "Charity number", "Data controller"):
        assert label in html, label
