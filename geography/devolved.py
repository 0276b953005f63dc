"""Load the devolved parliaments' areas and members, and Scottish postcodes' constituencies, from CSV files.

Three loads, each behind a management command:
- `load_scottish_postcodes` (`import_scottish_postcodes`): the National Records of Scotland's Scottish
  Postcode Directory → `ScottishParliamentPostcode`, replacing the table in one transaction as the ONSPD
  import does;
- `load_areas` (`import_devolved_areas`): one body's constituencies, with a Scottish constituency's region
  as its `parent` and a Senedd or Assembly constituency's Westminster constituencies as its `parts`;
- `load_members` (`import_devolved_members`): one body's members, matched to those areas by code or name.

Columns are found by header name, case-insensitively, with a pattern for the dated names of later releases
(`ScottishParliamentaryConstituency2014Code`, `…2026Code`; `SPC16CD`, `SPC21CD`; `PCON24CD`): a file
missing a column is refused before anything is written. Loading the same file twice changes nothing.
A member staff have edited (`edited_by_staff`) is kept as they left it unless `replace` is set.
"""

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from geography import postcodes
from geography.models.representatives import (
    Area,
    AreaPart,
    Body,
    Representative,
    ScottishParliamentPostcode,
)
from geography.parliament import match_key
from website import page_cache

DEVOLVED_BODIES = (Body.SCOTTISH_PARLIAMENT, Body.SENEDD, Body.NI_ASSEMBLY)
BATCH_SIZE = 5_000


class DevolvedDataError(Exception):
    pass


@dataclass(frozen=True)
class Column:
    """How to find one field in a header: exact names first, then a pattern; the newest dated match wins."""

    names: tuple = ()
    pattern: str = ""
    required: bool = True


def resolve_columns(header, columns, what):
    """{field: column index} for the fields `columns` describes; DevolvedDataError names any missing."""
    names = [name.strip().strip('"').strip().lower() for name in header]
    found = {}
    for name, column in columns.items():
        for candidate in column.names:
            if candidate in names:
                found[name] = names.index(candidate)
                break
        else:
            if column.pattern:
                matches = [(m, i) for i, n in enumerate(names) if (m := re.fullmatch(column.pattern, n))]
                if matches:
                    # The newest of several dated columns: the largest year, else the rightmost.
                    found[name] = max(matches, key=lambda mi: (_year(mi[0]), mi[1]))[1]
    missing = [name for name, column in columns.items() if column.required and name not in found]
    if missing:
        wanted = "; ".join(_describe(columns[name]) for name in missing)
        raise DevolvedDataError(
            f"This doesn't look like {what}: no column for {', '.join(missing)} (looked for {wanted}) "
            f"in its header ({', '.join(names[:8])}{'…' if len(names) > 8 else ''})."
        )
    return found


def _year(match):
    digits = match.group(match.lastindex) if match.lastindex else ""
    return int(digits) if digits else -1


def _describe(column):
    options = [f"'{name}'" for name in column.names]
    if column.pattern:
        options.append(f"a column matching {column.pattern}")
    return " or ".join(options)


def _read(path, columns, what):
    """(rows, {field: index}) from a CSV file: the header resolved, the rows as lists of stripped strings."""
    with open(path, newline="", encoding="utf-8-sig") as source:
        reader = csv.reader(source)
        try:
            header = next(reader)
        except StopIteration:
            raise DevolvedDataError(f"{path} is empty.") from None
        found = resolve_columns(header, columns, what)
        rows = [[value.strip() for value in row] for row in reader if any(value.strip() for value in row)]
    return rows, found


def _get(row, found, name):
    index = found.get(name)
    return row[index] if index is not None and index < len(row) else ""


# --- Scottish postcodes --------------------------------------------------------------------------------

SPD_COLUMNS = {
    "postcode": Column(("postcode", "pcds", "pcd")),
    "constituency_code": Column(pattern=r"scottishparliamentaryconstituency(\d{4})code|spc(\d*)cd"),
    "deleted": Column(("dateofdeletion",), required=False),
}
_SP_CONSTITUENCY = re.compile(r"S16[0-9]{6}")


@dataclass
class PostcodeCounts:
    read: int = 0
    loaded: int = 0
    deleted: int = 0
    skipped: Counter = field(default_factory=Counter)
    split_across_constituencies: set = field(default_factory=set)

    def summary(self):
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n:,} {reason}" for reason, n in self.skipped.most_common())
        return "\n".join(
            [
                f"Read {self.read:,} rows.",
                f"Loaded {self.loaded:,} Scottish postcodes ({self.deleted:,} of them deleted from the "
                "directory, kept so old addresses still find their constituency).",
                f"Skipped {skipped:,} rows" + (f": {reasons}." if skipped else "."),
            ]
            + (
                [
                    f"{len(self.split_across_constituencies):,} split postcodes have addresses in more than "
                    "one constituency; each keeps its first part's: "
                    + ", ".join(sorted(self.split_across_constituencies)[:10])
                ]
                if self.split_across_constituencies
                else []
            )
        )


