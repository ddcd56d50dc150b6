"""Dates, weekdays, clock times, relative times ("this morning") and durations.

An appointment time or the day something happened is one of the details that lets a
client recognise themselves; on its own it is harmless (events have dates too).
"""

from __future__ import annotations

import re

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span
from policies.recognisers.tries import in_order

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# A trie (policies/recognisers/tries.py) with the same matches as the list: the patterns
# using it try it at nearly every word. "a few" and "a couple of" are not among them:
# the VERBOSE patterns that use this list dropped their spaces ("afew"), so they never
# matched, and counting them now would change what is found (left for a measured change).
NUMBER_WORDS = (
    in_order((*_UNITS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
              "seventy", "eighty", "ninety", "hundred", "a", "an", "several"))
    + "(?:[- ]" + in_order(_UNITS) + ")?"
)
_MONTH_SAFE = (
    r"(?:January|February|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# "March" and "May" are also a town, a name and a verb: only capitalised forms count,
# and alone they need a date-ish neighbour (see _ambiguous_month).
MONTH = rf"(?:{_MONTH_SAFE}|March|May|Mar\.?)"
DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"

_DATE = quick(
    rf"""
    \b{DAY}(?:\s*(?:-|–|/|and|to|&)\s*{DAY})?\s+(?:of\s+)?{MONTH}
        (?:\s*(?:/|-|–|to)\s*{DAY}\s+{MONTH})?(?:,?\s+{YEAR})?\b
    | \b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?
    | \b(?:early|mid|late|end\ of|beginning\ of)[\s-]+{MONTH}(?:\s+{YEAR})?\b
    | \b{MONTH},?\s+{YEAR}\b
    | \b(?:[0-3]?\d[/.][01]?\d[/.](?:\d{{4}}|\d\d))\b
    | \b\d{{4}}-[01]\d-[0-3]\d\b
    | \b(?:spring|summer|autumn|winter|Spring|Summer|Autumn|Winter|Christmas|Easter)\s+(?:of\s+)?{YEAR}\b
    | \b{YEAR}(?:\s*(?:-|–|/|to|and)\s*(?:{YEAR}|\d\d))?(?:['’]?s)?\b
    """,
    re.VERBOSE,
)
_MONTH_ALONE = quick(rf"\b(?:{MONTH})\b")
_MONTH_NAMED = re.compile(r"(?<![\d\s]\s)(?<!\bof\s)(?<!\bin\s)\b(April|May|June|August)\s+from\s+our\s+")
_MONTH_LOWER = re.compile(
    r"\b(?:january|february|april|june|july|august|september|october|november|december)\b"
)
_AMBIGUOUS_MONTH_BEFORE = quick(
    r"(?:\b(?:in|of|since|until|till|from|by|during|early|late|mid|last|next|this|"
    r"before|after|throughout|end|start|beginning)\s*-?\s*)$",
    re.IGNORECASE,
)
_PLACE_BEFORE = quick(
    r"\b(?:live|lives|living|lived|moved|move|based|born|grew up|near|town of|from|"
    r"visit|visiting|resident)\s+(?:in\s+|to\s+)?$",
    re.IGNORECASE,
)

_WEEKDAY = quick(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|"
    # (and "Thu: St John's Church": a timetable line)
    r"\b(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\b\.?(?=\s*(?:\d|morning|afternoon|evening|night)|:)"
)
_TIME = quick(
    r"""
    \b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.|AM|PM)(?![A-Za-z])
    | \b(?:[01]?\d|2[0-3]):[0-5]\d\b
    | \b(?:12\s+)?(?:noon|midday|midnight)\b
    | \b(?:half|quarter)\s+(?:past|to)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|
         eight|nine|ten|eleven|twelve)\b
    | \b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Round 22: a clock time written the British way with a full stop and no am/pm, after a
# word that says it is a time: "at about 8.15", "from 9.30 until 12.45". Not a price, a
# rate or a distance ("at 8.15%", "from 4.25 per cent", "by 2.50 miles").
_DOT_TIME = quick(
    r"\b(?:at|about|around|from|until|till|til|to|by|before|after|approximately|approx\.?)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"((?:[01]?\d|2[0-3])\.[0-5]\d)(?![\d.,]?\d)(?!\s*(?:%|per\b|percent|miles?\b|km\b|kg\b|kilos?\b|metres?\b|meters?\b|"
    r"litres?\b|million\b|billion\b|bn\b|m\b|k\b|mph\b|seconds?\b|secs?\b|minutes?\b|mins?\b|hours?\b|hrs?\b|points?\b|"
    r"stone\b|st\b|lbs?\b|inches\b|cm\b|mm\b))(?![a-z])",
    re.IGNORECASE,
)
_RELATIVE = quick(
    r"""
    \b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend|month)|
        last\s+(?:night|week|weekend|month|year|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|
        next\s+(?:week|weekend|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|
        earlier\s+(?:today|this\s+week)|the\s+other\s+day|over\s+the\s+weekend|
        at\s+the\s+weekend|(?:a\s+few|two|three|\d+)\s+(?:days|weeks|hours)\s+ago|
        (?:yesterday|this|tomorrow)\s+(?:morning|afternoon|evening|night)|
        overnight|just\s+now|earlier)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
_DURATION = quick(
    rf"""
    \b(?:\d+(?:\.\d+)?|{NUMBER_WORDS})(?:\s+and\s+a\s+half)?[\s-]+
      (?:years?|months?|weeks?|days?|hours?|minutes?|decades?|nights?)
      (?:\s+and\s+(?:\d+|{NUMBER_WORDS})\s+(?:months?|weeks?|days?|hours?|minutes?))?
      (?:['’]s?)?(?![\w-])
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _ambiguous_month(text: str, start: int, end: int) -> bool:
    """Whether a lone "March"/"May" reads as a month rather than a town, name or verb."""
    before = text[max(0, start - 40) : start]
    if _PLACE_BEFORE.search(before):
        return False
    if text[end : end + 16].startswith((", Cambridgeshire", " Cambridgeshire")):
        return False
    return bool(_AMBIGUOUS_MONTH_BEFORE.search(before))


def find_temporal(text: str) -> list[Span]:
    """Every date, weekday, time, relative time and duration in ``text``."""
    spans: list[Span] = []
    covered: list[tuple[int, int]] = []
    # Round 15: "June from our Shrewsbury reception is running her first 10k ... June's
    # 'tea or coffee?'": a month that is also a first name, introduced as one of ours, is
    # her name throughout the post.
    named = {m.group(1) for m in _MONTH_NAMED.finditer(text)} if " from our " in text else set()
    for m in _DATE.finditer(text):
        word = m.group()
        if word in ("March", "May") or word.startswith(("March ", "May ")) and not any(
            c.isdigit() for c in word
        ):
            continue
        spans.append(Span(m.start(), m.end(), "date", "date"))
        covered.append(m.span())
    for m in _MONTH_ALONE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if m.group().rstrip(".") in ("March", "May", "Mar") and not _ambiguous_month(
            text, m.start(), m.end()
        ):
            continue
        if m.group() in named:
            continue
        spans.append(Span(m.start(), m.end(), "date", "month"))
    for m in _MONTH_LOWER.finditer(text):
        spans.append(Span(m.start(), m.end(), "date", "month"))
    for m in _WEEKDAY.finditer(text):
        spans.append(Span(m.start(), m.end(), "weekday", "day of the week"))
    for m in _TIME.finditer(text):
        spans.append(Span(m.start(), m.end(), "time", "time of day"))
    for m in _DOT_TIME.finditer(text):  # a price has its £ between the word and the figure
        spans.append(Span(m.start(1), m.end(1), "time", "time of day"))
    for m in _RELATIVE.finditer(text):
        spans.append(Span(m.start(), m.end(), "time", "relative time"))
    for m in _DURATION.finditer(text):
        spans.append(Span(m.start(), m.end(), "duration", "length of time", weak=True))
    return spans
