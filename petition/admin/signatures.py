"""Signatures: the listing with its filters, the inspect view with the constituency by name."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from geography.models.places import Constituency
from petition.admin.columns import CONSTITUENCY_COLUMN, constituency_filter, date_range, signer_name
from petition.models import Signature
from website.request_policy.spreadsheets import FormulaSafeIndexView


class SignatureFilterSet(WagtailFilterSet):
    created_at = date_range("Signed")
    verified_at = date_range("Verified")
    constituency_code = constituency_filter()

    class Meta:
        model = Signature
        fields = ["petition", "state", "fraud_reason", "email_domain", "opt_in"]


class SignatureIndexView(FormulaSafeIndexView):
    page_title = "Signatures"

    def get_base_queryset(self):
        return super().get_base_queryset().with_constituency_names()


class SignatureInspectView(InspectView):
    def get_fields(self):
        return [
            ("constituency_name" if name == "constituency_code" else name) for name in super().get_fields()
        ]

    def get_field_label(self, field_name, field):
        return (
            "Constituency"
            if field_name == "constituency_name"
            else super().get_field_label(field_name, field)
        )

    def get_field_display_value(self, field_name, field):
        if field_name == "constituency_name":
            code = self.object.constituency_code
            name = Constituency.objects.filter(code=code).values_list("name", flat=True).first()
            return f"{name} ({code})" if name else code or "—"
        if field_name == "name":
            return signer_name(self.object)
        return super().get_field_display_value(field_name, field)


class SignatureViewSet(ModelViewSet):
    model = Signature
    icon = "user"
    menu_label = "Signatures"
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = SignatureIndexView
    inspect_view_class = SignatureInspectView
    list_display = [
        Column("pk", label="ID"),
        "petition",
        "state",
        "email_domain",
        CONSTITUENCY_COLUMN,
        "country_code",
        DateColumn("created_at", label="Signed"),
    ]
    filterset_class = SignatureFilterSet
    search_fields = ["name", "email", "canonical_email", "postcode"]
    form_fields = ["state", "opt_in"]
    inspect_view_fields = [
        "petition",
        "state",
        "fraud_reason",
        "name",
        "email",
        "canonical_email",
        "postcode",
        "constituency_code",
        "country_code",
        "opt_in",
        "language",
        "emails_sent",
        "created_at",
        "verified_at",
        "invalidated_at",
        "unsubscribed_at",
        "anonymised_at",
        "counted",
    ]
