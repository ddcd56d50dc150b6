"""Who a post is about: one particular person, or people in aggregate.

The identifiers check only escalates when a particular person is described. Word lists
of client cues miss the commonest ways of doing that without any client word:

- a diary of a service encounter: "Hard visit this morning to a flat in Byker",
  "Long day in the Family Court at Newport today";
- "someone"/"somebody" doing something: "Someone left a bag at our Keswick shop";
- a handful of clients at a time: "Three different clients this week";
- an unnamed "he"/"she" with no colleague for the pronoun to stand for;
- a private person's title ("Mr Adeyemi", "Mrs A. Khoury") or home town
  ("Jess Morgan from Penarth", "Joanne Pritchard, formerly of Treorchy").

And the commonest ways of speaking of people in aggregate, which make client words and
figures harmless: totals and percentages ("we arrested 212 drivers", "68% showed"),
annual and outcomes reports, "many of the people who", "patients often tell us".

All grammar-level signals: they read the shape of a sentence, not particular stories.
"""

from __future__ import annotations

import re

from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span

_RECENT = (
    r"(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week)|"
    r"earlier|overnight|at\s+\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm))"
)
# A sentence that opens on the encounter itself, diary-style: "Hard visit this morning",
# "Home visit this afternoon", "Long day in the Family Court today", "Tough shift last night".
_ENCOUNTER = re.compile(
    rf"(?:^|(?<=[.!?\n]))\W*(?:\d+/\d+\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}?"
    rf"(?:visit|session|hearing|appointment|call[- ]?out|shift|consultation|home\s+visit|"
    rf"(?:day|morning|afternoon|night)\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}?"
    rf"(?:court|tribunal|hospital|ward|cells|custody|police\s+station))\b"
    rf"(?=[^.!?\n]{{0,80}}\b{_RECENT})",
    re.IGNORECASE,
)
# "Some hearings stay with you", "sessions like that one": reflecting on one encounter.
# Round 23: not whoever damaged our own building or van ("Someone forced the shutters at
# our Kilrush Road shop overnight"): a closure notice about our premises describes no
# client. ("Someone took the collection tin ... here's the CCTV, please share" is a
# public hunt: the tone check's business.)
_SOMEONE = quick(
    r"(?<!\bif\s)(?<!\bwhen\s)(?<!\bany\s)\b(?:someone|somebody|a\s+person)\b"
    r"(?:\s+(?:in|at|from|on)\s+(?:our|the|a)\s+[\w'’ -]{1,30}?)?"
    r"(?!\s+(?:has\s+)?(?:forced|smashed|broke\s+into|jemmied|prised|vandalised|vandalized|damaged|sprayed|kicked\s+in)\s+"
    r"(?:open\s+)?(?:the|our)\s+(?:[\w'’-]+\s+){0,2}?(?:shutters?|doors?|windows?|locks?|gates?|fences?|"
    r"shop|office|premises|van|car|depot|building|hut|shed|store|branch|rooms?)\b)"
    r"\s+(?:[a-z]+ed|left|spent|came|sent|brought|gave|told|wrote|rang|bought|took|said|paid|"
    r"won|found|fell|lost|stole|broke|threw|ran|drove|walked)\b",
    re.IGNORECASE,
)
# "Mum and babies are doing brilliantly", "Dad is home": a family word as the subject.
_FAMILY_SUBJECT = quick(
    r"(?:^|(?<=[.!?]\s)|(?<=,\s))(?:mum|dad|mother|father|baby|babies|twins|grandad|grandma|nan)"
    r"(?:\s+and\s+(?:baby|babies|twins|dad|mum|the\s+\w+))?\s+(?:is|are|was|were|has|have)\b",
    re.IGNORECASE,
)
_FEW_CLIENTS = quick(
    r"\b(?:two|three|four|five|2|3|4|5)\s+(?:different\s+|separate\s+|new\s+|more\s+)?"
    r"(?:clients|patients|customers|tenants|families|residents|callers|service\s+users|"
    r"people\s+(?:came|rang|called|told))\b"
    rf"(?=[^.!?\n]{{0,60}}\b{_RECENT})",
    re.IGNORECASE,
)
# Reflecting on one encounter after the day's work: "some sessions you carry for a
# while", "that hearing stays with you" -- with a recent time elsewhere in the post.
_REFLECTION = quick(
    r"\b(?:some|that|this|today['’]s|tonight['’]s|one)\s+(?:sessions?|hearings?|shifts?|visits?|calls?|"
    r"appointments?|cases?|consultations?|conversations?|call-?outs?)\s+(?:you|stays?|sticks?|lingers?|"
    r"hits?|gets?|will\s+stay|really)\b",
    re.IGNORECASE,
)
_RECENT_ANYWHERE = quick(rf"\b{_RECENT}", re.IGNORECASE)
# A client's slot: "Just finished an 8am with someone", "my 3pm cancelled".
_SLOT = quick(
    r"\b(?:finished|had|started|done|did|after|before)\s+(?:an?|my|our|the|this)\s+"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b(?!\s+(?:start|finish|meeting|briefing|train|bus|deadline))",
    re.IGNORECASE,
)
# One person's one-off act, told with a recent time: "the gentleman who brought bara brith
# to the fracture clinic this morning", "someone who's been coming to us since ...".
_ONE_OFF_ACT = quick(
    rf"(?<!\beveryone\s)(?<!\beverybody\s)(?<!\ball\s)(?<!\bthose\s)(?<!\bpeople\s)(?<!\banyone\s)"
    rf"(?<!\byou\s)(?<!\bwho\s)\b(?!(?:everyone|everybody|anyone|all|those|people|you)\b)[\w'’]+\s+who\s+(?:brought|dropped|left|handed|gave|sent|knitted|baked|"
    rf"made|wrote|donated|popped|came|walked|turned\s+up|rang)\b[^.!?\n]{{0,60}}\b{_RECENT}"
    rf"|\b(?:someone|somebody|a\s+(?:man|woman|lady|gentleman|person))\s+who['’]?s\s+been\s+"
    rf"(?:coming|seeing|attending|visiting|using|with)\b",
    re.IGNORECASE,
)
# One baby or patient's story: "goes home today after 112 days", "born at 24 weeks
# weighing 1lb 9oz".
_ONE_PATIENT = quick(
    r"\b(?:goes|went|going|heading|headed|gets?\s+to\s+go)\s+home\s+(?:today|tonight|this\s+\w+|"
    r"after\s+\d+\s+(?:days|weeks|months))\b"
    r"|\bborn\s+(?:at\s+)?\d{2}\s*(?:\+\d\s*)?weeks\b|\bweigh(?:ing|ed)\s+(?:just\s+)?\d+\s*(?:lb|kg|g)\b",
    re.IGNORECASE,
)
# "one new face", "a new face at the shelter": a newcomer.
_NEW_FACE = re.compile(r"\b(?:one|a|another)\s+new\s+face\b", re.IGNORECASE)
_PRONOUN = quick(r"\b(?:she|he|her|him|his|hers|she['’]s|he['’]s)\b", re.IGNORECASE)
# Round 13 and 15: animals, mascots and things a post can call "he" or "she": "the cow seen
# wandering ... is back in her field", "Moss the office spaniel ... She's in Ludlow", "our
# sourdough starter ... she is 3". Whatever they are, they are no one's private information.
_ANIMAL_NAMES = (
    "dog", "puppy", "pup", "cat", "kitten", "tortoise", "rabbit", "horse", "pony", "donkey", "bird", "heron",
    "swan", "cygnet", "duck", "duckling", "mallard", "goose", "gosling", "owl", "fox", "badger", "hedgehog",
    "otter", "deer", "squirrel", "seal", "robin", "gull", "seagull", "pigeon", "magpie", "crow", "falcon",
    "peregrine", "kestrel", "buzzard", "cow", "calf", "bull", "sheep", "lamb", "ewe", "ram", "pig", "piglet",
    "goat", "hen", "chicken", "cockerel", "alpaca", "llama", "hamster", "guinea pig", "ferret", "budgie",
    "parrot", "goldfish", "frog", "toad", "bee", "spaniel", "terrier", "labrador", "collie", "lurcher",
    "greyhound", "retriever", "whippet", "poodle", "beagle", "dachshund", "husky", "animal", "pet", "mascot",
    "plant", "cactus", "sourdough starter", "scarecrow", "statue", "robot",
    # Round 23: "Update on the Ventnor peacock: he has been escorted off the Esplanade".
    "peacock", "peahen", "pheasant", "hare", "stag", "dolphin", "puffin", "eagle", "stork", "tortoiseshell",
    "bulldog", "pug", "rottweiler", "dalmatian", "schnauzer", "cockapoo", "labradoodle", "cavapoo", "chihuahua",
)
ANIMALS = (
    "(?:" + "|".join(n.replace(" ", r"\s+") for n in _ANIMAL_NAMES) + ")"
    # "a dog walker", "our dog handler", "the plant manager" are people.
    r"(?![\s-]*(?:walker|owner|lover|groomer|trainer|breeder|sitter|handler|fosterer|warden|rescuer|keeper|"
    r"manager|operator|worker|lady|man|woman)s?\b)"
)
# A cheap first look: most posts hold none of these words.
_ANIMAL_TOKENS = frozenset(w for n in _ANIMAL_NAMES for w in (n.split()[-1], n.split()[-1] + "s"))
_LOWER_WORD = re.compile(r"[a-z]+")


