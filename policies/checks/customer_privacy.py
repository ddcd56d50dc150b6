"""Does a public reply or post disclose one person's account, case, health or care status?

"@jo_b your account is three months in arrears", "as we told you, your claim was
rejected because ...", "Reminder for Mr Khan: your colonoscopy is at 8:15am". Replying
in public is fine; telling the world what the organisation's records say about the
person is not (collections rules, confidentiality, the seeds' "Protect privacy of
customers"). Kind replies that move the conversation to private messages ("sorry to
hear your parcel hasn't arrived, please DM us") are not disclosures.

What is looked for, in one sentence or across a short post:
- who: a reply opening with an @handle or a greeting and a name, or a person's name
  near the start ("Reminder for Mr X:"), or the post speaking to "you";
- a record: "your <account/order/claim/session/operation/...>", "you were ...";
- a status: arrears, declined, cancelled, closed, discharged, on the waiting list, ...;
- how we know: "our records show", "we've checked", "we can see", "because you ...".

Severity: HIGH when a record and a status (or a figure) are disclosed to an identified
person and the reply is not just a kind hand-off; MEDIUM when the person is not clearly
identified; nothing for general advice ("if your account is in arrears, talk to us").

Settings (``ctx.settings``, optional; defaults in brackets):
- ``severity`` ("high"): severity of a disclosure to an identified person.
- ``unaddressed_severity`` ("medium"): severity when nobody in particular is addressed.
- ``extra_record_words`` ([]): more nouns that name a person's record (e.g. "tenancy").
- ``extra_status_words`` ([]): more status words (e.g. "sanctioned").
- ``risk_model_clear_threshold`` (0.10): a MEDIUM or HIGH disclosure is lowered to LOW
  when the identification net's probability is below this (the net reads the draft as
  about nobody in particular). 0 turns it off; so does ``risk_model`` false.
"""

from __future__ import annotations

import functools
import re

from policies.checks.base import CheckContext, Finding, Severity
from policies.recognisers import risk_model
from policies.recognisers.lexicon import fold
from policies.recognisers.people import reply_addressee
from policies.recognisers.quickstart import quick
from policies.recognisers.tries import longest_first

CHECK = "customer_privacy"

DEFAULTS: dict[str, object] = {
    "severity": "high",
    "unaddressed_severity": "medium",
    "extra_record_words": [],
    "extra_status_words": [],
}

