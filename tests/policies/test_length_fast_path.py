"""The length check's fast paths count exactly as the plain grapheme walk does."""

import random
import string
import unicodedata

import pytest
import regex

from policies.checks import length

_GRAPHEME = regex.compile(r"\X")


def reference_x_units(piece: str, offset: int):
    """The original definition: every grapheme through the regex, weighed one by one."""
    for match in _GRAPHEME.finditer(piece):
        grapheme = match.group(0)
        if length._EMOJI.search(grapheme):
            weight = 2
        else:
            weight = sum(length._x_weight(c) for c in unicodedata.normalize("NFC", grapheme))
        yield offset + match.start(), offset + match.end(), weight


def reference_grapheme_units(piece: str, offset: int):
    for match in _GRAPHEME.finditer(piece):
        yield offset + match.start(), offset + match.end(), 1


SIMPLE = string.printable.replace("\r", "") + "£éüñßøÆ–—‘’“”•…†‡ʃ\u00a0\u00ad"
HARD = [
    "\r\n", "\r", "e\u0301", "a\u0308\u0301", "👍", "👍🏽", "👩\u200d👩\u200d👧", "🇬🇧", "🇬🇧🇫🇷", "1\ufe0f\u20e3",
    "©", "®", "™", "‼", "\u0600" "1", "क्ष", "\u1100\u1161\u11a8", "日本", "€", "\u200b", "\ufe0f", "\u200d",
    "🏳\ufe0f\u200d🌈", "x\u0301\u0302", "\U000e0067",
]
SAMPLES = ["", "a", "#ad 10:30\n\tend", "x" * 300, "Café – £3.50 “all welcome” … • ‡", "Thanks 👍🏽 see you at 10!"]
for seed in range(150):
    rng = random.Random(seed)
    SAMPLES.append("".join(rng.choice(SIMPLE) if rng.random() < 0.8 else rng.choice(HARD) for _ in range(seed % 40 + 1)))


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_paths_match_the_grapheme_walk(text):
    assert list(length._x_units(text, 5)) == list(reference_x_units(text, 5))
    assert list(length._grapheme_units(text, 5)) == list(reference_grapheme_units(text, 5))


def test_plain_text_is_one_simple_stretch_and_what_is_not():
    def simple(text):
        return list(length._stretches(text)) == [(0, len(text), True)]

    assert simple("Café – £3.50 “all welcome” …")
    assert not simple("line\r\nnext")
    assert not simple("cafe\u0301")  # a combining accent
    assert not simple("© 2026") and not simple("‼")
    assert list(length._stretches("ab 👍 cd")) == [(0, 2, True), (2, 5, False), (5, 7, True)]
    assert length.count("ok 👍🏽", "x") == 5  # "ok " + one emoji weighing 2
