"""Questions the bench asks the database, run as `python -m bench.probe COMMAND [ARG…]` under settings.bench.

Each command prints one JSON object. It reads and writes through the project's own models, so a renamed
model or field fails here, loudly, rather than being guessed at.
"""

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import django


def pages():
    """The paths the figures load, the petition's id and the demo postcodes with their constituencies."""
    from wagtail.models import Site

    from campaign.models import LetterPage, StoryPage
    from geography.models import Constituency, Postcode
    from petition.models import PetitionPage
    from support.models import DisclosureRequestPage, GuidancePage

    site = Site.objects.get(is_default_site=True)
    result = {"home": site.root_page.get_url(), "reasons": {}}
    for key, model in (
        ("story", StoryPage),
        ("guidance", GuidancePage),
        ("petition", PetitionPage),
        ("letter", LetterPage),
        ("disclosure", DisclosureRequestPage),
    ):
        page = model.objects.live().public().order_by("path").first()
        result[key] = page.get_url() if page else None
        if page is None:
            result["reasons"][key] = f"seed_demo made no live {model.__name__}"
        if key == "petition":
            result["petition_id"] = page.pk if page else None
    # A Welsh guidance page (seed_demo translates one), for the page weight in Welsh.
    welsh = GuidancePage.objects.live().public().filter(locale__language_code="cy").order_by("path").first()
    result["guidance_cy"] = welsh.get_url() if welsh else None
    if welsh is None:
        result["reasons"]["guidance_cy"] = "seed_demo made no live Welsh GuidancePage"
    names = dict(Constituency.objects.values_list("code", "name"))
    rows = Postcode.objects.filter(terminated="").exclude(constituency_code="").order_by("postcode")[:200]
    result["postcodes"] = [
        {"postcode": row.postcode, "constituency": names[row.constituency_code]}
        for row in rows
        if row.constituency_code in names
    ]
    if not result["postcodes"]:
        result["reasons"]["postcodes"] = "seed_demo loaded no postcodes with a constituency"
    return result


def signatures(path):
    """How many rows hold each of the emails listed in PATH (one a line): duplicates and missing ones."""
    from django.db.models import Count

    from petition.models import Signature

    emails = [line.strip() for line in Path(path).read_text().splitlines() if line.strip()]
    counts = {}
    for start in range(0, len(emails), 1000):
        rows = (
            Signature.objects.filter(email__in=emails[start : start + 1000])
            .values("email")
            .annotate(n=Count("pk"))
        )
        counts.update({row["email"]: row["n"] for row in rows})
    present = sum(1 for email in emails if counts.get(email))
    return {
        "asked": len(emails),
        "present": present,
        "missing": len(emails) - present,
        "duplicates": sum(n - 1 for n in counts.values() if n > 1),
        "rows": sum(counts.values()),
    }


def _email_tasks():
    """Signature id -> the statuses of its confirmation-email tasks."""
    from django_tasks_db.models import DBTaskResult

    from petition.emails import CONFIRM
    from petition.tasks import send_signature_email

    tasks = {}
    rows = DBTaskResult.objects.filter(task_path=send_signature_email.module_path).values_list(
        "args_kwargs", "status"
    )
    for args_kwargs, status in rows.iterator():
        args = args_kwargs["args"]
        if len(args) > 1 and args[1] == CONFIRM:
            tasks.setdefault(args[0], []).append(status)
    return tasks


def slice_rows(tags):
    """For each load slice (wrk tags it into its signers' email domains, `m{tag}x{n}.example.net`): the rows
    it stored by state (and reason), and how many of them count as signed: stored as pending with a
    confirmation email queued (or already sent)."""
    from django.db.models import Count

    from petition.models import Signature

    tasks = _email_tasks()
    counted_statuses = {"READY", "RUNNING", "SUCCESSFUL"}
    result = {}
    for tag in tags.split(","):
        rows = Signature.objects.filter(email_domain__startswith=f"m{tag}x")
        by_state = {}
        for row in rows.values("state", "fraud_reason").annotate(n=Count("pk")).order_by("state"):
            key = row["state"] + (f"/{row['fraud_reason']}" if row["fraud_reason"] else "")
            by_state[key] = row["n"]
        pending = rows.filter(state=Signature.State.PENDING).values_list("pk", flat=True)
        queued = sum(1 for pk in pending if counted_statuses & set(tasks.get(pk, ())))
        result[tag] = {"rows": by_state, "pending_with_email_queued": queued}
    return result


