"""Load the constituency hexmap layout from a HexJSON file (`manage.py import_hexmap PATH`).

HexJSON (open-innovations.org/projects/hexmaps/hexjson) keys each hex by an ID, here the constituency's GSS
code, with its name `n`, column `q`, row `r` and `region`. Hexes are matched to the reference list of
constituencies (the Constituency table, plus an optional ONS code → name JSON file) by code first and by
name when the code is unknown: the Open Innovations 2024 layout still carries the pre-2024 codes of five
Scottish seats whose names did not change. The import says which hexes it matched by name, and which it
could not match at all (those keep the layout's own code).
"""

import json
from dataclasses import dataclass, field

from django.db import transaction

from geography.models import Constituency, ConstituencyHex
from geography.parliament import match_key

SUPPORTED_LAYOUT = "odd-r"


class HexmapError(Exception):
    pass


@dataclass
class HexmapReport:
    placed: int = 0
    by_code: int = 0
    by_name: list = field(default_factory=list)  # (layout code, 2024 code, name)
    unmatched: list = field(default_factory=list)  # (layout code, name)
    without_hex: list = field(default_factory=list)  # (code, name) in the reference but not on the map
    reference_size: int = 0

    def summary(self):
        lines = [f"Placed {self.placed} constituencies: {self.by_code} matched by ONS code."]
        if self.by_name:
            lines.append(f"Matched by name ({len(self.by_name)}), the layout's code replaced:")
            lines += [f"  {old} → {new} {name}" for old, new, name in self.by_name]
        if not self.reference_size:
            lines.append(
                "No reference list of constituencies (run import_mps first, or give --constituencies): "
                "every hex keeps the layout's own code."
            )
        elif self.unmatched:
            lines.append(f"Not in the reference list ({len(self.unmatched)}), kept the layout's code:")
            lines += [f"  {code} {name}" for code, name in self.unmatched]
        if self.without_hex:
            lines.append(f"Constituencies with no hex on the map ({len(self.without_hex)}):")
            lines += [f"  {code} {name}" for code, name in self.without_hex]
        return "\n".join(lines)


def read_hexjson(path):
    """The hexes of a HexJSON file as {layout code: (name, q, r, region)}; HexmapError if it is not one."""
    try:
        with open(path, encoding="utf-8-sig") as source:
            document = json.load(source)
    except json.JSONDecodeError as error:
        raise HexmapError(f"Not a HexJSON file ({error}).") from None
    if not isinstance(document, dict) or not isinstance(document.get("hexes"), dict):
        raise HexmapError("Not a HexJSON file: no 'hexes' object.")
    if document.get("layout") != SUPPORTED_LAYOUT:
        raise HexmapError(
            f"Layout {document.get('layout')!r} is not supported; the map draws '{SUPPORTED_LAYOUT}'."
        )
    hexes, cells = {}, {}
    for key, item in document["hexes"].items():
        try:
            name, q, r = str(item["n"]).strip(), int(item["q"]), int(item["r"])
        except (KeyError, TypeError, ValueError):
            raise HexmapError(f"Hex {key!r} needs a name 'n' and whole-number 'q' and 'r'.") from None
        if not name or len(key) > 9:
            raise HexmapError(f"Hex {key!r} has no name, or a code longer than 9 characters.")
        if (q, r) in cells:
            raise HexmapError(f"Hexes {cells[(q, r)]} and {key} are both at q={q}, r={r}.")
        cells[(q, r)] = key
        hexes[key] = (name, q, r, str(item.get("region", ""))[:9])
    if not hexes:
        raise HexmapError("The file holds no hexes.")
    return hexes


def read_reference(path):
    """An ONS list of constituencies as {code: name}, e.g. `constituencies_2024.json`."""
    try:
        with open(path, encoding="utf-8-sig") as source:
            document = json.load(source)
    except json.JSONDecodeError as error:
        raise HexmapError(f"The constituency list is not JSON ({error}).") from None
    if not isinstance(document, dict) or not all(isinstance(v, str) for v in document.values()):
        raise HexmapError("The constituency list must be a JSON object of ONS code → name.")
    return {code.strip(): name.strip() for code, name in document.items()}


def match(hexes, reference):
    """Give each hex its 2024 code: the layout's own when the reference knows it, else the reference's code
    for the same name. Returns (ConstituencyHex rows, HexmapReport)."""
    report = HexmapReport(reference_size=len(reference))
    names = {}
    for code, name in reference.items():
        # Two constituencies reduced to the same name can't be told apart by name: match neither that way.
        names[match_key(name)] = None if match_key(name) in names else code
    rows, taken = {}, set()
    for key in sorted(hexes, key=lambda k: k not in reference):  # exact codes claim their places first
        name, q, r, region = hexes[key]
        code, layout_code, matched_by = key, "", ConstituencyHex.Match.CODE
        if key not in reference:
            by_name = names.get(match_key(name))
            if by_name and by_name not in taken:
                code, layout_code, matched_by = by_name, key, ConstituencyHex.Match.NAME
                report.by_name.append((key, code, name))
            else:
                matched_by = ConstituencyHex.Match.NONE
                report.unmatched.append((key, name))
        if code in rows:
            raise HexmapError(f"Two hexes would be {code} ({rows[code].name} and {name}).")
        taken.add(code)
        rows[code] = ConstituencyHex(
            code=code, name=name, q=q, r=r, region=region, layout_code=layout_code, matched_by=matched_by
        )
    report.placed = len(rows)
    report.by_code = sum(1 for row in rows.values() if row.matched_by == ConstituencyHex.Match.CODE)
    report.by_name.sort(key=lambda item: item[2])
    report.unmatched.sort(key=lambda item: item[1])
    report.without_hex = sorted(
        ((code, name) for code, name in reference.items() if code not in rows), key=lambda item: item[1]
    )
    return list(rows.values()), report


def import_hexmap(path, reference_path=None):
    """Replace the map's layout with the file's, matched to the known constituencies. Returns the report."""
    hexes = read_hexjson(path)
    reference = dict(Constituency.objects.values_list("code", "name"))
    if reference_path:
        reference = {**read_reference(reference_path), **reference}
    rows, report = match(hexes, reference)
    with transaction.atomic():
        ConstituencyHex.objects.all().delete()
        ConstituencyHex.objects.bulk_create(rows)
    return report
