"""Admin for stances: staff record where an MP or another representative stands, from a public source."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign.models.stances import Stance


class StanceForm(WagtailAdminModelForm):
    """Exactly one recipient; the stand keeps their name as it is now, and who recorded it."""

    def clean(self):
        cleaned = super().clean()
        mp, representative = cleaned.get("mp"), cleaned.get("representative")
        if mp and representative:
            self.add_error("representative", _("Choose an MP or another representative, not both."))
        elif (
            not mp and not representative and "mp" not in self.errors and "representative" not in self.errors
        ):
            self.add_error("mp", _("Choose the MP or the representative who took this stand."))
        else:
            recipient = mp or representative
            if recipient is not None and not recipient.name:
                field = "mp" if mp else "representative"
                self.add_error(field, _("This seat is vacant: there is no one to record a stand for."))
        return cleaned

    def save(self, commit=True):
        stance = super().save(commit=False)
        if stance.pk is None or {"mp", "representative"} & set(self.changed_data):
            stance.name = stance.recipient.name
        if stance.pk is None:
            stance.recorded_by = self.for_user
        if commit:
            stance.save()
        return stance


class StanceViewSet(SnippetViewSet):
    model = Stance
    icon = "tick"
    menu_label = "Stances"
    list_display = ["name", "position", "stated_on", "source_url", "recorded_by"]
    list_filter = ["position", "mp__constituency__country", "representative__area__body"]
    search_fields = ["name"]
    list_export = ["name", "position", "stated_on", "source_url", "note", "recorded_at"]
    edit_handler = ObjectList(
        [
            FieldPanel(
                "mp", help_text="The Member of Parliament, or leave empty and choose a representative."
            ),
            FieldPanel("representative", help_text="A commissioner or a member of another parliament."),
            FieldPanel("position"),
            FieldPanel("stated_on"),
            FieldPanel("source_url"),
            FieldPanel("note"),
        ],
        base_form_class=StanceForm,
    )
