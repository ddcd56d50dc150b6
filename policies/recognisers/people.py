"""Is a specific person described, and is a named person staff or a public official?

"A man in his 50s", "the lady who came in", "my 3pm Tuesday client", "a family of
six": a post can single out one person without any client word. Named colleagues,
councillors and officers speaking publicly are not private individuals.
"""

from __future__ import annotations

import re

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span
from policies.recognisers.subjects import ANIMALS

_PERSON_NOUNS = (
    r"man|woman|lady|gentleman|gent|guy|bloke|mum|mom|dad|mother|father|boy|girl|couple|"
    r"family|customer|client|patient|tenant|resident|veteran|pensioner|teenager|teen|"
    r"widow|widower|carer|child|son|daughter|baby|toddler|lad|lass|youngster|"
    r"regulars|care\s+leaver|service\s+user|beneficiary|applicant|claimant|victim|"
    r"survivor|neighbour|homeowner|landlord|owner|farmer|student|pupil|grandmother|"
    r"grandfather|grandma|grandad|nan|twins|triplets|bride|groom|jockey|caller"
)
# "family service", "tenant volunteers", "client care": the person noun describes a thing.
COMPOUND_NEXT = _COMPOUND_NEXT = (
    r"\s+(?:service|services|team|law|court|history|group|groups|room|centre|support|hub|line|"
    r"workers?|care|liaison|advice|panel|charter|voice|forum|association|day|fun|friendly|"
    r"members|information|matters|hubs|network|clinic|unit|ward|helpline|guide|portal|"
    r"volunteers?|reps?|representatives?|engagement|satisfaction|feedback|survey|surveys|"
    r"experience|journey|charter|testimonials?|reviews?|events?|newsletter|accounts?|desk|"
    r"counter|area|entrance|car\s+park|toilets?|lounge|parking|app|numbers?|reference|records?|"
    r"room|zone|lane|rates?|offer|offers|card|cards|code|codes|money|funds?|data|base|"
    # Round 15: "the baby bank", "the family bank": a service, like a food bank.
    r"banks?|"
    # Round 16: "our private client partner", "our customer services adviser": a job title.
    r"partners?|solicitors?|associates?|advisers?|advisors?|managers?|executives?|officers?|"
    r"liaisons?|relations|department)\b"
)
# "a carer's assessment", "a child's bus pass": a person noun naming an entitlement or
# service, not someone in particular.
ENTITLEMENT_AFTER = _ENTITLEMENT_AFTER = (
    r"['’]s?\s+(?:assessments?|allowances?|rights?|leave|break|grants?|payments?|pass|passes|"
    r"cards?|credits?|benefits?|permits?|licen[cs]es?|entitlements?|discount|premium|element)\b"
)
# "the mother always gets the children": a rule of thumb about any mother (lookahead above).
# A single, specific person: "a/the/one ... man", "one of our residents", "my 3pm".
_SPECIFIC_PERSON = quick(
    rf"""
    \b(?:a|an|the|this|that|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS})\b
    (?!\s+(?:of\s+)?(?:your|you|anyone|everyone|people|all|who\s+(?:are|is|need|want|can|might|may|has|have)\b))
    (?!\s+(?:always|usually|often|never|normally|generally|typically|automatically)\b)
    (?!{_ENTITLEMENT_AFTER})
    (?!{_COMPOUND_NEXT})
    | \bone\s+of\s+(?:our|my|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_NOUNS}|residents|clients|
        customers|patients|tenants|families|service\s+users|care\s+leavers|members|mums|dads|
        parents|regulars|volunteers|students|pupils|veterans|pensioners|ladies|gentlemen|
        lads|girls|boys|men|women|young\s+people|kids|callers|
        buyers|sellers|purchasers|borrowers|savers|investors|claimants)\b
    | (?:^|(?<=[.!?]\s))(?:[A-Z]\w+\s+)?(?:patient|client|customer|tenant|resident)\s+(?:in|on|at|who|from)\b
    | \bmy\s+(?:\d{{1,2}}(?::\d\d)?\s*(?:am|pm)|monday|tuesday|wednesday|thursday|friday)\b
    | \b(?:our|my)\s+(?:[\w'’-]+\s+){{0,2}}?(?:client|patient|customer|tenant|service\s+user|beneficiary)\b
      (?!{_COMPOUND_NEXT})
    """,
    re.VERBOSE | re.IGNORECASE,
)
_GENERIC_PERSON = quick(
    r"\b(?:any|every|each|all|most|many|some|no)\s+(?:[\w'’-]+\s+)?(?:" + _PERSON_NOUNS + r")s?\b",
    re.IGNORECASE,
)
# Roles and verbs that say a named person is staff or speaks for a public body.
_STAFF_CUE = re.compile(
    r"""
    (?i:\b(?:our|your|the)\s+(?:new\s+|newest\s+|own\s+)?(?:[\w&-]+\s+){0,4}?
      (?:head|director|chief|ceo|chair|chairman|chairwoman|leader|manager|partner|
       associate|solicitor|lead|officer|coordinator|adviser|advisor|receptionist|
       trainee|apprentice|volunteer|colleague|team|constable|inspector|sergeant|
       superintendent|commissioner|councillor|mayor|clinician|counsellor|therapist|
       psychotherapist|nurse|doctor|consultant|founder|president|secretary|treasurer|
       trustee|ambassador|patron|editor|spokesperson|staff|gardeners?|dog|
       specialist|expert|practitioner|caseworker|worker|
       # Round 24 (holdout23): "our school crossing patroller Gwen Ashby".
       patroller|warden|ranger|cleaner|caretaker|porter|chef|cook|librarian|teacher|assistant|engineer|
       technician|electrician|mechanic|steward|attendant|administrator|clerk|cashier|baker|butcher|barista)s?\b)
    | (?i:\b(?:joins?|joined|has\s+joined|appointed|promoted|qualified|retires?|retiring|
       said|says|spoke|speaking|will\s+speak|opens|opened|gave\s+evidence|awarded|welcome|
       # Round 17: "Priya Lindqvist has been made a partner".
       made\s+(?:a\s+|an\s+)?(?:partner|director|associate|head|manager|chair|trustee|fellow|sergeant|inspector))\b)
    | (?i:\bhas\s+(?:led|managed|run|driven|worked|volunteered|served|coached|taught|
       nursed)\b[^.!?\n]{0,40}\bour\b)
    # Round 23: "Sister Niamh Quinn runs our baby feeding clinic on Thursday mornings".
    | (?i:\b(?:runs|leads|manages|heads|hosts|chairs|coordinates)\s+our\b)
    """,
    re.VERBOSE,
)
# Someone to ask, before the name only ("call Dr Amara Lewis on ..."): after it, "Tom
# Llewellyn's family, please call the ward" asks the patient's family (round 24).
_CONTACT_CUE = re.compile(r"\b(?:chat\s+to|speak\s+to|ask\s+for|contact|call)\b", re.IGNORECASE)
# A colleague who did something to the person named next: "our nurse found ...", "our
# warden helped ...".
_ACTED_ON = re.compile(
    r"\b(?:found|helped|saw|met|spotted|rescued|stopped|arrested|visited|treated|caught|served|"
    r"supported|assisted|drove|took|brought|reunited|looked\s+after|cared\s+for|checked\s+on)\b",
    re.IGNORECASE,
)
_REPLY_START = re.compile(
    r"^\s*(?:@\w+[\s,:]*)+|^\s*(?:hi|hello|hey|dear|sorry|thanks|thank\s+you|morning|"
    r"afternoon|evening)\s*,?\s+[A-Z][\w'’-]+",
    re.IGNORECASE,
)


