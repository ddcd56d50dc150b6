"""Length check: each network's real limit, counted the way that network counts.

- X: weighted count, limit 280. Every link counts 23 whatever its length; an emoji
  (even a multi-person sequence) counts 2; Latin, Greek, Cyrillic, Hebrew, Arabic and
  common punctuation count 1; everything else (CJK, ...) counts 2 (twitter-text v3).
- Bluesky: 300 graphemes (what a reader sees as one character).
- Mastodon: 500 characters, every link counts 23 and "@name@server" counts as "@name".
- Threads 500, LinkedIn 3,000, Facebook 63,206, Instagram 2,200 characters.
- "other" (or an unknown network): no limit.

The verdict is counted on the text as typed; the highlighted overflow is placed on the
normalised text the engine maps back.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator

import regex

from policies.checks.base import CheckContext, Finding, Severity
from policies.checks.links import find_links

LIMITS: dict[str, int | None] = {
    "x": 280,
    "twitter": 280,
    "bluesky": 300,
    "mastodon": 500,
    "threads": 500,
    "linkedin": 3000,
    "facebook": 63206,
    "instagram": 2200,
    "other": None,
}

LINK_LENGTH = 23
_GRAPHEME = regex.compile(r"\X")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\U0001F1E6-\U0001F1FF]")
_MASTODON_REMOTE = regex.compile(r"(?<![\w@])(@[A-Za-z0-9_]+)@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# twitter-text v3: code points in these ranges weigh 1, all others 2
_X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))

# A unit is (start, end, weight): a span of the text and what it counts for.
Unit = tuple[int, int, int]


def _x_weight(char: str) -> int:
    code = ord(char)
    return 1 if any(low <= code <= high for low, high in _X_LIGHT_RANGES) else 2


def _with_links(text: str, link_weight: int, other: Callable[[str, int], Iterator[Unit]]) -> Iterator[Unit]:
    position = 0
    for start, end, _host in find_links(text):
        yield from other(text[position:start], position)
        yield start, end, link_weight
        position = end
    yield from other(text[position:], position)


# Characters that are always a grapheme of their own, never emoji, and weigh the same
# one-by-one as in a cluster: Latin-1 and Latin Extended (below the combining marks at
# U+0300) except CR (CR LF is one grapheme), (c) and (R) (emoji), and the dashes, quotes,
# bullets and ellipsis of U+2010-2027. Nearly every draft is made of these alone.
_NOT_SIMPLE = regex.compile(r"[^\x00-\x0c\x0e-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2010-\u2027]")


def _stretches(piece: str) -> Iterator[tuple[int, int, bool]]:
    """``piece`` cut into (start, end, simple) stretches. A complex stretch is a run of
    characters outside the simple set widened by one character each side: a grapheme
    can start one character before a combining mark, ZWJ or variation selector (e + ́,
    1 + ︎ + ⃣) and end one after a prepended mark or CR, never further, and two simple
    characters side by side are always separate graphemes, so the cuts fall on grapheme
    boundaries."""
    position = 0
    length = len(piece)
    complex_start = complex_end = None
    for match in _NOT_SIMPLE.finditer(piece):
        start, end = max(match.start() - 1, 0), min(match.end() + 1, length)
        if complex_end is not None and start <= complex_end:
            complex_end = end
            continue
        if complex_end is not None:
            yield complex_start, complex_end, False
            position = complex_end
        if start > position:
            yield position, start, True
        complex_start, complex_end = start, end
    if complex_end is not None:
        yield complex_start, complex_end, False
        position = complex_end
    if position < length:
        yield position, length, True


def _x_grapheme_weight(grapheme: str) -> int:
    if _EMOJI.search(grapheme):
        return 2
    return sum(_x_weight(c) for c in unicodedata.normalize("NFC", grapheme))


def _x_units(piece: str, offset: int) -> Iterator[Unit]:
    for start, end, simple in _stretches(piece):
        if simple:  # twitter-text: U+2020-2027 weigh 2, the rest of the simple set 1
            for index in range(start, end):
                yield offset + index, offset + index + 1, 1 if piece[index] < "\u2020" else 2
        else:
            for match in _GRAPHEME.finditer(piece, start, end):
                yield offset + match.start(), offset + match.end(), _x_grapheme_weight(match.group(0))


def _grapheme_units(piece: str, offset: int) -> Iterator[Unit]:
    for start, end, simple in _stretches(piece):
        if simple:
            for index in range(start, end):
                yield offset + index, offset + index + 1, 1
        else:
            for match in _GRAPHEME.finditer(piece, start, end):
                yield offset + match.start(), offset + match.end(), 1


def _char_units(piece: str, offset: int) -> Iterator[Unit]:
    for index in range(len(piece)):
        yield offset + index, offset + index + 1, 1


def _mastodon_units(text: str) -> Iterator[Unit]:
    def others(piece: str, offset: int) -> Iterator[Unit]:
        position = 0
        for match in _MASTODON_REMOTE.finditer(piece):
            yield from _char_units(piece[position : match.start()], offset + position)
            yield offset + match.start(), offset + match.end(), len(match.group(1))
            position = match.end()
        yield from _char_units(piece[position:], offset + position)

    return _with_links(text, LINK_LENGTH, others)


def units(text: str, network: str) -> Iterator[Unit]:
    """The counting units of ``text`` on ``network``."""
    if network in ("x", "twitter"):
        return _with_links(text, LINK_LENGTH, _x_units)
    if network == "bluesky":
        return _grapheme_units(text, 0)
    if network == "mastodon":
        return _mastodon_units(text)
    return _char_units(text, 0)


def _x_count(text: str) -> int:
    """X's weighted length, fast: plain ASCII stretches count their length."""
    total = 0
    position = 0
    for start, end, _host in find_links(text):
        total += _x_piece_count(text[position:start]) + LINK_LENGTH
        position = end
    return total + _x_piece_count(text[position:])


