"""Quiet flags on published posts: to the author first, escalated to the account's owner
when unanswered (author reminded beforehand), outcomes recorded in the trail."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from policies.models import AuditEvent
from reviews import flags as flag_services
from reviews.flags import flags_escalate
from reviews.models import Flag, Notification
from tests.texts import HARMLESS

NOTE = "I think the photo shows a client's face; could we check we have consent?"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def raise_flag(client, post, reason="identifies_client", note=NOTE):
    return client.post(reverse("flag_raise", args=[post.pk]), {"reason": reason, "note": note})


def test_a_member_flags_a_published_post_and_the_author_is_told_when_it_escalates(
        council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False):
        response = raise_flag(client_for(council.bob), post)
    flag = Flag.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("flag_detail", args=[flag.pk])
    assert (flag.reason, flag.note, flag.raised_by) == ("identifies_client", NOTE, council.bob)
    assert flag.due_at == START + timedelta(hours=24)
    told = Notification.objects.get(recipient=council.alice, kind="flag")
    assert "Carol Lead" in told.title and "3 Mar, 09:00" in told.title  # who it goes to, and by when
    assert AuditEvent.objects.filter(verb="flag_raised", post_id=post.pk, data={"reason": "identifies_client"}).exists()
    page = client_for(council.alice).get(reverse("flag_detail", args=[flag.pk])).content.decode()
    assert NOTE.replace("'", "&#x27;") in page and "Carol Lead" in page


def test_escalation_timing_with_a_frozen_clock(council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        flag = Flag.objects.get()
        clock.move_to(START + timedelta(hours=19, minutes=59))
        assert flags_escalate() == {"warned": 0, "escalated": 0}
        clock.move_to(START + timedelta(hours=20))
        assert flags_escalate() == {"warned": 1, "escalated": 0}
        reminder = Notification.objects.filter(recipient=council.alice, title__startswith="Reminder").get()
        assert "Carol Lead" in reminder.title
        assert flags_escalate() == {"warned": 0, "escalated": 0}  # safe to run twice
        clock.move_to(START + timedelta(hours=23, minutes=59))
        assert flags_escalate()["escalated"] == 0
        assert not Notification.objects.filter(recipient=council.carol).exists()
        clock.move_to(START + timedelta(hours=24))
        assert flags_escalate() == {"warned": 0, "escalated": 1}
        assert flags_escalate() == {"warned": 0, "escalated": 0}
    flag.refresh_from_db()
    assert flag.escalated_to == council.carol and flag.escalated_at == START + timedelta(hours=24)
    event = AuditEvent.objects.get(verb="flag_escalated")
    assert event.post_id == post.pk and event.data["to"] == "Carol Lead" and event.data["unanswered_hours"] == 24
    assert Notification.objects.filter(recipient=council.carol, kind="escalation").count() == 1
    assert Notification.objects.filter(recipient=council.alice, kind="escalation").count() == 1
    # The owner now sees the flag and can answer it.
    assert client_for(council.carol).get(reverse("flag_detail", args=[flag.pk])).status_code == 200


def test_an_acknowledged_flag_never_escalates(council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        flag = Flag.objects.get()
        clock.move_to(START + timedelta(hours=2))
        assert client_for(council.alice).post(reverse("flag_acknowledge", args=[flag.pk])).status_code == 302
        clock.move_to(START + timedelta(days=3))
        assert flags_escalate() == {"warned": 0, "escalated": 0}
    flag.refresh_from_db()
    assert flag.escalated_at is None and flag.acknowledged_by == council.alice
    assert AuditEvent.objects.filter(verb="flag_acknowledged").exists()
    assert Notification.objects.filter(recipient=council.bob, kind="flag").exists()


def test_acting_on_a_flag_stops_the_escalation(council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        flag = Flag.objects.get()
        client_for(council.alice).post(reverse("flag_outcome", args=[flag.pk]), {"outcome": "deleted"})
        clock.move_to(START + timedelta(days=2))
        assert flags_escalate() == {"warned": 0, "escalated": 0}
    assert AuditEvent.objects.get(verb="flag_deleted").data == {"outcome": "deleted", "reason": "", "escalated": False}


def test_a_scheduler_that_was_down_still_reminds_the_author_before_escalating(council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        clock.move_to(START + timedelta(hours=30))  # first run long after the window
        assert flags_escalate() == {"warned": 1, "escalated": 0}
        clock.move_to(START + timedelta(hours=33, minutes=59))
        assert flags_escalate()["escalated"] == 0
        clock.move_to(START + timedelta(hours=34))  # the full four hours' notice later
        assert flags_escalate()["escalated"] == 1


def test_the_window_comes_from_the_organisations_policy(council, published_post, client_for, monkeypatch):
    real = flag_services.active_policy_for

    def two_hours(organisation):
        version, policy = real(organisation)
        return version, dataclasses.replace(policy, flag_escalation_hours=2)

    monkeypatch.setattr(flag_services, "active_policy_for", two_hours)
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        flag = Flag.objects.get()
        assert flag.due_at == START + timedelta(hours=2)
        assert flag.warn_at == START + timedelta(hours=1, minutes=30)
        clock.move_to(START + timedelta(hours=1, minutes=30))
        assert flags_escalate()["warned"] == 1
        clock.move_to(START + timedelta(hours=2))
        assert flags_escalate()["escalated"] == 1


def test_when_the_author_owns_the_account_it_escalates_to_a_lead(council, published_post, client_for):
    post = published_post(author=council.carol)
    assert flag_services.escalation_target(post) == council.dave  # the only other lead or admin


def test_flagging_a_post_that_is_not_published_is_403_and_saves_nothing(council, make_post, client_for):
    post = make_post(HARMLESS)
    assert raise_flag(client_for(council.bob), post).status_code == 403
    assert client_for(council.bob).get(reverse("flag_raise", args=[post.pk])).status_code == 403
    assert not Flag.objects.exists()


def test_the_author_cannot_flag_their_own_post(council, published_post, client_for):
    post = published_post()
    assert raise_flag(client_for(council.alice), post).status_code == 403
    assert not Flag.objects.exists()


@pytest.mark.parametrize("data,error", [
    ({"reason": "identifies_client", "note": "  "}, "it is empty"),
    ({"reason": "gossip", "note": NOTE}, "Select a valid choice"),
    ({"note": NOTE}, "Choose why you are flagging it"),
])
def test_bad_flag_input_is_refused_with_a_message(council, published_post, client_for, data, error):
    post = published_post()
    response = client_for(council.bob).post(reverse("flag_raise", args=[post.pk]), data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Flag.objects.exists()


def test_one_open_flag_per_member_per_post(council, published_post, client_for):
    post = published_post()
    raise_flag(client_for(council.bob), post)
    response = raise_flag(client_for(council.bob), post, reason="tone")
    assert response.status_code == 400 and "already flagged" in response.content.decode()
    assert Flag.objects.count() == 1


def test_acknowledging_someone_elses_flag_is_403(council, published_post, client_for, erin):
    post = published_post()
    raise_flag(client_for(council.bob), post)
    flag = Flag.objects.get()
    for other in (council.bob, council.carol, council.dave, erin):  # the raiser too; the owner before escalation
        assert client_for(other).post(reverse("flag_acknowledge", args=[flag.pk])).status_code == 403
        assert client_for(other).post(reverse("flag_outcome", args=[flag.pk]), {"outcome": "deleted"}).status_code == 403
    flag.refresh_from_db()
    assert flag.acknowledged_at is None and flag.outcome == ""


def test_flag_pages_are_404_to_other_members_and_organisations(council, published_post, client_for, erin, mallory):
    post = published_post()
    raise_flag(client_for(council.bob), post)
    flag = Flag.objects.get()
    for outsider in (erin, council.carol, mallory):
        assert client_for(outsider).get(reverse("flag_detail", args=[flag.pk])).status_code == 404
    assert client_for(mallory).post(reverse("flag_acknowledge", args=[flag.pk])).status_code == 404
    assert NOTE not in client_for(erin).get(reverse("post_detail", args=[post.pk])).content.decode()


def test_keeping_a_post_needs_a_reason_which_goes_in_the_trail(council, published_post, client_for):
    post = published_post()
    raise_flag(client_for(council.bob), post, reason="tone")
    flag = Flag.objects.get()
    alice = client_for(council.alice)
    refused = alice.post(reverse("flag_outcome", args=[flag.pk]), {"outcome": "kept"})
    assert refused.status_code == 400 and "Say why the post stays up" in refused.content.decode()
    flag.refresh_from_db()
    assert flag.outcome == ""
    alice.post(reverse("flag_outcome", args=[flag.pk]), {"outcome": "kept", "reason": "It quotes our published report."})
    flag.refresh_from_db()
    assert flag.outcome == "kept" and flag.outcome_by == council.alice
    event = AuditEvent.objects.get(verb="flag_kept")
    assert event.data["reason"] == "It quotes our published report."
    assert alice.post(reverse("flag_acknowledge", args=[flag.pk])).status_code == 403  # closed now


def test_after_escalation_the_owner_records_the_outcome(council, published_post, client_for):
    post = published_post()
    with time_machine.travel(START, tick=False) as clock:
        raise_flag(client_for(council.bob), post)
        clock.move_to(START + timedelta(hours=20))
        flags_escalate()
        clock.move_to(START + timedelta(hours=24))
        flags_escalate()
    flag = Flag.objects.get()
    carol = client_for(council.carol)
    assert carol.get(reverse("inbox")).context["inbox_unread"] == 1
    carol.get(reverse("flag_detail", args=[flag.pk]))
    assert carol.get(reverse("inbox")).context["inbox_unread"] == 0
    assert carol.post(reverse("flag_outcome", args=[flag.pk]), {"outcome": "edited"}).status_code == 302
    event = AuditEvent.objects.get(verb="flag_edited")
    assert event.actor == council.carol and event.data["escalated"] is True


def test_the_flag_form_is_offered_only_on_published_posts_to_others(council, published_post, make_post, client_for):
    published, draft = published_post(), make_post(HARMLESS)
    link = reverse("flag_raise", args=[published.pk])
    assert link in client_for(council.bob).get(reverse("post_detail", args=[published.pk])).content.decode()
    assert link not in client_for(council.alice).get(reverse("post_detail", args=[published.pk])).content.decode()
    assert reverse("flag_raise", args=[draft.pk]) not in client_for(council.bob).get(
        reverse("post_detail", args=[draft.pk])).content.decode()
