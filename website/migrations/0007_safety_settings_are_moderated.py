"""SafetySettings: a draft/live snippet, one per site, for the quick-exit destination and the emergency message
(0008 copies the values in, 0009 removes them from SiteSettings)."""

import django.db.models.deletion
import wagtail.fields
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models

class Migration(migrations.Migration):

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('website', '0006_welsh_emergency_message'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SafetySettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('quick_exit_url', models.URLField(default='https://www.bbc.co.uk/weather', help_text='Where the quick exit button sends people. Choose a neutral, everyday page.', verbose_name='quick-exit destination')),
                ('emergency_message', wagtail.fields.RichTextField(blank=True, default='<p>In an emergency call <b>999</b>. If you cannot speak, call 999 and press <b>55</b> when prompted (the Silent Solution).</p>')),
                ('emergency_message_cy', wagtail.fields.RichTextField(blank=True, help_text='Shown on Welsh pages when filled in. Left empty, Welsh pages show the Welsh of the default message while the message above is the default, else the message above.', verbose_name='emergency message in Welsh')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('site', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='safety_settings', to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'safety settings',
                'verbose_name_plural': 'safety settings',
            },
            bases=(wagtail.models.preview.PreviewableMixin, models.Model),
        ),
    ]
