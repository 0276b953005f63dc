from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.db.models.signals import post_migrate

        from website import page_cache
        from website.staff import sync_group_permissions

        post_migrate.connect(sync_group_permissions, sender=self)
        page_cache.connect_purge_signals()
