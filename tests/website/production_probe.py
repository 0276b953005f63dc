"""Run one attack on staff access against the real production settings, in a process of its own.

`python tests/website/production_probe.py ATTACK` with the production environment of
tests/website/test_attacks_in_production.py (a migrated SQLite database). Prints one JSON object: what the
attacker saw. Django's test client drives the site over HTTPS as waymark.example.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from wagtail.documents.models import Document  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction  # noqa: E402

from website.models import StandardPage  # noqa: E402

PASSWORD = "the stolen staff password 2026"


def client(address):
    # Behind the TLS proxy, as deployed: it says the request came over HTTPS. One address per attack, so one
    # attack's lockout does not decide another's outcome.
    return Client(HTTP_HOST="waymark.example", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=address)


def staff_member(username):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@x.example"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def brute_force():
    staff_member("target")
    browser = client("203.0.113.1")
    statuses = [
        browser.post("/admin/login/", {"username": "target", "password": f"guess {n}"}).status_code
        for n in range(30)
    ]
    final = browser.post("/admin/login/", {"username": "target", "password": PASSWORD})
    return {
        "statuses": sorted(set(statuses)),
        "final_status": final.status_code,
        "signed_in": "_auth_user_id" in browser.session,
        "message": "Too many failed sign-ins" in final.content.decode(),
    }


def enrolment_secret():
    staff_member("unenrolled")
    browser = client("203.0.113.2")
    login = browser.post("/admin/login/", {"username": "unenrolled", "password": PASSWORD})
    pages = [browser.get("/admin/2fa/"), browser.post("/admin/2fa/", {"token": "123456"})]
    html = "".join(page.content.decode() for page in pages)
    return {
        "login_status": login.status_code,
        "secret_shown": "<svg" in html or "Enter this key by hand" in html,
        "asks_for_emailed_code": "we email a one-time code" in html,
        "admin_status": browser.get("/admin/disclosure_requests/").status_code,
        "admin_location": browser.get("/admin/disclosure_requests/").get("Location", ""),
    }


def restricted_content():
    staff_member("papers")
    home = Page.objects.get(depth=2)
    page = home.add_child(instance=StandardPage(title="Staff rota", slug="staff-rota", summary="Staff only"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    collection = Collection.get_first_root_node().add_child(name="Private papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Rota", collection=collection)
    document.file.save("rota.txt", ContentFile(b"private rota"), save=True)
    browser = client("203.0.113.3")
    login = browser.post("/admin/login/", {"username": "papers", "password": PASSWORD})
    page_response = browser.get(page.url)
    document_response = browser.get(document.url)
    return {
        "login_status": login.status_code,
        "signed_in": "_auth_user_id" in browser.session,
        "page_status": page_response.status_code,
        "page_location": page_response.get("Location", ""),
        "document_status": document_response.status_code,
        "document_location": document_response.get("Location", ""),
    }


if __name__ == "__main__":
    setup_test_environment()  # the test client's own needs: in-memory email, "testserver" allowed
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "website.settings.production"
    # Static files from the source folders instead of a collectstatic manifest; nothing else changes.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        print(json.dumps(globals()[sys.argv[1]]()))
