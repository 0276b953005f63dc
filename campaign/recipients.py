"""Whom a letter can go to: a postcode's representatives (geography.representatives), each with the stand
staff last recorded for them (campaign.models.stances), and the one a writer chose.

A listing costs the areas' and representatives' queries and one for every stand at once (never one per
person). Its `fingerprint` is everything it shows, so a cached details step (campaign.letter_details) is
keyed by it.

Each app process keeps the listings it has built (at most KEEP_IN_PROCESS), under the page cache's generation
(website.page_cache), which any change to an area, a representative or a stand moves on: so a warm postcode
step asks nothing of the database but the lookup.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaign.letter_texts import GUIDANCE
from campaign.models.stances import Position, Stance
from geography import representatives
from geography.models import MemberOfParliament

# What the letter page says of each stand: whether to thank them or to ask them.
STANCE_LINES = {
    Position.SUPPORTS: _("%(name)s has already said they support this: thank them."),
    Position.UNDECIDED: _("%(name)s has said they are undecided: your letter could help them decide."),
    Position.OPPOSES: _("%(name)s has said they do not support this yet: tell them why it matters to you."),
    Position.NO_REPLY: _("%(name)s has not replied to us yet: your letter asks them again."),
}


@dataclass(frozen=True)
class Choice:
    recipient: representatives.Recipient
    stance: Stance | None = None

    @property
    def key(self):
        return self.recipient.key

    @property
    def supports(self):
        return self.stance is not None and self.stance.position == Position.SUPPORTS

    @property
    def stance_line(self):
        if self.stance is None:
            return ""
        return STANCE_LINES[self.stance.position] % {"name": self.recipient.name}

    @property
    def can_write(self):
        return not self.recipient.is_vacant


@dataclass(frozen=True)
class ListedBody:
    entry: representatives.BodyEntry
    choices: tuple

    @property
    def guidance(self):
        return GUIDANCE.get(self.entry.body, "")

    @property
    def oversight(self):
        return self.entry.oversight_text()


@dataclass(frozen=True)
class Listing:
    bodies: tuple
    area_ids: tuple

    def choice(self, key):
        """The choice for a submitted key (blank: the MP), or None when it is not one of this listing's."""
        key = key or representatives.MP
        for body in self.bodies:
            for choice in body.choices:
                if choice.key == key and choice.can_write:
                    return choice
        return None

    @property
    def has_others(self):
        return len(self.bodies) > 1

    def fingerprint(self):
        parts = [str(self.area_ids)]
        for body in self.bodies:
            entry = body.entry
            parts += [
                entry.body,
                str(entry.missing),
                entry.oversight,
                entry.oversight_cy,
                entry.oversight_url,
            ]
            for choice in body.choices:
                parts += [*choice.recipient.fingerprint(), choice.stance.position if choice.stance else ""]
        return "\x1f".join(parts)


KEEP_IN_PROCESS = 500
_kept = OrderedDict()
# gunicorn's threads share it: reordering and evicting are two steps each.
_kept_lock = threading.Lock()


def for_postcode(result, generation=None):
    """The listing for a found postcode (an ok geography.lookup result). With the page cache's current
    `generation`, a listing this process built under it for the same areas and MP is used again."""
    if generation is None:
        return _listing(result, representatives.for_postcode(result))
    key = (
        generation,
        *(result.constituency_code, result.constituency_name, result.mp_name, result.mp_party),
        *(result.mp_email, result.police_force_code, result.scottish_parliament_code),
    )
    with _kept_lock:
        listing = _kept.get(key)
        if listing is not None:
            _kept.move_to_end(key)
            return listing
    listing = _listing(result, representatives.for_postcode(result))
    with _kept_lock:
        _kept[key] = listing
        while len(_kept) > KEEP_IN_PROCESS:
            _kept.popitem(last=False)
    return listing


def for_ref(result, area_ids):
    """The same listing from what a later step's signed reference carries."""
    return _listing(result, representatives.for_areas(result, area_ids))


def _listing(result, entries):
    reps = [r.representative for entry in entries for r in entry.recipients if r.representative is not None]
    stances = _current_stances(result, reps)
    bodies = tuple(
        ListedBody(entry, tuple(Choice(r, stances.get(r.key)) for r in entry.recipients)) for entry in entries
    )
    return Listing(bodies, representatives.area_ids(entries))


def _current_stances(result, reps):
    """{recipient key: latest stand for this person in this office}, in one query (as
    Stance.objects.current_for answers for one)."""
    names = {str(rep.pk): rep.name for rep in reps}
    found = {}
    query = Q(mp__constituency_id=result.constituency_code, name=result.mp_name)
    if reps:
        query |= Q(representative_id__in=[rep.pk for rep in reps])
    for stance in Stance.objects.filter(query).order_by("-stated_on", "-pk"):
        if stance.mp_id is not None:
            found.setdefault(representatives.MP, stance)
        elif stance.name == names.get(str(stance.representative_id)):
            found.setdefault(str(stance.representative_id), stance)
    return found


def written_to(result, choice):
    """The MemberOfParliament or Representative a letter went to (for campaign.follow_ups)."""
    if choice.recipient.representative is not None:
        return choice.recipient.representative
    return MemberOfParliament.objects.filter(constituency_id=result.constituency_code).first()
