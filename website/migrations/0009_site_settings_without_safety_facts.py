"""The quick-exit destination and the emergency message now live in SafetySettings (0008 copied them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("website", "0008_copy_safety_settings")]

    operations = [
        migrations.RemoveField(
            model_name='sitesettings',
            name='emergency_message',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='emergency_message_cy',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='quick_exit_url',
        ),
    ]
