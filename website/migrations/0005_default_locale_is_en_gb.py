"""The site's existing pages are British English: make the default Locale say so.

Wagtail's own migration made one Locale from LANGUAGE_CODE as it was then (Django's default "en-us", or "en"
on some databases). With page translation on, Wagtail looks pages up by the active language, "en-gb", so a
database whose only English locale has another code is renamed once. Locales for the other languages are
made by staff (Settings → Locales) or seed_demo, not here: the enabled languages come from the environment.
"""

from django.conf import settings
from django.db import migrations


def rename_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if Locale.objects.filter(language_code=settings.LANGUAGE_CODE).exists():
        return
    english = Locale.objects.filter(language_code__in=["en", "en-us", "en-US"]).first()
    if english is not None:
        english.language_code = settings.LANGUAGE_CODE
        english.save(update_fields=["language_code"])
    elif not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_footer_settings_and_home_calls_to_action"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(rename_english_locale, migrations.RunPython.noop)]