# "one very patient police horse": "patient" the adjective.
_PATIENT_ADJECTIVE = quick(r"\b(?:very|so|too|really|incredibly|extremely|ever\s+so|most)\s+patient$", re.IGNORECASE)


_ANIMAL_FAMILY = re.compile(rf"\b{ANIMALS}\s+(?:family|couple|mum|mother|dad|father|baby|babies|twins)$", re.IGNORECASE)
_OF_ANIMALS = re.compile(rf"\s+of\s+(?:[\w'’-]+\s+)?{ANIMALS}s?\b", re.IGNORECASE)
# Round 23: "A French bulldog and her four puppies were stolen ... The mum is fawn".
_ANIMAL_YOUNG = quick(r"\b(?:puppies|kittens|lambs|cubs|foals|piglets|ducklings|cygnets|goslings|calves|kids\s+and\s+nannies)\b",
                      re.IGNORECASE)
_PER_NOUN = quick(r"\bper\s+[\w'’-]+$", re.IGNORECASE)
_EACH_BEFORE = quick(r"\b(?:each|every|any|no)\s+$", re.IGNORECASE)


_FAMILY_COMPOUND = re.compile(r"\s+(?:friends?|members?|doctors?|GPs?|homes?|courts?|law|lawyers?|support|"
                              r"therapy|hubs?|centres?|events?|days?|fun|run|friendly|"
                              # "closes at 1pm for a family wedding": an occasion
                              r"weddings?|funerals?|parties|party|celebrations?|occasions?|emergency|bereavement)\b",
                              re.IGNORECASE)
