"""The website app: registers our deploy checks and keeps staff group permissions in sync after migrate."""

from django.apps import AppConfig, apps


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.db.models.signals import post_migrate

        from website import (
            checks,  # noqa: F401  (registers the deploy checks)
            page_cache,
        )

        post_migrate.connect(_sync_after_last_app, dispatch_uid="waymark-sync-group-permissions")
        page_cache.connect_purge_signals()


def _sync_after_last_app(sender, **kwargs):
    # post_migrate is sent once per app, in INSTALLED_APPS order, and each app's permission rows are
    # created by its own signal. Sync when the last app has had its turn, so that every permission
    # (auth's, Wagtail's, the other apps') exists by then.
    from website.staff import sync_group_permissions

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and sender is with_models[-1]:
        sync_group_permissions(**kwargs)
