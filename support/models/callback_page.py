"""The safe call-back page: ask the charity to ring you, when and how it is safe.

A second way in beside the police disclosure request, on the same pipeline: the answers become an encrypted
request of kind "call-back" (support.services.submit_request), routed by police force or nation, in the same
queue, with the same audit trail and retention. Same protections as the disclosure page: never cached, rate
limited, quick exit, nothing personal in a URL or a log.
"""

from django.conf import settings
from django.utils.translation import gettext_noop
from django.views.decorators.debug import sensitive_variables
from wagtail.fields import RichTextField

from support import check_answers
from support.callback_form import CallbackForm
from support.models.disclosure import DisclosureRequest
from support.models.form_page import SupportFormPage
from support.services import submit_request
from website.rendering import render_page
from website.request_policy import ratelimits

DEFAULT_INTRO = gettext_noop(
    "<p>Tell us a safe number and when it is safe to ring, and one of our caseworkers will call you back. "
    "You do not have to tell us what has happened: we can talk about that on the phone, when you are ready. "
    "We can talk in your language.</p>"
)
DEFAULT_BEFORE_FORM = gettext_noop(
    "<p>You can leave this page at any time with the <b>Exit this page</b> button at the top. Nothing you "
    "type here leaves this page until you send it, and Exit clears it.</p>"
)
DEFAULT_PRIVACY = gettext_noop(
    "<p>We encrypt what you tell us, and only the caseworkers of the team that calls you can read it: not "
    "our other staff, and not the administrators of this website. Each time a caseworker opens it, that is "
    "recorded. We use it only to call you back and support you, and share it with nobody unless you agree or "
    "someone's life is in danger.</p>"
    "<p>We delete the details twelve months after we close your request, keeping only anonymous counts.</p>"
)
DEFAULT_CONFIRMATION = gettext_noop(
    "<p>Thank you. A caseworker will call you at the time you told us is safe, usually within two working "
    "days. If you cannot answer, we will only leave a voicemail if you said that is safe.</p>"
    "<p>If you are in danger, call 999.</p>"
)


class CallbackRequestPage(SupportFormPage):
    """The page with the call-back form (support.models.form_page: never cached, `sent/`)."""

    intro = RichTextField(features=["bold", "italic", "link"], default=DEFAULT_INTRO)
    before_form_note = RichTextField(features=["bold", "link"], default=DEFAULT_BEFORE_FORM)
    privacy_notice = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_PRIVACY,
        help_text="Shown above the consent question: what the data is, who sees it, how long it is kept.",
    )
    confirmation = RichTextField(features=["bold", "link"], default=DEFAULT_CONFIRMATION)

    parent_page_types = ["website.HomePage"]
    template = "pages/callback_request_page.html"
    sent_template = "pages/callback_request_page_sent.html"
    sent_form_name = "callback"

    # One step, then "Check your answers": a POST with errors shows them next to the fields; a good one shows
    # every answer, with Change buttons, and "Send request". The check page carries the answers in hidden
    # fields of its form (never the URL), so nothing is kept in the session until the request is sent;
    # "Send request" checks them again, saves them and redirects to `sent/`, so Back and Reload never resend.

    @sensitive_variables()
    def answer_form(self, request):
        if request.method == "GET":
            return self.render_form(request, CallbackForm())
        sending = request.POST.get("action") == "send" and "change" not in request.POST
        if sending:
            if ratelimits.exceeded(request, "callback-submit", settings.DISCLOSURE_SUBMIT_RATE):
                return ratelimits.too_many_requests(request)
        elif ratelimits.exceeded(request, "callback-step", settings.DISCLOSURE_STEP_RATE):
            return ratelimits.too_many_requests(request)
        form = CallbackForm(request.POST)
        if form.is_spam:
            return self.redirect_to_sent(request)
        if "change" in request.POST or not form.is_valid():
            # Change: the form again, filled in as it was (a bound form shows any error in what came back).
            return self.render_form(request, form)
        if not sending:
            return self.render_check(request, form)
        disclosure_request = submit_request(form.answers(), kind=DisclosureRequest.Kind.CALLBACK)
        self.remember_sent(request, disclosure_request)
        return self.redirect_to_sent(request)

    def render_form(self, request, form):
        return render_page(request, self, form=form)

    def render_check(self, request, form):
        """Every answer, each with a Change button back to the form, then "Send request"."""
        # The sent page shows this tab's reference: "Send request" carries the tab's id (history.js).
        return self.render_for_tab(
            request,
            "pages/callback_request_page_check.html",
            form=form,
            rows=check_answers.rows(CallbackForm(), form.cleaned_data, step=0),
        )
