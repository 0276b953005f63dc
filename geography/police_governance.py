"""Who oversees each police force: load the table of commissioners, mayors and police authorities.

One row per police force area (ONS PFA code), read by header name from `data/police_governance.csv` or a
file like it. Each row becomes an `Area(body=policing, kind=police_force_area)` and, where someone elected
does the job (a police and crime commissioner, or a mayor with a commissioner's powers), that area's one
`Representative`. Where no one does (Scotland, Northern Ireland, the City of London) the area carries the
`oversight` text instead and has no representative.

A representative staff changed in the admin (`edited_by_staff`) is kept as they left it unless `replace`
is set. Loading the same file twice changes nothing.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from geography.models.representatives import Area, Body, Representative

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "police_governance.csv"

COLUMNS = (
    "pfa_code",
    "force_name",
    "role",
    "office",
    "holder_name",
    "party",
    "website",
    "email",
    "oversight",
    "oversight_url",
    "source_url",
    "checked_on",
)
# Read when the file has them; nothing else needs them.
OPTIONAL_COLUMNS = ("force_name_cy", "office_cy", "oversight_cy")

ROLES = {
    "commissioner": Representative.Role.COMMISSIONER,
    "mayor": Representative.Role.MAYOR,
    "none": None,
}
ELECTED_ROLES = [Representative.Role.COMMISSIONER, Representative.Role.MAYOR]
# England, Scotland and Northern Ireland use E23/S23/N23; the Welsh forces W15.
PFA_CODE = re.compile(r"[ENS]23[0-9]{6}|W15[0-9]{6}")
URL_FIELDS = ("website", "oversight_url", "source_url")


class PoliceGovernanceDataError(Exception):
    pass


@dataclass
class GovernanceCounts:
    """What a load did, row by row: each row is created, updated, unchanged, kept or skipped."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    skipped: list = field(default_factory=list)

    def summary(self):
        lines = [
            f"Police force areas: {self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.kept} with a representative kept as staff left it, {len(self.skipped)} skipped."
        ]
        lines += [f"  {reason}" for reason in self.skipped]
        return "\n".join(lines)


@dataclass(frozen=True)
class Row:
    line: int
    code: str
    force_name: str
    force_name_cy: str
    role: str | None
    office: str
    office_cy: str
    holder_name: str
    party: str
    website: str
    email: str
    oversight: str
    oversight_cy: str
    oversight_url: str
    source_url: str
    checked_on: datetime.date | None


def read_rows(path):
    """The file's rows, checked; raises PoliceGovernanceDataError when a column is missing.

    Returns (rows, problems): a row that cannot be loaded is left out with the reason in `problems`.
    """
    with open(path, newline="", encoding="utf-8-sig") as source:
        reader = csv.DictReader(source)
        headers = [name.strip() for name in reader.fieldnames or []]
        missing = [column for column in COLUMNS if column not in headers]
        if missing:
            raise PoliceGovernanceDataError(
                f"{Path(path).name} is not a police governance file: no column " + ", ".join(missing) + "."
            )
        reader.fieldnames = headers
        rows, problems, seen = [], [], set()
        for line, raw in enumerate(reader, start=2):
            values = {key: (value or "").strip() for key, value in raw.items() if key}
            try:
                row = _row(line, values)
            except ValueError as error:
                problems.append(f"Line {line} ({values.get('pfa_code') or 'no code'}) skipped: {error}")
                continue
            if row.code in seen:
                problems.append(f"Line {line} ({row.code}) skipped: the code is on an earlier line too.")
                continue
            seen.add(row.code)
            rows.append(row)
    return rows, problems


