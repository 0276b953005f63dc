"""Factories for petition tests."""

import factory
import wagtail_factories
from django.utils import timezone

from petition.models import PetitionPage, Signature


class PetitionPageFactory(wagtail_factories.PageFactory):
    title = "Register serial abusers"
    slug = factory.Sequence(lambda n: f"petition-{n}")
    ask = "Register serial domestic abusers and stalkers."
    target = 1000

    class Meta:
        model = PetitionPage


class SignatureFactory(factory.django.DjangoModelFactory):
    petition = factory.SubFactory(PetitionPageFactory)
    name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    canonical_email = factory.LazyAttribute(lambda o: o.email.lower())
    email_domain = "example.org"
    postcode = "SW1A 1AA"
    constituency_code = "E14001234"
    country_code = "E92000001"
    ip_hash = "a" * 64

    class Meta:
        model = Signature

    class Params:
        verified = factory.Trait(
            state=Signature.State.VERIFIED, verified_at=factory.LazyFunction(lambda: timezone.now())
        )
