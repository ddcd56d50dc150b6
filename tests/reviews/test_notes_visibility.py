"""A private note is read by exactly two people: its sender and the post's author.

For every member role in the organisation, a member of another organisation and an
anonymous visitor, on every page and endpoint that could show a note.
"""

from __future__ import annotations

import json

import pytest
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from policies.models import AuditEvent
from posts import services as post_services
from reviews.models import Note, NoteThread, Notification
from tests.texts import MEDIUM

SECRET = "Psst: the bit.ly link hides where it goes; SECRET-7731"
REPLY = "Thanks, I will swap it for the full address; REPLY-5520"
QUOTE = "bit.ly/stroud-park"


@pytest.fixture
def note_world(council, make_post, client_for, erin, frank, mallory, django_capture_on_commit_callbacks):
    """Bob (reviewer) sends Alice (author) a note quoting her post in review; she replies."""
    post = make_post(MEDIUM)
    with django_capture_on_commit_callbacks(execute=True):
        post_services.post_submit(post=post, by=council.alice, expected_revision=1)
        client_for(council.bob).post(reverse("note_send", args=[post.pk]), {"body": SECRET, "quote": QUOTE})
    thread = NoteThread.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(council.alice).post(reverse("note_reply", args=[thread.pk]), {"body": REPLY})
    people = {"alice (author, recipient)": council.alice, "bob (reviewer, sender)": council.bob,
              "carol (lead, account owner)": council.carol, "dave (admin)": council.dave,
              "erin (another reviewer)": erin, "frank (another author)": frank, "mallory (other organisation)": mallory,
              "anonymous": None}
    return post, thread, people


def _pages(post, thread):
    today = timezone.localdate()
    export = reverse("audit_export") + f"?start={today.replace(day=1)}&end={today}&format="
    return [
        reverse("post_detail", args=[post.pk]),
        reverse("note_thread", args=[thread.pk]),
        reverse("note_send", args=[post.pk]),
        reverse("post_edit", args=[post.pk]),
        reverse("inbox"),
        reverse("inbox_sent"),
        reverse("notification_list"),
        reverse("review_queue"),
        reverse("post_list"),
        reverse("dashboard"),
        export + "json",
        export + "csv",
    ]


def _content(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _client(client_for, user):
    return client_for(user) if user is not None else Client()


def test_only_sender_and_author_ever_see_the_note_on_any_page(note_world, client_for, council):
    post, thread, people = note_world
    insiders = {council.alice.pk, council.bob.pk}
    for who, user in people.items():
        client = _client(client_for, user)
        for url in _pages(post, thread):
            content = _content(client.get(url))
            for secret in (SECRET, REPLY):
                if user is not None and user.pk in insiders and url == reverse("note_thread", args=[thread.pk]):
                    assert secret in content, f"{who} should read the thread at {url}"
                else:
                    assert secret not in content, f"{who} saw the note at {url}"


def test_the_thread_is_404_to_every_member_but_the_two_and_sign_in_for_visitors(note_world, client_for, council):
    post, thread, people = note_world
    url = reverse("note_thread", args=[thread.pk])
    for who, user in people.items():
        response = _client(client_for, user).get(url)
        if user in (council.alice, council.bob):
            assert response.status_code == 200, who
        elif user is None:
            assert response.status_code == 302 and "/signin/" in response["Location"], who
        else:
            assert response.status_code == 404, who


def test_the_post_page_tells_no_one_else_that_a_thread_exists(note_world, client_for, council):
    post, thread, people = note_world
    link = reverse("note_thread", args=[thread.pk])
    for who, user in people.items():
        if user is None:
            continue
        content = _content(client_for(user).get(reverse("post_detail", args=[post.pk])))
        assert (link in content) == (user in (council.alice, council.bob)), who


def test_nav_counts_and_notifications_are_only_the_recipients(note_world, client_for, council):
    post, thread, people = note_world
    expected_unread = {council.alice: 0, council.bob: 1}  # Alice replied (so read it); Bob has not read her reply
    for who, user in people.items():
        if user is None or who.startswith("mallory"):
            continue
        response = client_for(user).get(reverse("dashboard"))
        assert response.context["inbox_unread"] == expected_unread.get(user, 0), who
    recipients = set(Notification.objects.filter(kind="note").values_list("recipient", flat=True))
    assert recipients == {council.alice.pk, council.bob.pk}
    for n in Notification.objects.all():
        assert SECRET not in n.title and REPLY not in n.title


def test_emails_say_there_is_a_note_and_link_to_it_but_never_carry_its_text(note_world, council):
    post, thread, _ = note_world
    note_mails = [m for m in mail.outbox if "private note" in m.subject]
    assert {m.to[0] for m in note_mails} == {council.alice.email, council.bob.email}
    link = reverse("note_thread", args=[thread.pk])
    for message in mail.outbox:
        html = message.alternatives[0][0]
        for secret in (SECRET, REPLY, QUOTE):
            assert secret not in message.body and secret not in html and secret not in message.subject
    assert all(link in m.body and link in m.alternatives[0][0] for m in note_mails)


def test_the_audit_trail_records_that_a_note_exists_and_nothing_of_it(note_world, client_for, council):
    post, thread, _ = note_world
    events = AuditEvent.objects.filter(verb__startswith="note_")
    assert {e.verb for e in events} == {"note_sent", "note_replied"}
    for event in events:
        assert SECRET not in json.dumps(event.data) and QUOTE not in json.dumps(event.data)
    today = timezone.localdate()
    rows = client_for(council.carol).get(reverse("audit_export") + f"?start={today}&end={today}&format=json").json()
    note_rows = [r for r in rows if r["event"].startswith("note_")]
    assert len(note_rows) == 2
    assert all(r["text"] == "" and r["details"] == {} for r in note_rows)


def test_the_django_admin_has_no_list_of_notes(note_world, db):
    assert not admin.site.is_registered(Note)
    assert not admin.site.is_registered(NoteThread)
    from policies.models import User

    root = User.objects.create_superuser(email="root@example.org", password="pw-root-12345", name="Root")
    client = Client()
    client.force_login(root)
    index = client.get("/django-admin/").content.decode()
    assert "Note" not in index
    assert client.get("/django-admin/reviews/note/").status_code == 404
    audit_list = client.get("/django-admin/policies/auditevent/").content.decode()
    assert SECRET not in audit_list


def test_post_history_does_not_tell_colleagues_who_sent_a_note(council, make_post, client_for):
    from policies.models import Membership
    from reviews import notes

    post = make_post()
    sender = Membership.objects.get(user=council.bob)
    notes.note_send(post=post, sender=sender, body="Could the time be dropped?", quote="")
    for viewer, sees in [(council.alice, True), (council.bob, True), (council.carol, False), (council.dave, False)]:
        history = client_for(viewer).get(f"/posts/{post.pk}/").context["history"]
        assert any(e.verb == "note_sent" for e in history) is sees, viewer
