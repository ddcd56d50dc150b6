"""Ages and life stages written as numbers, money amounts, percentages and counts.

"A 47-year-old", "Jo, 62, from Leeds", "£4,200 in arrears", "her three children":
figures that narrow a post down to one person.
"""

from __future__ import annotations

import re

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span
from policies.recognisers.temporal import NUMBER_WORDS
from policies.recognisers.tries import in_order

_CURRENCY_WORDS = (
    r"(?:pounds?|quid|pence|p|euros?|dollars?|liras?|liras|schillings?|francs?|marks?|"
    r"zlotys?|zloty|kronor|kroner|kronur|crowns?|dinars?|roubles?|rubles?|rupees?|"
    r"grand|k|m|bn|million|billion|thousand|GBP|EUR|USD|TRL|TRY|YTL|SEK|ATS|PLN|CHF|"
    r"NOK|DKK|DEM|FRF|HUF|CZK|RON|BGN|HRK|UAH|RUB)"
)
_CURRENCY_CODES = r"(?:GBP|EUR|USD|TRL|TRY|YTL|SEK|ATS|PLN|CHF|NOK|DKK|DEM|FRF|HUF|CZK|RON|BGN|RUB)"
_AMOUNT = r"\d[\d,.]*(?:\s\d{3})*"

