"""Factories for support: helplines, guidance pages, disclosure requests and casework."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from support.models import (
    CallbackRequestPage,
    CaseworkTeam,
    DisclosureRequest,
    DisclosureRequestPage,
    GuidanceIndexPage,
    GuidancePage,
    Helpline,
    RoutingRule,
)
from tests.website.factories import paragraphs
from website.staff.groups import CASEWORKERS


class DisclosureRequestPageFactory(wagtail_factories.PageFactory):
    title = "Ask the police about someone's past"
    slug = "ask-the-police"

    class Meta:
        model = DisclosureRequestPage


class CallbackRequestPageFactory(wagtail_factories.PageFactory):
    title = "Ask us to call you back"
    slug = "call-back"

    class Meta:
        model = CallbackRequestPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@waymark.test")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class CaseworkerFactory(UserFactory):
    @factory.post_generation
    def caseworker_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=CASEWORKERS))


class CaseworkTeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team {n}")
    email = factory.LazyAttribute(lambda team: f"{team.name.lower().replace(' ', '-')}@waymark.test")

    class Meta:
        model = CaseworkTeam
        skip_postgeneration_save = True

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    police_force = "metropolitan"
    team = factory.SubFactory(CaseworkTeamFactory)

    class Meta:
        model = RoutingRule


class DisclosureRequestFactory(factory.django.DjangoModelFactory):
    team = factory.SubFactory(CaseworkTeamFactory)
    police_force = "metropolitan"
    asking_for = DisclosureRequest.AskingFor.MYSELF
    your_name = "Alex Survivor-Testname"
    contact_method = DisclosureRequest.ContactMethod.TEXT
    phone = "07700 900982"
    safe_times = "Weekdays between 10am and 2pm"
    voicemail_safe = DisclosureRequest.YesNo.NO
    identify_as = DisclosureRequest.IdentifyAs.COVER
    cover_name = "Sam from the dental surgery"
    person_name = "Jordan Worrying-Testname"
    person_other_names = "JJ"
    person_relationship = "My partner"
    person_address = "12 Example Street, Testtown"
    concerns = "His former partner told me he hurt her."

    class Meta:
        model = DisclosureRequest


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
