"""The shipped word lists, loaded once: names, places, common words, circumstances, cues.

One Aho-Corasick automaton holds the multi-word lists (places and every circumstance
list), so a post is scanned once for all of them. Names and common words are sets,
looked up per capitalised token.
"""

from __future__ import annotations

import functools

from policies.recognisers.lexicon import Lexicon, fold, read_sections, read_terms

CIRCUMSTANCE_FILES = {
    "occupation": "occupation.txt",
    "family": "family.txt",
    "health": "health.txt",
    "legal": "legal.txt",
    "financial": "financial.txt",
    "housing": "housing.txt",
    "life_stage": "life_stage.txt",
    "unique": "unique.txt",
    "nationality": "nationality.txt",
}


@functools.cache
def first_names() -> frozenset[str]:
    return frozenset(fold(n) for n in read_terms("first_names.txt"))


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(fold(n) for n in read_terms("surnames.txt"))


@functools.cache
def common_words() -> frozenset[str]:
    # common_words.txt is generated (tools/train_identifiers.py); the curated list adds
    # the ordinary words its corpus under-counts that the name lists also hold.
    return frozenset(read_terms("common_words.txt")) | frozenset(read_terms("common_words_curated.txt"))


@functools.cache
def places_lexicon() -> Lexicon:
    """Place names; each value is ("place", term)."""
    return Lexicon((term, ("place", term)) for term in read_terms("places.txt"))


@functools.cache
def circumstances_lexicon() -> Lexicon:
    """Circumstance words; each value is (kind, term as listed)."""
    entries = []
    for kind, name in CIRCUMSTANCE_FILES.items():
        entries.extend((term, (kind, term)) for term in read_terms(name))
    return Lexicon(entries)


@functools.cache
def cue_lexicon() -> Lexicon:
    """Client and public cues; values are ("client", org_kind) or ("public", "all")."""
    entries: list[tuple[str, object]] = []
    for section, terms in read_sections("client_cues.txt").items():
        entries.extend((term, ("client", section)) for term in terms)
    entries.extend((term, ("public", "all")) for term in read_terms("public_cues.txt"))
    return Lexicon(entries)


@functools.cache
def extra_lexicon(terms: tuple[tuple[str, str], ...]) -> Lexicon:
    """A small lexicon from policy settings (cached per distinct settings value)."""
    return Lexicon((term, value) for term, value in terms)


def warm_up() -> None:
    """Load everything now (the engine calls this at start-up, tests measure it)."""
    first_names()
    surnames()
    common_words()
    places_lexicon()
    circumstances_lexicon()
    cue_lexicon()