def _row(line, values):
    code = values["pfa_code"].upper()
    if not PFA_CODE.fullmatch(code):
        raise ValueError(f"{code or 'a blank code'} is not a police force area code.")
    if not values["force_name"]:
        raise ValueError("no force_name.")
    role_text = values["role"].lower()
    if role_text not in ROLES:
        raise ValueError(f"role {role_text or '(blank)'} is not one of {', '.join(ROLES)}.")
    role = ROLES[role_text]
    if role is None and not values["oversight"]:
        raise ValueError("role none needs the oversight text saying who oversees policing there.")
    if role is not None and not values["office"]:
        raise ValueError("a commissioner or mayor needs the office they are written to as.")
    for name in URL_FIELDS:
        if values[name]:
            try:
                URLValidator(schemes=["https", "http"])(values[name])
            except ValidationError:
                raise ValueError(f"{name} {values[name]} is not a web address.") from None
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            raise ValueError(f"email {values['email']} is not an email address.") from None
    try:
        checked_on = datetime.date.fromisoformat(values["checked_on"]) if values["checked_on"] else None
    except ValueError:
        raise ValueError(f"checked_on {values['checked_on']} is not a date (YYYY-MM-DD).") from None
    return Row(
        line=line,
        code=code,
        force_name=values["force_name"],
        force_name_cy=values.get("force_name_cy", ""),
        role=role,
        office=values["office"],
        office_cy=values.get("office_cy", ""),
        holder_name=" ".join(values["holder_name"].split()),
        party=values["party"],
        website=values["website"],
        email=values["email"],
        oversight=values["oversight"],
        oversight_cy=values.get("oversight_cy", ""),
        oversight_url=values["oversight_url"],
        source_url=values["source_url"],
        checked_on=checked_on,
    )


def load(path=DEFAULT_PATH, *, replace=False):
    """Create or update the police force areas and their commissioners or mayors from `path`."""
    rows, problems = read_rows(path)
    counts = GovernanceCounts(skipped=problems)
    with transaction.atomic():
        areas = {
            area.code: area
            for area in Area.objects.filter(body=Body.POLICING, kind=Area.Kind.POLICE_FORCE_AREA)
        }
        for row in rows:
            outcome = _load_row(row, areas.get(row.code), replace=replace)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    return counts


def _load_row(row, area, *, replace):
    area_values = {
        "name": row.force_name,
        "name_cy": row.force_name_cy,
        "oversight": row.oversight if row.role is None else "",
        "oversight_cy": row.oversight_cy if row.role is None else "",
        "oversight_url": row.oversight_url if row.role is None else "",
        "source_url": row.source_url,
        "checked_on": row.checked_on,
    }
    created = area is None
    if created:
        area = Area.objects.create(
            body=Body.POLICING, kind=Area.Kind.POLICE_FORCE_AREA, code=row.code, **area_values
        )
        area_changed = True
    else:
        area_changed = _assign(area, area_values)
        if area_changed:
            area.save(update_fields=list(area_values))

    outcome = _load_representative(row, area, replace=replace)
    if created:
        return "created"
    if outcome == "kept":
        return "kept"
    return "updated" if area_changed or outcome == "changed" else "unchanged"


def _load_representative(row, area, *, replace):
    """'changed', 'unchanged' or 'kept' (a staff edit left alone) for the area's one representative."""
    current = list(area.representatives.filter(role__in=ELECTED_ROLES).order_by("pk"))
    representative = current[0] if current else None
    if representative is not None and representative.edited_by_staff and not replace:
        return "kept"
    if row.role is None:
        if representative is None:
            return "unchanged"
        area.representatives.filter(pk__in=[r.pk for r in current]).delete()
        return "changed"
    values = {
        "role": row.role,
        "name": row.holder_name,
        "office": row.office,
        "office_cy": row.office_cy,
        "party": row.party,
        "email": row.email,
        "website": row.website,
        # A blank holder is a gap in our sources, not a vacancy.
        "is_vacant": False,
        "source_url": row.source_url,
        "checked_on": row.checked_on,
        "edited_by_staff": False,
    }
    if representative is None:
        Representative.objects.create(area=area, **values)
        return "changed"
    if _assign(representative, values):
        representative.save()
        return "changed"
    return "unchanged"


def _assign(instance, values):
    """Set `values` on `instance`; True when any of them differed."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed
