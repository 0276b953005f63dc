"""Everyone who can act for a postcode, body by body: the Westminster MP, policing (the commissioner or mayor,
or who oversees policing where no one elected does), and the MSPs, Members of the Senedd or MLAs.

`for_postcode` starts from a lookup result (geography.lookup: the MP and the postcode's police force area and
Scottish Parliament constituency, one query) and finds the postcode's areas in one more query and their
representatives in a third. `for_areas` builds the same answer from the Westminster constituency and the area
ids, which is all a later step of the letter journey carries (campaign.forms: never the postcode).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography.models import Area, AreaPart, Body, Representative
from website.i18n.languages import written_for_reader

Role = Representative.Role
MP = "mp"  # the Westminster MP's key among a postcode's recipients (the others' are their ids)

# What each office can do for the campaign, shown with the body's representatives.
WHAT_THEY_CAN_DO = {
    Body.WESTMINSTER: _(
        "MPs can make serial perpetrators Category 4 in law, by pressing the Home Secretary and the "
        "Justice Secretary."
    ),
    Body.POLICING: _("They can fund a Serial Priority Perpetrator Caseworker in this police force area."),
    Body.SCOTTISH_PARLIAMENT: _(
        "Policing and justice are devolved in Scotland: ask your MSPs to press the Scottish Government."
    ),
    Body.SENEDD: _(
        "Policing and justice are not devolved in Wales, but services for survivors are: ask your Members "
        "of the Senedd to press the Welsh Government, and through it the UK Government."
    ),
    Body.NI_ASSEMBLY: _(
        "Policing and justice are devolved in Northern Ireland: ask your MLAs to press the Northern Ireland "
        "Executive."
    ),
}
# Said in place of a body's representatives when this postcode's area for it is not known.
MISSING = {
    Body.POLICING: _("We don't know the police force area for this postcode yet."),
    Body.SCOTTISH_PARLIAMENT: _(
        "We don't know the Scottish Parliament constituency for this postcode yet, so we can't show your "
        "MSPs."
    ),
    Body.SENEDD: _(
        "We don't know the Senedd constituency for this postcode yet, so we can't show your Members of the "
        "Senedd."
    ),
    Body.NI_ASSEMBLY: _(
        "We don't know the Assembly constituency for this postcode yet, so we can't show your MLAs."
    ),
}
# The devolved body each nation's Westminster constituencies (by the GSS code's first letter) answer to.
DEVOLVED = {"S": Body.SCOTTISH_PARLIAMENT, "W": Body.SENEDD, "N": Body.NI_ASSEMBLY}
# How a member is known after their name.
POST_NOMINALS = {
    Body.WESTMINSTER: _("MP"),
    Body.SCOTTISH_PARLIAMENT: _("MSP"),
    Body.SENEDD: _("MS"),
    Body.NI_ASSEMBLY: _("MLA"),
}


@dataclass(frozen=True)
class Recipient:
    """Someone a letter can go to: the MP (`representative` None) or a Representative."""

    key: str
    body: str
    role: str
    name: str
    party: str
    email: str
    area_name: str
    area_name_cy: str = ""
    office_title: str = ""
    office_title_cy: str = ""
    postal_address: str = ""
    is_vacant: bool = False
    representative: Representative | None = None

    @property
    def is_mp(self):
        return self.key == MP

    def area(self, language=None):
        return written_for_reader(self.area_name, language=language, cy=self.area_name_cy)

    def office(self, language=None):
        """The office, as the letter is addressed (e.g. "Police and Crime Commissioner for Gwent"), in
        `language` (default: the active one)."""
        title = written_for_reader(self.office_title, language=language, cy=self.office_title_cy)
        if title:
            return title
        area = self.area(language)
        if self.body == Body.WESTMINSTER:
            return gettext("MP for %(area)s") % {"area": area}
        if self.role == Role.COMMISSIONER:
            return gettext("Police and Crime Commissioner for %(area)s") % {"area": area}
        if self.role == Role.MAYOR:
            return gettext("Mayor, responsible for policing in %(area)s") % {"area": area}
        if self.role == Role.REGIONAL_MEMBER:
            return gettext("%(title)s for %(area)s (regional)") % {
                "title": POST_NOMINALS[self.body],
                "area": area,
            }
        return gettext("%(title)s for %(area)s") % {"title": POST_NOMINALS.get(self.body, ""), "area": area}

    def fingerprint(self):
        """Everything shown about them, for cache keys."""
        return (
            *(self.key, self.role, self.name, self.party, self.email, self.area_name, self.area_name_cy),
            *(self.office_title, self.office_title_cy, self.postal_address, str(self.is_vacant)),
        )


@dataclass(frozen=True)
class BodyEntry:
    """One body's representatives for a postcode, or who oversees it, or that its area is not known."""

    body: str
    recipients: tuple = ()
    oversight: str = ""
    oversight_cy: str = ""
    oversight_url: str = ""
    missing: bool = False
    area_ids: tuple = field(default=())

    @property
    def label(self):
        return Body(self.body).label

    @property
    def can_do(self):
        return WHAT_THEY_CAN_DO[self.body]

    @property
    def missing_message(self):
        return MISSING.get(self.body, "")

    def oversight_text(self, language=None):
        return written_for_reader(self.oversight, language=language, cy=self.oversight_cy)


def mp_recipient(result):
    """The Westminster MP of a lookup result (geography.lookup.LookupResult) as a Recipient."""
    return Recipient(
        key=MP,
        body=Body.WESTMINSTER,
        role="",
        name=result.mp_name,
        party=result.mp_party,
        email=result.mp_email,
        area_name=result.constituency_name,
    )


def for_postcode(result):
    """Every body's entry for a found postcode (`result`: an ok geography.lookup result), in Body order.
    Two queries: the postcode's areas (with their parent regions), then their representatives. The postcode's
    own codes come with the lookup (`police_force_code`, `scottish_parliament_code`)."""
    found = Q(
        body__in=[Body.SENEDD, Body.NI_ASSEMBLY],
        pk__in=AreaPart.objects.filter(westminster_code=result.constituency_code).values("area_id"),
    )
    if result.scottish_parliament_code:
        found |= Q(
            body=Body.SCOTTISH_PARLIAMENT, kind=Area.Kind.CONSTITUENCY, code=result.scottish_parliament_code
        )
    if result.police_force_code:
        found |= Q(body=Body.POLICING, code=result.police_force_code)
    return _entries(result, list(Area.objects.filter(found).select_related("parent")))


def for_areas(result, area_ids):
    """The same entries from the area ids a later step carries (see `area_ids`). Two queries."""
    areas = list(Area.objects.filter(pk__in=list(area_ids)).select_related("parent")) if area_ids else []
    return _entries(result, [area for area in areas if area.kind != Area.Kind.REGION])


def area_ids(entries):
    """The ids of every area the entries were found in (regions included), to carry to later steps."""
    return tuple(sorted({pk for entry in entries for pk in entry.area_ids}))


def _entries(result, areas):
    regions = {area.parent_id: area.parent for area in areas if area.parent_id}
    by_area = {}
    for rep in Representative.objects.filter(area_id__in=[a.pk for a in areas] + list(regions)).order_by(
        "role", "name", "pk"
    ):
        by_area.setdefault(rep.area_id, []).append(rep)
    by_body = {area.body: area for area in areas}
    expected = {Body.POLICING, DEVOLVED.get(result.constituency_code[:1])}
    entries = [BodyEntry(Body.WESTMINSTER, recipients=(mp_recipient(result),))]
    for body in Body.values[1:]:
        area = by_body.get(body)
        if area is None:
            if body in expected:
                entries.append(BodyEntry(body, missing=True))
            continue
        reps = [(rep, area) for rep in by_area.get(area.pk, [])]
        if area.parent_id:
            reps += [(rep, area.parent) for rep in by_area.get(area.parent_id, [])]
        entries.append(
            BodyEntry(
                body,
                recipients=tuple(_recipient(rep, where) for rep, where in reps),
                oversight=area.oversight,
                oversight_cy=area.oversight_cy,
                oversight_url=area.oversight_url,
                area_ids=tuple(pk for pk in (area.pk, area.parent_id) if pk),
            )
        )
    return entries


def _recipient(rep, area):
    return Recipient(
        key=str(rep.pk),
        body=area.body,
        role=rep.role,
        name=rep.name,
        party=rep.party,
        email=rep.email,
        area_name=area.name,
        area_name_cy=area.name_cy,
        office_title=rep.office,
        office_title_cy=rep.office_cy,
        postal_address=rep.postal_address,
        is_vacant=rep.is_vacant or not rep.name,
        representative=rep,
    )
