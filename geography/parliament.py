"""Constituencies and MPs: load the Commons Library results CSV; optionally sync from the Members API.

The Members API is online and optional. It is only ever called from `import_mps --sync`, never while
serving a request. Its constituencies carry no ONS code, so they are matched to ours by a careful name
comparison ("Montgomeryshire and Glyndŵr" = "Montgomeryshire and Glyndwr").
"""

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.db import transaction

from geography.models.places import Constituency, MemberOfParliament

logger = logging.getLogger(__name__)

# The Commons Library's party abbreviations.
PARTIES = {
    "Lab": "Labour",
    "Con": "Conservative",
    "LD": "Liberal Democrat",
    "SNP": "Scottish National Party",
    "SF": "Sinn Féin",
    "Ind": "Independent",
    "RUK": "Reform UK",
    "DUP": "Democratic Unionist Party",
    "Green": "Green Party",
    "PC": "Plaid Cymru",
    "SDLP": "Social Democratic and Labour Party",
    "Spk": "Speaker",
    "APNI": "Alliance",
    "TUV": "Traditional Unionist Voice",
    "UUP": "Ulster Unionist Party",
}
RESULTS_COLUMNS = (
    "ONS ID",
    "Constituency name",
    "Country name",
    "Member first name",
    "Member surname",
    "First party",
)


class ParliamentDataError(Exception):
    pass


@dataclass
class MpCounts:
    constituencies_created: int = 0
    constituencies_updated: int = 0
    mps_created: int = 0
    mps_updated: int = 0
    mps_kept: int = 0
    problems: list = field(default_factory=list)

    def summary(self):
        lines = [
            f"Constituencies: {self.constituencies_created} new, {self.constituencies_updated} updated.",
            f"MPs: {self.mps_created} new, {self.mps_updated} updated, "
            f"{self.mps_kept} kept as staff left them.",
        ]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def match_key(name):
    """A constituency name reduced for matching: no accents, case, punctuation or 'and'/'&' differences."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def load_results_csv(path, *, replace_mps=False):
    """Create or update the 650 constituencies and their MPs from the Commons Library results CSV.

    An MP already in the database is left as staff edited it (a by-election, a contact email) unless
    `replace_mps` is set.
    """
    counts = MpCounts()
    with open(path, newline="", encoding="utf-8-sig") as source:
        reader = csv.DictReader(source)
        missing = [c for c in RESULTS_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ParliamentDataError("Not a Commons Library results file: no column " + ", ".join(missing))
        rows = list(reader)  # 650 rows
    with transaction.atomic():
        existing = {c.code: c for c in Constituency.objects.all()}
        mps = {mp.constituency_id: mp for mp in MemberOfParliament.objects.all()}
        for row in rows:
            code = row["ONS ID"].strip()
            name, country = row["Constituency name"].strip(), row["Country name"].strip()
            if not re.fullmatch(r"[A-Z][0-9]{8}", code):
                counts.problems.append(f"Skipped a row with no ONS code ({name or 'no name'}).")
                continue
            constituency = existing.get(code)
            if constituency is None:
                constituency = Constituency.objects.create(code=code, name=name, country=country)
                counts.constituencies_created += 1
            elif (constituency.name, constituency.country) != (name, country):
                constituency.name, constituency.country = name, country
                constituency.save(update_fields=["name", "country"])
                counts.constituencies_updated += 1
            mp_name = " ".join(f"{row['Member first name']} {row['Member surname']}".split())
            party = PARTIES.get(row["First party"].strip(), row["First party"].strip())
            mp = mps.get(code)
            if mp is None:
                MemberOfParliament.objects.create(
                    constituency=constituency, name=mp_name, party=party, is_vacant=not mp_name
                )
                counts.mps_created += 1
            elif replace_mps and (mp.name, mp.party) != (mp_name, party):
                mp.name, mp.party, mp.is_vacant = mp_name, party, not mp_name
                mp.save()
                counts.mps_updated += 1
            else:
                counts.mps_kept += 1
    return counts


class MembersApi:
    """The few calls we make to https://members-api.parliament.uk (short timeouts, no retries)."""

    def __init__(self, session=None, base_url=None, timeout=None):
        self.session = session or requests.Session()
        self.base_url = (base_url or settings.MEMBERS_API_URL).rstrip("/")
        self.timeout = timeout or settings.MEMBERS_API_TIMEOUT

    def _get(self, path, params=None):
        response = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        response.raise_for_status()
        return response.json()

    def search_constituency(self, name):
        data = self._get("/api/Location/Constituency/Search", {"searchText": name, "skip": 0, "take": 20})
        return [item.get("value") or {} for item in data.get("items") or []]

    def email(self, member_id):
        data = self._get(f"/api/Members/{int(member_id)}/Contact")
        entries = [entry for entry in data.get("value") or [] if entry.get("email")]
        # The parliamentary office address first: that is where constituents' letters go.
        entries.sort(key=lambda e: (e.get("type") != "Parliamentary office", not e.get("isPreferred")))
        return entries[0]["email"].strip() if entries else ""


def sync_members(api=None, constituencies=None):
    """Update each constituency's MP (name, party, email, vacancy) from the Members API."""
    api = api or MembersApi()
    counts = MpCounts()
    for constituency in constituencies or Constituency.objects.all():
        try:
            candidates = api.search_constituency(constituency.name)
        except (requests.RequestException, ValueError) as error:
            counts.problems.append(f"{constituency.name}: the Members API failed ({type(error).__name__}).")
            continue
        key = match_key(constituency.name)
        matches = [c for c in candidates if match_key(c.get("name") or "") == key]
        if len(matches) != 1:
            counts.problems.append(
                f"{constituency.name}: {len(matches) or 'no'} matching constituencies in the Members API; "
                "left as it was."
            )
            continue
        member = (((matches[0].get("currentRepresentation") or {}).get("member")) or {}).get("value")
        mp, _ = MemberOfParliament.objects.get_or_create(constituency=constituency)
        if not member:
            changed = not mp.is_vacant
            mp.name, mp.party, mp.email, mp.parliament_id, mp.is_vacant = "", "", "", None, True
        else:
            email = mp.email
            try:
                email = api.email(member["id"]) or mp.email
            except (requests.RequestException, ValueError) as error:
                counts.problems.append(f"{constituency.name}: no contact details ({type(error).__name__}).")
            party = (member.get("latestParty") or {}).get("name") or mp.party
            new = (member.get("nameDisplayAs") or mp.name, party, email, member["id"], False)
            changed = new != (mp.name, mp.party, mp.email, mp.parliament_id, mp.is_vacant)
            mp.name, mp.party, mp.email, mp.parliament_id, mp.is_vacant = new
        if changed:
            mp.save()
            counts.mps_updated += 1
        else:
            counts.mps_kept += 1
    return counts