def _mentions_animal(text: str) -> bool:
    return not _ANIMAL_TOKENS.isdisjoint(_LOWER_WORD.findall(text.lower()))


# A role the pronoun can stand for: "our buying director ... her face", "the councillor
# ... he", "a nurse ... her". Any role or colleague named earlier in the post.
_ROLE_ANTECEDENT = quick(
    r"\b(?:our|the|your|a|an|one|this|that|every|each)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:director|manager|councillor|officer|sergeant|inspector|constable|nurse|doctor|"
    r"consultant|midwife|paramedic|porter|therapist|counsellor|solicitor|partner|lawyer|"
    r"barrister|judge|volunteer|driver|colleague|chair|ceo|founder|mayor|minister|mp|"
    r"spokesperson|leader|head|chief|receptionist|cashier|staff|crew|engineer|adviser|"
    r"advisor|caseworker|worker|trainee|apprentice|vicar|teacher|agent|employer|"
    r"candidate|member\s+of\s+staff|man|woman|gentleman|lady|guy|bloke|boy|girl|"
    r"customer|client|patient|tenant|resident|supporter|donor|follower|caller|"
    # Round 13: an animal ("a tortoise was handed in ... he's safe", "the heron was back
    # on his rock") or a festive character is not a person to recognise.
    rf"{ANIMALS}|santa|elf|reindeer)\b"
    # "one of our therapists missed her train": one colleague among several.
    r"|\bone\s+of\s+(?:our|the)\s+(?:[\w'’-]+\s+){0,2}?(?:directors|managers|councillors|officers|nurses|"
    r"doctors|consultants|midwives|paramedics|therapists|counsellors|solicitors|partners|volunteers|"
    r"drivers|colleagues|staff|advisers|advisors|caseworkers|trainees|apprentices|team)\b|"
    r"\b(?:Santa|Father\s+Christmas)\b"
    # Round 15: a role as a title before a name, "Volunteer Bev has now wrapped 312 boxes",
    # and a colleague by where they work, "June from our Shrewsbury reception".
    r"|(?-i:\b(?:Volunteer|Nurse|Midwife|Porter|Driver|Chef|Caretaker|Receptionist|Matron|Sister|Warden|"
    r"Ranger|Librarian|Paramedic|Cashier|Steward|Gardener)\s+[A-Z][\w'’-]+)"
    r"|(?-i:\b[A-Z][\w'’-]+)\s+from\s+our\s+(?:[\w'’&-]+\s+){0,2}?(?:reception|front\s+desk|team|office|branch|shop|store|depot|"
    r"kitchen|warehouse|bakery|café|cafe|counter|switchboard)\b",
    re.IGNORECASE,
)
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+(?:[A-Z]\.\s*){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)
_ORIGIN_AFTER = quick(
    r"\s*,?\s*(?:\(\d{1,3}\)\s*,?\s*|\d{1,3}\s*,\s*)?(?:from|of|formerly\s+of|originally\s+from|"
    r"who\s+lives\s+in)\s+(?!our\b|the\b|us\b|your\b)[A-Z][\w'’-]+"
)

