"""The ASCII fast path of the length check counts exactly as the grapheme path does."""

import random
import string

import pytest

from policies.checks import length

ALPHABET = string.printable.replace("\r", "") + "£éüñßøÆ–—‘’“”•…†‡ʃ\u00a0\u00ad"
SAMPLES = ["", "a", "#ad 10:30\n\tend", "x" * 300, "Join us at 10am! bit.ly/x @StroudDC #Stroud",
           "Café – £3.50 “all welcome” … • ‡"] + [
    "".join(random.Random(seed).choices(ALPHABET, k=seed * 7)) for seed in range(60)
]


@pytest.mark.parametrize("text", SAMPLES)
def test_ascii_fast_path_matches_the_grapheme_path(text, monkeypatch):
    assert length._plain(text)
    fast = list(length._x_units(text, 5)), list(length._grapheme_units(text, 5))
    monkeypatch.setattr(length, "_plain", lambda piece: False)
    assert fast == (list(length._x_units(text, 5)), list(length._grapheme_units(text, 5)))


def test_carriage_returns_and_emoji_take_the_grapheme_path():
    assert not length._plain("line\r\nnext")
    assert not length._plain("cafe\u0301")  # a combining accent
    assert not length._plain("© 2026") and not length._plain("‼")
    assert length.count("ok 👍🏽", "x") == 5  # "ok " + one emoji weighing 2
