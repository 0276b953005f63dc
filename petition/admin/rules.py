"""The abuse rules staff keep: email domains, blocked domains and blocked networks."""

from wagtail.admin.viewsets.model import ModelViewSet

from petition.models import (
    BlockedDomain,
    BlockedNetwork,
    EmailDomainRule,
)


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
