"""Swearing, slurs and name-calling, including disguised spellings.

The vendored better-profanity word list (``data/tone/better_profanity_wordlist.txt``,
MIT) is sorted into categories by our own ``data/tone/lexicon.tsv``: much of the raw list
is anatomy, health, crime or ordinary words ("stroke", "virgin", "pasty") that an NHS
trust or a police force must be able to say.

Matching is by whole token, never by substring: that is what keeps "Scunthorpe",
"Penistone", "class" and "assess" clean. Each token is reduced to a skeleton (lower case,
leetspeak undone, inner dots and dashes dropped, long letter runs collapsed) and looked
up in one dict that already holds every term and its masked spellings ("f*ck", "sh*t",
"a**hole"). A dict lookup per token is as fast as an Aho-Corasick pass and gives exact
word boundaries for free. Spaced-out letters ("f u c k", "s.h.i.t") are joined first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from policies.checks.tone_signals.disguises import decode

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "tone"

CATEGORIES = ("slur", "strong", "mild", "insult", "harsh", "ambiguous")
# When a masked spelling could stand for several terms, the most serious one wins.
_RANK = {name: rank for rank, name in enumerate(reversed(CATEGORIES))}

_LEET = str.maketrans(
    {
        "@": "a",
        "4": "a",
        "$": "s",
        "5": "s",
        "3": "e",
        "0": "o",
        "1": "i",
        "!": "i",
        "|": "i",
        "7": "t",
        "+": "t",
        "8": "b",
        "9": "g",
        "#": "*",
        "%": "*",
        "&": "*",
    }
)
_DROP_INSIDE = re.compile(r"[.\-_'’]")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[\w@$*!+|#%&'’.\-]+")
_SPACED = re.compile(r"(?<!\S)(?:[A-Za-z0-9@$!|+*][ ._\-]){2,}[A-Za-z0-9@$!|+*](?!\S)")
_MENTION = re.compile(r"@[A-Za-z0-9_]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ROAD_NUMBER = re.compile(r"[A-Z]{1,2}\d{1,4}[A-Z]?")
# Nobody spells out more than this many letters one by one.
_LONGEST_SPELT_OUT = 16

# Roots that make any word they begin (or, for the first two, appear in) a swear word:
# "clusterfuck", "apeshit", "wankstain". Kept to roots with no innocent carriers; "cunt"
# is prefix-only because of Scunthorpe.
_INFIX_ROOTS = ("fuck", "shit")
_PREFIX_ROOTS = ("cunt", "wank", "twat", "bollock", "motherf")
# Place names: Shitterton (Dorset), Twatt (Orkney and Shetland).
_ROOT_EXCEPTIONS = frozenset({"shiitake", "shitake", "shitterton", "twatt"})

# Listed words inside everyday British phrases that mean nothing of the kind: a Black
# Country dish, a cleaning idiom, a glimmer of hope, a species, cigarettes. Each entry is a
# run of token skeletons; its words are not looked up.
_INNOCENT_PHRASES = frozenset({
    ("spick", "and", "span"), ("spic", "and", "span"),
    ("chink", "of", "light"), ("chink", "of", "hope"), ("chink", "of", "sunlight"),
    ("chink", "in", "the", "armour"), ("chink", "in", "their", "armour"), ("chink", "in", "our", "armour"),
    ("chink", "in", "his", "armour"), ("chink", "in", "her", "armour"), ("chink", "in", "its", "armour"),
    ("pussy", "willow"), ("pussy", "willows"),
    ("homo", "sapiens"), ("homo", "erectus"), ("homo", "neanderthalensis"),
    ("faggots", "and", "peas"), ("faggots", "peas"), ("faggots", "and", "mushy"), ("faggots", "and", "mash"),
    ("faggots", "and", "gravy"), ("faggot", "and", "peas"), ("faggots", "mushy"),
})
# Birds: "214 blue tits, 96 great tits". Aimed at someone ("you great tit") they are
# insults again, so they are innocent only when aimed at nobody.
_BIRDS = frozenset(
    (kind, tit)
    for kind in ("blue", "great", "coal", "marsh", "willow", "crested", "bearded", "longtailed", "penduline")
    for tit in ("tit", "tits")
)
_INNOCENT_STARTS = frozenset(phrase[0] for phrase in _INNOCENT_PHRASES | _BIRDS)
# Round 23: a female dog, after a breed or "dog": "a French bulldog bitch and her puppies".
_FEMALE_DOG = frozenset({"bitch", "bitches"})
_DOG_BEFORE = re.compile(
    r"(?:dog|terrier|spaniel|labrador|collie|greyhound|whippet|lurcher|retriever|poodle|beagle|dachshund|husky|"
    r"shepherd|setter|pointer|hound|mastiff|boxer|pug|staffie|staffy|rottweiler|doberman|brood|breeding)$"
)
# "fags" next to smoking is cigarettes: "ditch the fags this Stoptober".
_CIGARETTE_WORDS = frozenset({"fag", "fags"})
_SMOKING_NEAR = re.compile(r"smok|cigar|stoptober|vap|tobacco|nicotine|lighter|ashtray|packet")
_SMOKING_WINDOW = 10


def _innocent(tokens: list[_Token]) -> set[int]:
    """Indices of tokens inside an innocent phrase (``_INNOCENT_PHRASES``) or a "fags"
    among smoking words and aimed at nobody ("you fags" stays a slur whatever is near)."""
    covered: set[int] = set()
    for index, token in enumerate(tokens):
        if token.skeleton in _INNOCENT_STARTS:
            for size in (4, 3, 2):
                phrase = tuple(t.skeleton for t in tokens[index : index + size])
                if phrase in _INNOCENT_PHRASES or (phrase in _BIRDS and not _is_directed(tokens, index)):
                    covered.update(range(index, index + size))
                    break
        elif (token.skeleton in _FEMALE_DOG and index and _DOG_BEFORE.search(tokens[index - 1].skeleton)
              and not _is_directed(tokens, index)):
            covered.add(index)
        elif token.skeleton in _CIGARETTE_WORDS and not _is_directed(tokens, index):
            near = tokens[max(0, index - _SMOKING_WINDOW) : index + _SMOKING_WINDOW + 1]
            if any(_SMOKING_NEAR.search(t.skeleton) for t in near):
                covered.add(index)
    return covered


SECOND_PERSON = frozenset(
    {"you", "your", "youre", "yours", "yourself", "yourselves", "ur", "u", "ya", "yer", "ye", "youse", "thou"}
)
# Words that can sit between an aiming word and the insult: "you absolute idiot".
_FILLERS = frozenset(
    {
        "a",
        "an",
        "such",
        "absolute",
        "total",
        "complete",
        "utter",
        "proper",
        "right",
        "massive",
        "bloody",
        "fucking",
        "fkn",
        "little",
        "big",
        "fat",
        "lazy",
        "stupid",
        "useless",
        "pathetic",
        "ignorant",
        "arrogant",
        "incompetent",
        "smug",
        "lying",
        "bunch",
        "pack",
        "load",
        "lot",
        "of",
        "and",
        "silly",
        "old",
        "real",
        "dumb",
        "just",
        "being",
        # Round 21: "you selfish gobsh#te", "you entitled muppets".
        "selfish",
        "entitled",
        "rude",
        "greedy",
        "thick",
        "clueless",
        "inconsiderate",
        "thoughtless",
    }
)
_AIMING = SECOND_PERSON | {"what", "is", "are", "r", "be", "like", "called", "hey", "oi", "dear"}


@dataclass(frozen=True, slots=True)
class WordHit:
    """One offending word: where it is, which term it stands for, and whether it is aimed
    at someone (a second person or an @mention close by)."""

    start: int
    end: int
    term: str
    category: str
    directed: bool
    # Hidden by a code (tone_signals.disguises): the author knew it would offend.
    disguised: bool = False


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    raw: str
    skeleton: str
    mention: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    single: dict[str, tuple[str, str]]
    multi: dict[tuple[str, ...], tuple[str, str]]
    proper: frozenset[str]
    ignored: frozenset[str]
    multi_starts: frozenset[str]


def skeleton(word: str) -> str:
    """Lower-case, undo leetspeak and drop inner punctuation: "Sh1t" -> "shit"."""
    return _DROP_INSIDE.sub("", word.lower().translate(_LEET))


def _masked_spellings(term: str) -> list[str]:
    """Every way of starring out inner letters: "fuck" -> f*ck, fu*k, f**k."""
    length = len(term)
    return [term[:i] + "*" * (j - i) + term[j:] for i in range(1, length - 1) for j in range(i + 1, length)]


def _add(table: dict, key, term: str, category: str) -> None:
    current = table.get(key)
    if current is None or _RANK[category] > _RANK[current[1]]:
        table[key] = (term, category)


@functools.cache
def lexicon() -> _Lexicon:
    """Load and index the word lists once per process."""
    categories: dict[str, str] = {}
    proper: set[str] = set()
    for line in (DATA_DIR / "lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, term, *flags = line.split("\t")
        categories[term.strip().lower()] = category
        if "proper" in flags:
            proper.add(term.strip().lower())
    # The vendor list spells some words several ways ("t1t", "s_h_i_t"); a spelling
    # whose skeleton we have already sorted keeps our category.
    sorted_skeletons = {" ".join(skeleton(p) for p in term.split()) for term in categories}
    vendor = (DATA_DIR / "better_profanity_wordlist.txt").read_text(encoding="utf-8")
    for term in vendor.splitlines():
        term = term.strip().lower()
        key = " ".join(skeleton(p) for p in term.split())
        if term and key not in sorted_skeletons:
            categories[term] = "strong"
            sorted_skeletons.add(key)

    single: dict[str, tuple[str, str]] = {}
    multi: dict[tuple[str, ...], tuple[str, str]] = {}
    ignored: set[str] = set()
    for term, category in categories.items():
        if category == "ignore":
            ignored.update(skeleton(part) for part in term.split())
            # Starring out even a harmless listed word ("h*ll") shows the author
            # meant it as a swear word.
            if " " not in term and len(term) >= 4 and term.isalpha():
                for masked in _masked_spellings(term):
                    _add(single, masked, term, "mild")
            continue
        parts = [skeleton(part) for part in term.split()]
        if len(parts) > 1:
            _add(multi, tuple(parts), " ".join(parts), category)
            continue
        key = parts[0]
        _add(single, key, key, category)
        if len(key) >= 4 and key.isalpha():
            masked_category = "strong" if category == "ambiguous" else category
            for masked in _masked_spellings(key):
                _add(single, masked, key, masked_category)
    # Fully starred-out f-words are unambiguous ("f***ing" is not "fagging"), unlike
    # "s***" or "b****", so they override whatever the generated spellings said.
    for masked in (
        "f***",
        "f***ing",
        "f**king",
        "f***in",
        "f***ed",
        "f***er",
        "f***ers",
        "f**k",
        "f**ked",
        "f**ker",
        "f**kin",
        "f*ck",
        "f*cking",
        "f*cked",
    ):
        single[masked] = ("fuck", "strong")
    return _Lexicon(
        single, multi, frozenset(proper), frozenset(ignored - set(single)), frozenset(words[0] for words in multi)
    )


@functools.lru_cache(maxsize=65536)
def _trim(raw: str) -> tuple[int, str, str] | None:
    """Strip edge punctuation from one raw token: (offset of the word, word, skeleton).

    Cached because a live preview re-checks the same words on every keystroke.
    """
    starred = raw.startswith("*")
    stripped = raw.lstrip(".'’-!|#*")
    offset = len(raw) - len(stripped)
    word = stripped.rstrip(".'’-!|#" + ("*" if starred else ""))
    for suffix in ("'s", "’s"):
        if word.lower().endswith(suffix):
            word = word[: -len(suffix)]
    if not word:
        return None
    # Digits alone are numbers ("455" is not "ass"); symbols need a letter or an @/$ to
    # count as a disguised word ("a$$", "@$$").
    if not _HAS_LETTER.search(word) and not (set(word) & {"@", "$"}):
        return None
    # A capital and digits is a road, a route or a grid square ("A55", "M5", "B4066"),
    # not leetspeak ("A55" is the North Wales Expressway, not "ass").
    if _ROAD_NUMBER.fullmatch(word):
        return None
    return offset, word, skeleton(word)


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        trimmed = _trim(match.group())
        if trimmed is None:
            continue
        offset, word, bones = trimmed
        start = match.start() + offset
        tokens.append(_Token(start, start + len(word), word, bones, word[0] == "@" and bool(_MENTION.match(word))))
    return tokens


def _variants(raw: str, base: str) -> list[str]:
    if base.isalpha() and "1" not in raw and not _RUN3.search(base):
        return [base]
    variants = [base]
    if "1" in raw or "|" in raw:
        variants.append(skeleton(raw.replace("1", "l").replace("|", "l")))
    for word in list(variants):
        if _RUN3.search(word):
            variants.append(_RUN3.sub(r"\1", word))
            variants.append(_RUN3.sub(r"\1\1", word))
        if "*" in word.strip("*") and re.fullmatch(r"[a-z](\*[a-z])+", word):
            variants.append(word.replace("*", ""))
    return variants


@functools.lru_cache(maxsize=65536)
def _lookup(raw: str, base: str) -> tuple[str, str] | None:
    lex = lexicon()
    for variant in _variants(raw, base):
        if variant in lex.ignored:
            return None
        hit = lex.single.get(variant)
        if hit:
            return hit
        if variant in _ROOT_EXCEPTIONS:
            return None
        if any(root in variant for root in _INFIX_ROOTS) or variant.startswith(_PREFIX_ROOTS):
            return (variant, "strong")
    # A starred-out plural whose singular is listed: "f**kwits", "t*ssers". Only starred
    # words: a plain plural may be innocent where its singular is not ("assess").
    if "*" in base.strip("*") and base.endswith("s") and len(base) >= 5:
        for singular in (base[:-1], base[:-2] if base.endswith("es") else None):
            hit = lex.single.get(singular) if singular else None
            if hit:
                return hit
    return None


def _plain_lookup(word: str) -> tuple[str, str] | None:
    """A decoded word as listed: no leetspeak, no masks (tone_signals.disguises)."""
    return lexicon().single.get(word)


def _is_directed(tokens: list[_Token], index: int) -> bool:
    """Is the word at ``index`` aimed at someone: "you idiot", "what a prat", "@jo is a
    knob", "idiots like you"? A bare word ("a finger prick", "a blue tit") is not."""
    back, skipped = index - 1, 0
    while back >= 0 and tokens[back].skeleton in _FILLERS and skipped < 4:
        back, skipped = back - 1, skipped + 1
    if back >= 0 and (tokens[back].mention or tokens[back].skeleton in _AIMING):
        # "is"/"are" aim only through an article: "@jo is a knob", not "is prick-free".
        if tokens[back].skeleton not in {"is", "are", "r", "be"} or skipped:
            return True
    for ahead in tokens[index + 1 : index + 3]:
        if ahead.mention or ahead.skeleton in {"you", "u", "ya"}:
            return True
    return False


