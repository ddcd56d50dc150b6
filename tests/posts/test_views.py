"""Author pages: compose, live check, edit/autosave, submit, withdraw."""

import pytest
from django.urls import reverse

from policies.models import Membership
from posts import services
from posts.models import Post, PostState
from tests.factories import SocialAccountFactory
from tests.texts import BLOCKED, HARMLESS, HIGH, MEDIUM


def test_compose_offers_only_accounts_the_author_may_post_on_with_their_purpose(council, client_for):
    SocialAccountFactory(owner=Membership.objects.get(user=council.carol), handle="@StroudMayor")
    body = client_for(council.alice).get(reverse("compose")).content.decode()
    assert "@StroudDC" in body and "Service news for residents." in body
    assert "@StroudMayor" not in body


def test_compose_and_submit_a_harmless_post_is_approved_at_once(council, client_for):
    response = client_for(council.alice).post(reverse("compose"), {
        "accounts": [council.account.pk], "text": HARMLESS, "then": "submit"}, follow=True)
    post = Post.objects.get()
    assert post.state == PostState.APPROVED
    assert "approved by policy version 1" in response.content.decode()


def test_compose_bad_input_keeps_what_was_typed(council, client_for):
    response = client_for(council.alice).post(reverse("compose"), {"text": "Draft about our repair café"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose at least one account" in body and "Draft about our repair café" in body
    assert not Post.objects.exists()
    response = client_for(council.alice).post(reverse("compose"), {"accounts": [council.account.pk], "text": "  "})
    assert response.status_code == 400 and "empty" in response.content.decode()


def test_compose_refuses_an_account_of_another_organisation(council, mallory_org, client_for):
    _, _, theirs = mallory_org
    response = client_for(council.alice).post(reverse("compose"), {"accounts": [theirs.pk], "text": HARMLESS})
    assert response.status_code == 400 and not Post.objects.exists()


def test_live_check_shows_tier_findings_count_and_preview(council, client_for):
    response = client_for(council.alice).post(reverse("live_check"), {"accounts": [council.account.pk], "text": HIGH},
                                              HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'tier tier-high' in body and "<mark" in body
    assert "/ 280 characters" in body
    assert not Post.objects.exists()


def test_live_check_says_which_policy_rule_raised_the_tier(council, client_for):
    text = ("Hi Morag! Yes, we're open late on Tuesdays now. Your usual Thursday 5pm appointment with Ewan is "
            "still there whenever you're ready to come back")
    response = client_for(council.alice).post(reverse("live_check"), {"accounts": [council.account.pk], "text": text},
                                              HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'tier tier-block' in body
    assert 'id="finding-escalation-0"' in body and '<strong class="sev-block">Block</strong>' in body


def test_the_post_page_says_which_policy_rule_raised_the_tier(council, client_for):
    text = ("Hi Morag! Yes, we're open late on Tuesdays now. Your usual Thursday 5pm appointment with Ewan is "
            "still there whenever you're ready to come back")
    post = services.post_create(author=Membership.objects.get(user=council.alice), accounts=[council.account],
                                text=text)[0]
    body = client_for(council.alice).get(reverse("post_detail", args=[post.pk])).content.decode()
    assert '<strong class="sev-block">Block</strong>' in body


def test_live_check_skips_account_ids_that_are_not_numbers(council, client_for):
    response = client_for(council.alice).post(
        reverse("live_check"), {"accounts": ["\u00b9", "9" * 40, str(council.account.pk)], "text": HIGH},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="tier"') == 1


def test_live_check_escapes_what_was_typed(council, client_for):
    response = client_for(council.alice).post(reverse("live_check"), {
        "accounts": [council.account.pk], "text": '<script>alert("x")</script> Mrs Patel'})
    body = response.content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body


def test_live_check_ignores_accounts_the_author_may_not_use(council, mallory_org, client_for):
    _, _, theirs = mallory_org
    response = client_for(council.alice).post(reverse("live_check"), {"accounts": [theirs.pk], "text": HARMLESS})
    assert theirs.handle not in response.content.decode()


def test_live_check_is_post_only_and_says_signed_out_to_htmx(council, client_for, client):
    assert client_for(council.alice).get(reverse("live_check")).status_code == 405
    response = client.post(reverse("live_check"), {"text": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401


def test_autosave_keeps_text_without_a_revision_and_returns_feedback(council, make_post, client_for):
    post = make_post()
    response = client_for(council.alice).post(reverse("post_autosave", args=[post.pk]), {"text": MEDIUM},
                                              HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "tier-medium" in response.content.decode()
    post.refresh_from_db()
    assert post.working_text == MEDIUM and post.revisions.count() == 1
    page = client_for(council.alice).get(reverse("post_edit", args=[post.pk])).content.decode()
    assert "bit.ly/stroud-park" in page, "the autosaved text comes back in the editor"


def test_only_the_author_edits_or_autosaves(council, make_post, client_for):
    post = make_post()
    bob = client_for(council.bob)
    assert bob.get(reverse("post_edit", args=[post.pk])).status_code == 403
    assert bob.post(reverse("post_autosave", args=[post.pk]), {"text": "hijack"}).status_code == 403
    post.refresh_from_db()
    assert post.working_text == ""


def test_other_organisations_posts_are_404_everywhere(council, mallory_org, make_post, client_for):
    organisation, mallory, _ = mallory_org
    post = make_post()
    client = client_for(mallory)
    for name in ("post_edit", "post_detail"):
        assert client.get(reverse(name, args=[post.pk])).status_code == 404
    for name in ("post_autosave", "post_submit", "post_withdraw", "post_approve", "post_request_changes"):
        assert client.post(reverse(name, args=[post.pk]), {"text": "x", "revision": 1, "message": "x"}).status_code == 404


def test_edit_saves_a_revision_and_stale_edit_is_refused(council, make_post, client_for):
    post = make_post()
    client = client_for(council.alice)
    response = client.post(reverse("post_edit", args=[post.pk]), {"text": HARMLESS + " Bring a friend.", "revision": 1, "then": "save"})
    assert response.status_code == 302
    assert post.revisions.count() == 2
    stale = client.post(reverse("post_edit", args=[post.pk]), {"text": "Another change", "revision": 1, "then": "save"})
    assert stale.status_code == 400 and "changed since you opened it" in stale.content.decode()
    assert "Another change" in stale.content.decode(), "what was typed is kept"
    assert post.revisions.count() == 2


def test_submit_from_edit_refuses_a_blocked_post_and_keeps_the_text(council, make_post, client_for):
    post = make_post()
    response = client_for(council.alice).post(reverse("post_edit", args=[post.pk]),
                                              {"text": BLOCKED, "revision": 1, "then": "submit"})
    assert response.status_code == 400
    assert "cannot be submitted" in response.content.decode() and "Lansdown Road" in response.content.decode()
    post.refresh_from_db()
    assert post.state == PostState.DRAFT


def test_submit_and_withdraw_views(council, make_post, client_for):
    post = make_post(MEDIUM)
    client = client_for(council.alice)
    assert client.get(reverse("post_submit", args=[post.pk])).status_code == 405
    client.post(reverse("post_submit", args=[post.pk]), {"revision": 1})
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW
    assert client_for(council.bob).post(reverse("post_withdraw", args=[post.pk])).status_code == 403
    client.post(reverse("post_withdraw", args=[post.pk]))
    post.refresh_from_db()
    assert post.state == PostState.DRAFT


def test_my_posts_lists_only_mine(council, make_post, client_for):
    mine = make_post()
    theirs = make_post(author=council.bob)
    page = client_for(council.alice).get(reverse("post_list"))
    assert list(page.context["page"].object_list) == [mine]
    assert theirs not in page.context["page"].object_list


@pytest.mark.parametrize("count", [1, 12])
def test_edit_page_queries_do_not_grow_with_revisions(council, make_post, client_for, django_assert_max_num_queries, count):
    post = make_post()
    for n in range(count):
        services.post_revise(post=post, text=f"{HARMLESS} ({n})", by=council.alice, expected_revision=None)
    client = client_for(council.alice)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("post_edit", args=[post.pk])).status_code == 200
