"""The constituency hexmap, drawn on the server as SVG from counts per constituency.

`build(counts, noun)` turns {GSS code: number} into everything `components/hexmap.html` draws: one hexagon
per constituency with its title, a colour class, the legend, nation labels and a text summary. It reads
only the layout (650 rows) and the counts it is given, never the rows behind them, so its cost does not
grow with the number of signatures or letters; callers cache what it returns until their counters change.

Geometry: HexJSON "odd-r" (odd rows shifted right by half a hex) with r growing northwards. Hexagons are
pointy-topped, 10 units wide and 12 tall with rows 9 apart, so every coordinate is a whole number (a true
regular hexagon would be 4% shorter: nobody can tell, and the SVG stays small).
"""

import math
from bisect import bisect_left
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from geography.models.hexmap import ConstituencyHex

HEX_WIDTH, HEX_HEIGHT, ROW_STEP = 10, 12, 9
MARGIN = 4
# One hexagon around (0, 0); each constituency is a <use> of it moved to its centre.
HEX_PATH = "M0-6 5-3V3L0 6-5 3V-3Z"
SHADES = 5  # colour classes above "none"; the darkest is always the class holding the largest count

LABEL_CHAR_WIDTH = 8.5
NATIONS = {"E": "England", "S": "Scotland", "W": "Wales", "N": "Northern Ireland"}
# Where each nation's label sits, as a fraction of the way across its own hexes' bounding box.
LABEL_ANCHORS = {
    "Scotland": (0.0, 0.35, "end"),
    "Northern Ireland": (0.5, 1.0, "middle"),
    "Wales": (0.0, 0.5, "end"),
    "England": (1.0, 0.6, "start"),
}


@dataclass(frozen=True)
class Cell:
    code: str
    name: str
    x: int
    y: int


@dataclass(frozen=True)
class Layout:
    cells: tuple
    width: int
    height: int
    labels: tuple  # (text, x, y, text-anchor)
    min_x: int = 0


def nation_of(code, region=""):
    """England, Scotland, Wales or Northern Ireland, from the ONS region or the constituency code."""
    return NATIONS.get((region or code)[:1], NATIONS.get(code[:1], ""))


