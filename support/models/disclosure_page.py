"""The right-to-ask page: the form in short steps, each posted to the page's own URL.

The answers so far live only in the session (support.form_state); the finished request is saved, routed and
the team told by support.services. Nothing personal reaches a URL, a log line or an error report.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_noop
from django.views.decorators.debug import sensitive_variables
from wagtail.fields import RichTextField

from support import check_answers, form_state
from support.forms import STEPS, ConsentForm
from support.models.form_page import SupportFormPage
from support.services import submit_request
from website.request_policy import ratelimits
from website.request_policy.whole_numbers import whole_number

logger = logging.getLogger(__name__)

# Defaults for the editable text, marked for translation: while a field still holds its default, the page
# shows it in the reader's language (the in_reader_language filter, support/templatetags/support_tags.py).
DEFAULT_INTRO = gettext_noop(
    "<p>Under the Domestic Violence Disclosure Scheme (Clare's Law) you can ask the police whether a "
    "partner, or the partner of someone you care about, has a record of abuse or violence. This is the "
    "<b>right to ask</b>. The police can also decide to tell someone without being asked: the "
    "<b>right to know</b>.</p>"
    "<p>Scotland has its own Disclosure Scheme for Domestic Abuse, and Northern Ireland its Domestic "
    "Violence and Abuse Disclosure Scheme. They work in much the same way.</p>"
    "<p>The police decide whether to tell you anything, and it usually takes around 28 days. Our "
    "caseworkers can help you ask, contact you only in the way you tell us is safe, and support you "
    "whatever the answer.</p>"
)
# The exit instructions and what closing the tab does are in the template: they depend on the device and on
# whether scripts run, which page content cannot know. (Migration 0006 replaced the old default, which
# promised "Nothing is saved on this device".)
DEFAULT_BEFORE_FORM = gettext_noop(
    "<p>We delete unfinished answers after 30 minutes without a step, or at once when you use "
    "<b>Exit this page</b>.</p>"
)
DEFAULT_PRIVACY = gettext_noop(
    "<p>What you tell us is sensitive. It may include information about crimes, which the law calls "
    "criminal-offence data. We encrypt it, and only the caseworkers of the team handling your request "
    "can read it: not our other staff, and not the administrators of this website. Each time a "
    "caseworker opens it, that is recorded. We use it only to help you ask the police for a disclosure. "
    "We do not share it with anyone, including the police, unless you agree or someone's life is in "
    "danger.</p>"
    "<p>We delete the details twelve months after your request is closed, keeping only anonymous "
    "counts.</p>"
)
DEFAULT_CONFIRMATION = gettext_noop(
    "<p>Thank you. A caseworker will contact you in the way you told us is safe, usually within two "
    "working days.</p>"
)


class DisclosureRequestPage(SupportFormPage):
    """The page with the right-to-ask form (support.models.form_page: never cached, `sent/`)."""

    intro = RichTextField(features=["bold", "italic", "link"], default=DEFAULT_INTRO)
    before_form_note = RichTextField(
        features=["bold", "link"],
        default=DEFAULT_BEFORE_FORM,
        help_text="Shown after the form, under how to leave quickly and what closing the tab does.",
    )
    privacy_notice = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_PRIVACY,
        help_text="Shown with the consent question: what the data is, who sees it, how long it is kept.",
    )
    confirmation = RichTextField(features=["bold", "link"], default=DEFAULT_CONFIRMATION)

    parent_page_types = ["website.HomePage", "support.GuidanceIndexPage"]
    template = "pages/disclosure_request_page.html"
    sent_template = "pages/disclosure_request_page_sent.html"
    sent_form_name = form_state.DISCLOSURE

    # The steps: each POST answers one step and redirects (to the next step, to the check-answers page, or
    # from there to `sent/`), so the browser's Back and Reload never resend answers. GET shows the step the
    # session is at. Nothing is sent before "Send request" on the check-answers page (CHECK).
    CHECK = len(STEPS)

    @sensitive_variables()
    def answer_form(self, request):
        state, expired = form_state.load(request)
        if request.method == "GET":
            step = state["step"]
            if step == self.CHECK:
                return self.render_check(request, state)
            form, changing = self.get_form(step, state), state.get("changing", False)
            return self.render_step(request, step, form, expired=expired, changing=changing)

        if ratelimits.exceeded(request, "disclosure-step", settings.DISCLOSURE_STEP_RATE):
            return ratelimits.too_many_requests(request)
        if expired:
            # The answers timed out while the page was open: start again, saying why.
            return self.render_step(request, 0, self.get_form(0, state), expired=True)

        if self.answers_lost(request, state):
            # The page answers a later step than the session holds: the answers between were not kept.
            # Say so beside the step the session is at, rather than quietly showing an earlier step.
            step = state["step"]
            return self.render_step(request, step, self.get_form(step, state), step_lost=True)
        step = self.posted_step(request, state)
        if step == self.CHECK:
            return self.check_answers(request, state)
        form = self.get_form(step, state, data=request.POST)
        if form.is_spam:
            form_state.clear(request)
            return self.redirect_to_sent(request)
        changing = state.get("changing", False)
        if request.POST.get("action") == "back":
            if form.is_valid():
                state["answers"][str(step)] = form.answers()
            # Back from a change goes back to the answers being checked.
            state["step"] = self.CHECK if changing and self.all_answered(state) else max(step - 1, 0)
            state.pop("changing", None)
            form_state.save(request, state)
            return HttpResponseRedirect(self.get_url(request))
        if not form.is_valid():
            return self.render_step(request, step, form, changing=changing)

        state["answers"][str(step)] = form.answers()
        if changing and self.all_answered(state):
            # A change from the check-answers page returns there.
            state["step"] = self.CHECK
            state.pop("changing")
        else:
            state["step"] = step + 1
        if not self.keep(request, state):
            # Shown again with what they typed, and why: the next step would have started from nothing.
            return self.render_step(request, step, form, not_saved=True)
        return HttpResponseRedirect(self.get_url(request))

    def check_answers(self, request, state):
        """A POST from the check-answers page: change an answer, go back, or send the request."""
        # A Change button posts the step it changes (components/summary_list.html).
        action = "change" if "change" in request.POST else request.POST.get("action")
        if action == "change":
            step = whole_number(request.POST.get("change", ""), max_digits=2)
            if step is None or step >= len(STEPS):
                return self.render_check(request, state)
            state["step"] = step
            state["changing"] = True
            form_state.save(request, state)
            return HttpResponseRedirect(self.get_url(request))
        if action == "back":
            state["step"] = len(STEPS) - 1
            form_state.save(request, state)
            return HttpResponseRedirect(self.get_url(request))
        if action != "send":
            return self.render_check(request, state)
        if ratelimits.exceeded(request, "disclosure-submit", settings.DISCLOSURE_SUBMIT_RATE):
            return ratelimits.too_many_requests(request)
        if not self.all_answered(state):
            # A step was skipped (an old tab, a crafted POST): go back to the first missing one.
            state["step"] = min(index for index in range(len(STEPS)) if str(index) not in state["answers"])
            form_state.save(request, state)
            return HttpResponseRedirect(self.get_url(request))
        disclosure_request = self.process_form_submission(state["answers"])
        form_state.clear(request)
        self.remember_sent(request, disclosure_request)
        return self.redirect_to_sent(request)

    @staticmethod
    def all_answered(state):
        return all(str(index) in state["answers"] for index in range(len(STEPS)))

    @staticmethod
    def keep(request, state):
        """Save this tab's answers now rather than after the response, so a session that cannot be saved
        (the database refusing or timing out) is told to the visitor on this step. False if it failed."""
        form_state.save(request, state)
        try:
            request.session.save()
        except DatabaseError as error:
            logger.warning("disclosure form: the session could not be saved (%s)", type(error).__name__)
            # Nothing more to try this request: SessionMiddleware would fail the same way, with a 500.
            request.session.modified = False
            return False
        return True

    @staticmethod
    def answers_lost(request, state):
        """True when a step is posted that the session has not reached: the session lost the answers before
        it (the browser showed that step, so the session held them once)."""
        posted = whole_number(request.POST.get("step", ""), max_digits=2)
        if posted == DisclosureRequestPage.CHECK and DisclosureRequestPage.all_answered(state):
            return False  # the check-answers page, open while an answer is being changed elsewhere
        return posted is not None and state["step"] < posted <= DisclosureRequestPage.CHECK

    @staticmethod
    def posted_step(request, state):
        """The step a POST answers: the session's, or an earlier one (the browser's Back), not a later one."""
        posted = whole_number(request.POST.get("step", ""), max_digits=2)
        if posted is None:
            return state["step"]
        if posted == DisclosureRequestPage.CHECK and DisclosureRequestPage.all_answered(state):
            return posted
        return min(posted, state["step"])

    @staticmethod
    def get_form(step, state, data=None):
        form_class = STEPS[step]
        if data is not None:
            return form_class(data)
        return form_class(initial=state["answers"].get(str(step), {}))

    def render_check(self, request, state):
        """Every answer, each with a Change button back to its step, then "Send request"."""
        sections = []
        for index, form_class in enumerate(STEPS):
            summary = check_answers.rows(form_class(), state["answers"].get(str(index), {}), step=index)
            if summary:
                sections.append({"title": form_class.title, "rows": summary})
        return self.render_for_tab(
            request, "pages/disclosure_request_page_check.html", sections=sections, step=self.CHECK
        )

    def render_step(
        self, request, step, form, *, expired=False, not_saved=False, step_lost=False, changing=False
    ):
        return self.render_for_tab(
            request,
            form=form,
            step=step,
            step_number=step + 1,
            step_count=len(STEPS),
            is_first_step=step == 0,
            is_last_step=step == len(STEPS) - 1,
            # Changing an answer from the check-answers page: "Continue" goes back there.
            changing=changing,
            # The privacy notice is page content, shown above the consent step.
            show_privacy_notice=isinstance(form, ConsentForm),
            expired=expired,
            not_saved=not_saved,
            step_lost=step_lost,
        )

    @sensitive_variables()
    def process_form_submission(self, answers_by_step):
        """Every step's answers, as one request for the casework team."""
        answers = {}
        for index in range(len(STEPS)):
            answers.update(answers_by_step.get(str(index), {}))
        return submit_request(answers)
