"""Policy versions: drafts, activation, immutability, re-activation, examples as tests."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from policies import services
from policies.engine.errors import PolicyError
from policies.models import AuditEvent, PolicyVersion
from policies.policy_compare import compare_documents
from policies.policy_document import with_example, with_rule, with_tiers
from tests.texts import BLOCKED, HARMLESS


def _admin(council):
    return council.membership(council.dave)


# The starter packs' own examples are still being calibrated by the engine; these are sure.
SURE_EXAMPLES = [
    {"id": "repair-cafe", "text": HARMLESS, "tier": "low"},
    {"id": "arrears", "text": BLOCKED, "tier": "block"},
]


def _draft(council, **changes):
    """A new draft whose examples all pass under the council pack."""
    draft = services.policy_version_create_draft(organisation=council.organisation, by=_admin(council), **changes)
    return _save(council, draft, draft.document | {"examples": SURE_EXAMPLES})


def _save(council, version, document, change="test"):
    return services.policy_version_save(version=version, document=document, by=_admin(council), change=change)


BANNED = {"id": "no-fireworks", "kind": "banned_phrase", "severity": "high", "terms": ["fireworks display"]}


def test_a_new_draft_copies_the_version_in_force_and_takes_the_next_number(council):
    draft = _draft(council)
    active = council.organisation.active_policy()
    assert (draft.number, draft.status) == (2, PolicyVersion.Status.DRAFT)
    assert draft.document["rules"] == active.document["rules"]
    assert draft.source == "copy of v1"


def test_only_an_admin_can_create_or_change_drafts(council):
    with pytest.raises(PermissionDenied):
        services.policy_version_create_draft(organisation=council.organisation, by=council.membership(council.carol))
    draft = _draft(council)
    with pytest.raises(PermissionDenied):
        services.policy_version_save(version=draft, document=draft.document, by=council.membership(council.carol),
                                     change="x")


def test_activation_retires_the_previous_version_and_is_an_audit_event(council):
    draft = _draft(council)
    _save(council, draft, with_rule(draft.document, BANNED))
    services.policy_version_activate(version=draft, by=_admin(council))
    versions = {v.number: v.status for v in PolicyVersion.objects.filter(organisation=council.organisation)}
    assert versions == {1: "retired", 2: "active"}
    event = AuditEvent.objects.get(organisation=council.organisation, verb="policy.activated")
    assert (event.policy_version, event.data["previous"], event.actor) == (2, 1, council.dave)


def test_a_version_that_was_in_force_can_never_change(council):
    draft = _draft(council)
    services.policy_version_activate(version=draft, by=_admin(council))
    draft.refresh_from_db()
    with pytest.raises(services.DomainError):
        _save(council, draft, with_rule(draft.document, BANNED))
    draft.document = with_rule(draft.document, BANNED)
    with pytest.raises(ValidationError):
        draft.save()  # the model refuses too, whatever path tries
    assert "no-fireworks" not in str(PolicyVersion.objects.get(pk=draft.pk).document["rules"])


def test_an_earlier_version_can_be_reactivated_unchanged(council):
    first = _draft(council)
    services.policy_version_activate(version=first, by=_admin(council))
    draft = _draft(council)
    _save(council, draft, with_rule(draft.document, BANNED))
    services.policy_version_activate(version=draft, by=_admin(council))
    services.policy_version_activate(version=first, by=_admin(council))
    first.refresh_from_db()
    draft.refresh_from_db()
    assert (first.status, draft.status) == ("active", "retired")
    assert first.number == 2 and "no-fireworks" not in str(first.document["rules"])
    event = AuditEvent.objects.filter(verb="policy.activated").latest("pk")
    assert event.data["reactivated"] is True and event.data["previous"] == 3


def test_failing_examples_block_activation_until_each_is_confirmed_by_name(council):
    draft = _draft(council)
    example = {"id": "fireworks-ok", "text": "Our fireworks display starts at 7pm in the park!", "tier": "low"}
    _save(council, draft, with_example(with_rule(draft.document, BANNED), example))
    with pytest.raises(services.DomainError) as refused:
        services.policy_version_activate(version=draft, by=_admin(council))
    assert "fireworks-ok" in refused.value.message and refused.value.field == "confirm"
    assert council.organisation.active_policy().number == 1
    with pytest.raises(services.DomainError):
        services.policy_version_activate(version=draft, by=_admin(council), confirmed_failing=["some-other"])
    services.policy_version_activate(version=draft, by=_admin(council), confirmed_failing=["fireworks-ok"])
    assert council.organisation.active_policy().number == 2
    assert AuditEvent.objects.get(verb="policy.activated").data["failing_examples_confirmed"] == ["fireworks-ok"]


@pytest.mark.parametrize(("change", "where", "field"), [
    (lambda d: with_rule(d, {"id": "x", "kind": "shouting", "terms": ["a"]}), "rules[", "kind"),
    (lambda d: with_rule(d, {"id": "x", "kind": "pattern", "pattern": "(unclosed"}), "rules[", "pattern"),
    (lambda d: with_tiers(d, {"low": {"approvals": 0}, "medium": {"approvals": 2}, "high": {"approvals": 1}}),
     "tiers.high", "approvals"),
    (lambda d: d | {"accounts": [{"handle": "@StroudDC", "network": "x", "owner": "stranger@example.org"}]},
     "accounts[0]", "owner"),
    (lambda d: d | {"accounts": [{"handle": "@StroudDC", "network": "x", "owner": "alice@council.example"}]},
     "accounts[0]", "owner"),
    (lambda d: with_rule(with_rule(d, {"id": "purdah-a", "kind": "window", "start": "2027-03-01", "end": "2027-04-30",
                                      "severity": "block"}),
                         {"id": "purdah-b", "kind": "window", "start": "2027-04-15", "end": "2027-05-10",
                          "severity": "low"}), "purdah-b", "start"),
])
def test_a_bad_draft_names_the_field_and_saves_nothing(council, change, where, field):
    draft = _draft(council)
    before = copy.deepcopy(draft.document)
    with pytest.raises(PolicyError) as error:
        _save(council, draft, change(copy.deepcopy(draft.document)))
    assert any(where in p.where and p.field == field for p in error.value.errors), error.value.errors
    assert PolicyVersion.objects.get(pk=draft.pk).document == before


def test_overlapping_windows_with_the_same_effect_are_fine(council):
    draft = _draft(council)
    document = with_rule(draft.document, {"id": "a", "kind": "window", "start": "2027-03-01", "end": "2027-04-30"})
    document = with_rule(document, {"id": "b", "kind": "window", "start": "2027-04-01", "end": "2027-05-30"})
    _save(council, draft, document)
    assert {"a", "b"} <= {r["id"] for r in PolicyVersion.objects.get(pk=draft.pk).document["rules"]}


def test_an_owner_who_is_a_lead_is_accepted(council):
    draft = _draft(council)
    _save(council, draft, draft.document | {"accounts": [{"handle": "@StroudDC", "network": "x",
                                                          "owner": "carol@council.example",
                                                          "posters": ["alice@council.example"]}]})


def test_discarding_a_draft_deletes_it_but_versions_that_were_in_force_stay(council):
    draft = _draft(council)
    services.policy_version_discard(version=draft, by=_admin(council))
    assert not PolicyVersion.objects.filter(pk=draft.pk).exists()
    with pytest.raises(services.DomainError):
        services.policy_version_discard(version=council.organisation.active_policy(), by=_admin(council))


def test_comparison_lists_added_removed_and_changed_rules_and_tiers(council):
    left = council.organisation.active_policy().document
    right = with_rule(left, BANNED)
    right = with_rule(right, dict(left["rules"][0], severity="low"), replacing=left["rules"][0]["id"])
    right = with_tiers(right, dict(left["tiers"], flag_escalation_hours=48))
    comparison = compare_documents(left, right)
    statuses = {c.rule_id: c.status for c in comparison.changed_rules}
    assert statuses == {left["rules"][0]["id"]: "changed", "no-fireworks": "added"}
    assert comparison.changed_rules[0].fields == [("severity", left["rules"][0]["severity"], "low")]
    assert [name for name, _a, _b in comparison.sections] == ["tiers"]
