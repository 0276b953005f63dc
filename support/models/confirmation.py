"""What both request pages' confirmations say: the person's reference, and by when to expect us.

The reference and the due date (support.deadlines, from the day the request arrived and the bank holidays of
its nation) are kept for the tab that sent the request (support.form_state.remember_sent), never put in the
URL of the confirmation. The number to call if nobody has been in touch by then is a published helpline an
editor chooses for the page: it is never written into the code.
"""

from django.db import models
from django.utils.cache import patch_vary_headers
from wagtail.admin.panels import FieldPanel

from support import form_state
from website.rendering import render_page


class SentConfirmationMixin(models.Model):
    """A request page whose confirmation shows the reference, the due date and a number to call."""

    follow_up_helpline = models.ForeignKey(
        "support.Helpline",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "The confirmation says: “If we have not contacted you by <date>, call …” with this helpline's "
            "name and number. Leave blank to point to the helplines on the page instead."
        ),
    )

    # Which form_state slot holds this page's confirmation ("disclosure", "callback").
    sent_form_name = ""

    class Meta:
        abstract = True

    confirmation_panels = [FieldPanel("follow_up_helpline")]

    def live_follow_up_helpline(self):
        helpline = self.follow_up_helpline
        return helpline if helpline is not None and helpline.live and helpline.number else None

    def remember_sent(self, request, disclosure_request):
        form_state.remember_sent(
            request, self.sent_form_name, disclosure_request.public_reference, disclosure_request.due_date
        )

    def render_sent(self, request, template):
        response = render_page(
            request,
            self,
            template,
            sent=form_state.recall_sent(request, self.sent_form_name),
            follow_up_helpline=self.live_follow_up_helpline(),
            # Rendered for a tab (history.js sent its id): otherwise the script asks again with the id.
            tab_bound=form_state.is_tab_bound(request),
        )
        patch_vary_headers(response, [form_state.TAB_HEADER])
        return response
