"""Notifications: who hears about what, in the app and by email (immediately, in the
daily digest, or not at all), and that emails never carry a note's text."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from config.schedules import SCHEDULES
from posts import services as post_services
from posts.services import post_audit
from reviews import services as review_services
from reviews.models import Delivery, Notification, NotificationPreference
from reviews.notifications import digest_send, digests_send, notification_email_send
from tests.texts import HARMLESS, MEDIUM


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what would run after commit (emails are queued with transaction.on_commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def prefer(user, council, kind, delivery):
    NotificationPreference.objects.update_or_create(user=user, organisation=council.organisation, kind=kind,
                                                    defaults={"delivery": delivery})


def test_a_submitted_post_tells_every_reviewer_but_its_author_and_emails_them(council, make_post, commit):
    post = make_post(MEDIUM)
    with commit():
        post_services.post_submit(post=post, by=council.alice, expected_revision=1)
    told = set(Notification.objects.filter(kind="review_waiting").values_list("recipient__email", flat=True))
    assert told == {"bob@council.example", "carol@council.example", "dave@council.example"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(told)
    message = mail.outbox[0]
    assert "waiting for review" in message.subject
    assert f"/posts/{post.pk}/" in message.body
    assert message.alternatives[0][1] == "text/html" and f"/posts/{post.pk}/" in message.alternatives[0][0]


def test_a_low_post_approved_by_policy_tells_nobody(council, make_post, commit):
    post = make_post(HARMLESS)
    with commit():
        post_services.post_submit(post=post, by=council.alice, expected_revision=1)
    assert not Notification.objects.filter(kind="review_waiting").exists()
    # The author sees the approval on screen the moment they submit.
    assert not Notification.objects.filter(kind="approved").exists()


def test_decisions_tell_the_author_and_never_the_one_who_acted(council, make_post, member):
    post = make_post(MEDIUM)
    post_services.post_submit(post=post, by=council.alice, expected_revision=1)
    review_services.decision_request_changes(post=post, revision_number=1, by=member(council.bob),
                                             message="Please use the full link.")
    assert Notification.objects.get(kind="changes_requested").recipient == council.alice
    post_services.post_revise(post=post, text=MEDIUM + " Thanks!", by=council.alice, expected_revision=1)
    post_services.post_submit(post=post, by=council.alice, expected_revision=2)
    review_services.decision_approve(post=post, revision_number=2, by=member(council.bob))
    assert Notification.objects.get(kind="approved").recipient == council.alice
    assert not Notification.objects.filter(recipient=council.bob).exclude(kind="review_waiting").exists()


@pytest.mark.parametrize("verb,kind,recipients", [
    ("published", "published", {"alice"}),
    ("publish_failed", "publish_failed", {"alice", "carol"}),
    ("held", "publish_failed", {"alice", "carol"}),
])
def test_publishing_outcomes_tell_the_author_and_failures_the_owner_too(council, make_post, verb, kind, recipients):
    post = make_post(HARMLESS)
    post_audit(post, None, verb)  # as the publishing branch will announce it
    told = {n.recipient.email.split("@")[0] for n in Notification.objects.filter(kind=kind)}
    assert told == recipients


def test_off_means_not_at_all(council, make_post, commit):
    prefer(council.bob, council, "review_waiting", Delivery.OFF)
    with commit():
        post_services.post_submit(post=make_post(MEDIUM), by=council.alice, expected_revision=1)
    assert not Notification.objects.filter(recipient=council.bob).exists()
    assert "bob@council.example" not in {m.to[0] for m in mail.outbox}


def test_digest_items_wait_for_the_daily_digest_which_lists_what_is_unread(council, make_post, client_for, commit):
    for kind in ("review_waiting", "note"):
        prefer(council.bob, council, kind, Delivery.DIGEST)
    first, second = make_post(MEDIUM), make_post(MEDIUM)
    with commit():
        post_services.post_submit(post=first, by=council.alice, expected_revision=1)
        post_services.post_submit(post=second, by=council.alice, expected_revision=1)
    assert "bob@council.example" not in {m.to[0] for m in mail.outbox}
    thread_note = "Secret wording SECRET-99"
    client_for(council.carol).post(reverse("note_send", args=[make_post(HARMLESS, author=council.bob).pk]),
                                   {"body": thread_note})
    read = Notification.objects.filter(recipient=council.bob, post=second).get()
    client_for(council.bob).post(reverse("notification_open", args=[read.pk]))
    mail.outbox.clear()
    with commit():
        assert digests_send() >= 1
    digest = [m for m in mail.outbox if m.to == ["bob@council.example"]]
    assert len(digest) == 1
    body, html = digest[0].body, digest[0].alternatives[0][0]
    assert "daily digest (2 new)" in digest[0].subject
    assert f"/posts/{first.pk}/" in body and f"/posts/{second.pk}/" not in body  # read in the app: left out
    assert "Carol Lead sent you a private note" in body and "/inbox/notes/" in body
    assert "A post is waiting for my review" in body and "A private note or a reply" in body
    assert thread_note not in body and thread_note not in html
    assert f"/posts/{first.pk}/" in html
    mail.outbox.clear()
    with commit():
        digests_send()
    assert not [m for m in mail.outbox if m.to == ["bob@council.example"]]  # nothing twice


def test_the_digest_job_is_safe_to_run_twice(council, make_post, commit):
    prefer(council.bob, council, "review_waiting", Delivery.DIGEST)
    post_services.post_submit(post=make_post(MEDIUM), by=council.alice, expected_revision=1)
    with commit():
        assert digest_send(council.bob.pk, council.organisation.pk) == 1
        assert digest_send(council.bob.pk, council.organisation.pk) == 0
    assert len([m for m in mail.outbox if m.to == ["bob@council.example"]]) == 1


def test_the_email_job_is_safe_to_run_twice(council, make_post):
    post_services.post_submit(post=make_post(MEDIUM), by=council.alice, expected_revision=1)
    notification = Notification.objects.filter(recipient=council.bob).get()
    assert notification_email_send(notification.pk) is True
    assert notification_email_send(notification.pk) is False
    assert len(mail.outbox) == 1


def test_digest_and_escalation_are_scheduled():
    funcs = {s.func: s.minutes for s in SCHEDULES}
    assert funcs["reviews.notifications.digests_send"] == 24 * 60
    assert funcs["reviews.flags.flags_escalate"] <= 60


def test_the_list_shows_unread_and_opening_marks_read(council, make_post, client_for):
    post_services.post_submit(post=make_post(MEDIUM), by=council.alice, expected_revision=1)
    bob = client_for(council.bob)
    page = bob.get(reverse("notification_list"))
    assert page.context["notifications_unread"] == 1
    assert "waiting for review" in page.content.decode()
    notification = Notification.objects.get(recipient=council.bob)
    assert bob.get(reverse("notification_open", args=[notification.pk])).status_code == 405
    opened = bob.post(reverse("notification_open", args=[notification.pk]))
    assert opened.status_code == 302 and opened["Location"] == notification.url
    assert bob.get(reverse("notification_list") + "?show=unread").context["notifications_unread"] == 0


def test_notifications_are_the_recipients_own(council, make_post, client_for, mallory):
    post_services.post_submit(post=make_post(MEDIUM), by=council.alice, expected_revision=1)
    notification = Notification.objects.get(recipient=council.bob)
    for other in (council.alice, mallory):
        assert client_for(other).post(reverse("notification_open", args=[notification.pk])).status_code == 404
        assert notification.title not in client_for(other).get(reverse("notification_list")).content.decode()
    client_for(council.alice).post(reverse("notifications_read_all"))
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_member_chooses_per_kind(council, client_for):
    bob = client_for(council.bob)
    page = bob.get(reverse("notification_settings"))
    assert page.status_code == 200
    data = {kind: "immediately" for kind in page.context["form"].fields}
    data.update(review_waiting="digest", published="off")
    assert bob.post(reverse("notification_settings"), data).status_code == 302
    saved = dict(NotificationPreference.objects.filter(user=council.bob).values_list("kind", "delivery"))
    assert saved["review_waiting"] == "digest" and saved["published"] == "off" and saved["note"] == "immediately"
    bad = bob.post(reverse("notification_settings"), {**data, "note": "hourly"})
    assert bad.status_code == 400
    assert NotificationPreference.objects.get(user=council.bob, kind="note").delivery == "immediately"

