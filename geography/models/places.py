"""Postcodes, Westminster constituencies and their MPs, loaded from ONS and Commons Library data.

The tables keep the names they were created with, in the campaign app, so no row moved when the models did."""

from django.db import connection, models
from django.utils.functional import cached_property

from geography.models.representatives import ScottishParliamentPostcode

# ONS country codes (ctry / ctry25cd in the ONSPD).
ENGLAND, SCOTLAND, WALES, NORTHERN_IRELAND = "E92000001", "S92000003", "W92000004", "N92000002"
CHANNEL_ISLANDS, ISLE_OF_MAN = "L93000001", "M83000003"
COUNTRY_NAMES = {
    ENGLAND: "England",
    SCOTLAND: "Scotland",
    WALES: "Wales",
    NORTHERN_IRELAND: "Northern Ireland",
    CHANNEL_ISLANDS: "Channel Islands",
    ISLE_OF_MAN: "Isle of Man",
}


class PostcodeManager(models.Manager):
    def with_constituency_and_mp(self, postcode):
        """(country code, constituency code, terminated, constituency name, MP name, party, email, is vacant,
        police force area code, Scottish Parliament constituency code) for a normalised postcode, or None: one
        query on the postcode's primary key, joined to its constituency, MP and Scottish Parliament
        constituency. The SQL is built once per process."""
        with connection.cursor() as cursor:
            cursor.execute(self._lookup_sql, [postcode])
            return cursor.fetchone()

    @cached_property
    def _lookup_sql(self):
        qn = connection.ops.quote_name
        tables = (Postcode, Constituency, MemberOfParliament, ScottishParliamentPostcode)
        p, c, m, s = (model._meta.db_table for model in tables)
        return (
            # Table names come from our own models, the postcode is a parameter.
            "SELECT p.country_code, p.constituency_code, p.terminated, c.name, m.name, m.party, "  # noqa: S608
            f"m.email, m.is_vacant, p.police_force_code, s.constituency_code FROM {qn(p)} p "
            f"LEFT JOIN {qn(c)} c ON c.code = p.constituency_code "
            f"LEFT JOIN {qn(m)} m ON m.constituency_id = c.code "
            f"LEFT JOIN {qn(s)} s ON s.postcode = p.postcode "
            "WHERE p.postcode = %s"
        )


class Postcode(models.Model):
    """One row of the ONS Postcode Directory, reduced to what the site needs."""

    postcode = models.CharField(max_length=8, primary_key=True, help_text="Normalised, e.g. 'AB10 1AB'.")
    constituency_code = models.CharField(max_length=9, blank=True, db_index=True)
    country_code = models.CharField(max_length=9, blank=True)
    police_force_code = models.CharField(max_length=9, blank=True)
    terminated = models.CharField(max_length=6, blank=True, help_text="YYYYMM when no longer in use.")

    objects = PostcodeManager()

    class Meta:
        db_table = "campaign_postcode"
        verbose_name = "postcode"

    def __str__(self):
        return self.postcode


class Constituency(models.Model):
    code = models.CharField("ONS code", max_length=9, primary_key=True)
    name = models.CharField(max_length=120)
    country = models.CharField(max_length=40, blank=True)

    class Meta:
        db_table = "campaign_constituency"
        ordering = ["name"]
        verbose_name_plural = "constituencies"

    def __str__(self):
        return self.name


class MemberOfParliament(models.Model):
    constituency = models.OneToOneField(Constituency, on_delete=models.CASCADE, related_name="mp")
    name = models.CharField(max_length=160, blank=True, help_text="Blank while the seat is vacant.")
    party = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    parliament_id = models.PositiveIntegerField(null=True, blank=True)
    is_vacant = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "campaign_memberofparliament"
        ordering = ["constituency__name"]
        verbose_name = "MP"
        verbose_name_plural = "MPs"

    def __str__(self):
        return self.name or f"Vacant seat ({self.constituency})"


class PostcodeImport(models.Model):
    """One load of the postcode table: where it came from and what it held (no personal data)."""

    source = models.CharField(max_length=255, help_text="The file name, or 'demo' for the seed.")
    is_demo = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    live = models.PositiveIntegerField(default=0)
    terminated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "campaign_postcodeimport"
        ordering = ["-imported_at"]
        get_latest_by = "imported_at"

    def __str__(self):
        return f"{self.source} ({self.imported_at:%Y-%m-%d})"

    @classmethod
    def only_demo_data(cls):
        """True while the postcode table holds only the seed's handful of rows (or nothing)."""
        latest = cls.objects.order_by("-imported_at").values_list("is_demo", flat=True).first()
        return latest is None or latest
