"""What the two request pages share: the survivor's form at the page's own URL (the route named "form"), the
confirmation at `sent/`, the editable texts around the form, and never a cached copy anywhere.

`DisclosureRequestPage` (steps kept in the session) and `CallbackRequestPage` (one step, answers carried by
the check-answers page) differ in how they collect answers; both answer in `answer_form` and end at
`redirect_to_sent`.
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from support import form_state
from support.models.confirmation import SentConfirmationMixin
from support.models.guidance import SupportPageMixin
from website.models import BasePage
from website.rendering import render_page

# Marked for translation: while a field still holds its default, the page shows it in the reader's language
# (the in_reader_language filter, support/templatetags/support_tags.py).
DEFAULT_EMERGENCY = gettext_noop(
    "<p>If you are in danger now, call <b>999</b>. If you cannot speak, call 999, listen, and press "
    "<b>55</b> when asked (the Silent Solution).</p>"
)


@method_decorator(never_cache, name="serve")
class SupportFormPage(RoutablePageMixin, SentConfirmationMixin, SupportPageMixin, BasePage):
    """A page with a survivor's form. Never cached anywhere: it is a form about someone's safety.

    Each page declares its own `intro`, `before_form_note`, `privacy_notice` and `confirmation` (rich text,
    with its own default wording); the emergency banner is the same on both."""

    emergency_banner = RichTextField(features=["bold", "link"], default=DEFAULT_EMERGENCY)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("emergency_banner"),
        FieldPanel("before_form_note"),
        FieldPanel("privacy_notice"),
        FieldPanel("confirmation"),
        *SentConfirmationMixin.confirmation_panels,
    ]

    subpage_types = []
    # The confirmation's template (pages/…_sent.html).
    sent_template = ""

    class Meta:
        abstract = True

    @path("", name="form")
    @method_decorator(sensitive_post_parameters())
    def form(self, request):
        if request.method not in {"GET", "POST"}:
            return HttpResponseNotAllowed(["GET", "POST"])
        return self.answer_form(request)

    def answer_form(self, request):
        """GET shows the form (or the step the visitor is at); POST answers it. Decorate with
        `sensitive_variables()`: the answers must never reach an error report."""
        raise NotImplementedError

    @path("sent/", name="sent")
    def sent(self, request):
        """The confirmation: the person's reference and by when we will be in touch; none of the answers."""
        return self.render_sent(request, self.sent_template)

    def redirect_to_sent(self, request):
        return HttpResponseRedirect(self.get_url(request) + self.reverse_subpage("sent"))

    def render_for_tab(self, request, template=None, **context):
        """A page of the journey, rendered for one browser tab: history.js sends the tab's id, and a
        response rendered without it asks again with it (so it varies on that header)."""
        response = render_page(request, self, template, tab_bound=form_state.is_tab_bound(request), **context)
        patch_vary_headers(response, [form_state.TAB_HEADER])
        return response
