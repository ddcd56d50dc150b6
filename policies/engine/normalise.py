"""Text normalisation for matching, with a map back to the text the author typed.

Checks match against a normalised copy of the draft so that tricks such as a zero-width
space inside a word ("pay\u200bment"), full-width letters or Cyrillic look-alikes
("раyment" with a Cyrillic "р") never hide a banned phrase. Every span a check returns
is an offset into the normalised text; :meth:`NormalisedText.to_original` maps it back
onto the original so the author sees the right words highlighted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# Characters that render as nothing (or only steer rendering) and so can be slipped
# inside a word to break a match: format characters (category Cf: zero-width space and
# joiners, bidi controls, soft hyphen, word joiner, tag characters, BOM) plus a few
# marks and fillers that are not Cf but are just as invisible.
_INVISIBLE_NOT_CF = frozenset(
    "\u034f"  # combining grapheme joiner
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers, used as "blank" characters
    "\u17b4\u17b5"  # Khmer inherent vowels, invisible
    "\u180b\u180c\u180d\u180e\u180f"  # Mongolian free variation selectors / vowel separator
    "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07"
    "\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"  # variation selectors
)

# Letters from other scripts that look like Latin letters. NFKC does not fold these
# (they are different letters), so a phrase written with them would slip past a Latin
# word list. Folding is for matching only: the author's text is never changed.
_HOMOGLYPHS = {
    # Cyrillic lower case
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g", "ո": "n", "ս": "u",
    "ӏ": "l", "ь": "b", "г": "r", "п": "n", "ц": "u", "ш": "w",
    # Cyrillic upper case
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "I",
    "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "α": "a", "ο": "o",
    "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "ϲ": "c", "ϳ": "j",
    # Latin look-alikes outside ASCII that NFKC keeps
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ʏ": "y", "ℓ": "l",
    # Round 23: "fμck" (mu, and the micro sign NFKC turns into it).
    "μ": "u",
    # Round 23: negative circled and negative squared capitals ("🅵🆄🅲🅺"), which NFKC keeps.
    # (Regional indicators are not folded: in pairs they are flags.)
    **{chr(base + i): chr(ord("A") + i) for base in (0x1F150, 0x1F170) for i in range(26)},
    # Digits used as letters are deliberately NOT folded here: "0" is far more often a
    # zero than an "o". The tone check handles leetspeak in its own word lists.
}


# Characters that may need work in text that is already NFKC: invisible ones, marks,
# look-alikes and accented Latin letters. Text without any of them is left alone.
_SPECIAL = regex.compile(
    "[\\p{Cf}\\p{M}\u00c0-\u024f\u1e00-\u1eff"
    + "".join(regex.escape(c) for c in sorted(set(_HOMOGLYPHS) | _INVISIBLE_NOT_CF))
    + "]"
)


def _is_invisible(char: str) -> bool:
    return char in _INVISIBLE_NOT_CF or unicodedata.category(char) == "Cf"


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The normalised text plus, for each of its characters, where it came from."""

    text: str
    original: str
    # starts[i]/ends[i]: the span of ``original`` that produced ``text[i]``; None when
    # the text was already normal (identity map, the common case for plain ASCII).
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text onto the original text."""
        length = len(self.text)
        start = min(max(start, 0), length)
        end = min(max(end, start), length)
        if self.starts is None or self.ends is None:
            return start, end
        if start == end:
            position = self.starts[start] if start < length else len(self.original)
            return position, position
        limit = self.starts[end] if end < length else len(self.original)
        return self.starts[start], _through_dropped_marks(self.original, self.ends[end - 1], limit)


def _through_dropped_marks(original: str, end: int, limit: int) -> int:
    """Extend ``end`` (up to ``limit``, where the next normalised character comes from)
    over marks normalisation dropped that belong to the character before them: an emoji's
    variation selector ("❄" + U+FE0F) or a leftover accent. A span that stopped before them
    would cut in two a character the author sees as one."""
    while end < limit and unicodedata.category(original[end]) in ("Mn", "Me"):
        end += 1
    return end


def _fold(piece: str) -> str:
    """NFKC, then look-alike folding, then accents off Latin letters (matching only)."""
    piece = unicodedata.normalize("NFKC", piece)
    if piece.isascii():
        return piece
    folded: list[str] = []
    for char in piece:
        char = _HOMOGLYPHS.get(char, char)
        if unicodedata.combining(char) and folded and folded[-1].isascii():
            continue  # a leftover accent on a letter already folded to ASCII
        if not char.isascii():
            # "é" -> "e" so "cafe" rules catch "café"; non-Latin letters keep their marks
            decomposed = unicodedata.normalize("NFD", char)
            if decomposed[0].isascii() and decomposed[0].isalpha():
                char = decomposed[0]
        folded.append(char)
    return "".join(folded)


def normalise(original: str) -> NormalisedText:
    """Return the matching form of ``original`` with an offset map back to it.

    Clusters (a base character and the combining marks after it) are normalised together
    so that "e" + U+0301 and "é" fold alike; invisible characters are dropped.
    """
    if original.isascii():  # NFKC and folding leave ASCII unchanged
        return NormalisedText(text=original, original=original)
    if unicodedata.is_normalized("NFKC", original):
        if not _SPECIAL.search(original):
            return NormalisedText(text=original, original=original)
        return _normalise_special_characters(original)
    return _normalise_clusters(original)


def _normalise_special_characters(original: str) -> NormalisedText:
    """Already NFKC: copy runs of ordinary text whole and fold only the special characters."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _SPECIAL.finditer(original):
        index = match.start()
        if index > position:
            parts.append(original[position:index])
            starts.extend(range(position, index))
            ends.extend(range(position + 1, index + 1))
        position = index + 1
        char = original[index]
        if _is_invisible(char):
            continue
        if unicodedata.combining(char) and parts and parts[-1][-1:].isascii():
            continue  # an accent on a letter that is (or was folded to) ASCII
        folded = _fold(char)
        for char_out in folded:
            parts.append(char_out)
            starts.append(index)
            ends.append(index + 1)
    if position < len(original):
        parts.append(original[position:])
        starts.extend(range(position, len(original)))
        ends.extend(range(position + 1, len(original) + 1))
    return NormalisedText(text="".join(parts), original=original, starts=tuple(starts), ends=tuple(ends))


def _normalise_clusters(original: str) -> NormalisedText:
    """The general path: NFKC and folding cluster by cluster."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    length = len(original)
    while index < length:
        char = original[index]
        if _is_invisible(char):
            index += 1
            continue
        cluster_end = index + 1
        # Keep combining marks with their base (skipping invisible ones in between).
        while cluster_end < length and (
            unicodedata.combining(original[cluster_end]) or _is_invisible(original[cluster_end])
        ):
            cluster_end += 1
        cluster = "".join(c for c in original[index:cluster_end] if not _is_invisible(c))
        folded = _fold(cluster)
        for char_out in folded:
            parts.append(char_out)
            starts.append(index)
            ends.append(cluster_end)
        index = cluster_end
    return NormalisedText(
        text="".join(parts), original=original, starts=tuple(starts), ends=tuple(ends)
    )