RECORD_WORDS = (
    "account", "accounts", "order", "orders", "claim", "application", "loan", "mortgage",
    "overdraft", "invoice", "invoices", "bill", "bills", "payment", "payments",
    "direct debit", "refund", "referral", "case", "file", "report", "appeal", "divorce",
    "tenancy", "rent", "council tax", "benefit", "benefits", "housing benefit", "permit",
    "badge", "card", "loyalty card", "points", "session", "sessions", "appointment",
    "appointments", "operation", "surgery", "results", "blood results", "x-ray", "scan",
    "prescription", "medication", "vouchers", "bin", "collection", "complaint",
    "fraud claim", "credit score", "balance", "arrears", "debt", "fine", "licence",
    "visa", "review", "assessment", "treatment", "test", "test results", "diagnosis",
    "colonoscopy", "procedure", "biopsy", "referral", "plan", "parcel", "delivery",
    "returns", "items", "charges", "statement", "transfer", "insurance", "policy",
    "premium", "subscription", "membership", "record", "records", "history",
    "documents", "ID documents", "completion", "purchase", "tribunal", "hearing",
    "grant", "place", "call", "visit", "summons", "investigation", "exchange",
    "offer", "mortgage offer", "vouchers", "fees", "cancellation fees", "care assessment",
    "care package", "priority", "banding", "repair", "repairs", "report", "therapy",
    "counselling", "deadline", "probate", "estate", "valuation", "funds", "item",
    # Round 21: "the separation agreement is finally signed", in a reply to her.
    # Not "agreement" or "contract" alone: a council's planning agreements and contracts
    # are public business.
    "separation agreement", "tenancy agreement", "custody agreement", "consent order",
    "settlement", "decree", "lease",
    # Round 23 (train24): "Your draft will is ready" (not "will" alone: the verb).
    "draft will", "new will", "power of attorney", "lasting power of attorney", "deed of variation",
    # Round 22: a treatment is a health record ("we can see your dialysis finished at
    # 2.30"), and title deeds are a property file ("the bank released the title deeds").
    # Not "deeds" alone: "your good deeds were spotted" is praise.
    "dialysis", "chemo", "chemotherapy", "radiotherapy", "physio", "physiotherapy",
    "infusion", "transfusion", "title deeds", "house deeds", "property deeds",
)
STATUS_WORDS = (
    "arrears", "in arrears", "overdrawn", "overdue", "unpaid", "outstanding", "owe",
    "owing", "declined", "refused", "rejected", "denied", "cancelled", "canceled",
    "closed", "frozen", "suspended", "terminated", "bounced", "missed", "expired",
    "revoked", "refunded", "won't refund", "can't refund", "cannot refund", "abnormal",
    "clear", "positive", "negative", "arrested", "on bail", "released on bail",
    "charged", "convicted", "discharged", "waiting list", "sanctioned", "evicted",
    "used", "spent", "returned", "ignored", "taking longer", "hasn't gone through",
    "has not gone through", "still waiting to be paid", "not been paid", "to be paid",
    "is paid", "moved to", "has moved", "is at", "blocked", "defaulted", "written off",
    "reported", "seen by", "not attend", "didn't attend", "did not attend",
    "no further", "not eligible", "ineligible", "failed", "withdrawn", "late",
    "overpaid", "underpaid", "dismissed", "lost", "stopped", "removed", "banned",
    "still need", "booked", "won't", "can't", "cannot", "refused", "released",
    "confirmed", "is confirmed", "ready", "are ready", "is ready", "on hold", "not upheld",
    "upheld", "complained", "rung", "times", "wrong address", "wrong flat", "wrong house", "the wrong", "damaged", "delayed",
    "returned to sender", "undelivered", "turned down", "graded", "passed to",
    "passed on to", "filed", "struck out", "escalated", "flagged", "downgraded",
    "lapsed", "ran out", "run out", "not emptied", "wasn't emptied", "tagged",
    "no further action", "won't happen", "will not happen", "applied", "backdated",
    # Round 10: where a crime report stands.
    "no arrests", "no arrest", "no suspects", "no suspect", "under investigation",
    "being investigated", "with cid", "still open", "still with",
    # Round 20: whether they came ("your son attended his appointment on Monday"; not
    # "made it to", which is also how people reach the theatre in time).
    "attended",
    # Round 24 (holdout24): a debt settled ("this week paid off the last of her catalogue debt").
    "cleared", "settled", "paid off",
)
# Phrases that say the organisation is telling what it knows from its records.
STRONG_DISCLOSERS = (
    "our records show", "our records", "records show", "we can see", "we can confirm",
    "we've checked", "we have checked", "we checked", "we've looked into",
    "we have looked into", "we've looked", "we've reviewed", "we have reviewed",
    "we reviewed", "as we told you", "as we said", "as we explained", "as you know",
    "because you", "because your", "so we've", "so we have", "the crew's log", "our log",
    "our system shows", "we've seen", "we have seen", "you clearly", "you still owe",
)
# Weaker: second person about what happened, which kind replies also say.
DISCLOSERS = STRONG_DISCLOSERS + (
    "you were", "you've", "you have", "you're currently", "you are currently",
    "you received", "you didn't", "you did not", "you bought", "you authorised",
    "you ignored", "you reported", "it shows",
)
KIND_HANDOFFS = (
    "sorry to hear", "please dm", "dm us", "send us a private message",
    "send us a direct message", "message us privately", "private message",
    "direct message", "don't share", "do not share", "not here", "in confidence",
    "get in touch privately", "inbox us", "pm us",
)




# Which one of a kind of record: "(that overdraft fee) from March", "(the refund) for last June".
_WHEN_QUALIFIER = r"(?:(?:from|for|since)\s+(?:last\s+)?[A-Za-z]+\s+)?"