def layout():
    """The map's cells with their centres, in name order. 650 small rows: callers cache what they build."""
    hexes = list(ConstituencyHex.objects.order_by("name").values_list("code", "name", "q", "r", "region"))
    if not hexes:
        return Layout(cells=(), width=0, height=0, labels=())
    min_q = min(q for _c, _n, q, _r, _g in hexes)
    max_r = max(r for _c, _n, _q, r, _g in hexes)
    cells, extents = [], {}
    for code, name, q, r, region in hexes:
        x = (q - min_q) * HEX_WIDTH + (HEX_WIDTH // 2 if r % 2 else 0) + HEX_WIDTH // 2
        y = (max_r - r) * ROW_STEP + HEX_HEIGHT // 2
        cells.append(Cell(code=code, name=name, x=x, y=y))
        box = extents.setdefault(nation_of(code, region), [x, y, x, y])
        box[:] = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    width = max(cell.x for cell in cells) + HEX_WIDTH
    height = max(cell.y for cell in cells) + HEX_HEIGHT // 2
    labels = []
    for nation, (across, down, anchor) in LABEL_ANCHORS.items():
        if nation not in extents:
            continue
        left, top, right, bottom = extents[nation]
        x = left + across * (right - left) + {"end": -HEX_WIDTH, "start": HEX_WIDTH, "middle": 0}[anchor]
        y = top + down * (bottom - top) + (HEX_HEIGHT + 8 if down == 1.0 else 4)
        labels.append((nation, round(x), round(y), anchor))
    # Labels may sit outside the hexes: widen the drawing (and shift it) so they fit.
    reach = {"end": (1, 0), "middle": (0.5, 0.5), "start": (0, 1)}  # share of the text left, right of x
    left_edge = min([0] + [x - reach[anchor][0] * _text_width(text) for text, x, _y, anchor in labels])
    right_edge = max([width] + [x + reach[anchor][1] * _text_width(text) for text, x, _y, anchor in labels])
    max_y = max([height] + [y + 4 for _t, _x, y, _a in labels])
    return Layout(
        cells=tuple(cells),
        width=math.ceil(right_edge - left_edge) + 2 * MARGIN,
        height=max_y + MARGIN,
        labels=tuple(labels),
        min_x=math.floor(left_edge) - MARGIN,
    )


def _text_width(text):
    """Roughly how wide a nation label is, in map units (12-unit bold system font)."""
    return math.ceil(LABEL_CHAR_WIDTH * len(text))


def scale(largest, shades=SHADES):
    """Upper bounds of the colour classes, as shares of the largest count: 1/16, 1/8, 1/4, 1/2 and all of it.

    Counts per constituency are skewed (a few places sign far more than the rest), so each shade covers
    twice the range of the one before; equal steps would wash most of the map out into the lightest shade.
    Bounds are whole numbers, so a small largest count (3, say) has fewer classes, each holding at least one
    number.
    """
    if largest <= 0:
        return []
    return sorted({math.ceil(largest / 2 ** (shades - step)) for step in range(1, shades + 1)})


def shade(value, bounds, shades=SHADES):
    """The colour class of a value: 0 for none, else 1…shades, the largest always the darkest."""
    if value <= 0 or not bounds:
        return 0
    return shades - len(bounds) + 1 + bisect_left(bounds, value)


def legend(bounds, noun, shades=SHADES):
    """[(class, label)] from "none" to the largest class, e.g. (0, "No letters"), (3, "5–8")."""
    items = [(0, _wording(noun).no_items)]
    low = 1
    for bound in bounds:
        label = f"{low:,}" if low == bound else f"{low:,}–{bound:,}"
        items.append((shade(bound, bounds, shades), label))
        low = bound + 1
    return items


def describe(value, noun):
    if value <= 0:
        return _wording(noun).none
    return _wording(noun).count(value)


class Wording:
    """What the map says about what it counts, in the active language (a map is built once and cached, and
    says it in each visitor's language when shown)."""

    def __init__(self, noun):
        self.noun = noun

    @property
    def none(self):
        return f"no {self.noun[1]}"

    @property
    def no_items(self):
        return f"No {self.noun[1]}"

    def count(self, value):
        return f"{value:,} {self.noun[0] if value == 1 else self.noun[1]}"

    def nothing_yet(self, places):
        return f"No {self.noun[1]} yet in any of the {places} constituencies."

    def places_with_any(self, value, places, most):
        have = "has" if value == 1 else "have"
        return f"{value:,} of the {places} constituencies {have} at least one {self.noun[0]}. Most: {most}."

    def off_map(self, value):
        verb = "is" if value == 1 else "are"
        counted = self.count(value)
        return f"{counted} {verb} not on the map: from outside the UK, or with no known constituency."


class SignatureWording(Wording):
    @property
    def none(self):
        return gettext("no signatures")

    @property
    def no_items(self):
        return gettext("No signatures")

    def count(self, value):
        return ngettext("%(count)s signature", "%(count)s signatures", value) % {"count": f"{value:,}"}

    def nothing_yet(self, places):
        return gettext("No signatures yet in any of the %(places)s constituencies.") % {"places": places}

    def places_with_any(self, value, places, most):
        return ngettext(
            "%(count)s of the %(places)s constituencies has at least one signature. Most: %(most)s.",
            "%(count)s of the %(places)s constituencies have at least one signature. Most: %(most)s.",
            value,
        ) % {"count": f"{value:,}", "places": places, "most": most}

    def off_map(self, value):
        return ngettext(
            "%(count)s signature is not on the map: from outside the UK, or with no known constituency.",
            "%(count)s signatures are not on the map: from outside the UK, or with no known constituency.",
            value,
        ) % {"count": f"{value:,}"}


class LetterWording(Wording):
    @property
    def none(self):
        return gettext("no letters")

    @property
    def no_items(self):
        return gettext("No letters")

    def count(self, value):
        return ngettext("%(count)s letter", "%(count)s letters", value) % {"count": f"{value:,}"}

    def nothing_yet(self, places):
        return gettext("No letters yet in any of the %(places)s constituencies.") % {"places": places}

    def places_with_any(self, value, places, most):
        return ngettext(
            "%(count)s of the %(places)s constituencies has at least one letter. Most: %(most)s.",
            "%(count)s of the %(places)s constituencies have at least one letter. Most: %(most)s.",
            value,
        ) % {"count": f"{value:,}", "places": places, "most": most}

    def off_map(self, value):
        return ngettext(
            "%(count)s letter is not on the map: from outside the UK, or with no known constituency.",
            "%(count)s letters are not on the map: from outside the UK, or with no known constituency.",
            value,
        ) % {"count": f"{value:,}"}


# By the noun's plural, as callers name what they count.
WORDING = {"signatures": SignatureWording, "letters": LetterWording}


def _wording(noun):
    return WORDING.get(noun[1], Wording)(noun)


@dataclass
class HexMap:
    width: int
    height: int
    min_x: int
    groups: list  # [(shade, [(x, y, title)])], darkest first, each in name order
    labels: tuple
    bounds: list  # the colour classes' upper bounds (scale()): the legend is worded when shown
    shades: int
    largest: list  # [(name, value)] the three largest, for the summary
    places: int  # constituencies on the map
    places_with_any: int
    off_map: int  # counts for places the map does not show (no constituency, outside the UK)
    noun: tuple

    def __bool__(self):
        return bool(self.places)

    @property
    def legend(self):
        return legend(self.bounds, self.noun, self.shades)

    @property
    def summary(self):
        """The map in words: its text alternative, in the active language."""
        wording = _wording(self.noun)
        if not self.places_with_any:
            text = wording.nothing_yet(self.places)
        else:
            most = ", ".join(f"{name} ({describe(value, self.noun)})" for name, value in self.largest)
            text = wording.places_with_any(self.places_with_any, self.places, most)
        if self.off_map:
            text += " " + wording.off_map(self.off_map)
        return text


def build(counts, noun=("signature", "signatures"), shades=SHADES):
    """The map of `counts` ({GSS code: number}), or an empty HexMap when no layout is loaded."""
    grid = layout()
    on_map = {cell.code for cell in grid.cells}
    values = {cell.code: max(0, counts.get(cell.code, 0)) for cell in grid.cells}
    bounds = scale(max(values.values(), default=0), shades)
    groups = {}
    for cell in grid.cells:  # in name order
        value = values[cell.code]
        groups.setdefault(shade(value, bounds, shades), []).append(
            (cell.x, cell.y, f"{cell.name}: {value:,}")
        )
    names = {cell.code: cell.name for cell in grid.cells}
    ranked = sorted(
        (code for code in values if values[code] > 0), key=lambda code: (-values[code], names[code])
    )
    return HexMap(
        width=grid.width,
        height=grid.height,
        min_x=grid.min_x,
        groups=sorted(groups.items(), reverse=True),
        labels=grid.labels,
        bounds=bounds,
        shades=shades,
        largest=[(names[code], values[code]) for code in ranked[:3]],
        places=len(grid.cells),
        places_with_any=len(ranked),
        off_map=sum(n for code, n in counts.items() if code not in on_map and n > 0),
        noun=noun,
    )
