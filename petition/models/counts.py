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

    class Meta:
        # The lobbying report (petition.lobbying): signatures and letters per MP, for campaign staff.
        permissions = [("view_lobbying_report", "Can see signatures and letters per MP")]

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


class HourlyCount(models.Model):
    """Signatures over time: how many of the signatures counted now were verified in each hour.

    Kept by the counting batch beside the other counters: a signature adds one to the hour it was
    verified in, and withdrawing or invalidating it takes that one away again, so the hours always add up
    to PetitionCount.signature_count. Hours with nothing counted have no row.
    """

    wagtail_reference_index_ignore = True
    petition = models.ForeignKey(
        "petition.PetitionPage", on_delete=models.CASCADE, related_name="hourly_counts"
    )
    hour = models.DateTimeField(help_text="The start of the hour (UTC).")
    count = models.IntegerField(default=0)

    class Meta:
        ordering = ["hour"]
        constraints = [models.UniqueConstraint(fields=["petition", "hour"], name="one_count_per_hour")]

    def __str__(self):
        return f"{self.hour:%Y-%m-%d %H:00}: {self.count}"


class WeeklyConstituencyCount(models.Model):
    """Signatures per constituency per week (Monday, UTC) of verification, for the trend staff take to
    an MP. Kept by the counting batch like HourlyCount."""

    wagtail_reference_index_ignore = True
    petition = models.ForeignKey(
        "petition.PetitionPage", on_delete=models.CASCADE, related_name="weekly_constituency_counts"
    )
    code = models.CharField(max_length=9, blank=True, help_text="Constituency code; blank when not known.")
    week = models.DateField(help_text="The Monday the week starts on.")
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "code", "week"], name="one_count_per_constituency_week"
            )
        ]
        indexes = [models.Index(fields=["petition", "week"], name="weekly_count_by_week")]

    def __str__(self):
        return f"{self.code or 'unknown'} week of {self.week}: {self.count}"
