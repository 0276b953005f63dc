"""Admin for geography: constituencies and MPs (staff correct MPs after by-elections) and the constituency
map's layout (read-only: `import_hexmap` loads it). The campaign's menu group shows them."""

from wagtail.snippets.views.snippets import SnippetViewSet

from geography.models import Constituency, ConstituencyHex, MemberOfParliament


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