def _timestamp(value):
    return datetime.fromtimestamp(float(value), tz=UTC)


def emails_sent(since, until):
    """Confirmation emails the worker sent between two Unix times, and the signer emails still due now."""
    from django_tasks_db.models import DBTaskResult

    from petition.emails import CONFIRM
    from petition.tasks import send_signature_email

    tasks = DBTaskResult.objects.filter(task_path=send_signature_email.module_path)
    return {
        "sent": tasks.filter(
            args_kwargs__args__1=CONFIRM,
            status="SUCCESSFUL",
            finished_at__gte=_timestamp(since),
            finished_at__lt=_timestamp(until),
        ).count(),
        "waiting": _due(tasks).count(),
    }


def email_delays(tag):
    """Seconds from each signature of a load (its tag) to its confirmation email being sent: percentiles."""
    from django_tasks_db.models import DBTaskResult

    from petition.emails import CONFIRM
    from petition.models import Signature
    from petition.tasks import send_signature_email

    created = dict(
        Signature.objects.filter(email_domain__startswith=f"m{tag}x").values_list("pk", "created_at")
    )
    delays = []
    tasks = DBTaskResult.objects.filter(
        task_path=send_signature_email.module_path, status="SUCCESSFUL", args_kwargs__args__1=CONFIRM
    ).values_list("args_kwargs", "finished_at")
    for args_kwargs, finished in tasks.iterator():
        pk = args_kwargs["args"][0]
        if pk in created and finished:
            delays.append((finished - created[pk]).total_seconds())
    delays.sort()
    if not delays:
        return {"sent": 0}

    def at(fraction):
        return round(delays[min(len(delays) - 1, int(fraction * len(delays)))], 2)

    return {"sent": len(delays), "p50": at(0.5), "p99": at(0.99), "max": round(delays[-1], 2)}


def _due(tasks):
    """Tasks the worker would run now (not retries that wait for their backoff) or is running."""
    from django.db.models import Q

    ready = tasks.ready().values("pk")
    return tasks.filter(Q(pk__in=ready) | Q(status="RUNNING"))


def wait_for_emails(seconds):
    """Wait until the worker has no signer email left to send (up to SECONDS); how long it took."""
    from django_tasks_db.models import DBTaskResult

    from petition.tasks import send_signature_email

    waiting = _due(DBTaskResult.objects.filter(task_path=send_signature_email.module_path))
    started = time.monotonic()
    while (left := waiting.count()) and time.monotonic() - started < float(seconds):
        time.sleep(0.5)
    return {"seconds": round(time.monotonic() - started, 1), "waiting": left}


def spread_signatures(arg):
    """PETITION:N: N verified signatures in each constituency the site knows (the worst case for the page's
    map and lists: every hex shaded, every name listed), in one INSERT … SELECT."""
    from geography.models import Constituency
    from geography.models.hexmap import ConstituencyHex

    petition_id, per = (int(part) for part in arg.split(":"))
    # The map's layout names all 650 constituencies; the constituency table may hold only the demo's few.
    codes = sorted(
        set(ConstituencyHex.objects.values_list("code", flat=True))
        | set(Constituency.objects.values_list("code", flat=True))
    )
    if not codes:
        raise RuntimeError("no constituencies loaded")
    array = "ARRAY[" + ", ".join("'" + code.replace("'", "") + "'" for code in codes) + "]"
    inserted = bulk_signatures(
        f"{petition_id}:{per * len(codes)}",
        prefix="spread",
        extra={"constituency_code": f"({array})[1 + g %% {len(codes)}]", "country_code": "'GB'"},
    )
    return {**inserted, "constituencies": len(codes)}


