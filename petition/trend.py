"""Signatures over time: the hourly series the counting batch keeps, drawn as a small SVG chart.

`chart(by_hour)` takes [(start of the hour, signatures)], ascending, hours with none left out (what
`petition.stats` reads from HourlyCount), and returns the geometry `templates/petition/trend_chart.html`
draws: the running total as a line over a filled area, at most MAX_POINTS points however long the petition
runs, the axis labels, and a sentence that says the same in words (the chart's text alternative).
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

WIDTH, HEIGHT = 600, 150
MAX_POINTS = 120
HOUR = timedelta(hours=1)


@dataclass
class TrendChart:
    line: str  # polyline points
    area: str  # path: the line closed down to the axis
    top: int  # the value at the top of the chart (a round number at least the total)
    start: object  # the first hour shown (aware datetime)
    end: object  # the last hour shown
    total: int
    busiest: tuple  # (hour, signatures) of the busiest hour
    last_day: int  # signatures in the 24 hours up to `end`
    step_hours: int  # hours per point
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def summary(self):
        hour, most = self.busiest
        text = gettext("%(signatures)s between %(start)s and %(end)s.") % {
            "signatures": _count(self.total),
            "start": _day(self.start),
            "end": _day(self.end),
        }
        busiest = gettext("The busiest hour was %(hour)s on %(day)s, with %(signatures)s.") % {
            "hour": _hour(hour),
            "day": _day(hour),
            "signatures": _count(most),
        }
        last_day = gettext("%(signatures)s in the last 24 hours.") % {"signatures": _count(self.last_day)}
        return f"{text} {busiest} {last_day[:1].upper()}{last_day[1:]}"

    @property
    def middle(self):
        return self.top // 2

    @property
    def middle_y(self):
        return self.height // 2


def nice_top(value):
    """The smallest 1, 2 or 5 × 10ⁿ at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= value:
            return multiple * power
    return 10 * power  # pragma: no cover - the loop always returns


def chart(by_hour, until=None, max_points=MAX_POINTS):
    """The running total over time, or None before the first signature. `until` (an aware datetime, e.g.
    now while collecting) extends the line flat to that hour."""
    by_hour = [(hour, n) for hour, n in by_hour if n]
    if not by_hour:
        return None
    start = by_hour[0][0]
    end = max(by_hour[-1][0], _floor_hour(until) if until else start)
    hours = int((end - start) / HOUR) + 1
    step = math.ceil(hours / max_points)
    buckets = [0] * math.ceil(hours / step)
    for hour, n in by_hour:
        buckets[int((hour - start) / HOUR) // step] += n
    totals, running = [], 0
    for n in buckets:
        running += n
        totals.append(running)
    top = nice_top(max(totals))
    last = len(totals) - 1 or 1
    # Whole units: a 600 × 150 drawing needs no finer steps, and the page stays light.
    points = [
        (round(WIDTH * i / last), round(HEIGHT - HEIGHT * total / top)) for i, total in enumerate(totals)
    ]
    if len(points) == 1:  # one bucket: a flat line across
        points.append((WIDTH, points[0][1]))
    line = " ".join(f"{x},{y}" for x, y in points)
    area = f"M0 {HEIGHT}L" + "L".join(f"{x} {y}" for x, y in points) + f"L{WIDTH} {HEIGHT}Z"
    day_ago = end - timedelta(hours=23)
    return TrendChart(
        line=line,
        area=area,
        top=top,
        start=start,
        end=end,
        total=running,
        busiest=max(by_hour, key=lambda item: (item[1], -item[0].timestamp())),
        last_day=sum(n for hour, n in by_hour if hour >= day_ago),
        step_hours=step,
    )


def _floor_hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


def _count(n):
    return ngettext("%(count)s signature", "%(count)s signatures", n) % {"count": f"{n:,}"}


def _day(moment):
    return formats.date_format(timezone.localtime(moment), "j F Y")


def _hour(moment):
    return formats.date_format(timezone.localtime(moment), "H:i")
