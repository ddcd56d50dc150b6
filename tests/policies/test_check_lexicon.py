from __future__ import annotations

from policies.engine import assess

from .policy_documents import ACCOUNT, NOON, policy

BANNED = {"id": "payment-status", "kind": "banned_phrase", "terms": ["missed payment", "in arrears", "#ad free"], "severity": "high"}
DISCLOSE = {
    "id": "ad-disclosure",
    "kind": "required_phrase",
    "when": ["paid partnership", "sponsored by"],
    "require": ["#ad", "advertisement"],
    "severity": "medium",
}


def findings(text, *rules, account=ACCOUNT):
    result = assess(text, account=account, policy=policy(*rules), at=NOON)
    return tuple(f for f in result.findings if f.check == "lexicon")


def test_banned_phrase_is_found_with_its_span_on_the_original_text():
    text = "Sorry, your account is IN  ARREARS again."
    [finding] = findings(text, BANNED)
    assert (finding.check, finding.code, finding.rule) == ("lexicon", "banned_phrase", "payment-status")
    assert text[finding.start : finding.end] == "IN  ARREARS"


def test_banned_phrase_respects_word_boundaries():
    assert findings("She was in arrearsville, a made-up town.", BANNED) == ()
    assert findings("Spin arrears", BANNED) == ()


def test_banned_phrase_hidden_with_zero_width_and_homoglyphs_is_still_found():
    text = "You have a mi\u200bssed p\u0430yment on file."
    [finding] = findings(text, BANNED)
    assert text[finding.start : finding.end] == "mi\u200bssed p\u0430yment"


def test_required_phrase_missing_when_its_topic_appears():
    [finding] = findings("Proud to be in a paid partnership with Stroud Brewery!", DISCLOSE)
    assert finding.code == "missing_required_phrase"
    assert finding.severity.label == "medium"


def test_required_phrase_present_or_topic_absent_gives_nothing():
    assert findings("Proud to be in a paid partnership with Stroud Brewery! #ad", DISCLOSE) == ()
    assert findings("Proud of our partnership with Stroud Brewery!", DISCLOSE) == ()


def test_hash_ad_does_not_count_inside_a_longer_hashtag():
    assert len(findings("Sponsored by Stroud Brewery #adventure", DISCLOSE)) == 1


def test_rule_scoped_to_another_account_does_not_apply():
    scoped = {**BANNED, "accounts": ["@StroudJobs"]}
    assert findings("a missed payment", scoped) == ()
    assert len(findings("a missed payment", {**BANNED, "accounts": ["stroudDC"]})) == 1


def test_hundreds_of_terms_are_all_found():
    terms = [f"forbidden{n}" for n in range(600)]
    rule = {"id": "many", "kind": "banned_phrase", "terms": terms}
    text = "forbidden0 and forbidden599 but not forbidden6000"
    assert [f.rule for f in findings(text, rule)] == ["many", "many"]


def _match_form_by_hand(text: str) -> tuple[str, list[int] | None]:
    """match_form spelt out character by character: the reference for the regex version."""
    separators = frozenset(" \t\n\r\f\v\u00a0-_\u2010\u2011\u2012\u2013\u2014")
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out, positions, changed, previous = [], [], False, False
    for index, char in enumerate(lowered):
        if char in separators:
            if previous:
                changed = True
                continue
            previous, changed = True, changed or char != " "
            out.append(" ")
        else:
            previous = False
            out.append(char)
        positions.append(index)
    if not changed:
        return lowered, None
    return "".join(out), (*positions, len(text))


def test_match_form_folds_like_the_character_by_character_reference() -> None:
    import random

    from policies.checks.lexicon import match_form

    rnd = random.Random(7)
    alphabet = " \t\n-_\u2013\u00a0aBİ🎉x"
    texts = ["", " ", "a  b", "drop-in", "İstanbul -- now", "end -"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        assert match_form(text) == _match_form_by_hand(text), repr(text)