def _x_piece_count(piece: str) -> int:
    if piece.isascii():
        return len(piece)
    # ASCII weighs 1 each; only the non-ASCII runs (emoji, accents, CJK) need grapheme work
    total = len(piece)
    for run in _NON_ASCII.finditer(piece):
        total += sum(weight for _start, _end, weight in _x_units(run.group(0), 0)) - len(run.group(0))
    return total


@functools.lru_cache(maxsize=32)
def count(text: str, network: str) -> int:
    """How long ``text`` is by ``network``'s rules.

    Kept for the last few texts: the live check counts each draft twice (this check,
    then the composer's counter beside it).
    """
    network = network.lower()
    if network in ("x", "twitter"):
        return _x_count(text)
    if network not in ("bluesky", "mastodon"):
        return len(text)  # code points; the fast path for 100 KB drafts
    return sum(weight for _start, _end, weight in units(text, network))


def run(ctx: CheckContext) -> list[Finding]:
    """BLOCK a draft longer than its network allows (it could not be published).

    Settings: ``limits`` (per-network overrides), ``over_severity`` (default "block").
    """
    if ctx.account is None:
        return []
    network = ctx.account.network.lower()
    limits = {**LIMITS, **{k.lower(): v for k, v in ctx.settings.get("limits", {}).items()}}
    limit = limits.get(network)
    if not limit:
        return []
    if len(ctx.original) <= limit // 2:
        return []  # no network counts a character as more than 2
    length = count(ctx.original, network)
    if length <= limit:
        return []
    overflow_start = len(ctx.text)
    running = 0
    for start, _end, weight in units(ctx.text, network):
        running += weight
        if running > limit:
            overflow_start = start
            break
    severity = Severity.parse(ctx.settings.get("over_severity", "block"))
    message = (
        f"This is {length:,} characters as {network} counts them; the limit is {limit:,}. "
        f"Cut {length - limit:,} to publish it."
    )
    return [Finding("length", "too_long", overflow_start, len(ctx.text), severity, message)]
