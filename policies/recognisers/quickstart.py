"""Regular expressions that skip, in one step, the places where they cannot start.

Python's ``re`` tries a pattern at every position of the text. A recogniser pattern is
typically ``\\b(?:aged?\\s+... | turn(?:s|ed)... | (?:one|two|...)[\\s-]+years...)``: at
each of a draft's few hundred positions every alternative is tried and fails, and ``re``
only skips ahead on its own when a pattern begins with a plain literal or character set.
``quick`` works out which characters the pattern can begin with (and whether every match
begins at a word boundary) and puts that in front as a lookahead,
``(?=\\b[0-9acefh...])(?:...)``, which ``re`` checks at each position before trying the
alternatives. The matches are the same (a lookahead consumes nothing and the set holds
every character a match can start with); the age pattern runs about four times faster.

Most recogniser patterns also cannot match without one of a few words ("you lot",
"some of you|them", "aged|turns"): ``quick`` works those out too (the tone check's
``required_literals_of``) and, when none of them is in the text, answers ``finditer``,
``search`` and ``findall`` without running the pattern at all: a ``str.__contains__`` or
two instead of a scan. Texts holding a character whose case ``re`` folds differently from
``str.lower`` (a dotted capital I, a dotless i, a long s) are always scanned.

When the pattern could match the empty string, or uses something the analysis does not
follow (a negated set, ``.``, a back-reference, flags switched inside it), ``quick``
leaves that part alone. ``QUICKENED`` keeps every quick pattern so a test can check it
matches as its ``original`` does on every labelled draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _compiler, _parser
from re import _constants as C  # noqa: N812 (the parser's opcode names)

from policies.checks.tone_signals.prefilter import required_literals_of

QUICKENED: list[Quick] = []
# More words than this and checking them all costs about what the scan would: 40
# measured 8.6% fewer instructions per assess() on the bench draft than 8 (callgrind).
MAX_LITERALS = 40

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_GLOBAL_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _listed(items):
    """A parsed sequence's items as a plain list (indexing a SubPattern is slow)."""
    return getattr(items, "data", items)


class _Unknown(Exception):
    """The pattern uses something the analysis does not follow."""


def _class_item(op, av) -> str:
    if op is C.LITERAL:
        return _escape(av)
    if op is C.RANGE:
        return f"{_escape(av[0])}-{_escape(av[1])}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(op)


def _escape(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


def _first(items) -> tuple[list[str], bool]:
    """The set items a match of the sequence ``items`` can begin with, and whether the
    sequence can match the empty string."""
    found: list[str] = []
    for op, av in _listed(items):
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: what follows supplies the first character
        if op is C.LITERAL:
            return found + [_class_item(op, av)], False
        if op is C.IN:
            if any(item_op is C.NEGATE for item_op, _ in av):
                raise _Unknown("negated set")
            return found + [_class_item(item_op, item_av) for item_op, item_av in av], False
        if op is C.BRANCH:
            nullable = False
            for alternative in av[1]:
                chars, empty = _first(alternative)
                found += chars
                nullable = nullable or empty
            if not nullable:
                return found, False
            continue
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if add_flags or del_flags:
                raise _Unknown("inline flags")
            chars, empty = _first(inner)
        elif op is C.ATOMIC_GROUP:
            chars, empty = _first(av)
        elif op in _REPEATS:
            low, _high, inner = av
            chars, empty = _first(inner)
            empty = empty or low == 0
        else:
            raise _Unknown(op)
        found += chars
        if not empty:
            return found, False
    return found, True


def _at_boundary(items) -> bool:
    """Whether every match of ``items`` begins at a word boundary (``\\b`` before the
    first character on every path)."""
    for op, av in _listed(items):
        if op is C.AT:
            if av is C.AT_BOUNDARY:
                return True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width tests at the same position: their order is free
        if op is C.BRANCH:
            return all(_at_boundary(alternative) for alternative in av[1])
        if op is C.SUBPATTERN and not av[1] and not av[2]:
            return _at_boundary(av[3])
        return False
    return False


def _scanned_fast_already(parsed, flags: int) -> bool:
    """Whether ``re`` skips ahead by itself: the pattern starts with a literal or a set it
    can search for (a lookahead in front would only hide that from it)."""
    try:
        prefix, _skip, _all = _compiler._get_literal_prefix(parsed, flags)
        return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, flags))
    except (AttributeError, TypeError, ValueError):  # another Python's internals: decide without them
        return False


def _lookahead(pattern: re.Pattern[str], parsed) -> re.Pattern[str]:
    """``pattern`` with a lookahead of the characters it can begin with, or itself."""
    flags = pattern.flags & ~re.UNICODE
    try:
        chars, empty = _first(parsed.data)
    except _Unknown:
        return pattern
    if empty or not chars or _scanned_fast_already(parsed, parsed.state.flags):
        return pattern
    boundary = r"\b" if _at_boundary(parsed.data) else ""
    # Dedupe, keeping order so the rewritten pattern is stable between runs.
    charset = "".join(dict.fromkeys(chars))
    close = "\n)" if flags & re.VERBOSE else ")"  # a trailing comment must not swallow it
    # Flags written into the pattern ("(?i)...") are in ``flags`` already, and may only
    # stand at its start: drop them from the text.
    body = _GLOBAL_FLAGS.sub("", pattern.pattern)
    try:
        return re.compile(f"(?={boundary}[{charset}])(?:{body}{close}", flags)
    except re.error:
        return pattern


