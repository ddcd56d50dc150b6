"""Patterns given a lookahead of their first characters (policies/recognisers/quickstart.py)
match exactly as they did, on every labelled draft and on made-up edge cases."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from policies.checks import customer_privacy, identifiers, tone  # noqa: F401 (quickens their patterns)
from policies.engine.assess import assess
from policies.recognisers.quickstart import QUICKENED, Quick, quick

# Some patterns are compiled on first use (customer privacy's, the tone cues'): one
# assessment builds them before the pairs are collected below.
assess("Your refund was sent on Tuesday, sorry Pete.", account=None)

ROOT = Path(__file__).resolve().parents[2]
LABELLED = [
    json.loads(line)["text"]
    for path in sorted([*ROOT.glob("tests/data/*.jsonl"), *ROOT.glob("policies/packs/examples/*.jsonl")])
    for line in path.read_text().splitlines()
    if line.strip()
][::2]  # every other one: half the time, and still ~1,900 real drafts of every kind
EDGES = ["", " ", "Aged 47", "AGED 47", "she's 62.", "£4,200", "K", "\u212a", "x\ny", "ÅNGSTRÖM 12:30pm", "🎉 aged 9 🎉"]


def _matches(pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_recognisers_use_quickened_patterns() -> None:
    assert len(QUICKENED) >= 50
    assert sum(quicker.gated for quicker in QUICKENED) >= 50


@pytest.mark.parametrize("quicker", QUICKENED, ids=lambda quicker: quicker._text[:40])
def test_a_quickened_pattern_matches_as_before(quicker: Quick) -> None:
    original = quicker.original
    assert quicker.flags == original.flags
    for text in LABELLED + EDGES:
        assert _matches(quicker, text) == _matches(original, text), text
        assert bool(quicker.search(text)) == bool(original.search(text)), text


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:aged?|turns?)\s+\d+", r"(?=\b[at])"),  # every match starts at a word boundary
        (r"(?:\s*|x)(?:over|under)\s+\d+", r"(?=[\sxou])"),  # \s* may be empty: what follows counts too
        (r"(?i)\bmrs?\b", r"(?=\b[m])"),  # a leading flag stays in force
    ],
)
def test_the_lookahead_holds_the_first_characters(pattern: str, expected: str) -> None:
    assert quick(re.compile(pattern)).pattern.startswith(expected)


@pytest.mark.parametrize("pattern", [r"(?:over|under)\s+\d+", r"[£$]\s?\d+", r"abc"])
def test_a_pattern_re_already_searches_for_gets_no_lookahead(pattern: str) -> None:
    assert quick(re.compile(pattern)).pattern == pattern


@pytest.mark.parametrize("pattern", [r"x*", r"(?:a|)b?", r"[^a]b", r"(?i:a)b"])
def test_what_it_cannot_follow_is_left_alone(pattern: str) -> None:
    quicker = quick(re.compile(pattern))
    assert quicker.pattern == pattern
    assert not quicker.gated


def test_a_pattern_is_not_run_on_a_text_without_the_words_it_needs() -> None:
    gated = quick(re.compile(r"\b(?:some|many)\s+of\s+(?:you|them)\b", re.IGNORECASE))
    assert gated.gated
    assert gated.findall("SOME of YOU know") == ["SOME of YOU"]
    assert gated.search("nothing here") is None
    assert list(gated.finditer("none of us")) == []
    assert gated.sub("_", "many of them") == "_"  # everything else is the pattern's own


def test_case_folding_that_lower_does_not_show_still_matches() -> None:
    # re matches "ſ" (long s) to "s" and "ı" (dotless i) to "i" when ignoring case;
    # str.lower() does not, so texts holding them are always scanned.
    gated = quick(re.compile(r"\bsome\s+of\s+(?:you|them)\b", re.IGNORECASE))
    for text in ("ſome of you", "some of them \u0131", "\u0130t is some of you"):
        assert [m.span() for m in gated.finditer(text)] == [
            m.span() for m in re.finditer(r"\bsome\s+of\s+(?:you|them)\b", text, re.IGNORECASE)
        ]


def test_a_verbose_pattern_is_read_as_verbose() -> None:
    # Layout whitespace is not a word the text must hold.
    gated = quick(re.compile(r"""
        \b(?:case|claim)
        \s+\d+""", re.VERBOSE))
    assert gated.findall("the claim 42") == ["claim 42"]


def test_a_verbose_pattern_ending_in_a_comment_keeps_its_closing_bracket() -> None:
    quicker = quick(re.compile("ab  # the word", re.VERBOSE))
    assert quicker.findall("xx ab ab") == ["ab", "ab"]


def test_case_insensitive_patterns_keep_matching_any_case() -> None:
    quicker = quick(re.compile(r"\bkelvin\b", re.IGNORECASE))
    assert quicker.findall("Kelvin KELVIN \u212aelvin") == ["Kelvin", "KELVIN", "\u212aelvin"]


def test_threads_assessing_different_drafts_get_what_one_thread_gets(monkeypatch) -> None:
    # The gate remembers the last text it folded; threads (runserver, a threaded worker)
    # assessing different drafts at once must never read another draft's folding.
    from concurrent.futures import ThreadPoolExecutor

    from policies.checks import pattern

    # The admins' patterns run under a 50 ms wall-clock guard; on a loaded CI machine four
    # threads sharing the GIL can trip it (a pattern_timeout finding in one run and not the
    # other), which says nothing about what this test is for.
    monkeypatch.setattr(pattern, "DEFAULT_TIMEOUT_SECONDS", 10.0)

    # One fixed moment: with the clock, a run that crosses the quiet hours' start would
    # differ for a reason that has nothing to do with threads.
    at = datetime(2026, 11, 18, 12, tzinfo=UTC)
    texts = LABELLED[:240]
    alone = [assess(text, account=None, at=at).as_dict() for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda text: assess(text, account=None, at=at).as_dict(), texts))
    assert together == alone
