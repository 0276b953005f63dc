"""The Petition menu: every petition viewset in one group, and the page buttons for stopping a petition."""

from django.urls import reverse
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button

from petition.admin.reports import InvalidateViewSet, LobbyingViewSet, RepresentativeReportViewSet
from petition.admin.rules import BlockedDomainViewSet, BlockedNetworkViewSet, EmailDomainRuleViewSet
from petition.admin.signatures import SignatureViewSet
from petition.admin.supporters import SupporterViewSet
from petition.admin.updates import CampaignUpdateViewSet
from petition.models import PetitionPage


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
        RepresentativeReportViewSet(),
        CampaignUpdateViewSet(),
    )


def stop_button(page, user):
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
