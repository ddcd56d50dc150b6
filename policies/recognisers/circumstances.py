"""Life circumstances from word lists: family, job, health, legal, money, housing, life
stage, origin, and descriptors that single one person out ("the only ...")."""

from __future__ import annotations

from policies.recognisers.gazetteers import circumstances_lexicon
from policies.recognisers.proper_nouns import _sentence_initial
from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span

_LABELS = {
    "occupation": "job",
    "family": "family circumstance",
    "health": "health detail",
    "legal": "legal matter",
    "financial": "money trouble",
    "housing": "housing circumstance",
    "life_stage": "life stage",
    "unique": "unique descriptor",
    "nationality": "nationality or origin",
}
# Words in these lists that are far too everyday to count unless capitalised.
_NEEDS_CAPITAL = frozenset({"nationality"})
_LOWERCASE_OK = frozenset({"national", "nationals", "citizen"})


# Medical vocabulary by its shape, for conditions no list can hold ("gonarthrosis",
# "discopathy", "sciatica") and "<adjective> illness/disorder/injury".
_MEDICAL = quick(
    r"\b[a-z]{3,}(?:itis|osis|pathy|algia|aemia|emia|ectomy|otomy|plegia|phrenia|trophy|"
    r"sclerosis|carcinoma|oma|ica)\b"
    r"|\b(?:[a-z]+\s+){0,2}(?:illness|disease|disorder|syndrome|injuries|injury|fracture|"
    r"condition|impairment|infection|tumour|tumor|palsy)\b"
)
_NOT_MEDICAL = frozenset({"diagnosis", "prognosis", "osmosis", "hypnosis", "thrombosis", "coma",
                          "aroma", "diploma", "diplomas", "stoma", "soma", "idiopathy",
                          "sympathy", "empathy", "apathy", "antipathy", "telepathy",
                          "practica", "replica", "harmonica", "erotica", "electronica",
                          "america", "africa", "jamaica", "formica", "basilica", "angelica"})


def find_circumstances(text: str, folded: str) -> list[Span]:
    """Every circumstance word or phrase in ``text``."""
    spans: list[Span] = []
    for m in _MEDICAL.finditer(folded):
        word = m.group()
        if word in _NOT_MEDICAL or word.split()[-1] in _NOT_MEDICAL:
            continue
        if text[m.start()].isupper() and not _sentence_initial(text, m.start()):
            continue
        spans.append(Span(m.start(), m.end(), "health", "health detail"))
    matches = list(circumstances_lexicon().iter_matches(folded))
    for start, end, values in matches:
        if _inside_a_longer_phrase(start, end, values, matches):
            continue
        for kind, term in values:
            if term.isupper() and text[start:end] != term:
                continue  # acronyms (MS, GP, ICU) only in capitals
            if kind in _NEEDS_CAPITAL and term not in _LOWERCASE_OK and not text[start].isupper():
                continue
            if (kind not in _NEEDS_CAPITAL and term.islower() and text[start].isupper()
                    and not _sentence_initial(text, start)):
                continue  # "Tenant Voice panel", "Stroke Audit": part of a name
            kind_out = "age" if kind == "life_stage" else kind
            spans.append(Span(start, end, kind_out, _LABELS[kind]))
            break
    return spans


def _inside_a_longer_phrase(start: int, end: int, values: tuple, matches: list) -> bool:
    """A phrase inside a longer listed phrase of another kind means what the longer one
    says: "hearing" in "hearing aid" is health, not a court hearing."""
    kinds = {kind for kind, _term in values}
    return any(other_start <= start and end <= other_end and (other_start, other_end) != (start, end)
               and not kinds & {kind for kind, _term in other_values}
               for other_start, other_end, other_values in matches)
