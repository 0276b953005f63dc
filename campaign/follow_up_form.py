"""The follow-up's answer form: did the representative reply, and if so, what did their reply seem to say."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.follow_ups import NOT_YET, REPLIED
from campaign.models.stances import Position


class FollowUpAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Did they reply to your letter?"),
        choices=[(REPLIED, _("They replied")), (NOT_YET, _("Not yet"))],
        widget=forms.RadioSelect,
    )
    position = forms.ChoiceField(
        label=_("If they replied, what did their reply seem to say? (optional)"),
        choices=[
            ("", _("I could not tell")),
            (Position.SUPPORTS, _("They support the campaign")),
            (Position.UNDECIDED, _("They are undecided")),
            (Position.OPPOSES, _("They oppose the campaign")),
        ],
        required=False,
    )