def _hit(
    tokens: list[_Token], index: int, found: tuple[str, str], lex: _Lexicon, end_index: int | None = None
) -> WordHit | None:
    term, category = found
    token = tokens[index]
    if term in lex.proper and token.raw[:1].isupper() and not token.raw.isupper():
        return None
    directed = _is_directed(tokens, index)
    if category == "ambiguous" and not directed:
        return None
    end = tokens[end_index].end if end_index is not None else token.end
    return WordHit(token.start, end, term, category, directed)


def _spaced_hits(text: str, lex: _Lexicon) -> list[WordHit]:
    """Letters spelt out with gaps: "f u c k", "s-h-i-t", "a.s.s"."""
    hits = []
    for match in _SPACED.finditer(text):
        joined = skeleton(match.group()[::2])
        offset = 0
        while offset <= len(joined) - 3:
            # Longest word first, so "f u c k i n g" reads as "fucking", not "fuck".
            for size in range(min(_LONGEST_SPELT_OUT, len(joined) - offset), 2, -1):
                entry = lex.single.get(joined[offset : offset + size])
                if entry and entry[1] not in ("ambiguous", "insult", "harsh"):
                    term, category = entry
                    start = match.start() + 2 * offset
                    hits.append(WordHit(start, start + 2 * size - 1, term, category, False))
                    offset += size
                    break
            else:
                offset += 1
    return hits


