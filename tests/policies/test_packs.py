"""Every starter pack validates, and each of its examples gets its labelled tier."""

from __future__ import annotations

from datetime import datetime

import pytest

from policies.checks.base import AccountContext
from policies.engine import assess, compile_policy, validate_document
from policies.packs import PACK_KINDS, load_pack

from .policy_documents import NOON

MINIMUM_EXAMPLES = 30


def _examples():
    for kind in PACK_KINDS:
        for position, example in enumerate(load_pack(kind)["examples"]):
            yield pytest.param(kind, example, id=f"{kind}:{example.get('id', position)}")


@pytest.mark.parametrize("kind", PACK_KINDS)
def test_pack_validates_and_has_enough_labelled_examples_of_both_kinds(kind):
    document = load_pack(kind)
    validate_document(document)
    tiers = [example["tier"] for example in document["examples"]]
    assert len(tiers) >= MINIMUM_EXAMPLES
    assert "low" in tiers and {"medium", "high", "block"} & set(tiers)


@pytest.mark.parametrize(("kind", "example"), list(_examples()))
def test_pack_example_gets_its_labelled_tier(kind, example):
    at = datetime.fromisoformat(example["at"]) if example.get("at") else NOON
    account = AccountContext(network=example.get("platform") or "x", handle="@OurOrganisation")
    result = assess(example["text"], account=account, policy=compile_policy(load_pack(kind)), at=at, org_kind=kind)
    seen = [(f.check, f.code, f.severity.label, example["text"][f.start : f.end]) for f in result.findings]
    assert result.tier.value == example["tier"], f"{example.get('why', '')}; findings: {seen}; skipped: {result.skipped}"