def load_scottish_postcodes(path):
    """Replace the Scottish postcode table with a Scottish Postcode Directory file. Returns PostcodeCounts.

    Where a postcode appears more than once (a small-user and a large-user record, or a postcode deleted
    and later reintroduced), its current record wins.
    """
    rows, found = _read(path, SPD_COLUMNS, "a Scottish Postcode Directory file")
    counts = PostcodeCounts()
    best = {}  # postcode → (constituency code, is current)
    for row in rows:
        counts.read += 1
        postcode, split = _spd_postcode(_get(row, found, "postcode"))
        if not postcode:
            counts.skipped["malformed postcodes"] += 1
            continue
        code = _get(row, found, "constituency_code")
        if not _SP_CONSTITUENCY.fullmatch(code):
            counts.skipped["no Scottish Parliament constituency code"] += 1
            continue
        current = not _get(row, found, "deleted")
        previous = best.get(postcode)
        if previous is None or (current and not previous[1]):
            best[postcode] = (code, current)
        elif split and previous[0] != code:
            # One postcode, addresses in two constituencies: the table holds one, the first part's.
            counts.split_across_constituencies.add(postcode)
            counts.skipped["parts of split postcodes"] += 1
        else:
            counts.skipped["parts of split postcodes" if split else "repeated postcodes"] += 1
    if not best:
        raise DevolvedDataError("No usable postcode rows: the Scottish postcode table was left as it was.")
    with transaction.atomic():
        ScottishParliamentPostcode.objects.all().delete()
        ScottishParliamentPostcode.objects.bulk_create(
            (
                ScottishParliamentPostcode(postcode=pc, constituency_code=code)
                for pc, (code, _) in best.items()
            ),
            batch_size=BATCH_SIZE,
        )
    counts.loaded = len(best)
    counts.deleted = sum(1 for _, current in best.values() if not current)
    return counts


def _spd_postcode(raw):
    """(postcode, is a split part): NRS marks the parts of a postcode that crosses a boundary with a
    trailing letter ('PA31 8UAA', 'PA31 8UAB')."""
    postcode = postcodes.normalise(raw)
    if postcodes.is_valid(postcode):
        return postcode, False
    compact = "".join(raw.split()).upper()
    if len(compact) > 5 and compact[-1] in "ABCDEFGH":
        postcode = postcodes.normalise(compact[:-1])
        if postcodes.is_valid(postcode):
            return postcode, True
    return "", False


# --- Areas ---------------------------------------------------------------------------------------------

AREA_COLUMNS = {
    # An ONS-style constituency → region lookup (SPC21CD, SPC21NM, SPR21CD, SPR21NM…).
    Body.SCOTTISH_PARLIAMENT: {
        "code": Column(pattern=r"spc(\d*)cd"),
        "name": Column(pattern=r"spc(\d*)nm"),
        "region_code": Column(pattern=r"spr(\d*)cd"),
        "region_name": Column(pattern=r"spr(\d*)nm"),
    },
    # One row per Westminster constituency, naming the Senedd constituency it is part of.
    Body.SENEDD: {
        "code": Column(("senedd_constituency_code",), r"sen[a-z]*(\d*)cd", required=False),
        "name": Column(("senedd_constituency_name", "senedd_constituency"), r"sen[a-z]*(\d*)nm"),
        "name_cy": Column(("senedd_constituency_name_cy",), r"sen[a-z]*(\d*)nmw", required=False),
        "westminster_code": Column(pattern=r"pcon(\d*)cd"),
    },
    # Each Assembly constituency is one Westminster constituency: its code is the Westminster code.
    Body.NI_ASSEMBLY: {
        "code": Column(pattern=r"pcon(\d*)cd"),
        "name": Column(pattern=r"pcon(\d*)nm"),
    },
}
_GSS = re.compile(r"[A-Z][0-9]{8}")


@dataclass
class AreaCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    parts_added: int = 0
    parts_removed: int = 0
    problems: list = field(default_factory=list)

    def summary(self):
        lines = [
            f"Areas: {self.created} new, {self.updated} updated, {self.unchanged} unchanged.",
            f"Westminster parts: {self.parts_added} added, {self.parts_removed} removed.",
        ]
        return "\n".join(lines + [f"  {problem}" for problem in self.problems])


