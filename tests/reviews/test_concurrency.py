"""Two reviewers deciding at the same moment: row locks on PostgreSQL keep the count right."""

import threading

import pytest
from django.db import connection

from policies.models import AuditEvent, Membership
from policies.services import DomainError
from posts import services
from posts.models import PostState
from reviews import services as review_services
from reviews.models import Decision
from tests.texts import HIGH, MEDIUM

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_at_once(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(i, call):
        try:
            barrier.wait(timeout=10)
            call()
            outcomes[i] = "ok"
        except DomainError as exc:
            outcomes[i] = f"refused: {exc.message}"
        except Exception as exc:  # noqa: BLE001 - reported in the assertion
            outcomes[i] = f"error: {exc!r}"
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


def test_peer_and_lead_approving_a_high_post_at_once_make_two_approvals_and_one_transition(council, make_post):
    post = make_post(HIGH)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    bob, carol = (Membership.objects.get(user=u) for u in (council.bob, council.carol))
    outcomes = run_at_once(
        lambda: review_services.decision_approve(post=post, revision_number=1, by=bob),
        lambda: review_services.decision_approve(post=post, revision_number=1, by=carol),
    )
    assert outcomes == ["ok", "ok"]
    post.refresh_from_db()
    assert post.state == PostState.APPROVED
    assert Decision.objects.filter(post=post, verdict="approve").count() == 2
    assert AuditEvent.objects.filter(post_id=post.pk, verb="approved").count() == 1


def test_two_peers_racing_on_a_medium_post_record_one_approval(council, make_post):
    from tests.factories import UserFactory

    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    bob = Membership.objects.get(user=council.bob)
    bea = Membership.objects.create(user=UserFactory(), organisation=council.organisation, role="reviewer")
    outcomes = run_at_once(
        lambda: review_services.decision_approve(post=post, revision_number=1, by=bob),
        lambda: review_services.decision_approve(post=post, revision_number=1, by=bea),
    )
    assert sorted(o.split(":")[0] for o in outcomes) == ["ok", "refused"]
    assert Decision.objects.filter(post=post, verdict="approve").count() == 1
    assert AuditEvent.objects.filter(post_id=post.pk, verb="approved").count() == 1


def test_a_double_click_approves_once(council, make_post):
    post = make_post(HIGH)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    bob = Membership.objects.get(user=council.bob)
    outcomes = run_at_once(*[lambda: review_services.decision_approve(post=post, revision_number=1, by=bob)] * 2)
    assert sorted(o.split(":")[0] for o in outcomes) == ["ok", "refused"]
    assert Decision.objects.filter(post=post, reviewer=council.bob).count() == 1
