"""Round 18: listed words inside everyday British phrases are not slurs.

Invented posts. A comms team writes about faggots and peas (a Black Country dish), a hall
left spick and span, a chink of light, Homo sapiens and giving up the fags; the same words
aimed at people stay slurs.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
from policies.checks.base import Severity
from policies.checks.tone_signals.profanity import find_words
from tests.policies.checking import highest

INNOCENT = [
    "Black Country Day at our Dudley branch: faggots and peas from 12, free for members!",
    "Our cleaning team left the community hall spick and span after the Diwali party.",
    "After a long winter, a chink of light: the new counselling rooms open on Monday.",
    "Every team has a chink in its armour. Ours is the coffee machine.",
    "Ready to ditch the fags this Stoptober? Our pharmacists can help you quit.",
    "Meet Homo sapiens' oldest cousin at the museum this half term.",
]

AIMED = [
    "Get lost, you fags.",
    "Some chink was rude to our staff again.",
    "We don't serve spics here.",
    "Faggots like you aren't welcome.",
    "Stop smoking on our doorstep, you fags.",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_an_everyday_phrase_is_not_a_slur(text):
    assert find_words(text) == []
    assert highest(tone, text) <= Severity.LOW


@pytest.mark.parametrize("text", AIMED)
def test_the_same_words_aimed_at_people_are_still_slurs(text):
    assert any(hit.category == "slur" for hit in find_words(text))
    assert highest(tone, text) == Severity.BLOCK
