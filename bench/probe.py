"""Questions the bench asks the database, run as `python -m bench.probe COMMAND [ARG]` under settings.bench.

Each command prints one JSON object. The petition and letter models are found by their contract names
(petition.models.PetitionPage and Signature, campaign.models.LetterPage) and introspected, so the bench
adapts to how their fields are named; a missing model is reported, not fatal.
"""

import json
import re
import sys
from pathlib import Path

import django


def _import(dotted):
    module, name = dotted.rsplit(".", 1)
    try:
        return getattr(__import__(module, fromlist=[name]), name)
    except (ImportError, AttributeError):
        return None


def _first_live(model_or_name):
    from wagtail.models import Page

    if isinstance(model_or_name, str):
        for page in Page.objects.live().public().specific().order_by("path"):
            if type(page).__name__ == model_or_name:
                return page
        return None
    if model_or_name is None:
        return None
    return model_or_name.objects.live().public().order_by("path").first()


def pages():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    result = {"home": site.root_page.get_url(), "reasons": {}}
    for key, name in (("story", "StoryPage"), ("guidance", "GuidancePage")):
        page = _first_live(name)
        result[key] = page.get_url() if page else None
        if page is None:
            result["reasons"][key] = f"no live {name} in the seeded content"
    petition_model = _import("petition.models.PetitionPage")
    petition = _first_live(petition_model)
    result["petition"] = petition.get_url() if petition else None
    result["petition_id"] = petition.pk if petition else None
    if petition is None:
        result["reasons"]["petition"] = (
            "petition.models.PetitionPage is not in this tree yet"
            if petition_model is None
            else "seed_demo made no live PetitionPage"
        )
    letter_model = _import("campaign.models.LetterPage")
    letter = _first_live(letter_model)
    result["letter"] = letter.get_url() if letter else None
    if letter is None:
        result["reasons"]["letter"] = (
            "campaign.models.LetterPage is not in this tree yet"
            if letter_model is None
            else "seed_demo made no live LetterPage"
        )
    result["postcodes"] = _demo_postcodes()
    return result


def _demo_postcodes():
    Postcode = _import("campaign.models.Postcode")
    Constituency = _import("campaign.models.Constituency")
    if Postcode is None or Constituency is None:
        return []
    names = dict(Constituency.objects.values_list("code", "name"))
    rows = Postcode.objects.filter(terminated="").exclude(constituency_code="").order_by("postcode")[:200]
    return [
        {"postcode": row.postcode, "constituency": names.get(row.constituency_code, "")}
        for row in rows
        if row.constituency_code in names
    ]


def _signature_model():
    Signature = _import("petition.models.Signature")
    if Signature is None:
        raise SystemExit(json.dumps({"error": "petition.models.Signature is not in this tree yet"}))
    return Signature


def _email_field(Signature):
    names = [f.name for f in Signature._meta.concrete_fields if "email" in f.name]
    # Prefer the canonical form when there is one: the bench's addresses are already canonical.
    names.sort(key=lambda name: ("canon" not in name, len(name)))
    return names[0]


def signatures(path):
    """How many rows hold each of the emails listed in PATH (one a line): duplicates and missing ones."""
    from django.db.models import Count

    Signature = _signature_model()
    emails = [line.strip() for line in Path(path).read_text().splitlines() if line.strip()]
    field = _email_field(Signature)
    counts = {}
    for start in range(0, len(emails), 1000):
        chunk = emails[start : start + 1000]
        rows = Signature.objects.filter(**{f"{field}__in": chunk}).values(field).annotate(n=Count("pk"))
        counts.update({row[field]: row["n"] for row in rows})
    present = sum(1 for email in emails if counts.get(email))
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    return {
        "asked": len(emails),
        "present": present,
        "missing": len(emails) - present,
        "duplicates": duplicates,
        "rows": sum(counts.values()),
        "field": field,
    }


def count_rows(_arg=None):
    Signature = _signature_model()
    return {"rows": Signature.objects.count()}