_LEADING_NON_WORDS = re.compile(r"^[\W_]+")
_IMPOSTOR_AFTER = re.compile(
    r"\s+(?:who\s+)?(?:claims?|claiming|pretends?|pretending|poses|posing|calling\s+(?:themselves|himself|herself))\b",
    re.IGNORECASE,
)
# A lost-property notice: the people it mentions ("a child's scooter") are the owner we
# are looking for, and its reference numbers are the item's (used by identifiers too).
LOST_PROPERTY = quick(
    r"\b(?:found(?:\s+at|\s+in|\s+on|:)|handed\s+in|lost\s+(?:property|and\s+found|something))\b"
    r"|\bto\s+claim\b|\bclaim\s+(?:it|them|from)\b|\bwe(?:['’]ve|\s+have)\s+found\b"
    r"|\b(?:if|is)\s+(?:it|this|that|these|they)(?:['’]s|\s+is|\s+are)?\s+yours\b|\breunite\w*\s+with\s+(?:its|their)\s+owner",
    re.IGNORECASE,
)


def specific_person_spans(text: str) -> list[Span]:
    """Phrases that point at one particular person ("a man in his 50s", "my 3pm")."""
    generic = [m.span() for m in _GENERIC_PERSON.finditer(text)]
    spans = []
    for m in _SPECIFIC_PERSON.finditer(text):
        if any(s <= m.start() < e for s, e in generic) or not_a_particular_one(text, m.start(), m.end()):
            continue
        if _PATIENT_ADJECTIVE.search(m.group()):
            continue
        if ("family" in m.group() or "couple" in m.group() or "mum" in m.group() or "bab" in m.group()
                or "twins" in m.group()) and (_ANIMAL_FAMILY.search(m.group()) or _OF_ANIMALS.match(text, m.end())
                                              or ("mum" in m.group() and _ANIMAL_YOUNG.search(text))):
            # Round 15: "the mallard family have hatched", "a family of swans": animals.
            continue
        if m.group().lower().endswith("family") and _FAMILY_COMPOUND.match(text, m.end()):
            continue  # Round 24 (holdout23): "stays with a family friend": a kind of person
        if _IMPOSTOR_AFTER.match(text, m.end()):
            # Round 23: "A caller claims to be a police officer": how a scam works, told
            # to warn everyone; the scammer is a role, and their victim is described apart.
            continue
        if text[m.end() : m.end() + 2] in ("'s", "’s") and LOST_PROPERTY.search(text):
            # Round 23: "Lost property: a child's blue scooter, handed in on Tuesday": whose
            # it is, we do not know; the notice is for its owner to recognise.
            continue
        if _PER_NOUN.search(m.group()) or (m.group()[:3].lower() == "one" and _EACH_BEFORE.search(text[max(0, m.start() - 8) : m.start()])):
            # Round 15: "gave the most per customer", "Each one goes to a woman getting ready
            # for an interview": a rate, and one of many handed out, not someone in particular.
            continue
        spans.append(Span(m.start(), m.end(), "person", "a particular person"))
    return spans


_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_MANY_BEFORE = quick(
    r"\b(?:people|those|everyone|families|households|residents|customers|clients|patients|"
    # (not "1/2 A client": a thread's numbering is not a count of people)
    r"tenants|children|adults|others|all|(?<![/\d])\d[\d,]*)\s+(?:who\s+)?$",
    re.IGNORECASE,
)
_HYPOTHETICAL_BEFORE = quick(
    r"\b(?:be|become|becoming|being|as|any|every|if|like|such|whether|is|are)\s*$"
    # "38 children are waiting for a family": someone sought, not someone described.
    r"|\b(?:waiting|looking|searching|hoping)\s+for\s*$",
    re.IGNORECASE,
)


# General statements about anyone in that position: "signs a child may be being groomed",
# "at the time a child most needs someone", "what's best for the child".
_GENERIC_FRAME_BEFORE = quick(
    r"\b(?:signs?(?:\s+that)?|(?:the|a)\s+(?:time|moment|point)|best\s+for|worst\s+for)(?:\s+(?:a|an|the|one|your))?\s+$",
    re.IGNORECASE,
)
# "when the patient is stable", "once the child is settled": a condition, unless the
# clause tells what happened ("when the patient arrived").
_CONDITION_BEFORE = quick(r"\b(?:when|whenever|unless|once|until)\s+$", re.IGNORECASE)
_PAST_IN_CLAUSE = re.compile(
    r"\b(?:was|were|had|did|came|went|told|said|left|took|got|gave|rang|"
    # "the family home is treated differently": a passive in the present is no event.
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeing\s)(?!(?:need|feed|speed|bleed)\b)\w+ed)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;:\n]")
# "a couple of hours": an amount, not a pair of people.
_AMOUNT_AFTER = re.compile(
    r"\s+of\s+(?:(?:more|extra|hard|long|busy|quiet)\s+)?(?:hours|days|weeks|months|years|minutes|times|things|"
    r"miles|quid|pounds|goes|tips|ideas|questions|reminders)\b",
    re.IGNORECASE,
)
# "It costs £41 to ... for one child": a unit cost, told of a typical beneficiary.
_UNIT_COST = re.compile(r"\bcosts?\s+(?:us\s+)?(?:just\s+|only\s+|about\s+|around\s+)?[£$€]\d", re.IGNORECASE)