@dataclass(frozen=True, slots=True)
class Scan:
    """What the word lists saw in one text."""

    hits: list[WordHit]
    # Words of the raw list we chose not to flag ("kill", "hell", "gay"): not findings,
    # but the classifier uses them, as in tweets they lean offensive.
    listed_but_ignored: int


def find_words(text: str) -> list[WordHit]:
    """Every offending word in ``text``, in order, with spans into ``text``."""
    return scan(text).hits


def scan(text: str) -> Scan:
    """Offending words in ``text`` (with spans) and a count of ignored listed words."""
    lex = lexicon()
    tokens = _tokens(text)
    hits: list[WordHit] = []
    covered = _innocent(tokens)
    for index in range(len(tokens)):
        if tokens[index].skeleton not in lex.multi_starts:
            continue
        for size in (4, 3, 2):
            key = tuple(t.skeleton for t in tokens[index : index + size])
            if len(key) == size and key in lex.multi:
                hit = _hit(tokens, index, lex.multi[key], lex, index + size - 1)
                if hit:
                    hits.append(hit)
                    covered.update(range(index, index + size))
                break
    for index, token in enumerate(tokens):
        if index in covered or token.mention:
            continue
        found = _lookup(token.raw, token.skeleton)
        if found:
            hit = _hit(tokens, index, found, lex)
            if hit:
                hits.append(hit)
    seen = {(h.start, h.end) for h in hits}
    for hit in _spaced_hits(text, lex):
        if not any(s <= hit.start < e for s, e in seen):
            hits.append(hit)
            seen.add((hit.start, hit.end))
    for code in decode(text, _plain_lookup, tokens):
        if not any(s < code.end and code.start < e for s, e in seen):
            hits.append(WordHit(code.start, code.end, code.term, code.category, False, disguised=True))
            seen.add((code.start, code.end))
    ignored = sum(1 for token in tokens if token.skeleton in lex.ignored)
    return Scan(sorted(hits, key=lambda h: h.start), ignored)
