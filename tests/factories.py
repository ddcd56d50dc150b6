from __future__ import annotations

import factory

from policies.models import Membership, Organisation, Role, SocialAccount, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password("pw-for-tests-123")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = "council"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.AUTHOR


class SocialAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialAccount

    organisation = factory.SelfAttribute("owner.organisation")
    network = "x"
    handle = factory.Sequence(lambda n: f"@account{n}")
    display_name = factory.Sequence(lambda n: f"Account {n}")
    purpose = "Service news for residents."
    owner = factory.SubFactory(MembershipFactory, role=Role.LEAD)