@functools.cache
def _patterns(extra_records: tuple[str, ...], extra_status: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    records = longest_first(RECORD_WORDS + extra_records)
    status = longest_first(STATUS_WORDS + extra_status)
    record = re.compile(
        rf"\byour\s+(?:[\w'’£-]+\s+){{0,3}}?(?:{records})\b"
        rf"|\byou(?:['’]re|\s+are|['’]ve|\s+have|\s+were|\s+had)\s+(?:been\s+)?(?:\w+\s+){{0,2}}?(?:{status})\b"
        rf"|\b(?:his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{records})\b"
        rf"|\byou\s+(?:still\s+)?(?:owe|owed|reported|received|used|bought|were\s+seen|"
        rf"were\s+arrested|were\s+discharged)\b"
        rf"|\byou(?:['’]ve|\s+have)\s+(?:had|used|received|made|complained|returned|rung|called|"
        rf"missed|cancelled|claimed|borrowed|spent)\b",
        re.IGNORECASE,
    )
    # In a reply, "the loan was approved", "the last 3 sessions are still unpaid",
    # "refund went back to the card": the person's own record without "your".
    the_outcome = re.compile(
        rf"(?:\b(?:the|that|this|those|these)\s+|^\W*(?:@\w+\W+)+)(?:[\w'’£-]+\s+){{0,3}}?(?:{records})(?:\s+(?:delay|hold-up|date|status|payment|request|check))?\s+"
        # Round 24 (holdout23): "that overdraft fee from March has been refunded".
        rf"{_WHEN_QUALIFIER}"
        # Round 23 (train24): "the carer's grant finally came through for your mam".
        rf"(?:(?:finally|now|just|also|already)\s+)?"
        rf"(?:(?:was|were|has|have|had|is|are|got|went|did|came)\s+)"
        rf"(?:(?:been|being|now|not|still|already|currently|just|also|then|all|never|since|finally|officially|fully)\s+){{0,3}}"
        # "The report went to the SENCo on 14 May": sent on, in the records' words.
        rf"(?:(?<=went\s)(?:off\s+|out\s+|over\s+)?to\b|"
        # "the referral did go over on the 3rd": an emphatic past, in the records' words.
        rf"(?<=did\s)(?:go|get|come|arrive)(?:\s+(?:over|through|off|out|in))?|(?<=came\s)through|"
        rf"[a-z]{{3,}}ed|taken|given|seen|sent|paid|unpaid|lost|held|put|shut|told|kept|done|complete|"
        rf"outstanding|overdue|in\s+arrears|overdrawn|back|through|down\s+to|due\s+to|"
        rf"written\s+off|turned\s+down|struck\s+out|final)\b",
        re.IGNORECASE,
    )
    return (
        quick(record),
        quick(rf"\b(?:{status})\b", re.IGNORECASE),
        quick(rf"\b(?:{longest_first(DISCLOSERS)})\b", re.IGNORECASE),
        quick(rf"(?:{longest_first(KIND_HANDOFFS)})", re.IGNORECASE),
        quick(the_outcome),
    )


_STRONG_SET = frozenset(STRONG_DISCLOSERS)
_MONEY = quick(
    r"[£$€]\s?\d[\d,.]*|\b\d+\s?(?:pounds|euros)\b"
    # "you've had 6 food parcels", "complained 6 times": a count from the records
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+)?"
    r"(?:times|parcels|vouchers|items|sessions|appointments|complaints|calls|visits|payments|"
    r"letters|reminders|warnings|missed)\b"
)
_NAMED_START = re.compile(
    # "reminder to gary at 22 albion st:" -- a lower-case name after "reminder to" too
    r"^\W{0,4}(?i:reminder|message|note|parcel|letter|update|final\s+notice)\s+(?:for|to)\s+"
    r"(?P<to>(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s*[:\-–]"
    r"|^\W{0,4}(?:(?i:reminder|message|note|parcel|letter|update)\s+(?:for|to)\s+)?"
    # "Operation Lakeshore, July to September:" names a police operation, not a person.
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(?!(?:Operation|Op|Exercise|Project|Campaign)\b)[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2})\s*[,:\-–]",
)


# Round 16: an opening phrase is not a person spoken to: "In March, 1,870 appointments
# ...", "Meet Callum, our newest counsellor". A heading ("Reminder:", "POV:") still may be,
# and so may a name after an ordinary word ("Could Siobhan O'Connor, who lost ...").
def _named_start(text: str) -> bool:
    m = _NAMED_START.match(text)
    if not m:
        return False
    if m.group("to"):
        return True  # "reminder to gary at 22 albion st:"
    words = m.group("name").split()
    if len(words) == 1 and fold(words[0]) in _INTERJECTIONS:
        # Round 24 (holdout24): "Yes, the app was rubbish on Tuesday." is no one spoken
        # to; "No, Jamie, we won't ..." is Jamie.
        return _named_start(text[m.end():])
    word = fold(words[0])
    return word not in _FUNCTION_WORDS and word not in _INTRODUCTIONS


