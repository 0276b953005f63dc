"""Anonymous letter counts: letters per constituency, in all and per week, and letters per representative
other than an MP. Nothing else about a letter is kept."""

from datetime import UTC, timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class LetterCount(models.Model):
    """How many letters were written in a constituency. Nothing else about a letter is kept."""

    constituency = models.OneToOneField(
        "geography.Constituency", primary_key=True, on_delete=models.CASCADE, related_name="letter_count"
    )
    letters = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-letters"]
        verbose_name = "letter count"

    def __str__(self):
        return f"{self.constituency}: {self.letters}"

    @classmethod
    def record(cls, constituency_code):
        """Add one letter to the constituency's count and to this week's."""
        week = week_starting()
        _add_one(cls.objects.filter(pk=constituency_code), constituency_id=constituency_code)
        _add_one(
            LetterWeek.objects.filter(constituency_id=constituency_code, week=week),
            constituency_id=constituency_code,
            week=week,
        )

    @classmethod
    def by_constituency(cls):
        """{constituency code: letters} for every constituency with a letter (at most 650 rows)."""
        return dict(cls.objects.filter(letters__gt=0).values_list("constituency_id", "letters"))

    @classmethod
    def top(cls, limit=5):
        return cls.objects.filter(letters__gt=0).select_related("constituency").order_by("-letters")[:limit]


class LetterWeek(models.Model):
    """Letters per constituency per week, for the trend staff take to an MP (petition.lobbying). Weeks, not
    days or times, so a count never points to the moment one person wrote."""

    constituency = models.ForeignKey(
        "geography.Constituency", on_delete=models.CASCADE, related_name="letter_weeks"
    )
    week = models.DateField(help_text="The Monday (UTC) the week starts on.")
    letters = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["constituency", "week"], name="one_letter_count_per_week"),
        ]
        verbose_name = "letters in a week"

    def __str__(self):
        return f"{self.constituency_id} week of {self.week}: {self.letters}"


class RepresentativeLetterCount(models.Model):
    """How many letters were written to a representative other than an MP (MPs' are by constituency)."""

    representative = models.OneToOneField(
        "geography.Representative", primary_key=True, on_delete=models.CASCADE, related_name="letter_count"
    )
    letters = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "letters to a representative"

    def __str__(self):
        return f"{self.representative}: {self.letters}"

    @classmethod
    def record(cls, representative_id):
        _add_one(cls.objects.filter(pk=representative_id), representative_id=representative_id)


def week_starting(moment=None):
    """The Monday (UTC) starting the week `moment` (default now) falls in."""
    day = (moment or timezone.now()).astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def _add_one(counter, **row):
    """Add one to a counter row, race-free: an F() increment, creating the row the first time."""
    if counter.update(letters=F("letters") + 1):
        return
    try:
        with transaction.atomic():
            counter.model.objects.create(letters=1, **row)
    except IntegrityError:
        counter.update(letters=F("letters") + 1)
