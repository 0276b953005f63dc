"""The campaign's menu group: letter counts and stances, beside geography's constituencies, MPs, the other
representatives and their areas, and the map layout."""

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.admin.stances import StanceViewSet
from campaign.models import LetterCount
from geography.admin.viewsets import (
    AreaViewSet,
    ConstituencyHexViewSet,
    ConstituencyViewSet,
    MemberOfParliamentViewSet,
    RepresentativeViewSet,
)


class LetterCountViewSet(SnippetViewSet):
    """Anonymous counts of letters written, per constituency: the only thing the letter journey keeps."""

    model = LetterCount
    icon = "mail"
    menu_label = "Letters to MPs"
    list_display = ["constituency", "letters"]
    list_filter = ["constituency__country"]
    search_fields = ["constituency__name"]
    list_export = ["constituency", "letters"]
    ordering = ["-letters"]


class CampaignGroup(ViewSetGroup):
    menu_label = "Campaign"
    menu_icon = "pick"
    menu_order = 200
    items = (
        MemberOfParliamentViewSet,
        RepresentativeViewSet,
        StanceViewSet,
        ConstituencyViewSet,
        AreaViewSet,
        LetterCountViewSet,
        ConstituencyHexViewSet,
    )