_FUNCTION_WORDS = frozenset(
    """the a an this that these those our my his her their your its some any every each on in at by for from
    to of and but or if when while after before during since until as with without""".split()
)
_INTRODUCTIONS = frozenset({"meet", "introducing", "welcome", "congratulations", "congrats"})
_INTERJECTIONS = frozenset("yes no yep nope ok okay sorry thanks well so right update again honestly".split())
# "Please call the ward, Mrs Kaur: your ..." -- a title and name spoken to.
_TITLED_NAME_ADDRESSED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*[:,]"
)
_GENERAL_ADVICE = quick(
    r"\b(?:if|whether|when|once|before|in\s+case|anyone|everyone|customers|residents|"
    r"patients|clients)\b[^.!?]{0,60}$",
    re.IGNORECASE,
)
# Round 15: "if you were charged twice, ... we'll refund it": a condition right before
# "you were" offers a remedy to anyone it applies to ("when you were banned" is told).
_IF_BEFORE = quick(r"\b(?:if|in\s+case|whether)\s+$", re.IGNORECASE)
_SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]*")


# A clause saying what happened to the person's own record, whatever the noun: "your
# call was graded", "your mum's place at the day centre was cancelled", "your shed
# (crime ref ...) has been filed". A past participle after a form of "be"/"have".
# A feeling or praise is not what happened to a record: "your kids were delighted to meet
# the gritter drivers", "your cakes were devoured in minutes" (round 22, found in review).
_WARM_PARTICIPLES = (
    "delighted|thrilled|excited|pleased|amazed|impressed|chuffed|surprised|overjoyed|touched|honoured|"
    "honored|blessed|spoiled|spoilt|loved|enjoyed|admired|appreciated|praised|celebrated|devoured|adored|"
    "treasured|cherished|framed|welcomed|applauded|cheered|inspired|entertained"
)
_YOUR_OUTCOME = re.compile(
    r"\byour\b[^.!?\n]{0,60}?\b(?:was|were|has|have|had|is|are|got|"
    r"wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|isn['’]t|aren['’]t|won['’]t\s+be)\s+"
    r"(?:(?:been|being|now|not|still|already|currently|just|also|then|all|never|since)\s+){0,3}"
    rf"(?:(?!(?:{_WARM_PARTICIPLES})\b)[a-z]{{3,}}ed|taken|given|seen|sent|paid|lost|held|put|shut|told|kept|written\s+off|"
    r"turned\s+down|struck\s+out|in\s+arrears|overdrawn|overdue|\d+(?:st|nd|rd|th))\b"
    r"|\byour\b[^.!?\n]{0,60}?\bwent\s+(?:off\s+|out\s+|over\s+)?to\b",
    re.IGNORECASE,
)
# What the organisation did or knows about the person, in the simple past: "you missed
# two sessions", "you've already had two goodwill vouchers", "the card you used".
_YOU_DID = quick(
    r"\byou(?:['’]ve|\s+have)?\s+(?:already\s+|still\s+|also\s+)?(?:missed|had|used|cancelled|"
    r"returned|claimed|borrowed|spent|failed|ignored|withdrew|defaulted|breached)\b"
    r"|\b(?:card|payment|account|order|cheque)\s+you\s+used\b",
    re.IGNORECASE,
)
# Round 24 (holdout23): a payment of theirs and what became of it: "that overdraft fee from
# March has been refunded", "your pension will now go in on the 28th". Only "your", "that"
# or "this" and a perfect or future verb: "Our £2 monthly fee is refunded for over-65s" and
# "the State Pension is paid every four weeks" tell everyone the rules.
_THEIR_PAYMENT = quick(
    r"\b(?:your|that|this)\s+(?:[\w'’£-]+\s+){0,2}?(?:fee|charge|pension|salary|wages|benefit\s+payment)\s+"
    rf"{_WHEN_QUALIFIER}(?:has|have|had|will\s+now|will|is\s+now)\s+(?:been\s+|be\s+)?"
    r"(?:refunded|waived|reversed|cancelled|removed|credited|paid|go(?:ne)?\s+in|going\s+in|moved|changed|stopped)\b",
    re.IGNORECASE,
)
# A debt to settle, beside its amount: "we just need last year's £40 balance cleared".
_DEBT_STATUS = quick(r"\b(?:outstanding|overdue|unpaid|owed|owing|in\s+arrears|cleared|settled|paid\s+off)\b",
                     re.IGNORECASE)
