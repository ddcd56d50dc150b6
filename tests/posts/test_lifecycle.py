"""The whole life of a low, a medium, a high and a blocked post, and the rules around it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from policies.models import AuditEvent, Membership
from policies.services import DomainError
from posts import services
from posts.models import Post, PostState, Revision
from reviews import services as review_services
from reviews.models import Decision
from tests.texts import BLOCKED, HARMLESS, HIGH, MEDIUM


def member(council, user):
    return Membership.objects.get(user=user, organisation=council.organisation)


def verbs(post):
    return list(AuditEvent.objects.filter(post_id=post.pk).values_list("verb", flat=True))


def test_low_post_is_approved_by_the_policy_on_submit(council, make_post):
    post = make_post(HARMLESS)
    assert post.current_revision.tier == "low"
    post = services.post_submit(post=post, by=council.alice, expected_revision=1)
    assert post.state == PostState.APPROVED and post.approved_by_policy
    assert post.approved_revision == post.current_revision
    event = AuditEvent.objects.get(post_id=post.pk, verb="auto_approved")
    assert event.policy_version == 1 and event.revision_number == 1
    assert "approved by policy version 1: no finding above low" in event.data["message"].lower()
    assert verbs(post) == ["created", "assessed", "submitted", "auto_approved"]


def test_medium_post_needs_one_peer_approval(council, make_post):
    post = make_post(MEDIUM)
    assert post.current_revision.tier == "medium"
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED and not post.approved_by_policy
    assert "approved" in verbs(post)


def test_high_post_needs_two_approvals_one_from_owner_or_lead(council, make_post):
    bea = Membership.objects.create(user=__import__("tests.factories", fromlist=["UserFactory"]).UserFactory(),
                                    organisation=council.organisation, role="reviewer")
    post = make_post(HIGH)
    assert post.current_revision.tier == "high"
    assert (post.current_revision.required_approvals, post.current_revision.needs_owner_or_lead) == (2, True)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))
    review_services.decision_approve(post=post, revision_number=1, by=bea)
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW, "two peers are not enough without the owner or a lead"
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.carol))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


def test_lead_and_a_peer_approve_a_high_post(council, make_post):
    post = make_post(HIGH)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.carol))
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


def test_blocked_post_cannot_be_submitted_and_says_why(council, make_post):
    post = make_post(BLOCKED)
    assert post.current_revision.tier == "block"
    with pytest.raises(DomainError, match="cannot be submitted"):
        services.post_submit(post=post, by=council.alice, expected_revision=1)
    post.refresh_from_db()
    assert post.state == PostState.DRAFT
    assert "submitted" not in verbs(post)


def test_edit_after_approval_makes_a_new_revision_and_voids_approvals(council, make_post):
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))
    post.refresh_from_db()
    assert post.state == PostState.APPROVED
    services.post_revise(post=post, text=MEDIUM + " Thanks!", by=council.alice, expected_revision=1)
    post.refresh_from_db()
    assert post.current_revision.number == 2 and post.state == PostState.DRAFT and post.approved_revision is None
    services.post_submit(post=post, by=council.alice, expected_revision=2)
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW, "the old approval belongs to revision 1 and does not count"
    assert not Decision.objects.filter(revision=post.current_revision).exists()


def test_approving_a_revision_that_is_no_longer_current_is_refused_with_what_changed(council, make_post):
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    services.post_revise(post=post, text=MEDIUM + " Updated.", by=council.alice, expected_revision=1)
    services.post_submit(post=post, by=council.alice, expected_revision=2)
    with pytest.raises(DomainError, match="revision 1.*revision 2"):
        review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))


def test_author_cannot_approve_own_post(council, make_post):
    post = make_post(MEDIUM, author=council.bob)
    services.post_submit(post=post, by=council.bob, expected_revision=1)
    with pytest.raises(PermissionDenied):
        review_services.decision_approve(post=post, revision_number=1, by=member(council, council.bob))
    assert not Decision.objects.exists()


def test_request_changes_then_edit_and_resubmit(council, make_post):
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    with pytest.raises(DomainError, match="what to change"):
        review_services.decision_request_changes(post=post, revision_number=1, by=member(council, council.bob), message=" ")
    review_services.decision_request_changes(post=post, revision_number=1, by=member(council, council.bob),
                                             message="Please use the full link, not a shortener.")
    post.refresh_from_db()
    assert post.state == PostState.CHANGES_REQUESTED
    services.post_revise(post=post, text="Have your say on the new park layout: stroud.gov.uk/park closes Friday.",
                         by=council.alice, expected_revision=1)
    post = services.post_submit(post=post, by=council.alice, expected_revision=2)
    assert post.state in {PostState.APPROVED, PostState.IN_REVIEW}


def test_withdraw_returns_to_draft(council, make_post):
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    services.post_withdraw(post=post, by=council.alice)
    post.refresh_from_db()
    assert post.state == PostState.DRAFT and "withdrawn" in verbs(post)


def test_stale_and_double_submissions_change_nothing(council, make_post):
    post = make_post(MEDIUM)
    services.post_submit(post=post, by=council.alice, expected_revision=1)
    with pytest.raises(DomainError, match="already in review"):
        services.post_submit(post=post, by=council.alice, expected_revision=1)
    services.post_withdraw(post=post, by=council.alice)
    with pytest.raises(DomainError, match="changed since you opened it"):
        services.post_submit(post=post, by=council.alice, expected_revision=7)
    assert verbs(post).count("submitted") == 1


def test_empty_text_is_refused_and_nothing_saved(council):
    with pytest.raises(DomainError, match="empty"):
        services.post_create(author=member(council, council.alice), accounts=[council.account], text="   ")
    assert not Post.objects.exists()


def test_account_the_author_may_not_post_on_is_refused(council, mallory_org):
    _, _, theirs = mallory_org
    from tests.factories import SocialAccountFactory

    private = SocialAccountFactory(owner=member(council, council.carol), handle="@StroudMayor")
    for account in (private, theirs):
        with pytest.raises(DomainError, match="may not post"):
            services.post_create(author=member(council, council.alice), accounts=[account], text=HARMLESS)
    assert not Post.objects.exists()


def test_text_over_the_network_limit_is_a_draft_but_cannot_be_submitted(council, make_post):
    post = make_post("Stroud news. " * 40)
    assert post.current_revision.tier == "block"
    with pytest.raises(DomainError, match="cannot be submitted"):
        services.post_submit(post=post, by=council.alice, expected_revision=1)


def test_compose_for_two_accounts_makes_one_checked_post_each_with_its_variant(council):
    from tests.factories import SocialAccountFactory

    mastodon = SocialAccountFactory(owner=member(council, council.carol), network="mastodon", handle="@stroud@social.example")
    mastodon.posters.add(member(council, council.alice))
    posts = services.post_create(author=member(council, council.alice), accounts=[council.account, mastodon],
                                 text=HARMLESS, variants={mastodon.pk: HARMLESS + " #Stroud #RepairCafe"})
    assert len({p.batch for p in posts}) == 1
    assert [p.current_revision.text for p in posts] == [HARMLESS, HARMLESS + " #Stroud #RepairCafe"]


def test_revisions_are_immutable(council, make_post):
    post = make_post()
    revision = post.current_revision
    revision.text = "changed"
    with pytest.raises(Exception, match="cannot be changed"):
        revision.save()
    with pytest.raises(Exception, match="cannot be changed"):
        Revision.objects.filter(pk=revision.pk).update(text="changed")


def test_audit_events_cannot_be_changed_or_deleted(council, make_post):
    post = make_post()
    event = AuditEvent.objects.filter(post_id=post.pk).first()
    event.verb = "tampered"
    with pytest.raises(Exception, match="cannot be changed"):
        event.save()
    with pytest.raises(Exception, match="cannot be deleted"):
        event.delete()
    with pytest.raises(Exception, match="cannot be"):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_django_admin_cannot_change_or_delete_audit_events(council, make_post, client):
    make_post()
    council.dave.is_staff = council.dave.is_superuser = True
    council.dave.save()
    client.force_login(council.dave)
    event = AuditEvent.objects.first()
    assert client.get(reverse("admin:policies_auditevent_change", args=[event.pk])).status_code == 200  # view only
    response = client.post(reverse("admin:policies_auditevent_change", args=[event.pk]), {"verb": "tampered"})
    assert response.status_code == 403
    assert client.post(reverse("admin:policies_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.verb != "tampered"
