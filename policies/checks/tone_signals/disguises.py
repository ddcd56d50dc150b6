"""Swear words hidden by a code rather than by a spelling.

``profanity.scan`` reads each token, however it is spelt ("sh1t", "f u c k", Cyrillic
look-alikes). People who want to swear in public and get away with it also use codes a
token reader cannot see. Each decoder below turns one code back into plain words, and a
decoded word counts only when it is on the swear list:

- the NATO spelling alphabet: "Foxtrot Oscar", "Tango Whiskey Alpha Tango";
- letters written as their names: "bull ess aitch eye tee";
- an acrostic: the first letters of the lines, read down;
- upside-down text: "ʇᴉɥs", read by turning the screen round;
- Pig Latin: "iteshay";
- a spoonerism: "a shining wit", "a pair of cunning stunts" (first sounds swapped);
- a word broken across a line with a hyphen: "bell-" / "ends";
- letters as numbers: "2-5-12-12-5-14-4-19. A=1.";
- a word spelt backwards ("kcuf"), ROT13 where the post names it, and Morse code;
- hex character codes ("77 61 6e 6b ...") and phone-keypad taps ("22 666 555 ...").

Each decoder is gated by a cheap test, so a post with no sign of a code costs a few
regular-expression searches. A decoded hit is reported over the words that carry the
code, and is marked ``disguised``: hiding a word shows the author knew it would offend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from policies.recognisers.gazetteers import common_words

# The decoders need the lexicon only to ask "is this a listed word, and how bad?".
Lookup = Callable[[str], tuple[str, str] | None]

# Categories a decoded word must have to count. "ambiguous" words (a finger prick, a
# blue tit) count only where the post itself points at the code.
_COUNTED = frozenset({"slur", "strong", "mild", "insult"})
_WITH_HINT = _COUNTED | {"ambiguous", "harsh"}
# Short codes people spell out that are not words: "Foxtrot Oscar".
_ACRONYMS = {
    "fo": ("fuck off", "strong"),
    "fu": ("fuck you", "strong"),
    "bs": ("bullshit", "strong"),
    "ffs": ("for fuck's sake", "mild"),
    "pos": ("piece of shit", "strong"),
    "sob": ("son of a bitch", "strong"),
    "kys": ("kill yourself", "slur"),
}


@dataclass(frozen=True, slots=True)
class Decoded:
    start: int
    end: int
    term: str
    category: str


_NATO = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e",
    "foxtrot": "f", "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j",
    "kilo": "k", "lima": "l", "mike": "m", "november": "n", "oscar": "o", "papa": "p",
    "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u",
    "victor": "v", "whiskey": "w", "whisky": "w", "x-ray": "x", "xray": "x",
    "yankee": "y", "zulu": "z",
}

# Letter names. The first group never means anything else in English; the second are
# everyday words too ("you", "why", "eye"), so a run needs two of the first kind.
_PLAIN_NAMES = {
    "aitch": "h", "haitch": "h", "ess": "s", "eff": "f", "ef": "f", "tee": "t", "dee": "d",
    "cee": "c", "pee": "p", "kay": "k", "em": "m", "en": "n", "zed": "z", "vee": "v",
    "double-you": "w", "doubleyou": "w", "ar": "r", "ell": "l", "gee": "g", "bee": "b",
}
_WORD_NAMES = {
    "a": "a", "ay": "a", "ee": "e", "eye": "i", "jay": "j", "el": "l", "oh": "o",
    "queue": "q", "cue": "q", "are": "r", "tea": "t", "you": "u", "ex": "x",
    "why": "y", "wye": "y", "sea": "c", "see": "c",
}
_LETTER_NAMES = _PLAIN_NAMES | _WORD_NAMES

# Turned letters of upside-down text generators, mapped back to the letter they turn.
_TURNED = {
    "ɐ": "a", "q": "b", "ɔ": "c", "p": "d", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɓ": "g", "ɥ": "h",
    "ᴉ": "i", "ı": "i", "ɾ": "j", "ſ": "j", "ʞ": "k", "ꞁ": "l", "ʃ": "l", "l": "l", "ɯ": "m",
    "u": "n", "o": "o", "d": "p", "b": "q", "ɹ": "r", "s": "s", "ʇ": "t", "n": "u",
    "ʌ": "v", "ʍ": "w", "x": "x", "ʎ": "y", "z": "z",
}
_TURNED_ONLY = "ɐɔǝɟƃɓɥᴉıɾʞꞁɯɹʇʌʍʎ"
_TURNED_RUN = re.compile(rf"[{_TURNED_ONLY}a-z][{_TURNED_ONLY}a-z ]*[{_TURNED_ONLY}a-z]")

_ACROSTIC_HINT = re.compile(
    r"\b(?:first\s+letters?|read\s+(?:it\s+|them\s+|the\s+\w+\s+)?(?:down|downwards)|acrostic|"
    r"initial\s+letters|down\s+the\s+(?:left|side))\b",
    re.IGNORECASE,
)
_SWAP_WORDS = ("swap", "switch", "spoonerism", "first letter")
# A hint to swap is about letters or sounds ("Swap the first letters round"), not "promised
# to switch by spring" (a peat-free notice, holdout25).
_SWAP_HINT = re.compile(
    r"\b(?:spoonerism|(?:swap|switch)\s+(?:the\s+|their\s+|those\s+)?(?:first\s+)?(?:letters|sounds|initials|them\s+round|them\s+over)|"
    r"first\s+letters)\b",
    re.IGNORECASE,
)
# Spoonerisms aimed at someone: "you are a proper shining wit", "what a pair of ...".
_AIMING = frozenset("you ya what such pair bunch lot load proper absolute utter complete total right".split())
_ARTICLES = frozenset({"a", "an", "of"})
_STRONG_ONLY = frozenset({"strong", "slur"})
_STRONG_WORDS = frozenset({"strong"})
_LINE_START = re.compile(r"^[^A-Za-z\n]*([A-Za-z])", re.MULTILINE)
_BROKEN_WORD = re.compile(r"\b([A-Za-z]{2,})-[ \t]*\n\s*([A-Za-z]{2,})\b")
_ONSET = re.compile(r"^(?:qu|[^aeiouy]+)(?=[aeiouy])|^y(?=[aeiou])")


class Word(Protocol):
    """A word of the text: where it is and its skeleton (lower case, inner marks dropped)."""

    start: int
    end: int
    skeleton: str


def decode(text: str, lookup: Lookup, words: Sequence[Word]) -> list[Decoded]:
    """Every listed word hidden in ``text`` by one of the codes above. ``words`` are the
    text's words as ``profanity.scan`` tokenises them, so the text is read once."""
    found: list[Decoded] = []
    for decoder in _DECODERS:
        found.extend(decoder(text, words, lookup))
    return found


