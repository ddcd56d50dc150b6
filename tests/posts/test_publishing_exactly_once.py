"""Every approved post goes out exactly once: counted on the fake network.

Retries after "accepted, then no answer", rate limits, server errors, a scheduler that
was down, workers that were down, jobs run twice; and nothing unapproved, whatever the
route. (The real-worker SIGKILL and two-schedulers-at-once races are in
test_publishing_workers.py, against Redis and PostgreSQL.)
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from policies.models import AuditEvent
from posts import services
from posts.models import AttemptState, ConnectionState, PostState, PublishAttempt
from posts.publishing.service import MAX_TRIES, post_mark_published, post_retry, publish_attempt
from posts.scheduling import post_claim
from posts.signals import post_transition
from tests.posts.publishing_helpers import T0, approved_post, run_schedule, scheduled_post, verbs

DUE = T0 + timedelta(hours=2)


@pytest.fixture
def heard():
    """Every post_transition announced (what the notifications helper listens to)."""
    events = []

    def listen(sender, post, verb, actor, revision, data, **kwargs):
        events.append((verb, data))

    post_transition.connect(listen, weak=False)
    yield events
    post_transition.disconnect(listen)


def attempt_of(post) -> PublishAttempt:
    return PublishAttempt.objects.get(post=post)


def test_due_post_is_published_once_with_its_link_and_time(council, make_post, connect, network,
                                                           django_capture_on_commit_callbacks):
    connect("mastodon")
    post = scheduled_post(make_post, council, at=DUE)
    assert post.state == PostState.SCHEDULED
    assert run_schedule(django_capture_on_commit_callbacks, DUE - timedelta(minutes=1)) == 0
    assert network.received() == 0
    assert run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(seconds=20)) == 1
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(minutes=1))
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    assert post.published_url == f"https://social.example/@stroud/{network.posts[0]['id']}"
    assert post.published_at is not None
    assert network.received() == 1
    assert verbs(post)[-3:] == ["scheduled", "publishing", "published"]


@pytest.mark.parametrize("adapter", ["mastodon", "bluesky", "x", "linkedin", "facebook"])
def test_accepted_then_timed_out_is_retried_without_a_second_post(adapter, council, make_post, connect, network,
                                                                  django_capture_on_commit_callbacks):
    connect(adapter)
    post = scheduled_post(make_post, council, at=DUE)
    network.script.append("accept_then_hang")
    run_schedule(django_capture_on_commit_callbacks, DUE)
    attempt = attempt_of(post)
    assert attempt.state == AttemptState.UNKNOWN and attempt.may_exist
    assert network.received() == 1
    network.release.set()  # let the hung answer go; the client already gave up on it
    run_schedule(django_capture_on_commit_callbacks, attempt.next_try_at + timedelta(seconds=1))
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED and post.published_url
    assert network.received() == 1
    assert "not sent again" in AuditEvent.objects.get(post_id=post.pk, verb="published").data["note"]


def test_a_429_is_retried_no_sooner_than_retry_after(council, make_post, connect, network,
                                                     django_capture_on_commit_callbacks):
    connect("x")
    post = scheduled_post(make_post, council, at=DUE)
    network.script.append("429:600")
    run_schedule(django_capture_on_commit_callbacks, DUE)
    attempt = attempt_of(post)
    assert attempt.state == AttemptState.PENDING and not attempt.may_exist
    assert timedelta(seconds=590) <= attempt.next_try_at - DUE <= timedelta(seconds=615)
    posts_sent = len([r for r in network.requests if r["method"] == "POST"])
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(minutes=5))
    assert len([r for r in network.requests if r["method"] == "POST"]) == posts_sent, "retried before Retry-After"
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(minutes=11))
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    assert network.received() == 1


def test_server_errors_back_off_then_fail_tell_people_and_a_retry_publishes_once(
        council, make_post, connect, network, heard, django_capture_on_commit_callbacks):
    connect("mastodon")
    post = scheduled_post(make_post, council, at=DUE)
    network.script.extend(["500"] * MAX_TRIES)
    moment = DUE
    gaps = []
    for _ in range(MAX_TRIES):
        run_schedule(django_capture_on_commit_callbacks, moment)
        attempt = attempt_of(post)
        if attempt.next_try_at:
            gaps.append(attempt.next_try_at - moment)
            moment = attempt.next_try_at + timedelta(seconds=1)
    post.refresh_from_db()
    assert post.state == PostState.FAILED
    assert gaps == sorted(gaps) and gaps[0] >= timedelta(seconds=59), "retries back off"
    failed = [data for verb, data in heard if verb == "publish_failed"]
    assert failed and failed[-1]["final"] and set(failed[-1]["notify"]) == {"author", "owner"}
    assert network.received() == 0
    with time_machine.travel(moment + timedelta(minutes=5)), django_capture_on_commit_callbacks(execute=True):
        post_retry(post=post, by=council.alice)
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    assert network.received() == 1


def test_a_401_marks_the_account_needs_reconnecting_and_sends_nothing(council, make_post, connect, network, heard,
                                                                      django_capture_on_commit_callbacks):
    connection = connect("x")
    post = scheduled_post(make_post, council, at=DUE)
    network.script.append("401")
    run_schedule(django_capture_on_commit_callbacks, DUE)
    post.refresh_from_db()
    connection.refresh_from_db()
    assert post.state == PostState.FAILED
    assert connection.state == ConnectionState.NEEDS_RECONNECTING and "Reconnect" in connection.problem
    assert ("publish_failed", "needs_reconnecting") in [(v, d.get("reason")) for v, d in heard]
    assert AuditEvent.objects.filter(verb="account.needs_reconnecting", organisation=council.organisation).exists()
    assert network.received() == 0
    # A retry before reconnecting says so and still sends nothing.
    with time_machine.travel(DUE + timedelta(minutes=1)), django_capture_on_commit_callbacks(execute=True):
        post_retry(post=post, by=council.alice)
    post.refresh_from_db()
    assert post.state == PostState.FAILED and "reconnecting" in attempt_of(post).last_error
    assert network.received() == 0


def test_a_text_the_network_rejects_fails_with_its_reason_and_nothing_is_lost(council, make_post, connect, network,
                                                                             django_capture_on_commit_callbacks):
    connect("mastodon")
    post = scheduled_post(make_post, council, at=DUE)
    network.script.append("reject")
    run_schedule(django_capture_on_commit_callbacks, DUE)
    post.refresh_from_db()
    assert post.state == PostState.FAILED
    assert "refused the post: Text too long" in attempt_of(post).last_error
    assert post.current_revision.text and post.approved_revision_id == post.current_revision_id
    assert network.received() == 0


def test_an_account_with_no_credentials_fails_clearly_and_sends_nothing(council, make_post, network,
                                                                        django_capture_on_commit_callbacks):
    post = scheduled_post(make_post, council, at=DUE)
    run_schedule(django_capture_on_commit_callbacks, DUE)
    post.refresh_from_db()
    assert post.state == PostState.FAILED
    assert "not connected" in attempt_of(post).last_error
    assert network.received() == 0


def test_a_manual_account_asks_a_person_who_records_the_link(council, make_post, connect, network,
                                                            django_capture_on_commit_callbacks):
    connect("manual")
    post = scheduled_post(make_post, council, at=DUE)
    run_schedule(django_capture_on_commit_callbacks, DUE)
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHING and attempt_of(post).state == AttemptState.MANUAL
    assert "publish_by_hand" in verbs(post)
    post_mark_published(post=post, by=council.alice, url="https://x.com/StroudDC/status/1")
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED and post.published_url == "https://x.com/StroudDC/status/1"
    assert network.received() == 0


def test_scheduler_down_across_several_due_times_publishes_each_once_and_holds_the_stale(
        council, make_post, connect, network, django_capture_on_commit_callbacks):
    connect("mastodon")
    texts = [f"Library opening hours change on day {n}: see the website for details." for n in range(3)]
    fresh = [scheduled_post(make_post, council, at=DUE + timedelta(minutes=20 * n), text=t, now=T0)
             for n, t in enumerate(texts)]
    stale = scheduled_post(make_post, council, at=T0 + timedelta(minutes=5), now=T0)
    back = DUE + timedelta(minutes=70)  # the scheduler returns: stale is 3 h 5 min late, fresh at most 70 min
    run_schedule(django_capture_on_commit_callbacks, back)
    run_schedule(django_capture_on_commit_callbacks, back + timedelta(minutes=1))
    for post in fresh:
        post.refresh_from_db()
        assert post.state == PostState.PUBLISHED
    assert sorted(p["text"] for p in network.posts) == sorted(texts)
    stale.refresh_from_db()
    assert stale.state == PostState.HELD
    assert "past the policy's limit of 120 minutes" in AuditEvent.objects.get(post_id=stale.pk, verb="held").data["reason"]
    # A person decides to publish it after all: once.
    with time_machine.travel(back + timedelta(minutes=2)), django_capture_on_commit_callbacks(execute=True):
        post_retry(post=stale, by=council.carol)
    stale.refresh_from_db()
    assert stale.state == PostState.PUBLISHED
    assert network.received() == 4


def test_workers_down_past_the_lateness_limit_hold_the_post_instead_of_flooding(
        council, make_post, connect, network, monkeypatch, django_capture_on_commit_callbacks):
    connect("mastodon")
    post = scheduled_post(make_post, council, at=DUE)
    lost = []
    monkeypatch.setattr("posts.scheduling.enqueue", lambda func, *args, **kw: lost.append(args))
    run_schedule(django_capture_on_commit_callbacks, DUE)  # claimed; the job is lost with its worker
    assert lost and attempt_of(post).state == AttemptState.PENDING
    monkeypatch.undo()
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(hours=3))
    post.refresh_from_db()
    assert post.state == PostState.HELD
    assert network.received() == 0


def test_a_claim_and_a_job_run_twice_send_once(council, make_post, connect, network,
                                                django_capture_on_commit_callbacks):
    connect("x")
    post = scheduled_post(make_post, council, at=DUE)
    with time_machine.travel(DUE), django_capture_on_commit_callbacks(execute=True):
        assert post_claim(post.pk, now=DUE + timedelta(seconds=1)) is True
        assert post_claim(post.pk, now=DUE + timedelta(seconds=1)) is False
    attempt = attempt_of(post)
    with time_machine.travel(DUE + timedelta(minutes=1)):
        assert publish_attempt(attempt.pk) == "not claimed"
        assert publish_attempt(attempt.pk) == "not claimed"
    assert network.received() == 1


# --- Nothing unapproved, whatever the route ------------------------------------------------------


def test_a_draft_with_a_time_is_never_sent(council, make_post, connect, network, django_capture_on_commit_callbacks):
    from posts.scheduling import post_schedule

    connect("mastodon")
    with time_machine.travel(T0):
        post = make_post()
        post = post_schedule(post=post, by=council.alice, when=DUE)
    assert post.state == PostState.DRAFT and post.scheduled_for == DUE
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(minutes=1))
    post.refresh_from_db()
    assert post.state == PostState.DRAFT
    assert network.received() == 0


def test_a_job_enqueued_by_hand_for_an_unapproved_post_sends_nothing(council, make_post, connect, network):
    connect("mastodon")
    post = make_post()
    attempt = PublishAttempt.objects.create(post=post, revision=post.current_revision, account=post.account,
                                            due_at=post.created_at)
    assert publish_attempt(attempt.pk) == "not claimed"
    assert network.received() == 0


def test_an_attempt_for_a_revision_other_than_the_approved_one_is_refused(council, make_post, connect, network):
    from posts.models import Post

    connect("mastodon")
    post = approved_post(make_post, council)
    first = post.current_revision
    services.post_revise(post=post, text=post.current_revision.text + " Bring a friend.", by=council.alice,
                         expected_revision=1)
    post = services.post_submit(post=post, by=council.alice, expected_revision=2)
    assert post.approved_revision.number == 2
    Post.objects.filter(pk=post.pk).update(state=PostState.PUBLISHING)  # as if it were being published
    stale = PublishAttempt.objects.create(post=post, revision=first, account=post.account, due_at=post.created_at)
    assert publish_attempt(stale.pk) == "refused"
    stale.refresh_from_db()
    assert stale.state == AttemptState.FAILED and "other than the approved" in stale.last_error
    assert network.received() == 0


def test_editing_a_scheduled_post_stops_it_going_out(council, make_post, connect, network,
                                                     django_capture_on_commit_callbacks):
    connect("mastodon")
    post = scheduled_post(make_post, council, at=DUE)
    with time_machine.travel(T0 + timedelta(minutes=90)):
        services.post_revise(post=post, text=post.current_revision.text + " Now with cake.", by=council.alice,
                             expected_revision=1)
    post.refresh_from_db()
    assert post.state == PostState.DRAFT and post.approved_revision is None
    run_schedule(django_capture_on_commit_callbacks, DUE + timedelta(minutes=1))
    assert network.received() == 0


def test_a_post_approved_after_its_time_was_set_is_scheduled_and_published(council, make_post, connect, network,
                                                                         django_capture_on_commit_callbacks):
    from posts.scheduling import post_schedule

    connect("mastodon")
    with time_machine.travel(T0):
        post = make_post()
        post_schedule(post=post, by=council.alice, when=None)  # as soon as approved
        post = services.post_submit(post=post, by=council.alice, expected_revision=1)
    assert post.state == PostState.SCHEDULED
    assert verbs(post)[-2:] == ["auto_approved", "scheduled"]
    run_schedule(django_capture_on_commit_callbacks, T0 + timedelta(minutes=1))
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED and network.received() == 1
