"""The span every recogniser returns, and the kinds of identifier it may name."""

from __future__ import annotations

from dataclasses import dataclass

# Identify a person on their own.
DIRECT_KINDS = frozenset({"name", "phone", "email", "postcode", "address", "code", "handle"})
# Identify a person only in combination ("Hey look, that's me!").
QUASI_KINDS = frozenset(
    {
        "date",
        "weekday",
        "time",
        "duration",
        "age",
        "life_stage",
        "family",
        "occupation",
        "place",
        "org",
        "money",
        "count",
        "health",
        "legal",
        "financial",
        "housing",
        "unique",
        "nationality",
        "proper_noun",
    }
)


@dataclass(frozen=True, slots=True)
class Span:
    """Something in the text that could help identify a person.

    ``label`` says more precisely what was seen ("weekday", "first name + surname",
    "street address", ...) for messages; ``weak`` marks spans found on thin evidence
    (an unknown capitalised word, a bare number) that matter only next to a client cue.
    """

    start: int
    end: int
    kind: str
    label: str = ""
    weak: bool = False
