"""The reads every request or keystroke makes: the policy in force, the accounts a member
may draft for, and compiled queries (policies.querycache)."""

from __future__ import annotations

import pytest
from django.db.models.functions import Now

from policies.models import Membership, Organisation, PolicyVersion, SocialAccount
from policies.models.accounts import account_choices
from policies.querycache import CompiledQuery
from policies.selectors import active_policy_for
from policies.services import policy_version_activate, policy_version_create_draft, policy_version_save
from tests.factories import SocialAccountFactory


def _fresh(organisation: Organisation) -> Organisation:
    return Organisation.objects.get(pk=organisation.pk)


def test_the_organisation_points_at_its_version_in_force(council):
    organisation = _fresh(council.organisation)
    first = PolicyVersion.objects.get(organisation=organisation, status="active")
    assert organisation.active_version_id == first.pk

    lead = council.membership(council.dave)
    draft = policy_version_create_draft(organisation=organisation, by=lead)
    assert _fresh(organisation).active_version_id == first.pk  # a draft changes nothing
    draft = policy_version_save(version=draft, document=draft.document | {"examples": []}, by=lead, change="test")
    policy_version_activate(version=draft, by=lead)
    assert draft.organisation.active_version_id == draft.pk  # the instance in hand follows too
    assert _fresh(organisation).active_version_id == draft.pk
    version, _compiled = active_policy_for(_fresh(organisation))
    assert version.pk == draft.pk and version.number == draft.number


def test_retiring_the_version_in_force_clears_the_pointer(council):
    active = PolicyVersion.objects.get(organisation=council.organisation, status="active")
    active.status = PolicyVersion.Status.RETIRED
    active.save()
    organisation = _fresh(council.organisation)
    assert organisation.active_version_id is None
    version, compiled = active_policy_for(organisation)
    assert version is None and compiled is not None  # the kind's starter pack applies


def test_the_policy_in_force_costs_no_query_once_compiled(council, django_assert_num_queries):
    organisation = _fresh(council.organisation)
    active_policy_for(organisation)
    with django_assert_num_queries(0):
        version, _compiled = active_policy_for(organisation)
    assert version.pk == organisation.active_version_id


def test_for_drafting_offers_only_what_the_member_may_post_on(council, mallory_org):
    organisation = council.organisation
    alice = council.membership(council.alice)
    carol = council.membership(council.carol)
    not_hers = SocialAccountFactory(organisation=organisation, owner=carol, handle="@StroudParks")
    archived = SocialAccountFactory(organisation=organisation, owner=carol, handle="@StroudOld")
    archived.posters.add(alice)
    SocialAccount.objects.filter(pk=archived.pk).update(archived_at=archived.created_at)
    elsewhere = mallory_org[2]

    ids = [council.account.pk, not_hers.pk, archived.pk, elsewhere.pk]
    assert [a.pk for a in SocialAccount.objects.for_drafting(alice, ids)] == [council.account.pk]
    assert {a.pk for a in SocialAccount.objects.for_drafting(carol, ids)} == {council.account.pk, not_hers.pk}

    account = SocialAccount.objects.for_drafting(alice, ids)[0]
    context = account.context()
    assert context.poster_ids == {council.alice.pk, council.bob.pk, council.carol.pk}
    assert context.poster_ids == SocialAccount.objects.get(pk=account.pk).context().poster_ids


def _memberships_of(variant, *, organisation_id):
    return Membership.objects.filter(organisation_id=organisation_id).order_by("pk").values_list("user_id")


def test_a_compiled_query_replays_with_new_values(council, mallory_org):
    query = CompiledQuery(_memberships_of, "organisation_id")
    for organisation in (council.organisation, mallory_org[0], council.organisation):
        expected = list(Membership.objects.filter(organisation=organisation).order_by("pk").values_list("user_id"))
        assert query.rows(organisation_id=organisation.pk) == expected


def test_a_compiled_query_refuses_what_it_cannot_replay(db):
    moving = CompiledQuery(lambda variant, *, organisation_id: Membership.objects.filter(
        organisation_id=organisation_id, joined_at__lte=Now()).values_list("pk"), "organisation_id")
    assert moving.rows(organisation_id=1) == []  # Now() is SQL, not a parameter: fine

    from django.utils import timezone

    frozen_clock = CompiledQuery(lambda variant, *, organisation_id: Membership.objects.filter(
        organisation_id=organisation_id, joined_at__lte=timezone.now()).values_list("pk"), "organisation_id")
    with pytest.raises(ValueError, match="changes between compilations"):
        frozen_clock.rows(organisation_id=1)


def _drafting(membership: Membership, ids) -> list[int]:
    """for_drafting as a request calls it: with the membership and organisation read afresh."""
    fresh = Membership.objects.select_related("organisation").get(pk=membership.pk)
    return [a.pk for a in SocialAccount.objects.for_drafting(fresh, ids)]


def test_the_kept_account_rows_follow_every_change(council):
    organisation = council.organisation
    alice, carol = council.membership(council.alice), council.membership(council.carol)
    parks = SocialAccountFactory(organisation=organisation, owner=carol, handle="@StroudParks")
    ids = [council.account.pk, parks.pk]
    assert _drafting(alice, ids) == [council.account.pk]

    parks.posters.add(alice)
    assert set(_drafting(alice, ids)) == {council.account.pk, parks.pk}
    alice.postable_accounts.remove(parks)  # from the other side
    assert _drafting(alice, ids) == [council.account.pk]

    parks.posters.add(alice)
    SocialAccount.objects.filter(pk=parks.pk).update(archived_at=parks.created_at)  # a bulk update too
    assert _drafting(alice, ids) == [council.account.pk]
    assert parks.pk not in dict(account_choices(_fresh(organisation)))

    council.carol.name = "Carol Renamed"
    council.carol.save()
    account = SocialAccount.objects.for_drafting(Membership.objects.select_related("organisation").get(pk=carol.pk),
                                                 [council.account.pk])[0]
    assert account.owner.user.name == SocialAccount.objects.get(pk=council.account.pk).owner.user.name


def test_the_kept_account_rows_cost_no_query_until_something_changes(council, django_assert_num_queries):
    alice = Membership.objects.select_related("organisation").get(pk=council.membership(council.alice).pk)
    SocialAccount.objects.for_drafting(alice, [council.account.pk])
    with django_assert_num_queries(0):
        assert [a.pk for a in SocialAccount.objects.for_drafting(alice, [council.account.pk])] == [council.account.pk]
        account_choices(alice.organisation)
    token = alice.organisation.accounts_token
    council.bob.save(update_fields=["last_login"])  # signing in changes nothing kept
    assert _fresh(council.organisation).accounts_token == token