def bulk_signatures(arg, prefix="bulk", extra=None):
    """Insert N verified signatures for the petition in one INSERT … SELECT from generate_series. Every
    column takes the model's own default except those that must differ per row or say "verified"."""
    from django.db import connection

    from petition.models import Signature

    petition_id, count = (int(part) for part in arg.split(":"))
    email = f"'{prefix}' || g || '@{prefix}' || g || '.example.net'"
    when = "now() - interval '10 minutes' - (g %% 86400) * interval '1 second'"
    per_row = {
        "name": "'Bulk signer ' || g",
        "email": email,
        "canonical_email": email,
        "email_domain": f"'{prefix}' || g || '.example.net'",
        "created_at": when,
        "verified_at": when,
        **(extra or {}),
    }
    template = Signature(petition_id=petition_id, state=Signature.State.VERIFIED, postcode="AB10 1AB")
    columns, expressions, params = [], [], []
    for field in Signature._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.name in per_row:
            expressions.append(per_row[field.name])
        else:
            expressions.append("%s")
            params.append(field.get_db_prep_save(getattr(template, field.attname), connection))
    table = connection.ops.quote_name(Signature._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"SELECT {', '.join(expressions)} FROM generate_series(1, {count}) AS g",
            params,
        )
        cursor.execute(f"ANALYZE {table}")
    return {"inserted": count, "table": Signature._meta.db_table}


def petition_counter(petition_id):
    """The petition's stored count, for when its count.json route cannot be reached."""
    from petition.models import PetitionCount

    return {"count": PetitionCount.objects.get(petition_id=int(petition_id)).signature_count}


def _client_key(value):
    """What website.request_policy.client_ip.key makes of an address: IPv4 as it is, IPv6 as its /64."""
    import ipaddress

    ip = ipaddress.ip_address(value)
    if ip.version == 4:
        return str(ip)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)


def address_hashes(path):
    """For the signers in PATH (JSON: [{email, forged: [...], expected}]): how many rows are stored under
    the address nginx saw (`expected`) and how many under one the client forged."""
    from petition.abuse import hash_ip
    from petition.models import Signature

    cases = json.loads(Path(path).read_text())
    stored = dict(
        Signature.objects.filter(email__in=[c["email"] for c in cases]).values_list("email", "ip_hash")
    )
    rows = {}
    for state, reason in Signature.objects.filter(email__in=list(stored)).values_list(
        "state", "fraud_reason"
    ):
        key = state + (f"/{reason}" if reason else "")
        rows[key] = rows.get(key, 0) + 1
    expected = forged = 0
    for case in cases:
        if case["email"] not in stored:
            continue
        expected += stored[case["email"]] == hash_ip(_client_key(case["expected"]))
        forged += stored[case["email"]] in {hash_ip(_client_key(a)) for a in case["forged"]}
    return {
        "asked": len(cases),
        "stored": len(stored),
        "expected_used": expected,
        "forged_used": forged,
        "rows": rows,
    }


def staff_member(name):
    """A superuser named NAME with an enrolled authenticator, for the drills that sign a staff member in:
    the password and the authenticator's key (hex) for the bench to make codes with."""
    import secrets

    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password = secrets.token_urlsafe(18)
    user_model = get_user_model()
    user_model.objects.filter(username=name).delete()
    user = user_model.objects.create_superuser(name, f"{name}@staff.example.net", password)
    device = TOTPDevice.objects.create(user=user, name="Bench authenticator", confirmed=True)
    return {"username": name, "password": password, "key": device.key}


COMMANDS = {
    "address_hashes": address_hashes,
    "staff_member": staff_member,
    "pages": pages,
    "signatures": signatures,
    "slice_rows": slice_rows,
    "emails_sent": emails_sent,
    "wait_for_emails": wait_for_emails,
    "email_delays": email_delays,
    "bulk_signatures": bulk_signatures,
    "spread_signatures": spread_signatures,
    "petition_counter": petition_counter,
}

if __name__ == "__main__":
    django.setup()
    try:
        print(json.dumps(COMMANDS[sys.argv[1]](*sys.argv[2:]), default=str))
    except Exception as error:
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        raise