# "a child with a broken arm may wait", "a client can refer themselves": what any such
# person may do, not what one did ("who may have seen" is about a real one).
_MODAL_AFTER = quick(
    r"(?:\s+(?!who\b|that\b|which\b)[\w'’-]+){0,6}?\s+(?:may|might|can|could|should|must)\s+(?!have\b|['’]ve\b|not\s+have\b)",
    re.IGNORECASE,
)
# "If you're worried about a child's safety", "if you care for someone": the reader's.
_IF_YOU_BEFORE = re.compile(
    r"\bif\s+(?:you|you['’]re|you\s+are|anyone|someone)\s+(?:(?:is|are|feel|feels)\s+)?"
    r"(?:worried|concerned|anxious|unsure|think|thinks|suspect|suspects|care\s+for|cares\s+for|look\s+after|"
    r"looks\s+after|live\s+with|lives\s+with)\b[^.!?,\n]{0,30}$",
    re.IGNORECASE,
)
_CONTRAST_AFTER_MODAL = quick(
    r"\b(?:may|might|can|could|should|must)\s+(?!have\b)[^.!?\n]{0,60}\b(?:while|whereas|but)\s+$", re.IGNORECASE
)
# A talk or course title in quotes: "'Sleep, screens and the anxious child'".
_TITLE_OPEN = quick(r"(?:[:–—-]|\b(?:called|titled|entitled|on|about))\s*['‘\"“]$", re.IGNORECASE)


def _in_quoted_title(text: str, start: int) -> bool:
    line_start = max(text.rfind(c, 0, start) for c in "\n") + 1
    before = text[line_start:start]
    for q in "'‘\"“":
        i = before.rfind(q)
        if i >= 0 and not any(c in before[i + 1 :] for c in "'’\"”") and (i == 0 or not before[i - 1].isalnum()):
            return bool(_TITLE_OPEN.search(before[: i + 1]))
    return False


def _generic_statement(text: str, start: int, end: int) -> bool:
    # The frame may sit inside the match itself: "the time a child" matches as one phrase.
    noun_start = start + len(text[start:end].rsplit(None, 1)[0]) + 1 if " " in text[start:end] else start
    if _GENERIC_FRAME_BEFORE.search(text[max(0, noun_start - 25) : noun_start]):
        return True
    before = text[max(0, start - 25) : start]
    if _GENERIC_FRAME_BEFORE.search(before):
        return True
    if _CONDITION_BEFORE.search(before):
        stop = _CLAUSE_END.search(text, end)
        clause = text[end : stop.start() if stop else len(text)]
        if not _PAST_IN_CLAUSE.search(clause):
            return True
    if text[start:end].lower().endswith("couple") and _AMOUNT_AFTER.match(text, end):
        return True
    if _MODAL_AFTER.match(text, end) and not _CLAUSE_END.search(_MODAL_AFTER.match(text, end).group()):
        return True
    if _IF_YOU_BEFORE.search(text[max(0, start - 70) : start]) or _in_quoted_title(text, start):
        return True
    # "... a child with a broken arm may wait while a baby struggling to breathe is seen
    # first": the contrast is as general as the rule it follows.
    if _CONTRAST_AFTER_MODAL.search(text[max(0, start - 80) : start]):
        return True
    sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    if _BEHIND_EVERY.match(text, sentence_start):
        # Round 15: "Behind every number is an officer who rang a landlord": whoever stands
        # behind any of the figures, not one of them.
        return True
    stop = _CLAUSE_END.search(text, end)
    sentence = text[sentence_start : stop.start() if stop else len(text)]
    return bool(_UNIT_COST.search(sentence))


_BEHIND_EVERY = re.compile(r"\s*(?:and\s+|but\s+)?behind\s+(?:every|each|all)\b", re.IGNORECASE)


def told_as_event(text: str, span: Span) -> bool:
    """Does the clause after a person phrase tell what happened ("the family we helped")?"""
    stop = _CLAUSE_END.search(text, span.end)
    return bool(_PAST_IN_CLAUSE.search(text[span.end : stop.start() if stop else len(text)]))


def not_a_particular_one(text: str, start: int, end: int) -> bool:
    """"no need to be a customer", "Our Client Care Partner": a cue that is not one.

    Title Case after the first word marks a name of a team or role, not a person.
    A general statement ("signs a child may be ...", "when the patient is stable",
    "a couple of hours", "it costs £9 ... for one child") describes no one in particular.
    """
    if _HYPOTHETICAL_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    if _generic_statement(text, start, end):
        return True
    if _MANY_BEFORE.search(text[max(0, start - 30) : start]):
        return True  # "71% of the people we helped": many people, not one
    words = text[start:end].split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() not in _WHEN_WORDS