# An explanation of the outcome: only the records can supply the reason.
_EXPLAINED = quick(
    r"\b(?:because|which\s+is\s+why|that['’]s\s+why|due\s+to|owing\s+to|the\s+reason|"
    r"as\s+you['’]d|as\s+you\s+had|as\s+we\s+explained|as\s+we\s+told|"
    r"so\s+(?:the|your|it|we['’]ve|we\s+have|we['’]re\s+not|we\s+can['’]t|we\s+cannot|you)\b)",
    re.IGNORECASE,
)
# Kind replies repeat what the person said: "sorry (to hear) your road hasn't been gritted".
_SORRY_FOR = re.compile(
    # "sorry the recycling on your road was missed again": the same echo with "the".
    r"\bsorry\s+(?:to\s+hear\s+|to\s+see\s+)?(?:that\s+|about\s+)?(?:your?|you['’]\w+|the)\b", re.IGNORECASE
)
# "To the lovely client who asked ...": an open letter to one person.
# Round 16: "between the Market Place and Theatre Street": a record word inside a
# capitalised name (a street, a square, a building) is part of the name.
# Round 23 (found in review): "we've cancelled the Friday sessions at the hub because of
# the storm" is the timetable, not one person's sessions.
_PUBLIC_SCHEDULE_BEFORE = re.compile(
    r"\bthe\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|weekly|"
    r"monthly|weekend|drop-in|group|community|public|open|taster|summer|winter|holiday)\s+)+$",
    re.IGNORECASE,
)
_IN_PLACE_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+$")
_TO_ONE_PERSON = re.compile(
    r"^\W{0,4}to\s+(?:the|our|my|that)\s+(?![^.!?:]{0,60}?\b(?:people|everyone|everybody|"
    r"those|folks?|all|\w+s)\s+who\b)[^.!?:]{0,60}?\bwho\b",
    re.IGNORECASE,
)
# Round 10: a reference number quoted in a reply ("crime ref 4424 ... is still with
# CID", "order #88123 was returned") is the person's own record, whatever the noun.
_QUOTED_REFERENCE = quick(
    r"\b(?:crime|incident|case|claim|order|account|complaint|ticket|policy|booking|reference|ref|log)"
    r"\s*(?:no\.?|number|ref(?:erence)?\.?)?\s*[:#]?\s*[A-Z0-9/-]*\d{4,}",
    re.IGNORECASE,
)
# "@x maybe pay your rent on time": advice about the person's own record is a disclosure.
_SNEER = re.compile(r"^\W*(?:@\w+\W*)*(?:maybe|perhaps|next\s+time)\b", re.IGNORECASE)
# A public thank-you that confirms we have been serving this person: "Thank you for your
# lovely words! It's been a privilege to work with you these past 18 months", "so glad the
# nurses could keep coming out to you at home". Saying so tells everyone they are a client,
# patient or customer. A colleague's farewell, or "working with you all", is not that.
_THANKS_REPLY = re.compile(
    r"^\W*(?:@\w+\W*)*(?:aw+\W+|oh\W+)?(?:thanks?|thank\s+you)(?:\s+(?:so|very)\s+much)?(?:\s+(?:for|4)\s+"
    r"(?:the|your|this|such\s+a)\s+(?:(?:kind|lovely|warm|generous|sweet|wonderful|nice|amazing)\s+)?"
    r"(?:words|comments?|message|review|note|shout-?out|feedback|post))?\b",
    re.IGNORECASE,
)
_SERVED_YOU = quick(
    r"\b(?:(?:work(?:ing|ed)?|journey(?:ing|ed)?)\s+with\s+you|walk(?:ing|ed)?\s+alongside\s+you|"
    r"support(?:ing|ed)?\s+you|car(?:ing|ed)\s+for\s+you|see(?:ing)?\s+you|treat(?:ing|ed)\s+you)"
    r"(?!\s+(?:all|both|lot|guys|there|soon|again|next|at\s+the))\b[^.!?\n]{0,30}?\b(?:these|the|this|over\s+the|for\s+the|for)\s+"
    r"(?:past|last)?\s*(?:few|couple\s+of|\d+|\w+)?\s*(?:weeks?|months?|years?|sessions?)\b"
    r"|\b(?:coming|come|came)\s+out\s+to\s+(?:see\s+)?you(?:\s+at\s+home)?\b",
    re.IGNORECASE,
)
# Round 20: in a reply to one person, what says they are (or were) our client even
# without thanks: their usual slot or counsellor ("your old Wednesday 6pm slot with
# Ruth has just come free"), or our service having helped them ("so glad the couples
# sessions helped you and Lorna"). A reply that thanks them for posting it themselves
# ("thank you for posting this", "just like you said") only echoes what they told everyone.
_THEIR_SLOT = quick(
    r"\byour\s+(?:old|usual|regular|previous|weekly|fortnightly)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:slot|session|appointment|counsellor|therapist|key\s?worker|support\s+worker|case\s?worker|group)s?\b"
    # Round 23 (train24): "Lovely to have you back in sessions with Priya"; "See you at 4pm
    # on Wednesday as usual!", "we'll see you Thursday at 2pm to sign it": their counsellor,
    # their standing slot, their appointment, from our diary. (Not "see you on Saturday for
    # your free bike check at the fair": found in review.)
    r"|\b(?:back\s+)?in\s+(?:sessions?|therapy|counselling|treatment)\s+with\s+(?-i:[A-Z])[\w'’-]+"
    r"|\bsee\s+you\s+[^.!?\n]{0,30}?\b(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b[^.!?\n]{0,30}?\b(?:as\s+usual|to\s+sign)\b",
    re.IGNORECASE,
)
_HELPED_YOU = quick(
    r"\b(?:sessions?|counselling|therapy|treatment|appointments?|support\s+group|course\s+of\s+\w+|"
    r"work\s+(?:we\s+did|we['’]ve\s+done)\s+together|time\s+with\s+us)\s+(?:really\s+|have\s+|has\s+|had\s+)?"
    r"(?:helped|made\s+(?:such\s+|a\s+real\s+|a\s+)?difference\s+(?:to|for))\s+you\b(?!\s+all\b)",
    re.IGNORECASE,
)
_ECHOED = quick(
    r"\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+)?for\s+(?:posting|sharing|telling\s+(?:everyone|people))\b"
    r"|\b(?:just\s+)?(?:like|as)\s+you\s+(?:said|say|posted|wrote|mentioned)\b",
    re.IGNORECASE,
)
# Round 23: in a reply, what we did to one of their records tells everyone about it:
# "We've moved your scan at the hospital to the 21st", "glad we could set up the
# mortgage payment break". Only records that are about the person themselves (health,
# money owed, a case): "we've moved the collection to Tuesday" is a notice to a street.
_WE_DID = (
    r"\bwe(?:['’]ve|\s+have|['’]d|\s+had|\s+could|\s+were\s+able\s+to|['’]ll|\s+will|\s+can)?\s+"
    r"(?:now\s+|just\s+|already\s+|finally\s+|also\s+)?(?:moved|rebooked|re-booked|rescheduled|booked|arranged|"
    r"set\s+up|cancelled|canceled|approved|extended|referred|paused|froze|frozen|reopened|brought\s+forward|"
    r"put\s+through|restructured|deferred|waived|written\s+off|wrote\s+off|took\s+off|taken\s+off|removed|withdrew|"
    r"withdrawn|stopped|reduced)\s+"
)
# With "your", any of their records; with "the", only records a notice would not be about
# ("we've cancelled the Friday sessions at the hub", "removed the test page" are notices;
# found in review).
_WE_ACTED = quick(
    _WE_DID + r"(?:your\s+(?:[\w'’-]+\s+){0,2}?"
    # Round 23 (holdout25): "We took off the single person discount because our review found".
    r"(?:discount|exemption|reduction|allowance|scan|mortgage|loan|appointment|operation|surgery|referral|claim|overdraft|"
    r"treatment|prescription|application|payment\s+(?:break|holiday|plan)|repayments?|benefits?|assessment|procedure|"
    r"biopsy|tests?|therapy|counselling|sessions?|tenancy|care\s+package|dialysis|chemo(?:therapy)?|radiotherapy|"
    r"arrears|debt|fine|case|hearing|visa)"
    r"|the\s+(?:[\w'’-]+\s+){0,2}?(?:(?:single\s+person\s+)?discount|exemption|mortgage|loan|overdraft|"
    r"payment\s+(?:break|holiday|plan)|repayments|referral|prescription|scan|operation|surgery|biopsy|dialysis|"
    r"chemo(?:therapy)?|radiotherapy|tenancy|care\s+package|arrears|debt))\b",
    re.IGNORECASE,
)
_FAREWELL = quick(r"\b(?:retir\w*|colleague|leaving\s+do|new\s+role|farewell|welcome\s+aboard|alumni|volunteer\w*)\b",
                       re.IGNORECASE)


