"""Standing people (STYLE.md): alice (author), bob (reviewer), carol (lead/owner),
dave (admin) in one council, and mallory in another organisation.

Service markers: a test marked ``postgres``, ``redis`` or ``browser`` is skipped on a
developer machine without that service, but FAILS in CI (``CI=true``): CI must never
pass by skipping what it is there to check.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

import pytest
from django.test import Client

from policies.models import Membership, Organisation, Role, SocialAccount, User
from policies.services import organisation_create
from tests.factories import MembershipFactory, SocialAccountFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = "/usr/bin/chromium"


def _missing_service(marker: str) -> str | None:
    if marker == "postgres":
        from django.conf import settings

        if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
            return "DATABASE_URL does not point at PostgreSQL"
    elif marker == "redis":
        url = os.environ.get("REDIS_URL")
        if not url:
            return "REDIS_URL is not set"
        import redis

        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            return f"Redis at {url} does not answer: {exc}"
    elif marker == "browser":
        if not shutil.which(CHROMIUM):
            return f"{CHROMIUM} is not installed (apt-get install chromium)"
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return "the playwright package is not installed"
    return None


@pytest.fixture(autouse=True)
def _require_services(request):
    for marker in ("postgres", "redis", "browser"):
        if request.node.get_closest_marker(marker):
            reason = _missing_service(marker)
            if reason:
                if IN_CI:
                    pytest.fail(f"CI needs {marker}: {reason}")
                pytest.skip(f"needs {marker}: {reason}")


@pytest.fixture(autouse=True)
def _fast_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@dataclass
class Council:
    organisation: Organisation
    alice: User
    bob: User
    carol: User
    dave: User
    account: SocialAccount

    def membership(self, user: User) -> Membership:
        return Membership.objects.get(user=user, organisation=self.organisation)


@pytest.fixture
def dave(db) -> User:
    return UserFactory(email="dave@council.example", name="Dave Admin")


@pytest.fixture
def council(db, dave) -> Council:
    organisation = organisation_create(name="Stroud District Council", kind="council", admin=dave, slug="stroud")
    alice = MembershipFactory(organisation=organisation, role=Role.AUTHOR,
                              user=UserFactory(email="alice@council.example", name="Alice Author")).user
    bob = MembershipFactory(organisation=organisation, role=Role.REVIEWER,
                            user=UserFactory(email="bob@council.example", name="Bob Reviewer")).user
    carol_m = MembershipFactory(organisation=organisation, role=Role.LEAD,
                                user=UserFactory(email="carol@council.example", name="Carol Lead"))
    account = SocialAccountFactory(owner=carol_m, handle="@StroudDC", display_name="Stroud District Council")
    account.posters.add(Membership.objects.get(user=alice, organisation=organisation),
                        Membership.objects.get(user=bob, organisation=organisation))
    return Council(organisation, alice, bob, carol_m.user, dave, account)


@pytest.fixture
def alice(council) -> User:
    return council.alice


@pytest.fixture
def bob(council) -> User:
    return council.bob


@pytest.fixture
def carol(council) -> User:
    return council.carol


@pytest.fixture
def mallory_org(db):
    mallory = UserFactory(email="mallory@firm.example", name="Mallory Marsh")
    organisation = organisation_create(name="Harlow & Partners", kind="law_firm", admin=mallory, slug="harlow")
    owner = Membership.objects.get(user=mallory, organisation=organisation)
    account = SocialAccountFactory(owner=owner, network="linkedin", handle="harlow-partners")
    return organisation, mallory, account


@pytest.fixture
def mallory(mallory_org) -> User:
    return mallory_org[1]


@pytest.fixture
def client_for(db):
    """``client_for(user)``: a test client signed in as ``user``."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
