"""Private notes: sending with a quote, the thread, kindness, and bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from policies.models import AuditEvent
from posts import services as post_services
from reviews.forms import wording_token
from reviews.models import Note, NoteThread, ThreadStatus
from tests.texts import HARMLESS, MEDIUM

KIND = "Lovely post! Could we say which entrance of the library to use?"


def send(client, post, body=KIND, quote="", **extra):
    return client.post(reverse("note_send", args=[post.pk]), {"body": body, "quote": quote, **extra})


def test_reviewer_sends_a_note_quoting_exact_words_and_the_author_is_told(council, make_post, client_for):
    post = make_post(HARMLESS)
    response = send(client_for(council.bob), post, quote="Stroud library")
    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.quote, note.quote_start, note.quote_end) == ("Stroud library", HARMLESS.index("Stroud library"),
                                                              HARMLESS.index("Stroud library") + 14)
    assert note.thread.author == council.alice and note.thread.colleague == council.bob
    assert note.thread.unread_for_author
    page = client_for(council.alice).get(reverse("note_thread", args=[note.thread.pk]))
    assert '<mark class="quote">Stroud library</mark>' in page.content.decode()
    assert KIND in page.content.decode()


def test_quote_start_picks_the_right_occurrence_of_a_repeated_phrase(council, make_post, client_for):
    text = "Free entry on Saturday. Free parking too."
    post = make_post(text)
    send(client_for(council.bob), post, quote="Free", quote_start=text.index("Free parking"))
    assert Note.objects.get().quote_start == text.index("Free parking")


def test_a_second_note_on_the_same_post_continues_the_same_thread(council, make_post, client_for):
    post = make_post(HARMLESS)
    client = client_for(council.bob)
    send(client, post)
    send(client, post, body="And maybe add the time it ends?")
    assert NoteThread.objects.count() == 1
    assert Note.objects.count() == 2


@pytest.mark.parametrize("body,quote,message", [
    ("   ", "", "it is empty"),
    (KIND, "Gloucester library", "not in the post"),
])
def test_bad_note_is_refused_with_a_message_and_nothing_saved(council, make_post, client_for, body, quote, message):
    post = make_post(HARMLESS)
    response = send(client_for(council.bob), post, body=body, quote=quote)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Note.objects.exists() and not NoteThread.objects.exists()
    assert not AuditEvent.objects.filter(verb="note_sent").exists()


def test_a_note_to_oneself_is_refused_and_nothing_saved(council, make_post, client_for):
    post = make_post(HARMLESS)
    response = send(client_for(council.alice), post)
    assert response.status_code == 400
    assert "your own post" in response.content.decode()
    assert not Note.objects.exists()


def test_the_note_page_shows_a_form_on_get_and_refuses_other_methods(council, make_post, client_for):
    post = make_post(HARMLESS)
    assert client_for(council.bob).get(reverse("note_send", args=[post.pk])).status_code == 200
    assert client_for(council.bob).put(reverse("note_send", args=[post.pk])).status_code == 405
    assert client_for(council.bob).delete(reverse("flag_raise", args=[post.pk])).status_code == 405
    assert not Note.objects.exists()


def test_note_on_another_organisations_post_is_404(council, make_post, client_for, mallory):
    post = make_post(HARMLESS)
    assert send(client_for(mallory), post).status_code == 404
    assert not Note.objects.exists()


def test_a_harsh_note_gets_a_gentle_suggestion_and_can_still_be_sent(council, make_post, client_for, stand_in_tone):
    post = make_post(HARMLESS)
    client = client_for(council.bob)
    harsh = "This is rubbish, who wrote this?"
    first = send(client, post, body=harsh)
    assert first.status_code == 200
    assert "Before you send it" in first.content.decode()
    assert "Send it as it is" in first.content.decode()
    assert not Note.objects.exists()
    # Changing one word means the new wording is checked again, not waved through.
    reworded = send(client, post, body="This is rubbish, who wrote it?", as_it_is=wording_token(harsh))
    assert "Before you send it" in reworded.content.decode() and not Note.objects.exists()
    sent = send(client, post, body=harsh, as_it_is=wording_token(harsh))
    assert sent.status_code == 302
    assert Note.objects.get().tone_warned


def test_a_kind_note_goes_straight_through_the_tone_check(council, make_post, client_for, stand_in_tone):
    post = make_post(HARMLESS)
    assert send(client_for(council.bob), post).status_code == 302
    assert not Note.objects.get().tone_warned


def test_notes_on_a_post_in_review_do_not_change_its_tier_or_block_it(council, make_post, client_for, stand_in_tone):
    post = make_post(MEDIUM)
    post_services.post_submit(post=post, by=council.alice, expected_revision=1)
    post.refresh_from_db()
    before = (post.state, post.current_revision_id, post.current_revision.tier, post.current_revision.required_approvals)
    send(client_for(council.carol), post, body="Useless link, sorry!", as_it_is=wording_token("Useless link, sorry!"))
    assert Note.objects.count() == 1
    post.refresh_from_db()
    assert (post.state, post.current_revision_id, post.current_revision.tier,
            post.current_revision.required_approvals) == before
    assert client_for(council.bob).post(reverse("post_approve", args=[post.pk]), {"revision": 1}).status_code == 302
    post.refresh_from_db()
    assert post.state == "approved"


def _thread(council, make_post, client_for):
    post = make_post(HARMLESS)
    send(client_for(council.bob), post, quote="free entry")
    return NoteThread.objects.get()


def test_reply_acknowledge_and_resolve(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    alice, bob = client_for(council.alice), client_for(council.bob)
    assert alice.post(reverse("note_reply", args=[thread.pk]), {"body": "Good idea, will do."}).status_code == 302
    thread.refresh_from_db()
    assert thread.unread_for_colleague
    bob.get(reverse("note_thread", args=[thread.pk]))
    thread.refresh_from_db()
    assert not thread.unread_for_colleague
    assert alice.post(reverse("note_acknowledge", args=[thread.pk])).status_code == 302
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.ACKNOWLEDGED and thread.acknowledged_at
    assert thread.notes.last().body == "Thanks — fixed."
    assert AuditEvent.objects.filter(verb="note_acknowledged", post_id=thread.post_id).exists()
    assert bob.post(reverse("note_reply", args=[thread.pk]), {"body": "Thank you!"}).status_code == 302
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.OPEN  # a reply reopens it
    assert alice.post(reverse("note_resolve", args=[thread.pk])).status_code == 302
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.RESOLVED


def test_only_the_author_acknowledges_or_resolves(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    bob = client_for(council.bob)
    assert bob.post(reverse("note_acknowledge", args=[thread.pk])).status_code == 403
    assert bob.post(reverse("note_resolve", args=[thread.pk])).status_code == 403
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.OPEN


def test_replying_in_a_thread_one_is_not_part_of_is_404_and_saves_nothing(council, make_post, client_for, erin, mallory):
    thread = _thread(council, make_post, client_for)
    for outsider in (council.carol, council.dave, erin, mallory):
        client = client_for(outsider)
        assert client.post(reverse("note_reply", args=[thread.pk]), {"body": "Me too"}).status_code == 404
        assert client.post(reverse("note_acknowledge", args=[thread.pk])).status_code == 404
        assert client.post(reverse("note_resolve", args=[thread.pk])).status_code == 404
    assert thread.notes.count() == 1
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.OPEN


def test_empty_reply_is_refused(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    response = client_for(council.alice).post(reverse("note_reply", args=[thread.pk]), {"body": " "})
    assert response.status_code == 400
    assert thread.notes.count() == 1


def test_thread_changes_need_post(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    alice = client_for(council.alice)
    for name in ("note_reply", "note_acknowledge", "note_resolve"):
        assert alice.get(reverse(name, args=[thread.pk])).status_code == 405


def test_state_changes_need_the_csrf_token(council, make_post):
    from django.test import Client

    post = make_post(HARMLESS)
    client = Client(enforce_csrf_checks=True)
    client.force_login(council.bob)
    assert send(client, post).status_code == 403
    assert not Note.objects.exists()


def test_from_a_note_the_author_goes_straight_to_edit_the_post(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    page = client_for(council.alice).get(reverse("note_thread", args=[thread.pk])).content.decode()
    assert f'href="{reverse("post_edit", args=[thread.post_id])}"' in page
    bob_page = client_for(council.bob).get(reverse("note_thread", args=[thread.pk])).content.decode()
    assert reverse("post_edit", args=[thread.post_id]) not in bob_page


def test_quote_no_longer_in_an_edited_post_is_still_shown_with_the_note(council, make_post, client_for):
    thread = _thread(council, make_post, client_for)
    post_services.post_revise(post=thread.post, text="Repair café on Saturday at the library.", by=council.alice,
                              expected_revision=1)
    page = client_for(council.alice).get(reverse("note_thread", args=[thread.pk])).content.decode()
    assert "no longer in the post" in page
    assert '<mark class="quote">free entry</mark>' in page


def test_inbox_groups_threads_and_counts_unread_in_the_nav(council, make_post, client_for, erin):
    first, second = make_post(HARMLESS), make_post(MEDIUM)
    send(client_for(council.bob), first)
    send(client_for(erin), first)
    send(client_for(council.bob), second)
    alice = client_for(council.alice)
    inbox = alice.get(reverse("inbox"))
    assert inbox.context["inbox_unread"] == 3
    assert len(inbox.context["threads"].object_list) == 3
    assert '<span class="count" aria-label="3 unread">3</span>' in inbox.content.decode()
    alice.get(reverse("note_thread", args=[NoteThread.objects.get(post=first, colleague=erin).pk]))
    assert alice.get(reverse("inbox")).context["inbox_unread"] == 2
    sent = client_for(council.bob).get(reverse("inbox_sent"))
    assert {t.post_id for t in sent.context["threads"]} == {first.pk, second.pk}
    assert list(client_for(council.bob).get(reverse("inbox")).context["threads"].object_list) == []


def test_the_real_tone_check_questions_name_calling_in_a_note(council, make_post, client_for):
    pytest.importorskip("policies.checks.tone")
    post = make_post(HARMLESS)
    response = send(client_for(council.bob), post, body="Are you an idiot? This identifies the client.")
    assert "Before you send it" in response.content.decode()
    assert '<mark class="finding sev-medium"' in response.content.decode()  # the words it is about
    assert not Note.objects.exists()
