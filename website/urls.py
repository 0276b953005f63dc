"""URLs: the admin, site-wide views, each app's own routes, then Wagtail's page tree.

What a visitor reads is under `i18n_patterns`: English as it always was (`/support/`), other languages with
their prefix (`/cy/support/`; website/i18n/languages.py). What is the same in every language, or is fetched
rather than read (the admin, the quick exit, signing, count.json, robots.txt, the sitemap), stays unprefixed.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as documents

from website import views
from website.i18n import javascript_catalog
from website.staff import password_reset, two_factor

urlpatterns = [
    path("admin/2fa/", two_factor.verify, name="two_factor_verify"),
    # Before Wagtail's own, which it replaces (the same path and name).
    path(
        "admin/password_reset/confirm/<uidb64>/<token>/",
        password_reset.PasswordResetConfirmView.as_view(),
        name="wagtailadmin_password_reset_confirm",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document routes (wagtail.documents.urls) with the ids read as
    # website.request_policy.whole_numbers reads them: its `(\d+)` takes other scripts' digits and any number
    # of them, which fail the lookup with a 500.
    path("documents/<id:document_id>/<path:document_filename>", documents.serve, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        documents.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("exit/", views.quick_exit, name="quick_exit"),
    path("jsi18n/<str:language>.js", javascript_catalog.javascript_catalog, name="javascript_catalog"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("petition.urls")),
    path("", include("campaign.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("", include("petition.page_urls")),
    path("", include("campaign.page_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
