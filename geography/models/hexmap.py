"""The constituency hexmap's layout: one hexagon per Westminster constituency, loaded by `import_hexmap`.

The layout carries its own names, so the map shows all 650 constituencies even when the constituency and
MP tables hold only a few (the demo) or none.
"""

from django.db import models


class ConstituencyHex(models.Model):
    class Match(models.TextChoices):
        CODE = "code", "By ONS code"
        NAME = "name", "By name"
        NONE = "none", "Not in the reference list"

    code = models.CharField("ONS code", max_length=9, primary_key=True, help_text="The 2024 GSS code.")
    name = models.CharField(max_length=120)
    # HexJSON "odd-r" coordinates: q is the column, r the row, and r grows northwards.
    q = models.SmallIntegerField()
    r = models.SmallIntegerField()
    region = models.CharField(max_length=9, blank=True, help_text="ONS region (England) or nation code.")
    layout_code = models.CharField(
        max_length=9, blank=True, help_text="The code in the layout file, when it was not the 2024 code."
    )
    matched_by = models.CharField(max_length=4, choices=Match.choices, default=Match.CODE)

    class Meta:
        db_table = "campaign_constituencyhex"  # the campaign app's table name: the rows stay in place
        ordering = ["-r", "q"]
        verbose_name = "constituency hexagon"
        constraints = [models.UniqueConstraint(fields=["q", "r"], name="one_hex_per_cell")]

    def __str__(self):
        return self.name
