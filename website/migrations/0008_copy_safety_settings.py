"""The quick-exit destination and the emergency message (and its Welsh) move from SiteSettings, live the moment
it is saved, to SafetySettings, under the "Moderators approval" workflow. Each site's current values are copied
across, published, with a first revision, so survivors see no change. Data only: 0009 drops the old columns
in a migration of its own (PostgreSQL refuses to alter a table with writes pending in the same transaction)."""

from django.db import migrations

from website.moderation import moderate_with_default_workflow, publish_existing_rows

MOVED = ["quick_exit_url", "emergency_message", "emergency_message_cy"]


def copy_into_safety_settings(apps, schema_editor):
    SiteSettings = apps.get_model("website", "SiteSettings")
    SafetySettings = apps.get_model("website", "SafetySettings")
    for row in SiteSettings.objects.all():
        values = {field: getattr(row, field) for field in MOVED}
        SafetySettings.objects.get_or_create(site_id=row.site_id, defaults=values)
    publish_existing_rows(apps, "website", "SafetySettings", label=lambda row: "Safety settings")
    moderate_with_default_workflow(apps, "website", "SafetySettings")


def copy_back_into_site_settings(apps, schema_editor):
    SiteSettings = apps.get_model("website", "SiteSettings")
    SafetySettings = apps.get_model("website", "SafetySettings")
    for row in SafetySettings.objects.filter(live=True):
        SiteSettings.objects.filter(site_id=row.site_id).update(**{f: getattr(row, f) for f in MOVED})


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0007_safety_settings_are_moderated"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_into_safety_settings, copy_back_into_site_settings)]