def run(ctx: CheckContext) -> list[Finding]:
    """Flag sentences that reveal a particular person's account, case, health or care status."""
    text = ctx.text
    if not text or not text.strip():
        return []
    settings = ctx.settings
    record_re, status_re, discloser_re, kind_re, the_outcome_re = _patterns(
        tuple(settings.get("extra_record_words", ()) or ()),
        tuple(settings.get("extra_status_words", ()) or ()),
    )
    bare_record_re = _bare_records(tuple(settings.get("extra_record_words", ()) or ()))
    named_start = _named_start(text)
    addressed = bool(reply_addressee(text) or named_start
                     or _TITLED_NAME_ADDRESSED.search(text[:120]) or _TO_ONE_PERSON.match(text))
    disclosers = list(discloser_re.finditer(text))
    strong = [d for d in disclosers if d.group().lower() in _STRONG_SET]
    kind_handoff = bool(kind_re.search(text))
    findings: list[Finding] = []
    served = _served_you(text, addressed)
    if served is not None:
        key = "severity" if addressed else "unaddressed_severity"
        findings.append(Finding(
            check=CHECK, code="relationship", start=served[0].start(), end=served[0].end(),
            severity=Severity.parse(settings.get(key, DEFAULTS[key])), message=served[1], kind="disclosure",
        ))
    first = True
    for sentence in _SENTENCES.finditer(text[:20_000]):
        body = sentence.group()
        offset = sentence.start()
        opening, first = first, False
        record = next(
            (r for r in record_re.finditer(body)
             if not _GENERAL_ADVICE.search(body[: r.start()])),
            None,
        )
        status = status_re.search(body)
        money = _MONEY.search(body)
        discloser = next(
            (d for d in disclosers if offset <= d.start() < offset + len(body)), None
        )
        strong_here = next((d for d in strong if offset <= d.start() < offset + len(body)), None)
        explained = _EXPLAINED.search(body)
        anchor = None
        if addressed:
            # In a reply to one person, what happened to their record is a disclosure
            # whatever the noun, and so is the reason for it.
            outcome = _YOUR_OUTCOME.search(body) or the_outcome_re.search(body) or _THEIR_PAYMENT.search(body)
            you_did = _YOU_DID.search(body)
            bare = next((b for b in bare_record_re.finditer(body)
                         if (not _IN_PLACE_NAME.search(body, 0, b.start()) or not b.group()[:1].isupper())
                         and not _PUBLIC_SCHEDULE_BEFORE.search(body, max(0, b.start() - 40), b.start())), None)
            lead = outcome or you_did
            if lead and _GENERAL_ADVICE.search(body[: lead.start()]):
                outcome = you_did = None  # "@x if your bin was missed, ..."
            softened = (kind_handoff or _SORRY_FOR.search(body)) and not (strong_here or explained)
            if softened:
                continue  # "sorry to hear ..., please DM us": moving to private is right
            if outcome:
                anchor = outcome
            elif you_did:
                anchor = you_did
            elif record and (status or money):
                anchor = record
            elif discloser and (status or money) and not _IF_BEFORE.search(body[: discloser.start() - offset]):
                # Round 15: "Sorry. ... if you were charged twice, email us and we'll refund
                # it" offers a remedy to anyone affected; it tells nothing from the records.
                # (The discloser is found in the whole text: its offset is the text's.)
                anchor = _Relative(discloser, offset)
            elif acted := _WE_ACTED.search(body):
                anchor = acted  # "We've moved your scan to the 21st"
            elif record and strong_here and not kind_handoff:
                # Round 22: "We can see your dialysis finished at 2.30": said from our
                # records to the person replied to, whatever follows.
                anchor = record
            elif record and explained:
                anchor = record  # "your appeal deadline is ..., so you've got until Friday"
            elif bare and status and explained:
                anchor = bare  # "..., so completion won't happen this Friday"
            elif bare and money and _DEBT_STATUS.search(body) and not _GENERAL_ADVICE.search(body[: bare.start()]):
                anchor = bare  # Round 24 (holdout24): "we just need last year's £40 balance cleared"
            elif opening and bare and status and named_start:
                anchor = bare  # "reminder to gary: january council tax still outstanding"
            elif status and (quoted := _QUOTED_REFERENCE.search(body)):
                anchor = quoted  # "@x crime ref 4424... is still with CID, no arrests"
            elif opening and (record or bare) and _SNEER.match(body) and not kind_handoff:
                anchor = record or bare  # "@x maybe pay your rent on time"
            if anchor is None:
                continue
            to_someone = True
        else:
            if not (status or money):
                continue
            if kind_handoff and not strong_here:
                continue
            if not strong_here:
                continue  # "you" in a general warning or notice is everyone
            if not record:
                continue
            anchor = record
            # "As we told you, your claim ...": a reply to someone even without an @handle.
            to_someone = bool(discloser and record.group().lower().startswith(("your", "you")))
        key = "severity" if to_someone else "unaddressed_severity"
        level = Severity.parse(settings.get(key, DEFAULTS[key]))
        start = offset + anchor.start()
        end = offset + max(anchor.end(), status.end() if status else 0, money.end() if money else 0)
        findings.append(
            Finding(
                check=CHECK,
                code="disclosure",
                start=start,
                end=min(end, offset + len(body)),
                severity=level,
                message=(
                    "This tells everyone what our records say about one person "
                    "(their account, case, health or care). Reply kindly in public "
                    "and give the details in a private message."
                ),
                kind="disclosure",
            )
        )
    # One thing said once: where a disclosure covers the same words, it is the finding.
    disclosed = [f for f in findings if f.code == "disclosure"]
    findings = [f for f in findings if f.code != "relationship"
                or not any(d.start < f.end and f.start < d.end for d in disclosed)]
    return _unless_cleared(ctx, findings)


