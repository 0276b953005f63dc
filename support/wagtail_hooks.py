"""Admin for support: helplines (and, later, the disclosure casework queue)."""

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from support.models import Helpline


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = "Helplines"
    list_display = ["name", "number", "hours", "is_free", "is_silent_option"]
    list_filter = ["is_free", "is_silent_option", "is_emergency"]
    search_fields = ["name", "description"]


class SupportGroup(ViewSetGroup):
    menu_label = "Support"
    menu_icon = "help"
    menu_order = 250
    items = (HelplineViewSet,)


register_snippet(SupportGroup)
