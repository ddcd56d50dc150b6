"""Reference numbers (case, order, account, claim, NHS, National Insurance) and postcodes."""

from __future__ import annotations

import re

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span

_KEYWORD_CODE = quick(
    r"""
    \b(?:case|order|account|acc|a/c|claim|policy|booking|ticket|invoice|crime|incident|
        reference|ref|customer|member|membership|tenancy|patient|hospital|NHS|application|
        registration|plot|parcel|file|complaint|tracking|card|sort\s+code|log)
      \s*(?:no\.?|nos\.?|number|num|\#|ref\.?|id)?\s*[:\#]?\s*
      ([A-Z0-9][A-Z0-9/\-.]*\d[A-Z0-9/\-]*(?:[ ]\d{3,4}){0,3})
    """,
    re.VERBOSE | re.IGNORECASE,
)
_POLICE_BEFORE = re.compile(r"\bpolice\s+$", re.IGNORECASE)
_NO_CODE = re.compile(r"\b(?:[Nn]os?\.|[Nn]o:|#)\s*([A-Za-z]?\d[\w/\-.]*\w|\d)")
# Public records and the organisation's own numbers, not a person's: "Planning application
# LA01/2025/0413/F", "Registered charity no. 1098765", "Company number 0412345",
# "Shop no. 12", "Route 7". A flat, bed or case number is not among them.
_PUBLIC_RECORD_BEFORE = quick(
    r"\b(?:planning(?:\s+(?:application|permission|ref(?:erence)?|appeal))?|licensing\s+application|"
    r"(?:registered\s+)?(?:charity|company|companies\s+house)|registered\s+(?:in\s+\w+\s+)?(?:no|number)|"
    r"fca|frn|sra|shop|store|branch|stall|stand|gate|platform|bus|route|junction|exit|pitch|unit\s+(?=\d)|"
    r"vat(?:\s+reg(?:istration)?)?|batch|lot|product|model|item)"
    r"(?:\s+(?:application|no\.?|nos\.?|number|num|ref(?:erence)?\.?|reg(?:istration)?|id))*\s*[:#]?\s*$",
    re.IGNORECASE,
)


def _public_record(text: str, start: int) -> bool:
    return bool(_PUBLIC_RECORD_BEFORE.search(text[max(0, start - 45) : start]))
_LIST_AFTER_NOS = re.compile(r"\b[Nn]os\.\s*((?:[\w/.\-]+(?:,\s*|\s+and\s+))+[\w/.\-]+)")
_SLASHED = re.compile(r"\b\d{1,6}(?:/\d{1,6})+[A-Z0-9]*\b")
_THREAD_MARK = re.compile(r"(?P<n>[1-9]|1\d)/(?P<of>[1-9]|1\d)")
_LETTERED_REF = re.compile(r"\b[A-Z]{1,4}/\d{2,4}/\d{3,}\b")
_ALNUM = re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,}\b")
_NHS = re.compile(r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b")
_NHS_CUE = re.compile(r"\b(?:NHS|patient|hospital)\b[^.!?\n]*$", re.IGNORECASE)
_NI = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_SORT_CODE = re.compile(r"\b\d{2}-\d{2}-\d{2}\b")
_LONG_NUMBER = re.compile(r"\b\d{6,}\b")
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2})\b"
)
_SERVICE_NUMBERS = frozenset({"111", "999", "101", "112", "105", "119", "116"})
_NOT_CODES = frozenset({"COVID-19", "COVID19", "A1", "M25"})


def _nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def find_codes(text: str) -> list[Span]:
    """Reference numbers and postcodes in ``text``."""
    spans: list[Span] = []
    for m in _KEYWORD_CODE.finditer(text):
        if m.group(1) in _SERVICE_NUMBERS or m.group().upper() == "NHS 24":
            continue  # "NHS 24" is Scotland's health line, not an NHS number
        # Police appeals quote incident and crime numbers for the public to use.
        # Round 23: so do "Police reference: 4471" and "Police ref: WP-25-081134".
        public = m.group().lower().startswith(("incident", "crime", "log")) or bool(
            _POLICE_BEFORE.search(text, max(0, m.start() - 8), m.start()))
        label = "incident reference" if public else "reference number"
        if not public and _public_record(text, m.start(1)):
            public, label = True, "public record number"
        spans.append(Span(m.start(1), m.end(1), "code", label, weak=public))
    for m in _NO_CODE.finditer(text):
        if _public_record(text, m.start(1)):
            spans.append(Span(m.start(1), m.end(1), "code", "public record number", weak=True))
            continue
        spans.append(Span(m.start(1), m.end(1), "code", "reference number"))
    for m in _LIST_AFTER_NOS.finditer(text):
        base = m.start(1)
        for item in re.finditer(r"[\w/.\-]*\d[\w/.\-]*", m.group(1)):
            spans.append(Span(base + item.start(), base + item.end(), "code", "reference number"))
    for m in _LETTERED_REF.finditer(text):
        # "Planning application PF/25/1432": the development's public record (round 10).
        if _public_record(text, m.start()):
            spans.append(Span(m.start(), m.end(), "code", "public record number", weak=True))
            continue
        spans.append(Span(m.start(), m.end(), "code", "reference number"))
    for m in _SLASHED.finditer(text):
        if _THREAD_MARK.fullmatch(m.group()):
            continue  # "1/3", "2/3": a thread's numbering, not a reference
        spans.append(Span(m.start(), m.end(), "code", "reference number", weak=True))
    for m in _ALNUM.finditer(text):
        if m.group() in _NOT_CODES:
            continue
        spans.append(Span(m.start(), m.end(), "code", "reference code", weak=True))
    for m in _NHS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        cue = _NHS_CUE.search(text[max(0, m.start() - 25) : m.start()])
        if _nhs_checksum_ok(digits) or (cue and " " in m.group()):
            spans.append(Span(m.start(), m.end(), "code", "NHS number"))
    for m in _NI.finditer(text):
        spans.append(Span(m.start(), m.end(), "code", "National Insurance number"))
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            spans.append(Span(m.start(), m.end(), "code", "card number"))
    for m in _SORT_CODE.finditer(text):
        spans.append(Span(m.start(), m.end(), "code", "sort code"))
    for m in _LONG_NUMBER.finditer(text):
        spans.append(Span(m.start(), m.end(), "code", "long number", weak=True))
    for m in _POSTCODE.finditer(text):
        spans.append(Span(m.start(), m.end(), "postcode", "postcode"))
    return spans
