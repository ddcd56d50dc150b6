"""Word lists matched in one pass with Aho-Corasick, on word boundaries.

Lists are plain text files in ``policies/checks/data/identifiers/`` (one term per line,
``#`` comments), loaded once. Matching is on a lower-cased copy of the text that keeps
every offset (``fold``), so spans point into the original.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).resolve().parent.parent / "checks" / "data" / "identifiers"


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid).

    ``str.lower`` turns a few characters into two ("İ" -> "i̇"); those are kept as-is.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@functools.cache
def read_terms(name: str) -> tuple[str, ...]:
    """The terms of one shipped list, without comments or blank lines."""
    path = DATA_DIR / name
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            terms.append(line)
    return tuple(terms)


@functools.cache
def read_sections(name: str) -> dict[str, tuple[str, ...]]:
    """A list split into ``[section]`` blocks (used for per-organisation cue words)."""
    sections: dict[str, list[str]] = {}
    current = "all"
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in sections.items()}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Lexicon:
    """Many phrases, each tagged with a value, found on word boundaries in one pass."""

    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for term, value in entries:
            key = fold(term.strip())
            if not key:
                continue
            existing = self._automaton.get(key, None)
            values = (existing[1] if existing else ()) + (value,)
            self._automaton.add_word(key, (len(key), values))
            count += 1
        self.size = count
        if count:
            self._automaton.make_automaton()

    def iter_matches(self, folded: str) -> Iterator[tuple[int, int, tuple[object, ...]]]:
        """(start, end, values) for every whole-word match in already-folded text."""
        if not self.size:
            return
        n = len(folded)
        for end_index, (length, values) in self._automaton.iter(folded):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and _is_word_char(folded[start - 1]) and _is_word_char(folded[start]):
                continue
            if end < n and _is_word_char(folded[end]) and _is_word_char(folded[end - 1]):
                continue
            yield start, end, values
