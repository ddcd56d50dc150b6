"""Fixtures for discreet feedback: more colleagues, published posts, a stand-in tone check."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from policies.checks.base import Finding, Severity
from policies.engine import registry
from policies.models import Membership, Role
from posts.models import PostState
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def erin(council):
    """A second reviewer: a colleague who is in neither side of a note."""
    return MembershipFactory(organisation=council.organisation, role=Role.REVIEWER,
                             user=UserFactory(email="erin@council.example", name="Erin Reviewer")).user


@pytest.fixture
def frank(council):
    """A second author."""
    return MembershipFactory(organisation=council.organisation, role=Role.AUTHOR,
                             user=UserFactory(email="frank@council.example", name="Frank Author")).user


@pytest.fixture
def member(council):
    def of(user) -> Membership:
        return Membership.objects.get(user=user, organisation=council.organisation)

    return of


@pytest.fixture
def published_post(make_post):
    """A post as the publishing branch leaves it (set directly: publishing is not ours)."""

    def make(text=None, **kwargs):
        post = make_post(text, **kwargs) if text else make_post(**kwargs)
        post.state = PostState.PUBLISHED
        post.approved_revision = post.current_revision
        post.approved_at = post.published_at = timezone.now()
        post.published_url = "https://x.com/StroudDC/status/1"
        post.save()
        return post

    return make


_INSULT = re.compile(r"\b(idiot|useless|rubbish)\b", re.IGNORECASE)


@pytest.fixture
def stand_in_tone():
    """A tiny tone check standing in for policies.checks.tone (registered by name, as the
    engine allows), so the kindness tests do not depend on that branch's word lists."""

    def run(ctx):
        return [Finding("tone", "insult", m.start(), m.end(), Severity.HIGH, "Name-calling hurts, even in private.")
                for m in _INSULT.finditer(ctx.text)]

    registry.register("tone", run)
    yield run
    registry.unregister("tone")