# Totals and rates: "212 drivers", "11,480 people", "9,000 staff", "68%".
_TOTAL = quick(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d{2,})\+?\s+(?:[a-z-]+\s+)?(?:people|drivers|patients|clients|"
    r"customers|tenants|residents|families|households|children|adults|users|sessions|"
    r"appointments|calls|cases|arrests|referrals|staff|volunteers|members|visitors|"
    r"pupils|students|homes|parcels|meals|beds|donors|supporters|offenders|victims|women|"
    r"men|young\s+people|older\s+people|carers|"
    # Round 13: counts of matters handled ("312 disrepair claims settled", "138
    # employment disputes settled") and of kinds of client ("1,146 first-time buyers").
    r"claims|disputes|matters|enquiries|complaints|applications|transactions|purchases|"
    r"mortgages|loans|buyers|couples|individuals|callers|survivors|parents|businesses|"
    # Round 24 (holdout23): "the 61 brothers and sisters who came to the sibling picnic".
    r"brothers|sisters|siblings|sons|daughters|mums|dads|grandparents|grandchildren|kids|"
    r"runners|walkers|riders|swimmers|singers|players|guests|learners|graduates|apprentices)\b",
    re.IGNORECASE,
)
_RATE = quick(r"\b\d+(?:\.\d+)?\s?(?:%|per\s?cent\b)|\b\d+p\s+in\s+every\b", re.IGNORECASE)
_AGGREGATE_WORDS = quick(
    r"\b(?:annual\s+report|outcomes?\s+report|impact\s+report|our\s+figures|statistics|"
    r"(?:many|most|some|all|lots|plenty)\s+of\s+(?:the\s+)?(?:people|those|our\s+\w+)|"
    r"(?:patients|clients|customers|people|families|tenants|residents|parents)\s+"
    r"(?:often|always|usually|regularly|frequently|sometimes|tell\s+us|ask\s+us)|"
    r"every\s+one\s+of\s+our|people\s+who|those\s+who|anyone\s+who)\b",
    re.IGNORECASE,
)


