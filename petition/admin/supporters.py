"""Supporters to contact: verified signers who asked for updates and are still subscribed, with the export."""

from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from petition.admin.columns import (
    CONSTITUENCY_COLUMN,
    NAME_COLUMN,
    constituency_filter,
    date_range,
    signer_name,
)
from petition.models import Signature
from website.request_policy.spreadsheets import FormulaSafeIndexView


class SupporterFilterSet(WagtailFilterSet):
    verified_at = date_range("Verified")
    constituency_code = constituency_filter()

    class Meta:
        model = Signature
        fields = ["petition", "country_code"]


class SupporterIndexView(FormulaSafeIndexView):
    page_title = "Supporters to contact"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(
                state=Signature.State.VERIFIED,
                opt_in=True,
                unsubscribed_at__isnull=True,
                anonymised_at__isnull=True,
            )
            .with_constituency_names()
        )

    def get_add_url(self):
        # Supporters come from the petition form; nobody adds one by hand.
        return None


class SupporterEditView(EditView):
    page_title = "Supporter"

    def get_page_subtitle(self):
        return signer_name(self.object) or f"Signature {self.object.pk}"

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        for item in items:
            if item["url"] == reverse(self.index_url_name):
                item["label"] = SupporterIndexView.page_title
        return items


class SupporterViewSet(ModelViewSet):
    """Verified signers who asked for campaign updates: the only export of personal data."""

    model = Signature
    name = "petition_supporters"
    menu_label = "Supporters to contact"
    icon = "mail"
    index_view_class = SupporterIndexView
    edit_view_class = SupporterEditView
    list_display = [NAME_COLUMN, "petition", CONSTITUENCY_COLUMN, DateColumn("verified_at", label="Verified")]
    filterset_class = SupporterFilterSet
    search_fields = ["name", "email"]
    list_export = [
        "name",
        "email",
        "postcode",
        "constituency_name",
        "constituency_code",
        "country_code",
        "verified_at",
        "petition",
        "language",
    ]
    # The language they signed in: write to them in it.
    export_headings = {
        "constituency_name": "Constituency",
        "constituency_code": "Constituency code",
        "language": "Language",
    }
    export_filename = "petition-supporters"
    form_fields = ["opt_in"]
