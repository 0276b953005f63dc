"""Admin for the campaign: constituencies and MPs (staff correct MPs after by-elections), letter counts, and
the constituency map's layout (read-only: `import_hexmap` loads it)."""

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.models import Constituency, ConstituencyHex, LetterCount, MemberOfParliament


class MemberOfParliamentViewSet(SnippetViewSet):
    model = MemberOfParliament
    icon = "user"
    menu_label = "MPs"
    list_display = ["name", "constituency", "party", "email", "is_vacant", "updated_at"]
    list_filter = ["is_vacant", "party"]
    search_fields = ["name", "constituency__name"]
    list_export = ["constituency", "name", "party", "email", "is_vacant"]


class ConstituencyViewSet(SnippetViewSet):
    model = Constituency
    icon = "site"
    menu_label = "Constituencies"
    list_display = ["name", "code", "country"]
    list_filter = ["country"]
    search_fields = ["name", "code"]


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


class ConstituencyHexViewSet(SnippetViewSet):
    """Where each constituency sits on the map, and how the import matched it (by code or by name)."""

    model = ConstituencyHex
    icon = "group"
    menu_label = "Map layout"
    list_display = ["name", "code", "matched_by", "layout_code", "q", "r"]
    list_filter = ["matched_by", "region"]
    search_fields = ["name", "code", "layout_code"]
    ordering = ["name"]
    inspect_view_enabled = True


class CampaignGroup(ViewSetGroup):
    menu_label = "Campaign"
    menu_icon = "pick"
    menu_order = 200
    items = (MemberOfParliamentViewSet, ConstituencyViewSet, LetterCountViewSet, ConstituencyHexViewSet)


register_snippet(CampaignGroup)