# "A customer asked in branch last week: 'Is it safe to ...?'": the person only frames a
# general question that follows in quotes. "A client asked me whether she'd failed"
# (reported speech about her own life) is not this shape.
_QUOTED_QUESTION = quick(
    r"\b(?:a|an|one|our|this)\s+(?:[\w'’-]+\s+){0,2}?(?:resident|customer|client|patient|tenant|"
    r"volunteer|member|supporter|parent|caller|follower|listener|reader|donor|visitor|shopper|"
    r"student|pupil|neighbour|person|lady|man|woman|gentleman|mum|dad|colleague)s?\s+"
    r"(?:asked|wondered|wanted\s+to\s+know|emailed|messaged|wrote\s+in|rang|called)\b"
    # An apostrophe inside a word ("if I'm married?") does not close the quotation.
    r"[^:'\"‘“.!?\n]{0,50}[:,]\s*['\"‘“](?:[^'\"’”]|(?<=\w)['’](?=\w)){3,160}\?",
    re.IGNORECASE,
)


# The same frame in reported speech: "A client asked us last week whether a voice note
# counts as a will", "Someone asked at our Talgarth surgery whether you need to register a
# drone". Only when the question says nothing about the asker: "asked whether she'd
# failed", "asked if he could still get help", "whether their referral came through"
# tell the asker's own story and stay a particular person.
_REPORTED_QUESTION = quick(
    r"(?:\b(?:a|an|one|our|this)\s+(?:[\w'’-]+\s+){0,2}?(?:resident|customer|client|patient|tenant|"
    r"volunteer|member|supporter|parent|caller|follower|listener|reader|donor|visitor|shopper|"
    r"student|pupil|neighbour|person|lady|man|woman|gentleman|mum|dad|colleague)s?|\b(?:someone|somebody))"
    # "A resident in Clun asked": where the asker lives is the post's place.
    r"(?:\s+(?:in|at|from)\s+[A-Z][\w'’-]+)?\s+"
    r"(?:asked|wondered|wanted\s+to\s+know|(?:emailed|messaged|wrote\s+in|rang|called|got\s+in\s+touch)\s+(?:us\s+)?to\s+ask)\b(?P<where>[^.!?\n:\"‘“]{0,60}?)\b(?P<question>(?:whether|if|why|how|what|when|where)\b"
    r"[^.!?\n]*[.!?]?)",
    re.IGNORECASE,
)
# Where the question was asked ("in my DMs", "at our drop-in") is the author's; only a
# third person there belongs to the asker ("asked her GP whether").
_ASKER_OWN_WHERE = re.compile(
    r"\b(?:she|he|her|him|his|they|them|their)\b",
    re.IGNORECASE,
)
_ASKER_OWN = quick(
    r"\b(?:she|he|her|him|his|hers|herself|himself|they|them|their|theirs|themselves|i|me|my|"
    r"mine|she['’]\w+|he['’]\w+|they['’]\w+|i['’]\w+)\b",
    re.IGNORECASE,
)


