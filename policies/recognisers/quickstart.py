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

When the pattern could match the empty string, or uses something the analysis does not
follow (a negated set, ``.``, a back-reference, flags switched inside it), ``quick``
returns it unchanged. ``QUICKENED`` keeps every (original, quick) pair so a test can
check they match alike on every labelled draft.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 (the parser's opcode names)
from re import _parser

QUICKENED: list[tuple[re.Pattern[str], re.Pattern[str]]] = []

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
    for op, av in items:
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
    for op, av in items:
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


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of the characters it can begin with (see above)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    flags = pattern.flags & ~re.UNICODE
    try:
        parsed = _parser.parse(pattern.pattern, flags)
        chars, empty = _first(parsed.data)
    except (_Unknown, re.error):
        return pattern
    if empty or not chars:
        return pattern
    boundary = r"\b" if _at_boundary(parsed.data) else ""
    # Dedupe, keeping order so the rewritten pattern is stable between runs.
    charset = "".join(dict.fromkeys(chars))
    close = "\n)" if flags & re.VERBOSE else ")"  # a trailing comment must not swallow it
    # Flags written into the pattern ("(?i)...") are in ``flags`` already, and may only
    # stand at its start: drop them from the text.
    body = _GLOBAL_FLAGS.sub("", pattern.pattern)
    try:
        quicker = re.compile(f"(?={boundary}[{charset}])(?:{body}{close}", flags)
    except re.error:
        return pattern
    QUICKENED.append((pattern, quicker))
    return quicker
