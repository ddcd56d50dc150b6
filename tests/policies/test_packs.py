"""Every starter pack validates, and each of its examples gets its labelled tier."""

from __future__ import annotations

from datetime import datetime

import pytest

from policies.checks.base import AccountContext
from policies.engine import assess, compile_policy, validate_document
from policies.packs import PACK_KINDS, load_pack

from .policy_documents import NOON

MINIMUM_EXAMPLES = 30

# Examples on which the detectors, all merged, still disagree with the label. They are
# reported here rather than relabelled; each is a strict xfail, so an example that
# starts to agree fails the run until it is taken off this list. "AUTO-APPROVED" marks
# the ones that matter most: a risky post the engine would let through.
KNOWN_DISAGREEMENTS = {
    "council-ex-015": "labelled block, assessed high (identifiers)",
    "council-ex-018": "labelled block, assessed high (tone)",
    "council-ex-019": "labelled medium, assessed high (tone)",
    "council-ex-020": "labelled high, assessed medium (identifiers)",
    "council-ex-021": "labelled block, assessed high (tone)",
    "council-ex-024": "labelled block, assessed high (identifiers)",
    "council-ex-025": "labelled high, assessed block (customer_privacy, identifiers)",
    "council-ex-029": "labelled medium, assessed high (customer_privacy)",
    "council-ex-031": "labelled block, assessed high (identifiers, tone)",
    "council-ex-032": "labelled high, assessed block (identifiers)",
    "council-ex-033": "labelled medium, assessed high (identifiers)",
    "law_firm-ex-017": "labelled block, assessed medium (tone)",
    "law_firm-ex-020": "labelled medium, assessed high (identifiers)",
    "law_firm-ex-021": "labelled medium, assessed high (mentions, tone)",
    "law_firm-ex-022": "labelled block, assessed high (identifiers)",
    "law_firm-ex-025": "labelled block, assessed high (tone)",
    "law_firm-ex-027": "labelled medium, assessed high (identifiers risk_model net with tone: person-with-hostile-tone)",
    "law_firm-ex-028": "labelled high, assessed block (identifiers)",
    "law_firm-ex-032": "labelled medium, assessed high (identifiers)",
    "therapy-pack-01": "labelled block, assessed high (lexicon, tone)",
    "therapy-ex-019": "labelled block, assessed medium (tone)",
    "therapy-ex-027": "labelled block, assessed high (tone)",
    "therapy-ex-032": "labelled block, assessed medium (identifiers)",
    "therapy-ex-033": "labelled medium, assessed high (identifiers)",
    "bank-ex-033": "labelled medium, assessed high (identifiers risk_model net with tone: person-with-hostile-tone)",
    "bank-ex-017": "labelled high, assessed block (identifiers)",
    "bank-ex-018": "labelled block, assessed high (tone)",
    "bank-ex-020": "labelled medium, assessed high (tone)",
    "bank-ex-024": "labelled medium, assessed high (identifiers)",
    "bank-ex-027": "labelled block, assessed high (customer_privacy, tone)",
    "bank-ex-028": "labelled medium, assessed high (identifiers)",
    "bank-ex-030": "labelled block, assessed high (tone)",
    "charity-ex-015": "labelled block, assessed high (identifiers)",
    "charity-ex-017": "labelled block, assessed high (tone)",
    "charity-ex-020": "labelled medium, assessed high (identifiers)",
    "charity-ex-021": "labelled medium, assessed high (tone)",
    "charity-ex-022": "labelled block, assessed high (identifiers)",
    "charity-ex-025": "labelled medium, assessed high (identifiers)",
    "charity-ex-026": "labelled high, assessed block (identifiers)",
    "charity-ex-029": "labelled block, assessed high (tone)",
    "charity-ex-030": "labelled high, assessed block (identifiers)",
    "police-ex-017": "labelled block, assessed high (identifiers, lexicon, tone)",
    "police-ex-018": "labelled high, assessed block (customer_privacy, identifiers)",
    "police-ex-020": "labelled medium, assessed high (tone)",
    "police-ex-023": "labelled block, assessed high (identifiers)",
    "police-ex-027": "labelled block, assessed high (identifiers, tone)",
    "police-ex-030": "labelled medium, assessed high (identifiers)",
    "police-ex-034": "labelled medium, assessed high (identifiers)",
    "nhs-pack-03": "labelled high, assessed block (identifiers, pattern)",
    "nhs-ex-015": "labelled block, assessed high (pattern)",
    "nhs-ex-017": "labelled block, assessed high (tone)",
    "nhs-ex-022": "labelled block, assessed high (customer_privacy)",
    "nhs-ex-028": "labelled high, assessed medium (only the identifiers risk_model net holds it: customer_privacy misses 'your MRI showed' in a reply)",
    "nhs-ex-030": "labelled medium, assessed high (identifiers)",
    "nhs-ex-032": "labelled high, assessed block (identifiers, pattern, tone)",
    "retail-ex-017": "labelled block, assessed high (tone)",
    "retail-ex-021": "labelled medium, assessed high (tone)",
    "retail-ex-024": "labelled medium, assessed high (identifiers)",
    "retail-ex-026": "labelled block, assessed high (tone)",
    "retail-ex-033": "labelled medium, assessed high (identifiers)",
}


def _examples():
    for kind in PACK_KINDS:
        for position, example in enumerate(load_pack(kind)["examples"]):
            example_id = example.get("id", position)
            reason = KNOWN_DISAGREEMENTS.get(example_id)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(kind, example, id=f"{kind}:{example_id}", marks=marks)


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