def _flags_switched_inside(items) -> bool:
    for op, av in _listed(items):
        if op is C.SUBPATTERN and (av[1] or av[2]):
            return True
        nested = []
        if op is C.SUBPATTERN:
            nested = [av[3]]
        elif op is C.BRANCH:
            nested = av[1]
        elif op in _REPEATS:
            nested = [av[2]]
        elif op in (C.ASSERT, C.ASSERT_NOT):
            nested = [av[1]]
        elif op is C.ATOMIC_GROUP:
            nested = [av]
        if any(_flags_switched_inside(inner) for inner in nested):
            return True
    return False


def _gate_literals(pattern: re.Pattern[str], parsed) -> tuple[str, ...] | None:
    """Words one of which every match contains, in the form ``Quick`` looks for them."""
    if _flags_switched_inside(parsed.data):
        return None  # a (?i:...) part would need its own case rule
    literals = required_literals_of(parsed)
    if not literals or len(literals) > MAX_LITERALS:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(literal.isascii() for literal in literals):
            return None  # only ASCII words: their other case forms are known (_UNFOLDED)
        literals = tuple(literal.lower() for literal in literals)
    return literals


def _analyse(text: str, flags: int) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    """The pattern to scan with (with a lookahead in front when that helps) and the
    words it needs (None: no gate)."""
    pattern = re.compile(text, flags)
    try:
        parsed = _parser.parse(text, pattern.flags & ~re.UNICODE)
    except re.error:  # pragma: no cover - re.compile above has parsed it already
        return pattern, None
    return _lookahead(pattern, parsed), _gate_literals(pattern, parsed)


def quick(pattern: str | re.Pattern[str], flags: int = 0) -> Pattern:
    """``re.compile(pattern, flags)`` made to skip what it cannot match (see above): a
    lookahead of the characters it can begin with, and a gate on the words it needs.
    Compiled and analysed when first used, so a module of patterns imports at no cost
    and a pattern that never runs in a process is never compiled."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)
    quicker = Quick(pattern, flags)
    QUICKENED.append(quicker)
    return quicker


def _unfolded() -> frozenset[str]:
    """Characters of a text that ``re`` matches case-insensitively to an ASCII letter
    whose ``str.lower`` is not that letter: the long s, the dotless i, the dotted capital
    I (which lower-cases to two characters)... Found by asking ``re`` itself about every
    character with extra case forms."""
    candidates = {"\u0130"}
    for key, values in getattr(_compiler, "_EXTRA_CASES", {}).items():
        for code in (key, *values):
            candidates.update((chr(code), chr(code).upper()))
    letters = [chr(code) for code in range(ord("a"), ord("z") + 1)]
    return frozenset(
        char for char in candidates
        if not char.isascii() and any(
            re.fullmatch(letter, char, re.IGNORECASE) and char.lower() != letter for letter in letters
        )
    ) | {"\u0130"}


_UNFOLDED = _unfolded()
# The text last folded and its folded form, as one tuple: replaced whole, never edited, so
# a thread reading it while another assesses a different draft sees a matching pair.
_last_folded: tuple[str, str | None] = ("", "")


def _folded(text: str) -> str | None:
    """``text`` lower-cased, or None when it holds a character in ``_UNFOLDED``.
    Remembers the last text: a recogniser runs many patterns over the same draft."""
    global _last_folded
    last_text, last_folded = _last_folded
    if text is last_text:
        return last_folded
    folded = text.lower() if text.isascii() or _UNFOLDED.isdisjoint(text) else None
    _last_folded = (text, folded)
    return folded


class Quick:
    """A pattern that scans with a lookahead of its first characters and is not run over
    a text holding none of the words it needs (each lower-cased when the pattern ignores
    case). Everything else is the compiled pattern's own. Compiled on first use."""

    __slots__ = ("_text", "_flags", "_scanner", "_literals", "_folded")

    def __init__(self, text: str, flags: int) -> None:
        self._text = text
        self._flags = flags
        self._scanner: re.Pattern[str] | None = None
        self._literals: tuple[str, ...] | None = None
        self._folded = bool(flags & re.IGNORECASE)

    def _ready(self) -> re.Pattern[str]:
        scanner = self._scanner
        if scanner is None:
            scanner, self._literals = _analyse(self._text, self._flags)
            self._folded = bool(scanner.flags & re.IGNORECASE)  # "(?i)" written inside counts too
            self._scanner = scanner
        return scanner

    @property
    def original(self) -> re.Pattern[str]:
        """The pattern as written, compiled without any of this (for tests to compare)."""
        return re.compile(self._text, self._flags)

    @property
    def gated(self) -> bool:
        """Whether a text without the pattern's words is answered without a scan."""
        self._ready()
        return self._literals is not None

    def _cannot_match(self, string: str) -> bool:
        literals = self._literals
        if literals is None:
            return False
        text = _folded(string) if self._folded else string
        if text is None:
            return False
        for literal in literals:
            if literal in text:
                return False
        return True

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        scanner = self._ready()
        if self._cannot_match(string):
            return iter(())
        return scanner.finditer(string, *args)

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        scanner = self._ready()
        if self._cannot_match(string):
            return None
        return scanner.search(string, *args)

    def findall(self, string: str, *args: int) -> list:
        scanner = self._ready()
        if self._cannot_match(string):
            return []
        return scanner.findall(string, *args)

    def __getattr__(self, name: str):
        return getattr(self._ready(), name)

    def __repr__(self) -> str:
        return f"quick({self._text!r}, {self._flags!r})"


Pattern = re.Pattern[str] | Quick
