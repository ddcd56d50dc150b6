"""Round 17: every finding's span is an offset into the text as typed, whatever characters
normalisation folds, drops or keeps around it.

Checks read the normalised text (an emoji's variation selector, zero-width characters and
leftover accents dropped; "İ" and look-alikes folded) and report offsets into it; the engine
maps them back. A span applied to the wrong one of the two strings is off by one character
per dropped character before it (" or lung conditio" for "or lung condition" after a "❄️").
These drafts are invented; each special character is put before, after and inside the
details a check finds, and the words the author sees quoted must be the same words as in
the plain draft.
"""

from __future__ import annotations

import random

import pytest

from policies.checks.base import AccountContext
from policies.checks.tone_signals.phrases import lower_same_length
from policies.engine.assess import assess, default_policy
from policies.engine.normalise import normalise
from policies.recognisers.lexicon import fold

SPECIALS = [
    "❄️",  # snowflake + variation selector (dropped)
    "👍🏽",  # thumbs up + skin tone modifier (two code points, astral)
    "👨\u200d👩\u200d👧",  # family: ZWJ sequence (joiners dropped)
    "\u2764\ufe0f\u200d\U0001f525",  # heart on fire: selector and joiner
    "cafe\u0301",  # decomposed accent (a cluster)
    "e\u0301\u0301",  # two stacked accents
    "İzmir",  # dotted capital I: lower-cases to two characters
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark
    "x\u00ad",  # soft hyphen
    "\U0001f1ec\U0001f1e7",  # flag: two regional indicators
    "ﬁne",  # ligature (NFKC expands it to two letters)
]

DRAFTS = [
    ("Spoke to Mrs Okafor at 14 Lansdown Road this morning about her rent arrears, "
     "call her on 07700 900123 {x} if you see her.", "council"),
    ("{x} Lovely chat with a tenant in her 80s on the Parkside estate today {x} she has "
     "been waiting since March for her boiler.", "council"),
    ("Our client, a 34-year-old dad of twins from Stroud, won his appeal on Tuesday {x} "
     "and keeps his flat.", "law_firm"),
]


def _assess(text: str, kind: str):
    account = AccountContext(network="facebook", handle="@OurOrganisation")
    return assess(text, account=account, policy=default_policy(kind), org_kind=kind)


def _quotes(text: str, kind: str) -> set[tuple[str, str, str]]:
    """(check, code, words quoted) of every finding but the whole-draft readings."""
    return {
        (finding.check, finding.code, text[finding.start : finding.end])
        for finding in _assess(text, kind).findings
        if finding.code not in ("risk_model", "too_long")
    }


@pytest.mark.parametrize("special", SPECIALS)
@pytest.mark.parametrize(("template", "kind"), DRAFTS)
def test_quoted_words_are_the_same_as_in_the_plain_draft(template, kind, special):
    plain = " ".join(template.replace("{x}", "").split())
    typed = template.replace("{x}", special)
    plain_quotes = {q for q in _quotes(plain, kind) if q[1] != "combination"}
    typed_quotes = {
        (check, code, quote)
        for check, code, quote in _quotes(typed, kind)
        if code != "combination" and special not in quote
    }
    assert typed_quotes <= plain_quotes
    assert typed_quotes, "the draft should still be found risky in detail"


@pytest.mark.parametrize("special", SPECIALS)
def test_no_span_starts_or_ends_inside_a_word(special):
    text = (f"{special} Thanks to the lady from Hucclecote, 84, who rang us on Tuesday {special} "
            f"after losing £9,200 {special} to a caller pretending to be her bank {special}")
    for finding in _assess(text, "bank").findings:
        start, end = finding.start, finding.end
        assert 0 <= start < end <= len(text)
        assert not (start > 0 and text[start - 1].isalnum() and text[start].isalnum()), text[start:end]
        assert not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum()), text[start:end]
        assert text[start:end] == text[start:end].strip() or finding.code in ("risk_model",)


def test_health_detail_after_an_emoji_is_quoted_whole():
    text = "cold snap tonight ❄️ one of our residents with a heart or lung condition called us at 3am"
    quotes = [text[f.start : f.end] for f in _assess(text, "council").findings if f.code == "identifier.health"]
    assert quotes and all(q.endswith("condition") for q in quotes)
    assert all(not q.startswith(" ") for q in quotes)


def test_a_span_ending_on_an_emoji_keeps_its_variation_selector():
    typed = "tonight ❄️ over-75s"
    normalised = normalise(typed)
    index = normalised.text.index("❄")
    start, end = normalised.to_original(0, index + 1)
    assert typed[start:end] == "tonight ❄️"


def test_a_span_ending_on_an_accented_letter_keeps_its_accent():
    typed = "Zoe\u0301 came in"
    normalised = normalise(typed)
    start, end = normalised.to_original(0, 3)
    assert typed[start:end] == "Zoe\u0301"


def test_a_zero_width_space_inside_a_name_stays_inside_its_span():
    typed = "Mrs Pa\u200btel at 14 Lansdown Road has rent arrears"
    quotes = [typed[f.start : f.end] for f in _assess(typed, "council").findings]
    assert any("Pa\u200btel" in q for q in quotes)


@pytest.mark.parametrize("text", ["İstanbul İzmir", "ǅemal", "ΣΊΣΥΦΟΣ", "straße", "ﬁne", "İ" * 5])
def test_lower_casing_for_matching_keeps_every_offset(text):
    assert len(fold(text)) == len(text)
    assert len(lower_same_length(text)) == len(text)


POOL = ["a", "B", " ", ".", "❄", "\ufe0f", "👍", "🏽", "\u200d", "\u0301", "İ", "\u200b", "é",
        "ﬁ", "Ｈ", "р", "\u00ad", "\u0307", "ß", "\U0001f1ec", "ǅ", "\u2126", "\ufeff"]


def test_every_normalised_span_maps_onto_characters_that_normalise_back_to_it():
    rng = random.Random(17)
    for _ in range(3000):
        typed = "".join(rng.choice(POOL) for _ in range(rng.randint(1, 14)))
        normalised = normalise(typed)
        text = normalised.text
        previous_start = 0
        for index in range(len(text)):
            start, end = normalised.to_original(index, index + 1)
            assert previous_start <= start < end <= len(typed)
            previous_start = start
        if text:
            start, end = normalised.to_original(0, len(text))
            assert normalise(typed[start:end]).text == text
