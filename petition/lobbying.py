"""The lobbying report (admin, campaign staff only): for each MP and constituency, the petition's signatures
and the letters written to them, with this week's and last week's, the MP's current stand (campaign.Stance,
recorded by staff from a public source) and the letter writers' unverified follow-up answers, to take to a
meeting with the MP. Filters pick out, say, the MPs of constituencies over 500 signatures with no reply.

One query over the constituencies, each figure a subquery on a counter (AreaCount, WeeklyConstituencyCount,
LetterCount, LetterWeek) or on the stances and answers: never a signature row. A stand or answer counts for
the MP only while it names the seat's current MP (a new MP starts with none). Exportable as CSV or XLSX,
every cell formula-safe.
"""

from datetime import timedelta

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_supported_content_language_variant

from campaign.models import LetterCount, LetterWeek
from campaign.models.letter_counts import RepresentativeLetterCount, week_starting
from campaign.models.stances import FollowUpAnswer, Position, Stance
from geography.models import Constituency, Representative
from geography.models.representatives import Body
from petition.models import AreaCount, PetitionPage, WeeklyConstituencyCount
from website.request_policy.spreadsheets import FormulaSafeExportMixin
from website.request_policy.whole_numbers import whole_number

PERMISSION = "petition.view_lobbying_report"
NO_STAND = "none"
WEEK = timedelta(days=7)


def _counter(queryset, field):
    """A subquery for one number from a counter row, 0 when there is no row."""
    return Coalesce(Subquery(queryset.values(field)[:1], output_field=IntegerField()), Value(0))


def _stand_and_answers(field, pk, name):
    """The current stand and the follow-up answers, as annotations, for the person each row names: the MP
    (`field` "mp") or the representative, by `pk` and their current `name` (OuterRefs). A stand or an answer
    counts only for the person it was recorded for."""
    person = {field: OuterRef(pk), "name": OuterRef(name)}
    stand = Stance.objects.filter(**person).order_by("-stated_on", "-pk")

    def answers(replied):
        rows = FollowUpAnswer.objects.filter(**person, replied=replied)
        return _counter(rows.order_by().values(field).annotate(n=Count("pk")), "n")

    return {
        "stance_position": Subquery(stand.values("position")[:1]),
        "stance_stated_on": Subquery(stand.values("stated_on")[:1]),
        "stance_source_url": Subquery(stand.values("source_url")[:1]),
        "answers_replied": answers(replied=True),
        "answers_not_yet": answers(replied=False),
    }


def constituencies_for(petition, today=None):
    """Every constituency with its MP, annotated with the petition's signatures and the letters: all time,
    this week (from Monday, UTC) and last week."""
    this_week = week_starting(today)
    last_week = this_week - WEEK
    signatures = AreaCount.objects.filter(
        petition=petition, kind=AreaCount.Kind.CONSTITUENCY, code=OuterRef("code")
    )
    weekly_signatures = WeeklyConstituencyCount.objects.filter(petition=petition, code=OuterRef("code"))
    weekly_letters = LetterWeek.objects.filter(constituency=OuterRef("code"))
    return Constituency.objects.annotate(
        mp_name=F("mp__name"),
        mp_party=F("mp__party"),
        signatures=_counter(signatures, "count"),
        signatures_this_week=_counter(weekly_signatures.filter(week=this_week), "count"),
        signatures_last_week=_counter(weekly_signatures.filter(week=last_week), "count"),
        letters=_counter(LetterCount.objects.filter(constituency=OuterRef("code")), "letters"),
        letters_this_week=_counter(weekly_letters.filter(week=this_week), "letters"),
        letters_last_week=_counter(weekly_letters.filter(week=last_week), "letters"),
        **_stand_and_answers("mp", "mp__pk", "mp__name"),
    )


