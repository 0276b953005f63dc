"""Representatives other than the Westminster MP: police and crime commissioners (or the mayor doing that
job), Members of the Scottish Parliament, Members of the Senedd and Members of the Northern Ireland Assembly.

An `Area` is what one body's members answer for: a police force area (ONS PFA code, the ONSPD `pfa` column),
a Scottish Parliament constituency or region, a Senedd constituency, an Assembly constituency. A postcode
reaches each kind of area by a code it already carries or by one more table:
- a police force area by `Postcode.police_force_code`;
- a Scottish Parliament constituency by `ScottishParliamentPostcode` (the Scottish Postcode Directory), and
  its region as the constituency's `parent`;
- a Senedd or Assembly constituency by the Westminster constituencies it is made of (`AreaPart`): each
  Senedd constituency from 2026 is a pair of 2024 Westminster constituencies, each Assembly constituency
  has the same boundary as one Westminster constituency.

The MP stays in `MemberOfParliament`, so the lookup every letter starts with is still one query.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.TextChoices):
    """The bodies a visitor can write to, in the order the letter page lists them."""

    WESTMINSTER = "westminster", _("UK Parliament")
    POLICING = "policing", _("Policing in your area")
    SCOTTISH_PARLIAMENT = "scottish_parliament", _("Scottish Parliament")
    SENEDD = "senedd", _("Senedd Cymru – Welsh Parliament")
    NI_ASSEMBLY = "ni_assembly", _("Northern Ireland Assembly")


class Area(models.Model):
    class Kind(models.TextChoices):
        POLICE_FORCE_AREA = "police_force_area", "Police force area"
        CONSTITUENCY = "constituency", "Constituency"
        REGION = "region", "Region"

    body = models.CharField(max_length=24, choices=Body.choices)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    code = models.CharField(
        "code", max_length=20, help_text="The ONS (GSS) code where there is one, e.g. E23000001."
    )
    name = models.CharField(max_length=160)
    name_cy = models.CharField("name in Welsh", max_length=160, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="A Scottish Parliament constituency's electoral region.",
    )
    oversight = models.TextField(
        blank=True,
        help_text="Where no one elected does this body's job here (a police force area with no "
        "commissioner), who does: shown instead of a representative.",
    )
    oversight_cy = models.TextField("oversight in Welsh", blank=True)
    oversight_url = models.URLField(blank=True)
    source_url = models.URLField(blank=True, help_text="Where these details were checked.")
    checked_on = models.DateField(null=True, blank=True, help_text="When they were last checked there.")

    class Meta:
        ordering = ["body", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "code"], name="unique_area_code_per_body")]

    def __str__(self):
        return f"{self.name} ({self.get_body_display()})"


class AreaPart(models.Model):
    """One Westminster constituency that lies wholly inside `area` (a Senedd or Assembly constituency)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="parts")
    westminster_code = models.CharField(max_length=9, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "westminster_code"], name="unique_area_part"),
        ]

    def __str__(self):
        return f"{self.westminster_code} in {self.area}"


class ScottishParliamentPostcode(models.Model):
    """A Scottish postcode's Scottish Parliament constituency (the ONSPD does not carry it)."""

    postcode = models.CharField(max_length=8, primary_key=True, help_text="Normalised, e.g. 'AB10 1AB'.")
    constituency_code = models.CharField(max_length=20)

    def __str__(self):
        return self.postcode


class Representative(models.Model):
    class Role(models.TextChoices):
        COMMISSIONER = "commissioner", _("Police and crime commissioner")
        MAYOR = "mayor", _("Mayor")
        CONSTITUENCY_MEMBER = "constituency", _("Constituency member")
        REGIONAL_MEMBER = "regional", _("Regional member")
        MEMBER = "member", _("Member")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="representatives")
    role = models.CharField(max_length=16, choices=Role.choices)
    name = models.CharField(max_length=160, blank=True, help_text="Blank while the post is vacant.")
    office = models.CharField(
        max_length=200,
        blank=True,
        help_text="The title of the office, as the letter is addressed, e.g. 'Police and Crime "
        "Commissioner for Avon and Somerset'. Blank: the member's usual title.",
    )
    office_cy = models.CharField("office in Welsh", max_length=200, blank=True)
    party = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    postal_address = models.TextField(blank=True)
    external_id = models.CharField(
        max_length=80, blank=True, help_text="The source's id for this person, so a re-import updates them."
    )
    is_vacant = models.BooleanField(default=False)
    source_url = models.URLField(blank=True, help_text="Where these details were checked.")
    checked_on = models.DateField(null=True, blank=True, help_text="When they were last checked there.")
    edited_by_staff = models.BooleanField(
        default=False, editable=False, help_text="Set when staff change the record: imports then keep it."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area__body", "area__name", "role", "name"]

    def __str__(self):
        return self.name or f"Vacant ({self.area})"
