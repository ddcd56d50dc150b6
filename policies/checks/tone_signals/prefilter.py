"""Skip a regex cheaply when the text cannot match it.

The tone check runs a few hundred phrase patterns on every keystroke of the live
preview. Most never match, and Python's regex engine finds that out by trying every
position. Almost every pattern needs some literal word to be present ("thick as",
"brain cells", "unfollow"), and ``word in text`` is a single C-speed scan, so each
pattern carries the literals it cannot match without: if none is in the text, the regex
is not run at all. The literals are worked out from the pattern itself, so a pattern
edited later can never be wrongly skipped. One Aho-Corasick pass finds every literal of
every pattern at once (checking them one by one cost more than the regexes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

try:  # Python 3.11 moved the parser; the old name still works with a warning.
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# A literal shorter than this is in nearly every text, so it would filter nothing.
MIN_LITERAL = 3


def _best(candidates: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The most selective set of alternatives: the one whose shortest literal is longest."""
    usable = [c for c in candidates if c and min(len(s) for s in c) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))


def _required(items) -> tuple[str, ...] | None:
    """Literals one of which every match of the parsed sequence ``items`` contains."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(("".join(run),))
            run.clear()

    for op, arg in getattr(items, "data", items):  # a SubPattern's list: indexing it is slow
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        if op is _c.SUBPATTERN:
            found = _required(arg[-1])
            if found:
                candidates.append(found)
        elif op is _c.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(branches):
                candidates.append(tuple(sorted({s for b in branches for s in b})))  # type: ignore[union-attr]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _required(arg[2])
            if found:
                candidates.append(found)
    close_run()
    return _best(candidates)


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals, one of which is in any text ``pattern`` matches (None: no such set).
    ``flags`` are those it is compiled with (re.VERBOSE changes what is a literal)."""
    try:
        return required_literals_of(_sre_parse.parse(pattern, flags))
    except (re.error, AttributeError, TypeError):  # pragma: no cover - be safe, run the regex
        return None


def required_literals_of(parsed) -> tuple[str, ...] | None:
    """``required_literals`` of a pattern already parsed by ``re._parser.parse``."""
    try:
        return _required(parsed)
    except (re.error, AttributeError, TypeError):  # pragma: no cover - be safe, run the regex
        return None


class Gate:
    """Which of a list of patterns could match a text, from one scan for all literals."""

    def __init__(self, literal_sets: Sequence[tuple[str, ...] | None]) -> None:
        self._always = [i for i, literals in enumerate(literal_sets) if literals is None]
        owners: dict[str, list[int]] = {}
        for index, literals in enumerate(literal_sets):
            for literal in literals or ():
                owners.setdefault(literal, []).append(index)
        self._automaton = ahocorasick.Automaton()
        for literal, indices in owners.items():
            self._automaton.add_word(literal, tuple(indices))
        self._empty = not owners
        if owners:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> list[int]:
        """Indices, in order, of the patterns whose required literals occur in ``text``."""
        chosen = set(self._always)
        if not self._empty:
            for _, indices in self._automaton.iter(text):
                chosen.update(indices)
        return sorted(chosen)