def petitions(request=None):
    """One choice per petition, newest first: a petition and its translations are one petition, counted on its
    source (PetitionPage.source_petition), so a translation whose source is in the site's language is left
    out."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    sources = PetitionPage.objects.filter(locale__language_code=default).values("translation_key")
    translations = PetitionPage.objects.exclude(locale__language_code=default).filter(
        translation_key__in=sources
    )
    return PetitionPage.objects.exclude(pk__in=translations.values("pk")).order_by("-first_published_at")


class LobbyingFilterSet(WagtailFilterSet):
    petition = django_filters.ModelChoiceFilter(
        queryset=petitions,
        label="Petition",
        empty_label="The newest petition",
        method="chosen_elsewhere",
    )
    country = django_filters.ChoiceFilter(label="Country", choices=())
    position = django_filters.ChoiceFilter(
        label="MP's stand",
        choices=[*Position.choices, (NO_STAND, "No stand recorded")],
        method="filter_position",
    )
    signatures_over = django_filters.NumberFilter(
        label="Signatures over", min_value=0, method="filter_signatures_over", help_text="e.g. 500"
    )

    class Meta:
        model = Constituency
        fields = ["petition", "country", "position", "signatures_over"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = (
            Constituency.objects.exclude(country="").order_by("country").values_list("country", flat=True)
        )
        self.filters["country"].extra["choices"] = [(c, c) for c in countries.distinct()]

    def chosen_elsewhere(self, queryset, name, value):
        return queryset  # the view reads the petition: it shapes the annotations, not the rows

    def filter_position(self, queryset, name, value):
        if value == NO_STAND:
            return queryset.filter(stance_position__isnull=True)
        return queryset.filter(stance_position=value)

    def filter_signatures_over(self, queryset, name, value):
        return queryset.filter(signatures__gt=value)


class TrendColumn(Column):
    """This week's number, with last week's beside it, e.g. "12 (last week 8)"."""

    def __init__(self, name, last_week, **kwargs):
        super().__init__(name, **kwargs)
        self.last_week = last_week

    def get_value(self, instance):
        return f"{getattr(instance, self.name):,} (last week {getattr(instance, self.last_week):,})"


class StanceColumn(Column):
    """The MP's current stand: position and date, linking to its public source."""

    def get_value(self, instance):
        if not instance.stance_position:
            return "No stand recorded"
        text = f"{Position(instance.stance_position).label} ({instance.stance_stated_on:%-d %b %Y})"
        if instance.stance_source_url:
            return format_html(
                '<a href="{}" rel="noreferrer" target="_blank">{}</a>', instance.stance_source_url, text
            )
        return text


class AnswersColumn(Column):
    """The letter writers' follow-up answers, e.g. "3 replied / 1 not yet". Unverified: anyone with a
    follow-up email may answer it, once."""

    def get_value(self, instance):
        return f"{instance.answers_replied:,} replied / {instance.answers_not_yet:,} not yet"


