"""Helplines become draft/live snippets under moderation: every existing helpline stays live, as it was, with a
first revision, and the model joins the "Moderators approval" workflow (website.moderation)."""

from django.db import migrations

from website.moderation import moderate_with_default_workflow, publish_existing_rows


def forwards(apps, schema_editor):
    publish_existing_rows(apps, "support", "Helpline", label=lambda helpline: helpline.name)
    moderate_with_default_workflow(apps, "support", "Helpline")


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0011_helplines_are_moderated"),
        ("wagtailcore", "0098_apitoken"),
        ("website", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
