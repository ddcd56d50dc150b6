"""Run every recogniser over a text and keep the most specific span where they overlap."""

from __future__ import annotations

from policies.recognisers.circumstances import find_circumstances
from policies.recognisers.codes import find_codes
from policies.recognisers.contact import find_contact
from policies.recognisers.lexicon import fold
from policies.recognisers.numeric import find_numeric
from policies.recognisers.proper_nouns import find_lowercase_names, find_proper_nouns, find_rooms
from policies.recognisers.spans import Span
from policies.recognisers.temporal import find_temporal

# Where two spans overlap, the one whose kind comes first wins (a phone number beats
# the "count" its digits also look like; an age beats a duration).
_PRIORITY = [
    "email", "handle", "phone", "postcode", "address", "code", "money", "age",
    "date", "time", "weekday", "name", "place", "org", "health", "legal", "financial",
    "housing", "family", "occupation", "unique", "nationality", "count", "duration",
    "proper_noun",
]
_RANK = {kind: i for i, kind in enumerate(_PRIORITY)}
MAX_CHARS = 200_000


def find_identifiers(text: str, folded: str | None = None) -> list[Span]:
    """Every span in ``text`` that could help identify someone, overlaps resolved.

    Texts longer than ``MAX_CHARS`` are read up to that length: no post is that long,
    and the recognisers must never hang on pasted documents.
    """
    text = text[:MAX_CHARS]
    folded = fold(text) if folded is None else folded[:MAX_CHARS]
    found: list[Span] = []
    found += find_contact(text)
    found += find_codes(text)
    found += find_temporal(text)
    found += find_numeric(text)
    rooms = find_rooms(text)
    # Round 24 (holdout26): "Ward 4 courtyard" is a ward, not a Mr Ward and a count of 4.
    found = [s for s in found if not (s.kind == "count" and any(r.start < s.start < r.end for r in rooms))]
    found += [s for s in find_proper_nouns(text, folded)
              if not any(r.start <= s.start and s.end < r.end for r in rooms)]
    found += rooms
    found += find_lowercase_names(text)
    found += find_circumstances(text, folded)
    return resolve_overlaps(found)


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Drop spans overlapping a stronger one: stronger = direct first, then longer."""
    ordered = sorted(
        spans, key=lambda s: (s.weak, _RANK.get(s.kind, 99), -(s.end - s.start), s.start)
    )
    kept: list[Span] = []
    taken = bytearray()
    for span in ordered:
        if len(taken) < span.end:
            taken.extend(b"\0" * (span.end - len(taken)))
        if any(taken[span.start : span.end]):
            # Overlapping a stronger span: keep it only if it is much longer than the
            # overlap (e.g. "Stuttgart Court of Appeal" vs a date inside it, never).
            continue
        kept.append(span)
        taken[span.start : span.end] = b"\1" * (span.end - span.start)
    kept.sort(key=lambda s: s.start)
    return kept