class LobbyingReportView(FormulaSafeExportMixin, ReportView):
    page_title = "Signatures and letters by MP"
    header_icon = "group"
    index_url_name = "petition_lobbying:index"
    index_results_url_name = "petition_lobbying:results"
    filterset_class = LobbyingFilterSet
    is_searchable = True
    search_fields = ["name", "mp__name"]
    default_ordering = "-signatures"
    paginate_by = 100
    columns = [
        Column("name", label="Constituency", sort_key="name"),
        Column("mp_name", label="MP", sort_key="mp_name"),
        Column("mp_party", label="Party"),
        NumberColumn("signatures", label="Signatures", sort_key="signatures"),
        TrendColumn(
            "signatures_this_week", "signatures_last_week", label="This week", sort_key="signatures_this_week"
        ),
        NumberColumn("letters", label="Letters", sort_key="letters"),
        TrendColumn(
            "letters_this_week", "letters_last_week", label="Letters this week", sort_key="letters_this_week"
        ),
        StanceColumn("stance_position", label="Stand", sort_key="stance_position"),
        AnswersColumn("answers_replied", label="Follow-up answers (unverified)", sort_key="answers_replied"),
    ]
    list_export = [
        "name",
        "code",
        "mp_name",
        "mp_party",
        "signatures",
        "signatures_this_week",
        "signatures_last_week",
        "letters",
        "letters_this_week",
        "letters_last_week",
        "stance_position",
        "stance_stated_on",
        "stance_source_url",
        "answers_replied",
        "answers_not_yet",
    ]
    export_headings = {
        "name": "Constituency",
        "code": "ONS code",
        "mp_name": "MP",
        "mp_party": "Party",
        "signatures": "Signatures",
        "signatures_this_week": "Signatures this week",
        "signatures_last_week": "Signatures last week",
        "letters": "Letters",
        "letters_this_week": "Letters this week",
        "letters_last_week": "Letters last week",
        "stance_position": "Stand",
        "stance_stated_on": "Stand stated on",
        "stance_source_url": "Stand source",
        "answers_replied": "Follow-ups: replied (unverified)",
        "answers_not_yet": "Follow-ups: not yet (unverified)",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def petition(self):
        chosen = whole_number(self.request.GET.get("petition", ""))
        page = chosen is not None and PetitionPage.objects.filter(pk=chosen).first()
        return page.source_petition if page else petitions().first()

    @property
    def export_filename(self):
        return f"signatures-and-letters-{self.petition.slug if self.petition else 'none'}"

    def get_base_queryset(self):
        if self.petition is None:
            # Empty, but with the columns the listing orders and shows by.
            return constituencies_for(None).none()
        return constituencies_for(self.petition)

    @property
    def page_subtitle(self):
        return self.petition.title if self.petition else "No petition yet"


# --- representatives other than MPs ---------------------------------------------------------------------


def representatives():
    """Every representative other than an MP, with their letters, current stand and follow-up answers. No
    signatures: the petition counts signatures by Westminster constituency, and a police force area or a
    Scottish Parliament region does not follow those boundaries, so there is no sound count to show."""
    return Representative.objects.exclude(name="").annotate(
        area_name=F("area__name"),
        body=F("area__body"),
        letters=_counter(RepresentativeLetterCount.objects.filter(representative=OuterRef("pk")), "letters"),
        **_stand_and_answers("representative", "pk", "name"),
    )


class RepresentativeFilterSet(WagtailFilterSet):
    body = django_filters.ChoiceFilter(
        label="Body", choices=[c for c in Body.choices if c[0] != Body.WESTMINSTER], field_name="area__body"
    )
    position = django_filters.ChoiceFilter(
        label="Stand",
        choices=[*Position.choices, (NO_STAND, "No stand recorded")],
        method="filter_position",
    )

    class Meta:
        model = Representative
        fields = ["body", "position"]

    filter_position = LobbyingFilterSet.filter_position


class RepresentativeReportView(FormulaSafeExportMixin, ReportView):
    page_title = "Letters to other representatives"
    header_icon = "group"
    index_url_name = "petition_representatives:index"
    index_results_url_name = "petition_representatives:results"
    filterset_class = RepresentativeFilterSet
    is_searchable = True
    search_fields = ["name", "area__name"]
    default_ordering = "-letters"
    paginate_by = 100
    columns = [
        Column("name", label="Representative", sort_key="name"),
        Column("area_name", label="Area", sort_key="area_name"),
        Column("party", label="Party"),
        NumberColumn("letters", label="Letters", sort_key="letters"),
        StanceColumn("stance_position", label="Stand", sort_key="stance_position"),
        AnswersColumn("answers_replied", label="Follow-up answers (unverified)", sort_key="answers_replied"),
    ]
    list_export = [
        "name",
        "area_name",
        "body",
        "party",
        "letters",
        "stance_position",
        "stance_stated_on",
        "stance_source_url",
        "answers_replied",
        "answers_not_yet",
    ]
    export_headings = {
        "name": "Representative",
        "area_name": "Area",
        "body": "Body",
        "party": "Party",
        "letters": "Letters",
        "stance_position": "Stand",
        "stance_stated_on": "Stand stated on",
        "stance_source_url": "Stand source",
        "answers_replied": "Follow-ups: replied (unverified)",
        "answers_not_yet": "Follow-ups: not yet (unverified)",
    }
    export_filename = "letters-to-representatives"
    page_subtitle = "Signatures are counted by Westminster constituency only, so none are shown here"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return representatives()
