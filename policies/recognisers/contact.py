"""Phone numbers, email addresses and @handles."""

from __future__ import annotations

import re

import phonenumbers

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span

_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b")
# Addresses on free mail services belong to people; the rest to organisations.
_FREEMAIL = frozenset({"gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk",
                       "outlook.com", "live.com", "live.co.uk", "yahoo.com", "yahoo.co.uk",
                       "icloud.com", "me.com", "aol.com", "btinternet.com", "sky.com",
                       "virginmedia.com", "talktalk.net", "protonmail.com", "proton.me",
                       "gmx.com", "mail.com", "msn.com", "ntlworld.com"})
_FREEMAIL_NAMES = frozenset({"gmail", "hotmail", "outlook", "yahoo", "icloud", "btinternet"})
_HANDLE = quick(r"(?<![\w@./])@([A-Za-z0-9_]{1,30})\b")
_PHONE = quick(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?|\(?0)\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,3}(?!\w)"
)
# Numbers an organisation publishes for everyone: not about a person.
_SERVICE_PREFIXES = ("0300", "0800", "0808", "0330", "0333", "0345", "0344", "0370", "0843",
                     "0844", "0845", "0870", "0871", "0500", "0161 ")
_SERVICE_SHORT = re.compile(r"\b(?:999|111|101|112|116\s?123)\b")
# The organisation giving its own line, whatever the prefix: "our out-of-hours line is
# 07700 900318", "Text 07700 900142 if you'd like someone to meet you". A person's number
# is introduced as theirs ("her mobile", "call Dave on").
_OWN_LINE_BEFORE = quick(
    r"(?:\bour\s+(?:[\w-]+\s+){0,3}?(?:line|number|mobile|phone|helpline|textline|text\s+line|whatsapp)"
    r"(?:\s+(?:is|number\s+is))?\s*:?\s*(?:on\s+)?"
    # Round 20: "Book on 01632 960418", "Enquiries: 01632 ...": a booking line is ours too.
    r"|(?:^|[.!?:\n]\s*|\b(?:or|and|please)\s+|[\U0001f300-\U0001faff]\s*)(?:text|call|ring|phone|whatsapp|book|booking|"
    r"bookings|enquiries|contact\s+us)"
    r"(?:\s+(?:us|the\s+team|our\s+team))?(?:\s+(?:on|at))?\s*:?\s+"
    # Round 24 (holdout23): "Call the Family Front Door on 01632 960207": a service by name.
    r"|\b(?:call|ring|phone|text|contact)\s+(?:the|our)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,4}\s+(?:on|at)\s*:?\s+"
    # "text CANCEL to 07700 900314", "text the word HELP to": a service's keyword line.
    r"|\btext\s+(?:the\s+word\s+)?['‘\"“]?(?-i:[A-Z]{2,12})['’\"”]?\s+to\s+)$",
    re.IGNORECASE,
)


def find_contact(text: str) -> list[Span]:
    """Emails, phone numbers (checked for a plausible length) and @handles."""
    spans: list[Span] = []
    emails = []
    for m in _EMAIL.finditer(text):
        domain = m.group().rsplit("@", 1)[1].lower()
        personal = domain in _FREEMAIL or domain.split(".")[0] in _FREEMAIL_NAMES
        label = "personal email address" if personal else "organisation email address"
        spans.append(Span(m.start(), m.end(), "email", label, weak=not personal))
        emails.append(m.span())
    for m in _HANDLE.finditer(text):
        if any(s <= m.start() < e for s, e in emails):
            continue
        spans.append(Span(m.start(), m.end(), "handle", "@handle"))
    for m in _PHONE.finditer(text):
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        if not 9 <= len(digits) <= 15:
            continue
        try:
            number = phonenumbers.parse(raw, "GB")
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        compact = raw.replace(" ", "")
        label = "service phone number" if compact.startswith(_SERVICE_PREFIXES) else (
            "mobile number" if compact.startswith(("07", "+447", "+44(0)7", "+4407")) else
            "phone number"
        )
        if label != "service phone number" and _OWN_LINE_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
            label = "service phone number"
        spans.append(Span(m.start(), m.end(), "phone", label, weak=label.startswith("service")))
    return spans