def _unless_cleared(ctx: CheckContext, findings: list[Finding]) -> list[Finding]:
    """A MEDIUM or HIGH ``disclosure`` lowered to LOW when the identification net is
    confident the draft is about nobody in particular (as identifiers does for a
    combination). Left out by source, a probability under 0.10 cleared 3 of the 6
    labelled harmless drafts only a disclosure held (a fraud warning, a missed-bin reply
    to someone's own post, a car-park closure) and none of the 155 risky ones
    (tests/data/README.md, round 18)."""
    clearable = [f for f in findings if f.code == "disclosure" and Severity.MEDIUM <= f.severity <= Severity.HIGH]
    if not clearable:
        return findings
    if not risk_model.net_clears(ctx.text, "identification", ctx.settings or {}):
        return findings
    return [risk_model.as_cleared(f) if f in clearable else f for f in findings]


class _Relative:
    """A match found in the whole text, seen from inside one sentence."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._start, self._end = match.start() - offset, match.end() - offset

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_THANKED_MESSAGE = ("Thanking someone in public for what we did for them tells everyone they are our client, "
                    "patient or customer. Thank them warmly without saying what we did or for how long.")
_CLIENT_MESSAGE = ("Mentioning this person's usual appointment or counsellor, or that our sessions helped them, "
                   "tells everyone they are our client. Reply warmly and keep what we do for them private.")


def _served_you(text: str, addressed: bool) -> tuple[re.Match[str], str] | None:
    """In a thank-you reply, where it says we have been serving this person (see
    _SERVED_YOU); in any reply to one person, their usual slot or our service having
    helped them (_THEIR_SLOT, _HELPED_YOU), unless it echoes what they posted. With the
    message that fits what was said."""
    if _FAREWELL.search(text):
        return None
    head = text[:2000]
    thanks = bool(_THANKS_REPLY.match(text))
    if thanks and (served := _SERVED_YOU.search(head)):
        return served, _THANKED_MESSAGE
    if not (addressed or thanks) or _ECHOED.search(head):
        return None
    client = _THEIR_SLOT.search(head) or _HELPED_YOU.search(head)
    return (client, _CLIENT_MESSAGE) if client else None


@functools.cache
def _bare_records(extra_records: tuple[str, ...]) -> re.Pattern[str]:
    """A record noun with no "your" ("so completion won't happen")."""
    return quick(rf"\b(?:{longest_first(RECORD_WORDS + extra_records)})\b", re.IGNORECASE)
