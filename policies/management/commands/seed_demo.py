"""Load the demo organisations and people. Idempotent: running it twice changes nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from policies.models import Membership, Organisation, Role, SocialAccount, User
from policies.services import organisation_create

DEMO_PASSWORD = "countersign-demo"

COUNCIL_PEOPLE = [
    # email, name, role
    ("alice@stroud.example", "Alice Author", Role.AUTHOR),
    ("amir@stroud.example", "Amir Khan", Role.AUTHOR),
    ("bob@stroud.example", "Bob Reviewer", Role.REVIEWER),
    ("bea@stroud.example", "Bea Okafor", Role.REVIEWER),
    ("carol@stroud.example", "Carol Lead", Role.LEAD),
    ("dave@stroud.example", "Dave Admin", Role.ADMIN),
]

COUNCIL_ACCOUNTS = [
    # network, handle, display name, purpose, owner email, poster emails
    ("x", "@StroudDC", "Stroud District Council",
     "Service news, roadworks, bin collections and emergencies for residents. Plain, helpful, never political.",
     "carol@stroud.example", ["alice@stroud.example", "amir@stroud.example", "bob@stroud.example"]),
    ("facebook", "StroudDistrictCouncil", "Stroud District Council",
     "Community events, consultations and longer updates. Friendly and inclusive; answer questions kindly.",
     "carol@stroud.example", ["alice@stroud.example", "bea@stroud.example"]),
    ("mastodon", "@stroud@social.example", "Stroud Council (Mastodon)",
     "The same service news as X, for residents who left it.",
     "dave@stroud.example", ["amir@stroud.example"]),
    ("linkedin", "stroud-district-council", "Stroud District Council careers",
     "Recruitment, staff achievements (with consent) and partnership news.",
     "dave@stroud.example", ["bea@stroud.example"]),
]

LAW_PEOPLE = [
    ("mallory@harlow-law.example", "Mallory Marsh", Role.ADMIN),
    ("nina@harlow-law.example", "Nina Shah", Role.AUTHOR),
]

LAW_ACCOUNTS = [
    ("linkedin", "harlow-partners", "Harlow & Partners LLP",
     "Firm news, legal updates and events. Never discuss client matters.",
     "mallory@harlow-law.example", ["nina@harlow-law.example"]),
]


class Command(BaseCommand):
    help = "Create the demo council and law firm with their people and accounts (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            council = self._organisation("Stroud District Council", "stroud-council", "council", COUNCIL_PEOPLE)
            self._accounts(council, COUNCIL_ACCOUNTS)
            firm = self._organisation("Harlow & Partners LLP", "harlow-partners", "law_firm", LAW_PEOPLE)
            self._accounts(firm, LAW_ACCOUNTS)
            # Carol also advises the law firm, so switching organisations can be tried.
            Membership.objects.get_or_create(
                user=User.objects.get(email="carol@stroud.example"), organisation=firm, defaults={"role": Role.REVIEWER}
            )
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at http://127.0.0.1:8000 with any of:"))
        for email, _name, role in COUNCIL_PEOPLE + LAW_PEOPLE:
            self.stdout.write(f"  {email:<30} {role.label:<11} password: {DEMO_PASSWORD}")

    def _user(self, email: str, name: str) -> User:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user

    def _organisation(self, name: str, slug: str, kind: str, people) -> Organisation:
        users = {email: self._user(email, person) for email, person, _ in people}
        admin_email = next(email for email, _, role in people if role == Role.ADMIN)
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            organisation = organisation_create(name=name, kind=kind, admin=users[admin_email], slug=slug)
        for email, _, role in people:
            Membership.objects.get_or_create(user=users[email], organisation=organisation, defaults={"role": role})
        return organisation

    def _accounts(self, organisation: Organisation, accounts) -> None:
        for network, handle, display_name, purpose, owner_email, poster_emails in accounts:
            members = Membership.objects.filter(organisation=organisation)
            account, created = SocialAccount.objects.get_or_create(
                organisation=organisation, network=network, handle=handle,
                defaults={
                    "display_name": display_name,
                    "purpose": purpose,
                    "owner": members.get(user__email=owner_email),
                },
            )
            if created:
                account.posters.set(members.filter(user__email__in=poster_emails))