# "£10 buys a week's breakfast club for one child", "£100 pays for a grant for a family with
# no cooker": what a gift does, told of a typical beneficiary. (Past tense, "£50 paid for a
# cooker for a mum in Tuffley", is a real one and not this shape.)
_GIFT = quick(
    r"(?:[£$€]\d[\d,.]*|(?<!\d)\d{1,3}p\b)(?:\s+(?:a|per|every)\s+(?:month|week|year))?\s+(?:could\s+|can\s+|will\s+)?"
    r"(?:pays?|buys?|funds?|covers?|provides?|gives?|keeps?|feeds?|gets?)\b[^.!?\n]*",
    re.IGNORECASE,
)


# A general question may still say "they" or "her": "whether they can refer themselves",
# "why her roses keep getting black spot" -- present tense, about how things work. Told
# in the past or the conditional ("whether she'd failed", "if he could still get help",
# "whether their referral came through") it is the asker's own story.
_FIRST_PERSON = quick(r"\b(?:i|me|my|mine|i['’]\w+)\b", re.IGNORECASE)
_GENERAL_PRESENT = quick(
    r"\b(?:they|she|he|her|his|their)\s+(?:[a-z]+\s+)?(?:can|keep|keeps|need|needs|have\s+to|has\s+to|"
    r"should|is|are|do|does|get|gets)\b"
    # "what to do if you see someone lamping": advice to anyone.
    r"|\b(?:if|when|whether)\s+you\b",
    re.IGNORECASE,
)
_PAST_OR_CONDITIONAL = quick(
    r"\b(?:was|were|had|did|could|would|might|came|went|got|lost|left|told|said|"
    r"(?!(?:need|feed|speed|bleed)\b)\w+ed)\b|['’]d\b",
    re.IGNORECASE,
)


def _general_question(question: str) -> bool:
    if not _ASKER_OWN.search(question):
        return True
    return (not _FIRST_PERSON.search(question) and bool(_GENERAL_PRESENT.search(question))
            and not _PAST_OR_CONDITIONAL.search(question))


# An example given in passing: "(e.g. a child not returned after a visit)", "for example
# a landlord who keeps the deposit". The person in it is hypothetical.
_EXAMPLE = quick(r"\b(?:e\.g\.?|eg\.|for\s+example|for\s+instance|such\s+as)\s*,?\s*[^.!?)\n]{1,120}",
                      re.IGNORECASE)


# Who a service is for, spoken to the reader: "if you're 65 or over, expecting a baby, or
# living with asthma". The baby is any reader's.
# "If you're the man who left a bag on the 38 bus" points at one person: not this.
_IF_YOU = re.compile(r"\bif\s+you(?:['’]re|\s+are)\s+(?!(?:the|that|this|one\s+of\s+the)\b)[^.!?:;\n]{1,120}",
                     re.IGNORECASE)


# Round 13: a question many people ask, answered as general advice: "People often ask us
# what to do if they're worried about a neighbour", "We're often asked how to support a
# teenager who's stopped talking". The neighbour and the teenager are anyone's.
_OFTEN_ASKED = quick(
    r"\b(?:(?:people|parents|families|carers|customers|clients|residents|patients|tenants|many\s+of\s+you|lots\s+of\s+you)"
    r"\s+(?:often|regularly|frequently|always|sometimes|keep)\s+ask(?:ing)?(?:\s+(?:us|me))?|"
    r"we(?:['’]re|\s+are|\s+get)\s+(?:often|regularly|frequently|always|sometimes)\s+asked|"
    r"(?:a|one|the)\s+question\s+we\s+(?:get|hear)\s+(?:a\s+lot|often|all\s+the\s+time|most))\b"
    r"\s*:?\s*(?:(?:what|how|whether|if|about|why|when|where|who)\b)?[^.!?\n]*",
    re.IGNORECASE,
)


