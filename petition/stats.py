"""What the page, count.json and the letter journey show: read from the counters, never signature rows."""

from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from geography import hexmap
from geography.models.hexmap import ConstituencyHex
from geography.models.places import Constituency
from petition.models.counts import AreaCount, HourlyCount, PetitionCount
from petition.places import country_name

TOP_PLACES = 10
SIGNATURES = ("signature", "signatures")


def petition_stats(page):
    """Counts for one petition. One primary-key query; the rest is cached until the counters change."""
    counter = (
        PetitionCount.objects.filter(petition_id=page.pk).values_list("signature_count", "updated_at").first()
    )
    count, updated_at = counter or (0, None)
    # Place names are in the visitor's language, so each language has its own copy.
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"petition:stats:{page.pk}:{language}:{updated_at.timestamp() if updated_at else 0}"
    stats = cache.get(key)
    if stats is None:
        stats = _build(page.pk, count, updated_at)
        cache.set(key, stats, 60 * 60)
    return stats


def _build(petition_id, count, updated_at):
    areas = list(
        AreaCount.objects.filter(petition_id=petition_id, count__gt=0)
        .order_by("-count", "code")
        .values_list("kind", "code", "count")
    )
    constituency_codes = [code for kind, code, _n in areas if kind == AreaCount.Kind.CONSTITUENCY and code]
    # The map's layout names every 2024 constituency, when the constituency table holds only some.
    names = dict(ConstituencyHex.objects.filter(code__in=constituency_codes).values_list("code", "name"))
    names.update(Constituency.objects.filter(code__in=constituency_codes).values_list("code", "name"))
    by_constituency, by_country = [], []
    for kind, code, n in areas:
        if kind == AreaCount.Kind.CONSTITUENCY:
            name = names.get(code, code) if code else gettext("Not known")
            by_constituency.append({"code": code, "name": name, "count": n})
        else:
            by_country.append({"code": code, "name": country_name(code), "count": n})
    by_hour = list(
        HourlyCount.objects.filter(petition_id=petition_id, count__gt=0)
        .order_by("hour")
        .values_list("hour", "count")
    )
    return {
        "signature_count": count,
        "updated_at": updated_at,
        "by_constituency": by_constituency,
        "by_country": by_country,
        "by_hour": by_hour,
    }


def with_shares(rows, total, limit=None):
    """The rows, each with its share of all signatures as text ("67%", "3.2%", "0.4%") and as the width
    of its bar (0–100), for a table whose bars illustrate the numbers beside them. Past `limit` rows, the
    rest are summed into one last row, "Everywhere else"."""
    rows = list(rows)
    if limit and len(rows) > limit:
        rest = rows[limit:]
        rows = [
            *rows[:limit],
            {
                "code": None,
                "name": gettext("Everywhere else (%(places)s)") % {"places": len(rest)},
                "count": sum(r["count"] for r in rest),
            },
        ]
    shared = []
    for row in rows:
        percent = 100 * row["count"] / total if total else 0
        text = f"{percent:.0f}%" if percent >= 10 or percent == 0 else f"{percent:.1f}%"
        shared.append({**row, "share": text, "bar": round(percent, 1)})
    return shared


def constituency_map(stats):
    """Signatures per constituency on the hexmap (an empty map when no layout is loaded)."""
    return hexmap.build({row["code"]: row["count"] for row in stats["by_constituency"]}, noun=SIGNATURES)


def signed_in(petition, constituency_code):
    """Counted signatures of the petition from one constituency: one indexed read of its counter."""
    if not constituency_code:
        return 0
    counter = AreaCount.objects.filter(
        petition=petition, kind=AreaCount.Kind.CONSTITUENCY, code=constituency_code
    ).values_list("count", flat=True)
    return max(0, counter.first() or 0)


def as_json(stats):
    return {
        "signature_count": stats["signature_count"],
        "by_constituency": {
            row["code"] or "unknown": {"name": row["name"], "count": row["count"]}
            for row in stats["by_constituency"]
        },
        "by_country": {
            row["code"] or "unknown": {"name": row["name"], "count": row["count"]}
            for row in stats["by_country"]
        },
        "updated_at": stats["updated_at"].isoformat() if stats["updated_at"] else None,
        # Signatures over time (docs/count-json.md): oldest first, hours with none left out.
        "by_hour": [
            {"hour": hour.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "count": n}
            for hour, n in stats["by_hour"]
        ],
    }