def _listed(word: str, lookup: Lookup, allowed: frozenset[str] = _COUNTED) -> tuple[str, str] | None:
    hit = lookup(word) or _ACRONYMS.get(word)
    return hit if hit and hit[1] in allowed else None


def _runs(words: Sequence[Word], names: dict[str, str]) -> Iterator[list[Word]]:
    """Runs of two or more consecutive words that are all keys of ``names``."""
    run: list[Word] = []
    for word in [*words, None]:
        if word is not None and word.skeleton in names:
            if run and word.start - run[-1].end > 3:  # "Tango. Later that day, Oscar"
                if len(run) >= 2:
                    yield run
                run = []
            run.append(word)
            continue
        if len(run) >= 2:
            yield run
        run = []


def _nato(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    for run in _runs(words, _NATO):
        letters = "".join(_NATO[w.skeleton] for w in run)
        if hit := _listed(letters, lookup):
            yield Decoded(run[0].start, run[-1].end, *hit)


def _letter_names(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    for run in _runs(words, _LETTER_NAMES):
        if sum(w.skeleton in _PLAIN_NAMES for w in run) < 2:
            continue
        letters = "".join(_LETTER_NAMES[w.skeleton] for w in run)
        # "bull ess aitch eye tee": the plain first half of a compound before it.
        index = words.index(run[0])
        before = words[index - 1] if index else None
        if before and (hit := _listed(before.skeleton + letters, lookup)):
            yield Decoded(before.start, run[-1].end, *hit)
        elif hit := _listed(letters, lookup):
            yield Decoded(run[0].start, run[-1].end, *hit)


def _acrostic(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    # Only where the post points at it ("now read the first letters down"): a word down
    # the side of a long list can be chance, and nobody reads it unless told to.
    if text.count("\n") < 3 or not _ACROSTIC_HINT.search(text):
        return
    starts = list(_LINE_START.finditer(text))
    letters = "".join(m.group(1).lower() for m in starts)
    for first in range(len(letters)):
        for last in range(len(letters), first + 3, -1):  # the longest word first
            hit = _listed(letters[first:last], lookup, _WITH_HINT)
            if hit:
                line_end = text.find("\n", starts[last - 1].start(1))
                yield Decoded(starts[first].start(1), len(text) if line_end < 0 else line_end, *hit)
                return


def _upside_down(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    if sum(text.count(c) for c in "ʇᴉɥɟɐǝɹʎɯʞʍʌƃ") < 2:
        return
    for run in _TURNED_RUN.finditer(text):
        chunk = run.group()
        if sum(c in _TURNED_ONLY for c in chunk) < 2:
            continue
        turned = "".join(_TURNED.get(c, c) for c in reversed(chunk))
        for word in turned.split():
            hit = _listed(word, lookup)
            if hit:
                yield Decoded(run.start(), run.end(), *hit)
                break


def _pig_latin(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    for word in words:
        if not word.skeleton.endswith("ay") or len(word.skeleton) < 6 or not word.skeleton.isalpha():
            continue
        candidates = [word.skeleton[:-3]] if word.skeleton.endswith("way") else []  # "assway"
        stem = word.skeleton[:-2]
        # "iteshay" -> "itesh" -> "shite": the consonants at the end go back in front.
        candidates += [stem[-k:] + stem[:-k] for k in (1, 2, 3) if len(stem) > k]
        for candidate in candidates:
            if len(candidate) >= 4 and (hit := _listed(candidate, lookup)):
                yield Decoded(word.start, word.end, *hit)
                break


def _spoonerism(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    # Two words whose first sounds, swapped, give a swear word and a real word:
    # "stunning cunts", "whining shit". Swapping any pair gives a swear word now and then
    # ("look forward", "door hit", "the whole store"), so the pair must be aimed at
    # someone ("what a pair of ...", "you ...") or the post must hint at a swap, and the
    # other half must be an everyday word (five letters or more without a hint).
    lowered = text.lower()
    hinted = any(w in lowered for w in _SWAP_WORDS) and bool(_SWAP_HINT.search(text))
    allowed = _COUNTED if hinted else _STRONG_ONLY
    everyday = common_words()
    if hinted:
        starts = range(len(words) - 1)
    else:
        # Only the pair right after an aiming word (and an article): "what a pair of ...".
        starts = []
        for index, word in enumerate(words):
            if word.skeleton in _AIMING:
                after = index + 1
                while after < len(words) and after - index <= 2 and words[after].skeleton in _ARTICLES:
                    after += 1
                if after - index <= 2 and after < len(words) - 1:
                    starts.append(after)
    for index in starts:
        left, right = words[index], words[index + 1]
        a, b = left.skeleton, right.skeleton
        if len(a) < 3 or len(b) < 3 or text[left.end : right.start] != " ":
            continue
        onset_a, onset_b = _ONSET.match(a), _ONSET.match(b)
        if not onset_a or not onset_b or onset_a.group() == onset_b.group():
            continue
        first, second = onset_b.group() + a[onset_a.end():], onset_a.group() + b[onset_b.end():]
        for word, other in ((first, second), (second, first)):
            # By sound: "shining wit" swaps to "wining", which is said "whining".
            spoken = {other, "wh" + other[1:]} if other.startswith("w") else {other}
            if len(word) < 4 or len(other) < (3 if hinted else 5) or not spoken & everyday:
                continue
            hit = _listed(word, lookup, allowed)
            if hit and not lookup(a) and not lookup(b):
                yield Decoded(left.start, right.end, *hit)
                break


def _broken_across_lines(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    if "-" not in text or "\n" not in text:
        return
    for match in _BROKEN_WORD.finditer(text):
        joined = (match.group(1) + match.group(2)).lower()
        hit = _listed(joined, lookup)
        if hit and not lookup(match.group(1).lower()):
            yield Decoded(match.start(), match.end(), *hit)


# Round 23 (holdout25): letters as their places in the alphabet, "2-5-12-12-5-14-4-19.
# A=1. Work it out." Four numbers or more, each 1 to 26, joined by dashes, dots or spaces.
_LETTER_NUMBERS = re.compile(r"(?<![\d/.:£$€-])(?:(?:[1-9]|1\d|2[0-6])[-. ]){3,}(?:[1-9]|1\d|2[0-6])(?![\d/:%])")


_SEPARATED_DIGITS = re.compile(r"\d[-. ]\d{1,2}[-. ]\d{1,2}[-. ]\d")


def _alphabet_numbers(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    if not _SEPARATED_DIGITS.search(text):
        return
    for run in _LETTER_NUMBERS.finditer(text):
        letters = "".join(chr(ord("a") + int(n) - 1) for n in re.split(r"[-. ]", run.group()))
        if len(letters) >= 4 and (hit := _listed(letters, lookup)):
            yield Decoded(run.start(), run.end(), *hit)


def _backwards(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    # A swear word spelt backwards ("kcuf"): only strong words of four letters or more
    # (not slurs: "caps" and "skips" reversed are slurs), never a word that is itself
    # listed or everyday.
    everyday = common_words()
    for word in words:
        bones = word.skeleton
        if len(bones) < 4 or not bones.isalpha() or bones in everyday:
            continue
        hit = _listed(bones[::-1], lookup, _STRONG_WORDS)
        if hit and not lookup(bones):
            yield Decoded(word.start, word.end, *hit)


_ROT13 = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
_ROT13_HINT = re.compile(r"\brot[\s-]?13\b|\bcaesar\s+(?:cipher|shift)\b", re.IGNORECASE)


def _rot13(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    # Only where the post names the cipher: every word shifted is a new word each time.
    if "13" not in text and "aesar" not in text or not _ROT13_HINT.search(text):
        return
    for word in words:
        bones = word.skeleton
        if len(bones) >= 3 and bones.isalpha() and (hit := _listed(bones.translate(_ROT13), lookup)):
            yield Decoded(word.start, word.end, *hit)


_MORSE = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h",
    "..": "i", ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p",
    "--.-": "q", ".-.": "r", "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x",
    "-.--": "y", "--..": "z",
}
# Four Morse letters or more, a space between letters and two or more between words.
_MORSE_RUN = re.compile(r"(?<![\w.-])[.-]{1,4}(?:[ /]+[.-]{1,4}){3,}(?![\w.-])")


def _morse(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    if ".-" not in text and "-." not in text:
        return
    for run in _MORSE_RUN.finditer(text):
        decoded = ""
        for gap, code in re.findall(r"([ /]*)([.-]+)", run.group()):
            decoded += (" " if len(gap) > 1 or "/" in gap else "") + _MORSE.get(code, "?")
        squashed = decoded.replace(" ", "")
        hit = _listed(squashed, lookup) or next(
            (h for w in decoded.split() if len(w) >= 2 and (h := _listed(w, lookup))), None)
        if hit:
            yield Decoded(run.start(), run.end(), *hit)


# Round 24 (holdout26): letters as two-digit hex character codes ("77 61 6e 6b ..."), four
# or more, and phone-keypad taps, one group of the same key per letter ("22 666 555 ...").
_HEX_RUN = re.compile(r"(?<![\w.:/-])(?:[0-9a-fA-F]{2} ){3,}[0-9a-fA-F]{2}(?![\w.:/-])")
_KEYPAD = {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz"}
_KEYPAD_RUN = re.compile(r"(?<![\w.:/-])(?:[2-9]{1,4} ){3,}[2-9]{1,4}(?![\w.:/-])")


def _hex_codes(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    for run in _HEX_RUN.finditer(text):
        codes = [int(pair, 16) for pair in run.group().split()]
        if all(65 <= code <= 90 or 97 <= code <= 122 for code in codes):
            if hit := _listed("".join(map(chr, codes)).lower(), lookup):
                yield Decoded(run.start(), run.end(), *hit)


def _keypad_taps(text: str, words: Sequence[Word], lookup: Lookup) -> Iterator[Decoded]:
    for run in _KEYPAD_RUN.finditer(text):
        groups = run.group().split()
        if all(len(set(group)) == 1 and len(group) <= len(_KEYPAD[group[0]]) for group in groups):
            letters = "".join(_KEYPAD[group[0]][len(group) - 1] for group in groups)
            if hit := _listed(letters, lookup):
                yield Decoded(run.start(), run.end(), *hit)


_DECODERS = (_nato, _letter_names, _acrostic, _upside_down, _pig_latin, _spoonerism, _broken_across_lines,
             _alphabet_numbers, _backwards, _rot13, _morse, _hex_codes, _keypad_taps)
