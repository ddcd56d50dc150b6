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


DEMO_POSTS = {
    "approved": [
        "Bins: collections move a day later next week because of the bank holiday. Check your day at stroud.gov.uk/bins",
        "Join us on Saturday 10am-2pm at Stroud library for the repair café. All welcome, free entry!",
    ],
    "review": [
        "Lovely to see the 82-year-old gentleman from Tuesday's 3pm clinic in Nailsworth back on his feet after his fall.",
        "Great to help a tenant sort out their housing benefit today.",
    ],
    "changes": "Have your say on the new park layout: bit.ly/stroud-park closes Friday.",
    "draft": "Mrs Priya Patel of 14 Lansdown Road still owes us £4,200 in council tax arrears.",
}


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
        self._posts(council)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at http://127.0.0.1:8000 with any of:"))
        for email, _name, role in COUNCIL_PEOPLE + LAW_PEOPLE:
            self.stdout.write(f"  {email:<30} {role.label:<11} password: {DEMO_PASSWORD}")

    def _posts(self, council: Organisation) -> None:
        """A few posts in each state, made through the real services (so each has its
        assessment and audit trail). Only when the council has none yet."""
        from django.apps import apps

        if not apps.is_installed("posts"):
            return
        from posts import services as post_services
        from posts.models import Post
        from reviews import services as review_services

        if Post.objects.filter(organisation=council).exists():
            return
        member = {m.user.email: m for m in Membership.objects.filter(organisation=council).select_related("user")}
        x = SocialAccount.objects.get(organisation=council, handle="@StroudDC")
        facebook = SocialAccount.objects.get(organisation=council, handle="StroudDistrictCouncil")

        def draft(text, author="alice@stroud.example", account=x):
            return post_services.post_create(author=member[author], accounts=[account], text=text)[0]

        def submit(post):
            return post_services.post_submit(post=post, by=post.author, expected_revision=post.current_revision.number)

        for text in DEMO_POSTS["approved"]:
            submit(draft(text))
        for text in DEMO_POSTS["review"]:
            submit(draft(text, account=facebook))
        asked = submit(draft(DEMO_POSTS["changes"], author="amir@stroud.example"))
        review_services.decision_request_changes(
            post=asked, revision_number=1, by=member["bob@stroud.example"],
            message="Could we link to the full consultation page instead of a shortened link?")
        draft(DEMO_POSTS["draft"])

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