# Roles people meet in the course of a service ("an officer will call", "the courier").
_SERVICE_ROLES = frozenset(
    "officer courier manager receptionist engineer adviser advisor staff team driver "
    "landlord landlords supervisor coordinator caseworker operator handler inspector".split()
)
_ROLE_RIGHT_BEFORE = re.compile(
    r"(?i:\b(?:manager|director|head|chief|lead|officer|partner|chair|ceo|founder|trainee|"
    r"paralegal|apprentice|principal|associate|solicitor|barrister|nurse|midwife|sister|"
    r"coordinator|sister|matron|consultant|surgeon|inspector|sergeant|councillor|"
    r"leader|minister|mayor|spokesperson|spokesman|spokeswoman|secretary|trustee|supervisor|mentor|tutor|"
    r"trainer|lecturer|patron|ambassador|volunteer))[\s,]*$"
    # "consultant dermatologist Dr Rahman", "paediatrician Dr Lee": a specialty right before.
    r"|(?i:\b[a-z]+(?:ologist|iatrist|ician|ographer|apist|wife))[\s,]*$"
)
# Titles of office-holders speaking publicly, right before (or opening) the name.
_OFFICIAL = (
    r"(?:Cllr|Councillor|PC|PCSO|DC|DS|DI|DCI|Supt|PCC|MP|MEP|Mayor|"
    # Round 13: police ranks are office-holders speaking in their role.
    # Round 17: and their short forms, "Ch Insp", "Det Sgt", "Ch Supt".
    r"(?:Chief\s+|Detective\s+|Ch\.?\s+|Det\.?\s+)?(?:Inspector|Insp|Sgt|Sergeant|Superintendent|Supt|Constable)|"
    r"Minister|Secretary\s+of\s+State|Sir|Dame|Lord|Baroness|Professor|Prof|PD)\.?"
)
_OFFICIAL_TITLE = re.compile(_OFFICIAL + r"\s")
_OFFICIAL_TITLE_BEFORE = quick(r"\b" + _OFFICIAL + r"\s*(?:\d+\s*)?$")
_HIRING_BEFORE = quick(
    r"\b(?:hiring|recruiting|looking\s+for|seeking|need|needs|needed|vacancy\s+for|"
    r"join\s+us\s+as|become|as|be|is|are|every|any|each|if\s+you(?:'re|\s+are))\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = quick(r"\b(?:a|an|the|this|that|one)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def described_by_role(text: str, span: Span) -> bool:
    """"the lovely retired teacher", "a Stroud antiques dealer": one person, by their job.

    Not when the post is hiring ("we're recruiting a counsellor") or speaking of any
    holder of the role.
    """
    before = text[max(0, span.start - 40) : span.start]
    if not _ARTICLE_BEFORE.search(before):
        return False
    if text[span.start : span.end].lower() in _SERVICE_ROLES:
        return False
    return not _HIRING_BEFORE.search(before) and not not_a_particular_one(
        text, span.start, span.end
    )


def staff_names(text: str, names: list[Span]) -> set[str]:
    """Words of every name that reads as a colleague or public figure somewhere in the post.

    Once "Harriet Cole has joined" marks Harriet as staff, a later "Harriet brings"
    is the same colleague.
    """
    words: set[str] = set()
    for span in names:
        if is_staff_or_official(text, span):
            words.update(text[span.start : span.end].split())
    return words


def is_staff_or_official(text: str, span: Span, window: int = 45) -> bool:
    """Whether the named person at ``span`` reads as a colleague or a public figure."""
    before = text[max(0, span.start - window) : span.start]
    after = text[span.end : span.end + window]
    cue = next(reversed(list(_STAFF_CUE.finditer(before[-window:]))), None)  # the nearest
    if cue is not None and _ACTED_ON.search(before[-window:], cue.end()):
        cue = None  # Round 24: "Our caretaker found Mrs Joan Pike ...": the caretaker's, not her role
    if cue is not None or _CONTACT_CUE.search(before) or _ROLE_RIGHT_BEFORE.search(before):
        return True
    if _OFFICIAL_TITLE.match(text, span.start) or _OFFICIAL_TITLE_BEFORE.search(before):
        return True
    # "Harriet Cole has joined", "Amara Osei, our new Chief Risk Officer"
    if _FROM_OUR_AFTER.match(after):
        return True  # Round 15: "June from our Shrewsbury reception is running her first 10k"
    if _CONSENT_AFTER.match(after):
        return False  # "Bethan, who said I could share ...": a client's consent, not a quote
    if _ROLE_APPOSITION.match(after):
        return True  # "Meet Grace Mensah, healthcare support worker on our stroke unit"
    if _THANKED_FOR_TEACHING.match(after):
        return True  # "Huge thanks to Dr Amara Lewis for such a generous day of teaching"
    # Round 24 (holdout26): "Llongyfarchiadau Gwenllian! 🏃‍♀️ Our Conwy mortgage adviser ran ...":
    # the next sentence says who she is, after an emoji too.
    return bool(_STAFF_CUE.match(_LEADING_NON_WORDS.sub("", after)) or _STAFF_CUE.search(after[:30]))


# A colleague known by where they work, right after the name. "Moira, who's been ordering
# from our shop every Friday" is a customer: the place must follow the name directly.
_FROM_OUR_AFTER = re.compile(
    r"\s+from\s+our\s+(?:[\w'’&-]+\s+){0,2}?(?:reception|front\s+desk|team|office|branch|shop|store|depot|"
    r"kitchen|warehouse|bakery|café|cafe|counter|switchboard)\b(?!\s+(?:customers?|regulars?|clients?))"
    # Round 19: "Tom from accounts", "Priya in HR": a department is one of ours.
    r"|\s+(?:from|in)\s+(?:our\s+|the\s+)?(?:accounts|payroll|finance|(?-i:HR|IT)|marketing|comms|facilities|admin|reception)"
    r"(?:\s+team)?\b(?!\s+(?:customers?|regulars?|clients?|at\b|with\b))",
    re.IGNORECASE,
)
# Someone thanked for teaching, speaking or supervising is a professional in that role.
_THANKED_FOR_TEACHING = re.compile(
    r"\s+for\s+(?:[\w'’-]+\s+){0,5}?(?:teaching|training|talk|lecture|keynote|presentation|supervision|"
    r"supervising|speaking|masterclass|webinar|seminar|workshop)\b",
    re.IGNORECASE,
)
_CONSENT_AFTER = quick(
    r"\s*,?\s*who\s+(?:has\s+)?(?:said|says|agreed|told\s+us|gave\s+(?:us\s+)?permission)\s+"
    r"(?:(?:that\s+)?(?:I|we)\s+(?:could|can|may|might)|it['’]s\s+ok|we\s+can)\b"
)


# A role in apposition with no article: "Grace Mensah, healthcare support worker", "Tom
# Reid, Head of Family Law". "Jo, a retired teacher," describes a client instead.
_ROLE_APPOSITION = re.compile(
    r"\s*,\s+(?:\d{1,2},\s+(?=our\b))?(?:(?:our|senior|junior|lead|new|deputy|assistant|trainee|chief)\s+)?(?:[\w&-]+\s+){0,3}?"
    r"(?i:worker|nurse|midwife|consultant|manager|officer|adviser|advisor|director|head|"
    r"solicitor|partner|paralegal|counsellor|therapist|psychotherapist|coordinator|"
    r"receptionist|volunteer|trustee|chair|ceo|founder|sergeant|inspector|constable|"
    r"councillor|doctor|surgeon|physio(?:therapist)?|pharmacist|paramedic|porter|"
    r"[a-z]+(?:ologist|iatrist|ician|ographer))\b(?!\s+who\b)"
)


def reply_addressee(text: str) -> Span | None:
    """The @handle or greeted name a reply opens with, if any."""
    m = _REPLY_START.match(text)
    if not m:
        return None
    return Span(m.start(), m.end(), "addressee", "the person replied to")


# A team profile: "Meet Derek 👋 Derek is 79 and has volunteered in our Minehead shop",
# "Meet Jenna 👋 Branch manager at Falmouth". The post opens by introducing someone by
# name and says they work or volunteer for us, so its ages, places and family details are
# a consenting colleague's. "Meet Darren. Eighteen months ago Darren was sleeping in a
# doorway" introduces a client the same way, so the opener alone is not enough.
# "Say hello to Bex, our new young carers worker", "Welcome to Dr Hannah Osei, our new
# clinical lead", "Congratulations to Sister Grace Mensah ... named our Nurse of the Year"
# open on a colleague the same way; the membership test below still decides.
_MEET_OPENER = re.compile(
    # Round 15: an emoji ends a heading as a full stop would ("Volunteer spotlight ✨ Meet ...").
    r"(?:^|[.!?\n]\s*|[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?\s+)(?:\d+/\d+\s+)?(?:Meet|Say\s+hello\s+to|Please\s+welcome|Welcome\s+to|Introducing|"
    r"Congratulations\s+to|Congrats\s+to|Huge\s+congratulations\s+to|Happy\s+retirement\s+to|"
    r"Farewell\s+to|Good\s+luck\s+to|Staff\s+pick[^.!?\n]{0,25}?)\s+"
    r"(?:(?:PC|PCSO|DC|DS|Sister|Dr|Cllr)\.?\s+)?[A-Z][\w'’-]+"
)
_OPENER_WORDS = ("Meet", "hello to", "welcome", "Welcome", "Introducing", "ongrat", "etirement", "arewell",
                 "luck to", "Staff pick")
_TEAM_HASHTAG = re.compile(
    r"#(?:MeetTheTeam|MeetOurTeam|MeetTheStaff|TeamSpotlight|StaffSpotlight|VolunteersWeek|VolunteerWeek|"
    r"VolunteerSpotlight|MeetTheVolunteers|MeetOurVolunteers|MeetOurPeople)\b"
    # "#TeamAmbo", "#TeamNHS": the organisation's own team tag.
    r"|#Team[A-Z]\w+"
    # Round 15: a "Volunteer spotlight ✨ Meet Gurpreet" heading says the same as the tag.
    r"|\b(?i:volunteer|staff|team|colleague)\s+(?i:spotlight)\b",
)
TEAM_ROLES = _TEAM_ROLES = (
    r"crew|team|staff|colleagues?|volunteers?|manager|counsellor|therapist|nurse|doctor|"
    r"officer|adviser|advisor|solicitor|associate|partner|paralegal|receptionist|cashier|"
    r"driver|apprentice|trainee|worker|coordinator|director|lead|fishmonger|butcher|baker|"
    r"chef|cook|porter|cleaner|caretaker|gardener|midwife|paramedic|pharmacist|clinician|"
    r"constable|sergeant|inspector|patron|ambassador|trustee|walker|helper|fundraiser|steward|"
    r"ranger|warden|librarian|mentor|tutor|guide|handler|fosterer|storyteller|befriender|"
    r"pcso|cashier|clerk|teller|matron|sister|physio|surgeon|consultant"
)
_STAFF_PLACES = r"team|practice|firm|force|branch|service|trust|office|staff|crew|unit|ward|station|board|partnership"
_MEMBERSHIP = re.compile(
    rf"\b(?:one\s+of\s+our|our)\s+(?:new\s+|newest\s+|own\s+)?(?:[\w'’&-]+\s+){{0,4}}?(?:{_TEAM_ROLES})s?\b"
    rf"|\b(?:has|have|who['’]?s|who\s+has|(?:she|he|they)['’]?(?:s|ve))\s+(?:volunteered|worked|led|managed|run|driven|served)\b"
    rf"|\btransferred\s+to\s+us\b|\bjoin(?:s|ed|ing)?\s+the\s+(?:staff\s+)?(?:team|force|service|trust|practice|firm)\b"
    # "Happy work anniversary, Kath!", "27 years with Hartley's"
    # (Round 16: the firm's name in capitals; "26 years with her husband" is a couple's.)
    rf"|\bwork\s+anniversary\b|\b\d{{1,2}}\s+years\s+with\s+(?:us|(?-i:[A-Z])[\w'’]+)"
    rf"|\b(?:been\s+)?with\s+us\s+(?:for|since)\b|\bjoin(?:s|ed)\s+(?:us|our)\b"
    # "Meet Precious 💙 41, ward manager on Avon Ward": the role may follow an age.
    # "Meet Sunita, 44 💚 Paramedic for 19 years": an emoji may sit between.
    rf"|^\W*(?:\d{{1,3}}\W+)?(?:{_TEAM_ROLES}|[a-z]+\s+(?:{_TEAM_ROLES}))\b"
    # Long service: "retires this Friday", "40 years at the counter", "heads our team".
    rf"|\b(?:retires|retiring|has\s+retired|is\s+retiring)\b"
    rf"|\b(?:heads|leads|runs|manages|will\s+be\s+leading|be\s+leading)\s+our\b"
    # Round 17: "Meet Tamsin, manager of our Minehead branch", "nurse at our Truro clinic".
    rf"|\b(?:{_TEAM_ROLES})\s+(?:of|at|in|for)\s+our\b"
    # Round 15: "Meet Priya, our new Head of Programmes".
    rf"|\bour\s+(?:new\s+|newest\s+)?(?:deputy\s+|assistant\s+)?head\s+of\b"
    # "dispensing at our Broadstairs branch since 1987": years of service at one of ours.
    rf"|\b(?:at|in|on|from)\s+our\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_STAFF_PLACES}|shop|store|depot|desk|counter)\s+"
    rf"(?:since|for)\s+(?:\d|[a-z]+\s+years)",
    re.IGNORECASE,
)


# The other ways a post opens on a colleague: a welcome ("Delighted to welcome Dr Hannah
# Osei to the practice"), a long-service milestone ("Celebrating 25 years at Avonleigh 🎉
# Priya Chandran joined us as a trainee", "After 33 years on our neonatal unit, Sister
# Grace Ilunga, 58, retires"), or a name that joined us or retires.
_NAME = r"(?:(?:PC|PCSO|DC|DS|Sister|Dr|Cllr|Nurse)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_WELCOME_OPENER = re.compile(
    rf"\b(?i:welcome|welcoming|welcomes)\s+(?:back\s+)?{_NAME}\s+(?:to|as)\s+(?i:the|our)\s+"
    r"(?i:team|practice|firm|branch|office|force|trust|service|board|ward|unit|shop|store|crew|charity|partnership|"
    r"[a-z]+\s+(?:team|unit|service|office|branch))\b"
)
_SERVICE_OPENER = re.compile(
    r"(?i:\b(?:celebrating|after|marking|congratulations\s+on|happy)\s+(?:\d{1,2}|[a-z]+-?[a-z]*)\s+years\s+"
    r"(?:at|on|with|in|of\s+service)\b|^\W*\d{1,2}\s+years\s+(?:at|on|with|in)\b)"
)
# Joining as staff, not as a client ("Dean joined us in 2020 after losing his flat",
# "joined our lunch club" are clients): as a role, or into a team, branch or office.
_JOINED_OR_RETIRES = quick(
    rf"{_NAME},?\s+(?:\d{{1,3}},\s+)?(?i:joined\s+(?:us\s+as\s+(?:an?|our)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_TEAM_ROLES})|"
    rf"(?:our|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_STAFF_PLACES}))|"
    r"retires|is\s+retiring|has\s+retired|"
    # Round 15: "Bev Okafor is hanging up her hi-vis on Friday": the retirement idiom.
    r"is\s+hanging\s+up\s+(?:his|her|their))\b"
)
# An officer's or nurse's title after "Meet" says they are ours: "Meet PCSO Kwame Asante".
_MEET_TITLED = quick(r"(?:^|[.!?\n]\s*)Meet\s+(?:PC|PCSO|Sister|Cllr|Matron)\.?\s+[A-Z]")


