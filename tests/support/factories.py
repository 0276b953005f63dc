"""Factories for helplines and guidance pages."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from support.models import GuidanceIndexPage, GuidancePage, Helpline
from tests.website.factories import paragraphs


class HelplineFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Helpline {n}")
    number = "0808 2000 247"
    hours = "24 hours, every day"
    description = "Free and confidential."

    class Meta:
        model = Helpline


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Support"
    slug = "support"
    intro = "Guidance and helplines."

    class Meta:
        model = GuidanceIndexPage


class GuidancePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "What it is and where to get help."
    body = factory.LazyFunction(
        lambda: [
            *paragraphs("Coercive control is a pattern of behaviour."),
            ("question_answer", {"question": "Is it abuse?", "answer": "<p>Yes.</p>"}),
        ]
    )

    class Meta:
        model = GuidancePage
