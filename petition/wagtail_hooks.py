"""Petition admin: signatures (listing, filters, bulk invalidation), supporters export, abuse rules, and the
lobbying report (signatures and letters by MP)."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from geography.models.places import Constituency
from petition import admin_views, lobbying
from petition.models import (
    BlockedDomain,
    BlockedNetwork,
    CampaignUpdate,
    EmailDomainRule,
    PetitionPage,
    Signature,
)
from website.spreadsheets import FormulaSafeIndexView
from website.text_direction import without_bidi_controls


def date_range(label):
    return django_filters.DateFromToRangeFilter(label=label, widget=DateRangePickerWidget)


def constituency_choices():
    return list(Constituency.objects.values_list("code", "name"))


def constituency_filter():
    # Staff know places by name: the choice shows the name and filters on the code the row holds.
    return django_filters.ChoiceFilter(
        field_name="constituency_code", label="Constituency", choices=constituency_choices
    )


# A constituency's name beside each signature, from one query (Signature.objects.with_constituency_names).
CONSTITUENCY_COLUMN = Column("constituency_name", label="Constituency")


def signer_name(signature):
    """The name as staff see it: stored before signing stripped them, it may hold direction controls."""
    return without_bidi_controls(signature.name)


NAME_COLUMN = Column("name", label="Name", accessor=signer_name, sort_key="name")


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


class EmailDomainRuleViewSet(ModelViewSet):
    model = EmailDomainRule
    icon = "mail"
    menu_label = "Email domain rules"
    list_display = ["domain", "alias_of", "remove_dots", "remove_plus_tag"]
    search_fields = ["domain"]
    form_fields = ["domain", "alias_of", "remove_dots", "remove_plus_tag"]


class BlockedDomainViewSet(ModelViewSet):
    model = BlockedDomain
    icon = "cross"
    menu_label = "Blocked domains"
    list_display = ["domain", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["domain", "note"]
    form_fields = ["domain", "kind", "note"]


class BlockedNetworkViewSet(ModelViewSet):
    model = BlockedNetwork
    icon = "cross"
    menu_label = "Blocked IP ranges"
    list_display = ["network", "note"]
    search_fields = ["network", "note"]
    form_fields = ["network", "note"]


class InvalidateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("petition.invalidate_signature")


class InvalidateViewSet(ViewSet):
    """Bulk invalidation by filter (petition.admin_views.bulk_invalidate)."""

    name = "petition_invalidate"
    icon = "warning"
    menu_label = "Invalidate signatures"
    menu_item_class = InvalidateMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.bulk_invalidate, name="index")]


class LobbyingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(lobbying.PERMISSION)


class LobbyingViewSet(ViewSet):
    """Signatures and letters per MP and constituency, with the week's trend (petition.lobbying)."""

    name = "petition_lobbying"
    icon = "group"
    menu_label = "Signatures and letters by MP"
    menu_item_class = LobbyingMenuItem

    def get_urlpatterns(self):
        view = lobbying.LobbyingReportView
        return [
            path("", view.as_view(), name="index"),
            path("results/", view.as_view(results_only=True), name="results"),
        ]


class CampaignUpdateCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("campaign_updates:review", args=[self.object.pk])


class DraftOnlyMixin:
    """Once sending has started an update is a record of what was sent: no editing or deleting."""

    def dispatch(self, request, *args, **kwargs):
        update = getattr(self, "object", None) or self.get_object()
        if update.status != CampaignUpdate.Status.DRAFT:
            messages.error(request, "This update has been sent (or is sending), so it can no longer change.")
            return redirect("campaign_updates:review", pk=update.pk)
        return super().dispatch(request, *args, **kwargs)


class CampaignUpdateEditView(DraftOnlyMixin, EditView):
    def get_success_url(self):
        return reverse("campaign_updates:review", args=[self.object.pk])


class CampaignUpdateDeleteView(DraftOnlyMixin, DeleteView):
    pass


class CampaignUpdateViewSet(ModelViewSet):
    """Write an update, preview it and send yourself a test (admin_views.campaign_update_review), then send
    it to every supporter who asked for updates (petition.updates)."""

    model = CampaignUpdate
    name = "campaign_updates"
    icon = "mail"
    menu_label = "Campaign updates"
    add_view_class = CampaignUpdateCreateView
    edit_view_class = CampaignUpdateEditView
    delete_view_class = CampaignUpdateDeleteView
    form_fields = ["subject", "body", "subject_cy", "body_cy"]
    list_display = [
        "subject",
        "status",
        DateColumn("created_at", label="Written"),
        DateColumn("finished_at", label="Sent"),
    ]
    list_filter = ["status"]
    search_fields = ["subject"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<id:pk>/review/", admin_views.campaign_update_review, name="review"),
        ]


class PetitionAdminGroup(ViewSetGroup):
    menu_label = "Petition"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (
        SignatureViewSet("petition_signatures"),
        SupporterViewSet(),
        EmailDomainRuleViewSet("petition_domain_rules"),
        BlockedDomainViewSet("petition_blocked_domains"),
        BlockedNetworkViewSet("petition_blocked_networks"),
        InvalidateViewSet(),
        LobbyingViewSet(),
        CampaignUpdateViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_petition_viewsets():
    return PetitionAdminGroup()


@hooks.register("register_admin_urls")
def register_petition_admin_urls():
    return [
        path("petition/stop/<id:page_id>/", admin_views.stop_collecting, name="petition_stop_collecting"),
    ]


def _stop_button(page, user):
    specific = page.specific_deferred
    if (
        isinstance(specific, PetitionPage)
        and specific.state == PetitionPage.State.OPEN
        and page.permissions_for_user(user).can_publish()
    ):
        return Button(
            "Stop collecting",
            reverse("petition_stop_collecting", args=[page.pk]),
            icon_name="warning",
            priority=70,
        )
    return None


@hooks.register("register_page_listing_more_buttons")
def petition_listing_buttons(page, user, next_url=None):
    button = _stop_button(page, user)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def petition_header_buttons(page, user, view_name, next_url=None):
    button = _stop_button(page, user)
    if button:
        yield button
