"""What the page and count.json show: read from the counters, never from signature rows."""

from django.core.cache import cache

from campaign.models.places import Constituency
from petition.models.counts import AreaCount, PetitionCount
from petition.places import country_name

CHART_BARS = 10
# Label column and bar column of the server-drawn SVG charts.
CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT = 260, 300, 28


def petition_stats(page):
    """Counts for one petition. One primary-key query; the rest is cached until the counters change."""
    counter = (
        PetitionCount.objects.filter(petition_id=page.pk).values_list("signature_count", "updated_at").first()
    )
    count, updated_at = counter or (0, None)
    key = f"petition:stats:{page.pk}:{updated_at.timestamp() if updated_at else 0}"
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
    names = dict(Constituency.objects.filter(code__in=constituency_codes).values_list("code", "name"))
    by_constituency, by_country = [], []
    for kind, code, n in areas:
        if kind == AreaCount.Kind.CONSTITUENCY:
            name = names.get(code, code) if code else "Not known"
            by_constituency.append({"code": code, "name": name, "count": n})
        else:
            by_country.append({"code": code, "name": country_name(code), "count": n})
    return {
        "signature_count": count,
        "updated_at": updated_at,
        "by_constituency": by_constituency,
        "by_country": by_country,
    }


def bar_chart(rows, limit=CHART_BARS):
    """Geometry for a horizontal bar chart of the biggest rows, drawn as SVG in the template."""
    rows = rows[:limit]
    top = max((row["count"] for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        bars.append(
            {
                **row,
                "y": index * CHART_ROW_HEIGHT,
                "text_y": index * CHART_ROW_HEIGHT + 18,
                "width": max(1, round(CHART_BAR_WIDTH * row["count"] / top)),
                "value_x": CHART_LABEL_WIDTH + max(1, round(CHART_BAR_WIDTH * row["count"] / top)) + 6,
            }
        )
    return {
        "bars": bars,
        "height": max(1, len(bars)) * CHART_ROW_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 80,
        "label_width": CHART_LABEL_WIDTH,
    }


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
    }