def _verified_choice(field):
    for value, _label in field.choices:
        if re.search(r"verif|confirm", str(value), re.I):
            return value
    return None


def bulk_signatures(arg):
    """Insert N verified signatures for the petition in one INSERT … SELECT from generate_series."""
    from django.db import connection, models

    petition_id, count = (int(part) for part in arg.split(":"))
    Signature = _signature_model()
    columns, expressions, params = [], [], []
    for field in Signature._meta.concrete_fields:
        if isinstance(field, models.AutoField | models.BigAutoField):
            continue
        name = field.name.lower()
        limit = getattr(field, "max_length", None) or 255

        def text(expression, limit=limit):
            return f"left({expression}, {limit})"

        if field.is_relation:
            if "petition" in name or "page" in name:
                expressions.append("%s")
                params.append(petition_id)
            elif field.null:
                expressions.append("NULL")
            else:
                raise SystemExit(json.dumps({"error": f"cannot fill the required relation {field.name}"}))
        elif field.choices and _verified_choice(field) is not None and re.search(r"state|status", name):
            expressions.append("%s")
            params.append(_verified_choice(field))
        elif "email" in name and isinstance(field, models.CharField | models.TextField):
            # (not the petition's `emails_sent` counter, which is a number)
            expressions.append(text("'bulk' || g || '@bulk' || g || '.example.net'"))
        elif isinstance(field, models.DateTimeField):
            if field.null and not re.search(r"verif|confirm|creat|sign|submit", name):
                expressions.append("NULL")
            else:
                expressions.append("now() - interval '10 minutes' - (g %% 86400) * interval '1 second'")
        elif isinstance(field, models.BooleanField):
            if re.search(r"verif|confirm", name):
                expressions.append("true")
            else:
                expressions.append("%s")
                params.append(bool(field.get_default()) if field.has_default() else False)
        elif isinstance(field, models.UUIDField):
            expressions.append("gen_random_uuid()")
        elif isinstance(field, models.JSONField):
            expressions.append("'{}'::jsonb")
        elif field.unique:
            expressions.append("NULL" if field.null else text("md5('bulk' || g)"))
        elif isinstance(field, models.CharField | models.TextField):
            if "postcode" in name:
                expressions.append("'AB10 1AB'")
            elif "name" in name:
                expressions.append(text("'Bulk signer ' || g"))
            elif field.has_default():
                expressions.append("%s")
                params.append(field.get_default())
            elif field.null:
                expressions.append("NULL")
            else:
                expressions.append("''")
        elif field.has_default():
            expressions.append("%s")
            params.append(field.get_db_prep_value(field.get_default(), connection))
        elif field.null:
            expressions.append("NULL")
        elif isinstance(field, models.IntegerField | models.FloatField | models.DecimalField):
            expressions.append("0")
        else:
            raise SystemExit(json.dumps({"error": f"cannot fill {field.name} ({type(field).__name__})"}))
        columns.append(connection.ops.quote_name(field.column))
    table = connection.ops.quote_name(Signature._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join(expressions)} FROM generate_series(1, {count}) AS g"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cursor.execute(f"ANALYZE {table}")
    return {"inserted": count, "table": Signature._meta.db_table}


def petition_counter(petition_id):
    """The petition's own stored count, for when its count.json route cannot be reached."""
    page = _import("petition.models.PetitionPage").objects.get(pk=int(petition_id))
    for field in page._meta.concrete_fields:
        if "count" in field.name and isinstance(getattr(page, field.name), int):
            return {"count": getattr(page, field.name), "field": field.name}
    raise SystemExit(json.dumps({"error": "no count field on PetitionPage"}))


COMMANDS = {
    "petition_counter": petition_counter,
    "pages": pages,
    "signatures": signatures,
    "count_rows": count_rows,
    "bulk_signatures": bulk_signatures,
}

if __name__ == "__main__":
    django.setup()
    command = COMMANDS[sys.argv[1]]
    print(json.dumps(command(*sys.argv[2:]), default=str))
