"""The website app: registers our deploy checks and the `<id:…>` URL converter, keeps staff groups' model and
page permissions in sync after migrate, makes Wagtail's choosers render without inline scripts
(website.staff.admin_csp) and removes metadata from every image and document file stored
(website.file_metadata)."""

from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from website import (
            cdn,
            checks,  # noqa: F401  (registers the deploy checks)
            file_metadata,
            page_cache,
        )
        from website.request_policy import whole_numbers
        from website.staff import admin_csp, enrolment
        from website.staff.groups import sync_group_permissions

        # Before any URLconf is read (the admin's are built from wagtail_hooks as Wagtail's URLs import).
        register_converter(whole_numbers.WholeNumberConverter, "id")
        # post_migrate comes after every migration has run; sync_group_permissions creates all apps'
        # permission rows first, so one receiver on our own app is enough.
        post_migrate.connect(sync_group_permissions, sender=self, dispatch_uid="waymark-group-permissions")
        page_cache.connect_purge_signals()
        cdn.connect_signals()
        enrolment.connect_signals()
        file_metadata.connect_signals()
        admin_csp.use_csp_safe_choosers()