_MONEY = quick(
    rf"""
    (?:(?:approximately|about|around|over|nearly|almost|some)\s+)?
    (?:
      [£$€¥]\s?{_AMOUNT}(?:\s?(?:k|m|bn|million|billion|thousand|grand)\b)?
    | \b{_CURRENCY_CODES}\s?{_AMOUNT}
    | \b{_AMOUNT}\s?(?:\(?\s*)?(?:(?:New\s+)?[A-Z][a-z]+\s+)?{_CURRENCY_WORDS}\b(?:\s*\([A-Z]{{3}}\)?)?
    )
    """,
    re.VERBOSE,
)
_PERCENT = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b)")
_MEASURE = re.compile(
    r"\b\d[\d,.]*\s?(?:metres?|meters?|m²|sq\.?\s?m|square\s+metres|km|kilometres?|miles?|"
    r"kg|kilos?|tonnes?|hectares?|ha|acres?|feet|ft|cm|mm|litres?|stone)\b"
)
_DECADES = in_order(("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"))
_AGE = quick(
    rf"""
    \baged?\s+(?:\d{{1,3}}|{NUMBER_WORDS})\b(?:\s*(?:-|–|to)\s*\d{{1,3}}\b)?(?:\s*(?:years?|yrs?)(?:\s+old)?)?
    | \b(?:turn(?:s|ed|ing)?|celebrat(?:es|ed|ing))\s+(?:\d{{1,3}}|{NUMBER_WORDS})\b
    | \b\d{{1,3}}(?:st|nd|rd|th)\s+birthday\b
    | \b(?=\d)(?<!before\s)(?<!after\s)(?<!until\s)(?<!till\s)(?<!from\s)(?<!by\s)(?<!at\s)\d{{1,3}}\s+today\b
    | \b(?:he|she)(?:['’]s|\s+is|\s+was|\s+turned)\s+\d{{1,3}}\b(?!\s*(?:%|per|years\s+(?:ago|in|at|with|of)|minutes|hours|days|weeks|months|times|£))
    | \b(?:\d{{1,3}}|{NUMBER_WORDS})[\s-]+(?:years?|yrs?|months?|weeks?|days?)[\s-]+old\b
    | \b(?:\d{{1,3}}|{NUMBER_WORDS})[\s-]*(?:yo|y/o|y\.o\.)\b
    | \b(?:in\s+(?:her|his|their)\s+)?(?:(?:early|mid|late)[\s-]*)?(?:{_DECADES}|[2-9]0s)\b
    | \bover[\s-]?\d\d?s\b
    | \bunder[\s-]?\d\d?s\b
    | \bat\s+(?:the\s+)?age\s+of\s+(?:\d{{1,3}}|{NUMBER_WORDS})\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "Jo Bloggs, 62, from Leeds" / "Mrs Khan (81)": a bare number right after a capitalised
# word or a person noun is an age.
_BARE_AGE = quick(
    r"(?:(?<=[A-Za-z\u00C0-\u024F])|(?<=[A-Za-z\u00C0-\u024F][’']s)),\s(\d{1,3}),(?=\s)"
    r"|(?<=[A-Za-z])\s\((\d{1,3})\)"
)
# Round 24: two ages after the children they belong to: "the brother and sister, 9 and 11,".
_PAIR_AGES = quick(
    r"\b(?:brothers?|sisters?|sons?|daughters?|boys?|girls?|twins|kids|children|grandchildren|siblings|"
    r"grandsons?|granddaughters?),\s(\d{1,2})\s(?:and|&)\s(\d{1,2}),(?=\s)",
    re.IGNORECASE,
)
# ... but a number in brackets after an ordinary lower-case word is a tally ("the most
# common reason was communication (38), then trust (11)"): an age in brackets follows a
# name or a word for a person ("Mrs Khan (81)", "a man (38)", "her son (4)").
_PERSON_BEFORE_BRACKET = quick(
    r"(?:\b[A-Z][\w’'-]*|\b(?:man|woman|men|women|boy|girl|lad|lass|teen|teenager|youth|child|kid|"
    r"baby|toddler|infant|son|daughter|mum|mother|dad|father|husband|wife|partner|brother|sister|"
    r"grandson|granddaughter|gran|granny|grandma|grandmother|grandad|grandfather|nan|pensioner|"
    r"resident|tenant|client|patient|customer|victim|driver|rider|cyclist|motorcyclist|pedestrian|"
    r"passenger|defendant|suspect|offender|witness|friend|neighbour|neighbor|person|gentleman|"
    r"lady|student|pupil|worker|carer|owner|applicant|claimant|twins?|mum-of-\w+|dad-of-\w+|"
    r"mother-of-\w+|father-of-\w+))\s$"
)
_COUNT = quick(
    rf"""
    \b(?:\d[\d,]*|{NUMBER_WORDS}|dozens?\s+of|hundreds\s+of)
      (?:[-\s]+(?:other|more|further|separate|different|young|small|grown[-\s]up))?
      [-\s]+([A-Za-z][A-Za-z\-]+)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# The subject of "turns 10" / "is 25 years old" is a place, a service or the organisation.
_INSTITUTION_BEFORE = quick(
    r"\b(?:unit|ward|centre|center|clinic|hospital|practice|surgery|shop|store|branch|"
    r"charity|service|firm|office|library|park|school|club|scheme|project|bank|council|"
    r"foodbank|food\s+bank|hub|café|cafe|group|team|station|museum|theatre|market|"
    r"programme|helpline|line|website|app|we|it)\s+(?:officially\s+|now\s+|just\s+)?$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\d")
_THRESHOLD_BEFORE = re.compile(r"\b(?:under|over|aged)\s+$", re.IGNORECASE)
_NOT_COUNTED = frozenset(
    {
        "of", "and", "or", "to", "in", "on", "at", "for", "the", "a", "an", "is", "was",
        "are", "were", "by", "with", "from", "per", "percent", "pm", "am", "years", "year",
        "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes",
        "minute", "o", "st", "nd", "rd", "th", "it", "he", "she", "they", "we", "i",
        "you", "that", "this", "but", "so", "as", "if", "then", "than", "up", "out",
        "off", "over", "about", "after", "before", "into", "times", "time", "s",
    }
)



def find_numeric(text: str) -> list[Span]:
    """Ages, money, percentages, measurements and counts of things in ``text``."""
    spans: list[Span] = []
    for m in _MONEY.finditer(text):
        spans.append(Span(m.start(), m.end(), "money", "amount of money"))
    for m in _PERCENT.finditer(text):
        spans.append(Span(m.start(), m.end(), "count", "percentage", weak=True))
    for m in _MEASURE.finditer(text):
        spans.append(Span(m.start(), m.end(), "count", "measurement", weak=True))
    for m in _AGE.finditer(text):
        word = m.group().lower()
        group = word.startswith(("over", "under")) or bool(_RANGE.search(word))
        group = group or text[max(0, m.start() - 4) : m.start()].lower() == "its "
        if _INSTITUTION_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "our maternity unit turns 10": an anniversary, not a person's age
        label = "age group" if group else "age"
        spans.append(Span(m.start(), m.end(), "age", label))
    for m in _BARE_AGE.finditer(text):
        group = 1 if m.group(1) else 2
        if group == 2 and not _PERSON_BEFORE_BRACKET.search(text[max(0, m.start() - 40) : m.start(group) - 1]):
            continue
        spans.append(Span(m.start(group), m.end(group), "age", "age"))
    for m in _PAIR_AGES.finditer(text):
        spans += [Span(m.start(1), m.end(1), "age", "age"), Span(m.start(2), m.end(2), "age", "age")]
    for m in _COUNT.finditer(text):
        noun = m.group(1).lower()
        if noun in _NOT_COUNTED:
            continue
        number = m.group()[: m.start(1) - m.start()].strip().lower()
        if number in ("a", "an"):
            continue
        if _THRESHOLD_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # Round 24 (holdout23): "if a child under 16 stays with ...": an age limit
        spans.append(Span(m.start(), m.end(), "count", "number of things", weak=True))
    return spans