def example_spans(text: str) -> list[Span]:
    """Examples given in passing and who a service is for ("if you're ..."): their people
    are hypothetical, not particular."""
    lowered = text.lower()
    spans = [Span(m.start(), m.end(), "frame", "a question many ask") for m in _OFTEN_ASKED.finditer(text)]
    if "e.g" in lowered or "xample" in lowered or "nstance" in lowered or "such as" in lowered:
        spans += [Span(m.start(), m.end(), "frame", "an example") for m in _EXAMPLE.finditer(text)]
    if "if you" in lowered:
        spans += [Span(m.start(), m.end(), "frame", "who a service is for") for m in _IF_YOU.finditer(text)]
    return spans


def gift_spans(text: str) -> list[Span]:
    """What a donation pays for: its beneficiaries are typical, not particular."""
    return [Span(m.start(), m.end(), "frame", "what a gift pays for") for m in _GIFT.finditer(text)]


def quoted_question_spans(text: str) -> list[Span]:
    """Someone who only asks a general question: "A resident asked us: 'Can ...?'", "A client
    asked us whether a voice note counts as a will"."""
    spans = [Span(m.start(), m.end(), "frame", "a quoted question") for m in _QUOTED_QUESTION.finditer(text)]
    for m in _REPORTED_QUESTION.finditer(text):
        if _general_question(m.group("question")) and not _ASKER_OWN_WHERE.search(m.group("where")):
            spans.append(Span(m.start(), m.end(), "frame", "a reported question"))
    return spans


def singular_subjects(text: str) -> list[Span]:
    """Phrases that single out one unnamed person or a handful of clients."""
    spans = []
    for pattern, label in (
        (_ENCOUNTER, "a service encounter"),
        (_SOMEONE, "someone in particular"),
        (_FEW_CLIENTS, "a few particular clients"),
        (_FAMILY_SUBJECT, "a particular family"),
        (_SLOT, "a client's appointment slot"),
        (_ONE_OFF_ACT, "someone in particular"),
        (_ONE_PATIENT, "a particular patient"),
        (_NEW_FACE, "someone in particular"),
    ):
        for m in pattern.finditer(text):
            spans.append(Span(m.start(), m.end(), "person", label))
    if _RECENT_ANYWHERE.search(text):
        for m in _REFLECTION.finditer(text):
            spans.append(Span(m.start(), m.end(), "person", "a particular encounter"))
    return spans


# The name of an animal or a thing: "Moss the office spaniel", "Biscuit, our therapy dog",
# "our waiting-room plant is called Gerald", "the starter is named Glenys".
_ANIMAL_WORD = quick(rf"\b{ANIMALS}s?\b", re.IGNORECASE)
_NAME_BEFORE_ANIMAL = re.compile(r"\b([A-Z][\w'’-]+),?\s+(?i:the|our)\s+(?:[\w'’-]+\s+){0,2}?$")
# Round 24 (holdout26): "named Dr Prickles" -- a title is part of a pet's joke name.
_CALLED = quick(r"\b(?:called|named|christened|known\s+as)\s+((?:(?:Dr|Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Captain|Professor|Prof)\.?\s+)?[A-Z][\w'’-]+)")
# The animal named in the sentence before: "found a hedgehog. He was assessed, named ...".
_PRONOUN_CLAUSE = re.compile(r"^[^.!?\n]*[.!?]\s+(?:he|she|it|they)\b[^.!?\n]*$", re.IGNORECASE)
_CALLED_WORDS = ("called", "named", "christened", "known as")


# Round 23: the animal word right before its name: "Shop cat Nettle has claimed the new
# sack display", "station dog Bramble".
_ANIMAL_THEN_NAME = re.compile(rf"(?i:\b{ANIMALS})\s+([A-Z][a-z'’-]+)\b(?!\s+[A-Z])")


def pet_names(text: str) -> frozenset[str]:
    """Names the post gives an animal or a thing: "Moss the office spaniel", "a plant called
    Gerald"."""
    if not _mentions_animal(text):
        return frozenset()
    animals = list(_ANIMAL_WORD.finditer(text))
    found = set()
    for a in animals:
        m = _NAME_BEFORE_ANIMAL.search(text, max(0, a.start() - 40), a.start())
        if m:
            found.add(m.group(1))
    for m in _ANIMAL_THEN_NAME.finditer(text):
        found.add(m.group(1))
    if any(w in text for w in _CALLED_WORDS):
        for m in _CALLED.finditer(text):
            # "... plant is called Gerald": an animal word earlier in the clause.
            if any(a.end() <= m.start() and a.start() >= m.start() - 80
                   and (not any(c in text[a.end() : m.start()] for c in ".!?\n") and a.start() >= m.start() - 40
                        or _PRONOUN_CLAUSE.match(text[a.end() : m.start()])) for a in animals):
                found.add(m.group(1))
    return frozenset(found)


