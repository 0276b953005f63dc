"""Admin for geography: constituencies and MPs (staff correct MPs after by-elections), the other
representatives and the areas they answer for (staff correct a commissioner or mayor; imports then keep the
correction), and the constituency map's layout (read-only: `import_hexmap` loads it). The campaign's menu
group shows them."""

from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from geography.models import Area, Constituency, ConstituencyHex, MemberOfParliament, Representative


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


class AreaViewSet(SnippetViewSet):
    """What each representative answers for: police force areas (with who oversees policing where no one
    elected does) and the devolved constituencies and regions."""

    model = Area
    icon = "site"
    menu_label = "Areas"
    list_display = ["name", "code", "body", "kind", "checked_on"]
    list_filter = ["body", "kind"]
    search_fields = ["name", "code"]
    list_export = ["body", "kind", "code", "name", "oversight", "oversight_url", "source_url", "checked_on"]
    ordering = ["body", "name"]


class StaffEditMixin:
    """Marks a representative saved in the admin as staff's, so the next import leaves it alone."""

    def save_instance(self):
        self.form.instance.edited_by_staff = True
        return super().save_instance()


class RepresentativeCreateView(StaffEditMixin, CreateView):
    pass


class RepresentativeEditView(StaffEditMixin, EditView):
    pass


class RepresentativeViewSet(SnippetViewSet):
    model = Representative
    icon = "user"
    menu_label = "Other representatives"
    add_view_class = RepresentativeCreateView
    edit_view_class = RepresentativeEditView
    list_display = ["name", "office", "area", "role", "party", "edited_by_staff", "checked_on"]
    list_filter = ["area__body", "role", "is_vacant", "edited_by_staff"]
    search_fields = ["name", "office", "area__name", "area__code"]
    list_export = ["area", "role", "name", "office", "party", "email", "website", "is_vacant", "checked_on"]
