from __future__ import annotations

import pytest

from policies.engine import PolicyError, compile_policy, validate_document

from .policy_documents import document


def problems(doc):
    with pytest.raises(PolicyError) as caught:
        validate_document(doc)
    return [(p.where, p.field, p.message) for p in caught.value.errors]


def test_invalid_regex_names_the_rule_and_the_pattern_field():
    [(where, field, message)] = problems(document({"id": "ref", "kind": "pattern", "pattern": "(unclosed"}))
    assert where == "rules[0] (id 'ref')" and field == "pattern"
    assert "not a valid regular expression" in message


def test_catastrophic_pattern_is_rejected_on_save():
    [(where, field, message)] = problems(document({"id": "slow", "kind": "pattern", "pattern": "(a+)+$"}))
    assert (where, field) == ("rules[0] (id 'slow')", "pattern") and "exponential" in message


def test_empty_lexicon_term_names_its_position():
    [(where, field, _)] = problems(document({"id": "words", "kind": "banned_phrase", "terms": ["fine", "  "]}))
    assert (where, field) == ("rules[0] (id 'words')", "terms[1]")


def test_window_ending_before_it_starts():
    rule = {"id": "purdah", "kind": "window", "start": "2027-05-06", "end": "2027-03-25"}
    [(where, field, message)] = problems(document(rule))
    assert (where, field) == ("rules[0] (id 'purdah')", "end") and "before it starts" in message


def test_unknown_rule_kind():
    [(where, field, message)] = problems(document({"id": "x", "kind": "banned_word", "terms": ["a"]}))
    assert (where, field) == ("rules[0] (id 'x')", "kind") and "banned_phrase" in message


def test_high_tier_needing_fewer_approvals_than_medium():
    doc = document(tiers={"medium": {"approvals": 2}, "high": {"approvals": 1}})
    [(where, field, message)] = problems(doc)
    assert (where, field) == ("tiers.high", "approvals") and "fewer approvals" in message


def test_every_problem_is_reported_at_once():
    doc = document(
        {"kind": "pattern", "pattern": "("},
        {"id": "dup", "kind": "banned_phrase", "terms": []},
        {"id": "dup", "kind": "domain", "block": ["not a domain"]},
        {"id": "w", "kind": "window", "daily": {"from": "25:00", "to": "07:00"}},
        {"id": "s", "kind": "banned_phrase", "terms": ["x"], "severity": "critical"},
        unknown_field=1,
    )
    fields = {(where.split(" ")[0], field) for where, field, _ in problems(doc)}
    assert {
        ("rules[0]", "id"), ("rules[0]", "pattern"), ("rules[1]", "terms"), ("rules[2]", "id"),
        ("rules[2]", "block[0]"), ("rules[3]", "daily.from"), ("rules[4]", "severity"), ("policy", "unknown_field"),
    } <= fields


def test_pack_file_that_does_not_validate_names_the_file(tmp_path, monkeypatch):
    import policies.packs as packs

    (tmp_path / "council.yaml").write_text("schema: 1\nrules:\n  - {id: a, kind: pattern, pattern: '('}\n")
    monkeypatch.setattr(packs, "PACKS_DIR", tmp_path)
    packs._load.cache_clear()
    try:
        with pytest.raises(PolicyError) as caught:
            packs.load_pack("council")
        assert caught.value.errors[0].where.startswith("council.yaml: rules[0]")
    finally:
        packs._load.cache_clear()


def test_compiled_once_per_content():
    doc = document({"id": "a", "kind": "banned_phrase", "terms": ["x"]})
    first = compile_policy(doc)
    assert compile_policy(dict(reversed(list(doc.items())))) is first
    assert compile_policy(doc, version=3).version == 3
    assert compile_policy(document({"id": "a", "kind": "banned_phrase", "terms": ["y"]})) is not first


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("risk_model_sentence_threshold", "high", "probability from 0 to 1"),
        ("risk_model_threshold", 1.5, "probability from 0 to 1"),
        ("model_medium_threshold", True, "probability from 0 to 1"),
        ("risk_model_by_sentence", "no", "true or false"),
        ("risk_model", 0, "true or false"),
        ("enabled", "yes", "true or false"),
        ("risk_model_long_words", -1, "whole number of words"),
        ("risk_model_long_words", "25", "whole number of words"),
        ("risk_model_long_threshold", 2, "probability from 0 to 1"),
    ],
)
def test_a_check_setting_of_the_wrong_kind_is_refused_on_save(setting, value, message):
    # Saved, a threshold of "high" would only fail when a draft is checked.
    [(where, field, text)] = problems(document(checks={"tone": {setting: value}}))
    assert (where, field) == ("checks.tone", setting) and message in text


def test_check_thresholds_and_switches_of_the_right_kind_are_accepted():
    validate_document(document(checks={"tone": {"risk_model_sentence_threshold": 0.97, "risk_model_threshold": 1,
                                                "risk_model_by_sentence": False, "risk_model": True,
                                                "risk_model_long_words": 0, "risk_model_long_threshold": 0.8}}))
