"""Default email domain rules and disposable domains; staff can change them in the admin."""

from django.db import migrations

DOMAIN_RULES = [
    # (domain, alias_of, remove_dots, remove_plus_tag)
    ("gmail.com", "", True, True),
    ("googlemail.com", "gmail.com", True, True),
    ("outlook.com", "", False, True),
    ("hotmail.com", "", False, True),
    ("hotmail.co.uk", "", False, True),
    ("live.co.uk", "", False, True),
    ("icloud.com", "", False, True),
    ("me.com", "icloud.com", False, True),
    ("protonmail.com", "", False, True),
    ("proton.me", "", False, True),
    ("fastmail.com", "", False, True),
]
DISPOSABLE = [
    "10minutemail.com", "guerrillamail.com", "mailinator.com", "sharklasers.com", "temp-mail.org",
    "tempmail.com", "throwawaymail.com", "trashmail.com", "yopmail.com", "getnada.com", "dispostable.com",
    "maildrop.cc", "mintemail.com", "fakeinbox.com",
]


def add_defaults(apps, schema_editor):
    EmailDomainRule = apps.get_model("petition", "EmailDomainRule")
    BlockedDomain = apps.get_model("petition", "BlockedDomain")
    for domain, alias_of, remove_dots, remove_plus_tag in DOMAIN_RULES:
        EmailDomainRule.objects.get_or_create(
            domain=domain,
            defaults={"alias_of": alias_of, "remove_dots": remove_dots, "remove_plus_tag": remove_plus_tag},
        )
    for domain in DISPOSABLE:
        BlockedDomain.objects.get_or_create(domain=domain, defaults={"kind": "disposable", "note": "Disposable"})


class Migration(migrations.Migration):
    dependencies = [("petition", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