# Round 16: a colleague introduced by the job they do for an organisation of this kind,
# in the present: "Meet Joy 💙 Joy is a district nursing sister in Long Eaton" (the NHS),
# "Meet Declan 👋 He has been a gardener at the cemetery for 23 years" (the council). A
# retired or former one ("a retired nurse"), or a job this kind of organisation does not
# employ, can be a client's, so only the organisation's own jobs count.
_OWN_JOBS = {
    "nhs": r"nurse|nursing\s+sister|sister|midwife|doctor|gp|consultant|paramedic|porter|physio(?:therapist)?|"
           r"surgeon|matron|pharmacist|radiographer|health\s+visitor|healthcare\s+assistant|registrar|anaesthetist",
    "council": r"gardener|groundsman|ranger|warden|librarian|caretaker|street\s+cleaner|refuse\s+collector|"
               r"bin\s+crew|lollipop\s+(?:man|lady)|planning\s+officer|housing\s+officer|environmental\s+health\s+officer",
    "police": r"constable|police\s+officer|pcso|sergeant|inspector|detective|special\s+constable|dog\s+handler",
    "therapy": r"counsellor|therapist|psychotherapist|psychologist|supervisor",
    "law_firm": r"solicitor|paralegal|barrister|legal\s+executive|legal\s+secretary|conveyancer",
    "bank": r"cashier|teller|mortgage\s+adviser|branch\s+manager|customer\s+adviser",
    "retail": r"butcher|baker|fishmonger|florist|greengrocer|barista|shop\s+manager|store\s+manager",
    "charity": r"volunteer|fundraiser|befriender|support\s+worker|outreach\s+worker|volunteer\s+driver",
}
_OWN_JOB_RES = {
    kind: re.compile(
        r"\b(?:is|has\s+been|(?:she|he)['’]s)\s+(?:a|an)\s+(?!retired\b|former\b|ex-)(?:[\w'’-]+\s+){0,2}?"
        rf"(?:{jobs})\b(?!\s+(?:who|until|before)\b)",
        re.IGNORECASE,
    )
    for kind, jobs in _OWN_JOBS.items()
}


def team_profile(text: str, org_kind: str = "") -> bool:
    """Whether the post introduces a colleague or volunteer by name ("Meet Derek ... has
    volunteered in our shop", "#MeetTheTeam"), welcomes one ("Delighted to welcome Dr
    Hannah Osei to the practice") or marks their long service or retirement ("Margaret
    Sutcliffe joined our Hebden Bridge branch in 1985 ... and retires this Friday")."""
    lowered = text.lower()
    if "welcom" in lowered and _WELCOME_OPENER.search(text):
        return True
    joined_or_retires = ("joined" in lowered or "retir" in lowered or "hanging up" in lowered) and bool(
        _JOINED_OR_RETIRES.search(text))
    if joined_or_retires and _SERVICE_OPENER.search(text):
        return True
    opener = _MEET_OPENER.search(text) if any(w in text for w in _OPENER_WORDS) else None
    if not opener:
        return joined_or_retires and bool(_MEMBERSHIP.search(text))
    if _TEAM_HASHTAG.search(text) or _MEET_TITLED.search(text):
        return True
    rest = text[opener.end() :]
    own_job = _OWN_JOB_RES.get(org_kind)
    return bool(_MEMBERSHIP.search(rest) or own_job and own_job.search(rest))