def animal_subject(text: str, pets: frozenset[str]) -> bool:
    """Whether the "he"/"she" of the post stands for an animal or a thing: it is named as one,
    or the nearest role before the first pronoun is one ("the cow ... her field")."""
    if pets:
        return True
    m = _PRONOUN.search(text) if _mentions_animal(text) else None
    if not m or not _ANIMAL_WORD.search(text, 0, m.start()):
        return False
    before = list(_ROLE_ANTECEDENT.finditer(text[: m.start()]))
    return bool(before) and bool(_ANIMAL_WORD.search(before[-1].group()))


def unnamed_pronoun_person(text: str, has_names: bool) -> Span | None:
    """A "she"/"he" the post never names and no role stands for: someone in particular.

    "The view from her window", "he left for his PA, she kept the house". Not when a
    person is named (the pronoun is theirs) or a role comes first ("our director ...
    to her face"): those are handled by the name and role logic.
    """
    if has_names:
        return None
    m = _PRONOUN.search(text)
    if not m or _ROLE_ANTECEDENT.search(text[: m.start()]):
        return None
    return Span(m.start(), m.end(), "person", "someone unnamed")


# An explainer written to the reader: "before you sign anything", "book you with the
# right person". Its "the family home", "the child" and "a GP" are whoever the reader is.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you['’](?:re|ll|ve|d))\b", re.IGNORECASE)
_FIRST_PERSON_STORY = re.compile(r"\b(?:I|my)\b")


def second_person_explainer(text: str) -> bool:
    """A post that talks to the reader about their situation, with no story of its own:
    at least three "you"s, nothing recent ("today", "last week") and no "I/my" narrative."""
    return (len(_SECOND_PERSON.findall(text)) >= 3 and not _RECENT_ANYWHERE.search(text)
            and not _FIRST_PERSON_STORY.search(text))


def titled_names(text: str) -> list[Span]:
    """"Mr Adeyemi", "Mrs A. Khoury": a title before a name marks a private person."""
    return [Span(m.start(), m.end(), "name", "title and name") for m in _TITLED.finditer(text)]


def has_origin(text: str, span: Span) -> bool:
    """"Jess Morgan from Penarth", "Joanne Pritchard, formerly of Treorchy", "Jo, 62, of Leeds"."""
    return bool(_ORIGIN_AFTER.match(text, span.end))


# A share of everyone seen: "more than half of the couples I've worked with", "one in
# five", "two thirds of our clients".
_PROPORTION = quick(
    r"\b(?:(?:more|fewer|less)\s+than\s+|over\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+)?"
    r"(?:half|a\s+third|a\s+quarter|two[\s-]thirds|three[\s-]quarters|the\s+majority|a\s+minority)\s+of\s+"
    r"(?:the|my|our|all|those|these)\b|\b(?:one|\d{1,2})\s+in\s+(?:every\s+)?(?:\d{1,3}|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|a\s+hundred)\b",
    re.IGNORECASE,
)
# A tally: three or more counts listed in one breath ("143 house purchases, 37 croft
# assignations, 22 executries ... and 9 separations").
_TALLY = re.compile(
    r"\b\d[\d,]*\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4}?\s*,\s*\d[\d,]*\s+[a-z][\w'’-]*"
    r"(?:[^.!?\n]{0,80}?(?:,|\band\b)\s*\d[\d,]*\s+[a-z])",
    re.IGNORECASE,
)


_PROPORTION_WORDS = ("half", "third", "quarter", "majority", "minority", " in ")
_DIGIT_RUN = re.compile(r"\d+")


def aggregate_spans(text: str) -> list[Span]:
    """Totals, rates and phrases that speak of people in aggregate."""
    spans = []
    patterns = [_TOTAL, _RATE, _AGGREGATE_WORDS]
    lowered = text.lower()
    if any(w in lowered for w in _PROPORTION_WORDS):
        patterns.append(_PROPORTION)
    if len(_DIGIT_RUN.findall(text)) >= 3:
        patterns.append(_TALLY)  # three counts at least
    for pattern in patterns:
        for m in pattern.finditer(text):
            spans.append(Span(m.start(), m.end(), "aggregate", "people in aggregate"))
    return spans