def load_areas(path, body):
    """Create or update one body's areas from a CSV. Returns AreaCounts.

    Only the names, kinds, parents and parts are written: an area's oversight text and where staff checked
    it are left as they are. Areas of the body that the file does not name are left too.
    """
    if body not in AREA_COLUMNS:
        raise DevolvedDataError(f"No area file format for {body}.")
    rows, found = _read(path, AREA_COLUMNS[body], f"a {Body(body).label} areas file")
    counts = AreaCounts()
    with transaction.atomic():
        if body == Body.SCOTTISH_PARLIAMENT:
            _load_scottish_areas(rows, found, counts)
        else:
            _load_constituencies_of_parts(rows, found, body, counts)
        # Parts are written in bulk, which sends no signal: the letter page's kept listings start afresh.
        page_cache.purge_all()
    return counts


def _save_area(body, kind, code, name, counts, parent=None, name_cy=None):
    wanted = {"kind": kind, "name": name, "parent": parent}
    if name_cy is not None:
        wanted["name_cy"] = name_cy
    area = Area.objects.filter(body=body, code=code).first()
    if area is None:
        area = Area.objects.create(body=body, code=code, **wanted)
        counts.created += 1
    elif any(getattr(area, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(area, key, value)
        area.save(update_fields=list(wanted))
        counts.updated += 1
    else:
        counts.unchanged += 1
    return area


def _load_scottish_areas(rows, found, counts):
    regions = {}
    for line, row in enumerate(rows, 2):
        code, name = _get(row, found, "code"), _get(row, found, "name")
        region_code, region_name = _get(row, found, "region_code"), _get(row, found, "region_name")
        if not (_GSS.fullmatch(code) and name and _GSS.fullmatch(region_code) and region_name):
            counts.problems.append(
                f"Line {line}: skipped, it needs a code and name for both the constituency and its region."
            )
            continue
        if region_code not in regions:
            regions[region_code] = _save_area(
                Body.SCOTTISH_PARLIAMENT, Area.Kind.REGION, region_code, region_name, counts
            )
        _save_area(
            Body.SCOTTISH_PARLIAMENT,
            Area.Kind.CONSTITUENCY,
            code,
            name,
            counts,
            parent=regions[region_code],
        )


def _load_constituencies_of_parts(rows, found, body, counts):
    grouped = defaultdict(lambda: {"code": "", "name_cy": None, "parts": []})
    for line, row in enumerate(rows, 2):
        name = _get(row, found, "name")
        westminster = _get(row, found, "westminster_code" if body == Body.SENEDD else "code")
        if not (name and _GSS.fullmatch(westminster)):
            counts.problems.append(
                f"Line {line}: skipped, it needs a constituency name and a Westminster code."
            )
            continue
        entry = grouped[name]
        entry["code"] = entry["code"] or _get(row, found, "code")
        if "name_cy" in found:
            entry["name_cy"] = entry["name_cy"] or _get(row, found, "name_cy")
        if westminster not in entry["parts"]:
            entry["parts"].append(westminster)
    for name, entry in grouped.items():
        # Until the ONS publishes codes for the 2026 Senedd constituencies, a constituency is known by its
        # Westminster constituencies' codes: W07000083+W07000112.
        code = (
            entry["code"] if body == Body.NI_ASSEMBLY else entry["code"] or "+".join(sorted(entry["parts"]))
        )
        area = _save_area(body, Area.Kind.CONSTITUENCY, code, name, counts, name_cy=entry["name_cy"])
        have = set(area.parts.values_list("westminster_code", flat=True))
        wanted = set(entry["parts"])
        AreaPart.objects.bulk_create(AreaPart(area=area, westminster_code=c) for c in sorted(wanted - have))
        removed, _ = area.parts.filter(westminster_code__in=have - wanted).delete()
        counts.parts_added += len(wanted - have)
        counts.parts_removed += removed


# --- Members -------------------------------------------------------------------------------------------

MEMBER_COLUMNS = {
    "name": Column(("name", "full_name"), required=False),
    "first": Column(("first", "first_name", "given_name", "forename"), required=False),
    "last": Column(("last", "last_name", "family_name", "surname"), required=False),
    "area_code": Column(("area_code", "constituency_code", "region_code"), required=False),
    "area": Column(
        ("constituency", "area", "constituency_name", "region", "electoral_region"), required=False
    ),
    "party": Column(("party", "party_name"), required=False),
    "external_id": Column(("external_id", "parlparse_id", "person_id", "id"), required=False),
    "email": Column(("email",), required=False),
    "website": Column(("website", "url", "homepage"), required=False),
}
MEMBER_FIELDS = ("name", "party", "email", "website", "is_vacant")


@dataclass
class MemberCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    absent: int = 0
    removed: int = 0
    problems: list = field(default_factory=list)

    def summary(self):
        lines = [
            f"Members: {self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.kept} kept as staff left them.",
        ]
        if self.removed:
            lines.append(f"Removed {self.removed} no longer in the file.")
        if self.absent:
            lines.append(
                f"{self.absent} members of these areas are not in the file: left as they are "
                "(--prune removes them)."
            )
        return "\n".join(lines + [f"  {problem}" for problem in self.problems])


def _member_role(body, area):
    if body == Body.SCOTTISH_PARLIAMENT:
        if area.kind == Area.Kind.REGION:
            return Representative.Role.REGIONAL_MEMBER
        return Representative.Role.CONSTITUENCY_MEMBER
    return Representative.Role.MEMBER


def load_members(path, body, *, replace=False, prune=False, source_url="", checked_on=None):
    """Create or update one body's members from a CSV, matching each row's area by code or name.

    A member is recognised again by the source's id (`external_id`) where the file has one, else by name in
    the same area. A member staff have edited is left alone unless `replace`. Members of the file's areas
    whom the file no longer lists are reported, and deleted only with `prune` (their stances and letter
    counts go with them), staff-edited ones only with `replace` as well.
    """
    if body not in DEVOLVED_BODIES:
        raise DevolvedDataError(f"Members of {body} are not loaded from a file.")
    rows, found = _read(path, MEMBER_COLUMNS, f"a {Body(body).label} members file")
    missing = []
    if "name" not in found and not ("first" in found and "last" in found):
        missing.append("name (or first and last)")
    if "area" not in found and "area_code" not in found:
        missing.append("area (constituency or region name, or its code)")
    if missing:
        raise DevolvedDataError(
            f"This doesn't look like a {Body(body).label} members file: no column for {'; '.join(missing)}."
        )
    counts = MemberCounts()
    areas = list(Area.objects.filter(body=body))
    if not areas:
        raise DevolvedDataError(f"No {Body(body).label} areas yet: run import_devolved_areas first.")
    by_code = {area.code: area for area in areas}
    by_name = {match_key(area.name): area for area in areas}
    by_name.update({match_key(area.name_cy): area for area in areas if area.name_cy})

    with transaction.atomic():
        existing = defaultdict(list)
        for rep in Representative.objects.filter(area__body=body):
            existing[rep.area_id].append(rep)
        matched, touched = set(), set()
        for line, row in enumerate(rows, 2):
            area_label = _get(row, found, "area_code") or _get(row, found, "area")
            area = by_code.get(_get(row, found, "area_code")) or by_name.get(
                match_key(_get(row, found, "area"))
            )
            if area is None:
                counts.problems.append(f"Line {line}: no {Body(body).label} area '{area_label}'; skipped.")
                continue
            name = _get(row, found, "name") or " ".join(
                f"{_get(row, found, 'first')} {_get(row, found, 'last')}".split()
            )
            external_id = _get(row, found, "external_id")
            values = {
                "name": name,
                "party": _get(row, found, "party"),
                "email": _get(row, found, "email"),
                "website": _get(row, found, "website"),
                "is_vacant": not name,
            }
            role = _member_role(body, area)
            touched.add(area.pk)
            rep = _find_member(existing[area.pk], matched, role, external_id, name)
            if rep is None:
                rep = Representative.objects.create(
                    area=area,
                    role=role,
                    external_id=external_id,
                    source_url=source_url,
                    checked_on=checked_on,
                    **values,
                )
                existing[area.pk].append(rep)
                matched.add(rep.pk)
                counts.created += 1
                continue
            matched.add(rep.pk)
            if rep.edited_by_staff and not replace:
                counts.kept += 1
                continue
            wanted = {**values, "role": role, "external_id": external_id or rep.external_id}
            if source_url:
                wanted["source_url"] = source_url
            if checked_on:
                wanted["checked_on"] = checked_on
            if replace:
                wanted["edited_by_staff"] = False
            if all(getattr(rep, key) == value for key, value in wanted.items()):
                counts.unchanged += 1
                continue
            for key, value in wanted.items():
                setattr(rep, key, value)
            rep.save()
            counts.updated += 1
        for area_pk in touched:
            for rep in existing[area_pk]:
                if rep.pk in matched:
                    continue
                if prune and (replace or not rep.edited_by_staff):
                    rep.delete()
                    counts.removed += 1
                else:
                    counts.absent += 1
    return counts


def _find_member(candidates, matched, role, external_id, name):
    free = [rep for rep in candidates if rep.pk not in matched and rep.role == role]
    if external_id:
        for rep in free:
            if rep.external_id == external_id:
                return rep
    if not name:
        return next((rep for rep in free if rep.is_vacant), None)
    key = match_key(name)
    for rep in free:
        if match_key(rep.name) == key and (not external_id or not rep.external_id):
            return rep
    return None
