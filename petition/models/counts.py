"""Counters kept by the counting batch, so no page view ever counts signature rows."""

from django.db import models


class PetitionCount(models.Model):
    """One row per petition: the verified count the page shows. Not on the page model, so publishing a
    revision can never overwrite it."""

    wagtail_reference_index_ignore = True
    petition = models.OneToOneField(
        "petition.PetitionPage", on_delete=models.CASCADE, primary_key=True, related_name="count"
    )
    signature_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.petition_id}: {self.signature_count}"


class AreaCount(models.Model):
    # Not content: keep signature writes free of Wagtail's reference-index bookkeeping.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        CONSTITUENCY = "constituency", "Constituency"
        COUNTRY = "country", "Country"

    petition = models.ForeignKey(
        "petition.PetitionPage", on_delete=models.CASCADE, related_name="area_counts"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    code = models.CharField(max_length=9, blank=True, help_text="Blank when not known.")
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition", "kind", "code"], name="one_count_per_area"),
        ]

    def __str__(self):
        return f"{self.kind} {self.code or 'unknown'}: {self.count}"
