"""Petition admin: signatures (listing, filters, bulk invalidation), supporters export, abuse rules, and the
lobbying report (signatures and letters by MP)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from petition import admin_views, lobbying
from petition.models import BlockedDomain, BlockedNetwork, EmailDomainRule, PetitionPage, Signature
from website.spreadsheets import FormulaSafeIndexView


class SignatureViewSet(ModelViewSet):
    model = Signature
    icon = "user"
    menu_label = "Signatures"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = [
        Column("pk", label="ID"),
        "petition",
        "state",
        "email_domain",
        "constituency_code",
        "country_code",
        DateColumn("created_at", label="Signed"),
    ]
    list_filter = [
        "petition",
        "state",
        "fraud_reason",
        "created_at",
        "verified_at",
        "constituency_code",
        "email_domain",
        "opt_in",
    ]
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
        "emails_sent",
        "created_at",
        "verified_at",
        "invalidated_at",
        "unsubscribed_at",
        "anonymised_at",
        "counted",
    ]


class SupporterIndexView(FormulaSafeIndexView):
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
        )


class SupporterViewSet(ModelViewSet):
    """Verified signers who asked for campaign updates: the only export of personal data."""

    model = Signature
    name = "petition_supporters"
    menu_label = "Supporters to contact"
    icon = "mail"
    index_view_class = SupporterIndexView
    list_display = ["name", "petition", "constituency_code", DateColumn("verified_at", label="Verified")]
    list_filter = ["petition", "verified_at", "constituency_code", "country_code"]
    search_fields = ["name", "email"]
    list_export = [
        "name",
        "email",
        "postcode",
        "constituency_code",
        "country_code",
        "verified_at",
        "petition",
    ]
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
    )


@hooks.register("register_admin_viewset")
def register_petition_viewsets():
    return PetitionAdminGroup()


@hooks.register("register_admin_urls")
def register_petition_admin_urls():
    return [
        path("petition/stop/<int:page_id>/", admin_views.stop_collecting, name="petition_stop_collecting"),
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
