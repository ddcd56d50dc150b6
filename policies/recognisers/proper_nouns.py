"""Names of people, organisations and places, found from capitalisation and word lists.

No English NER model can be installed here, so this reads the shape of the text the
way a careful reader would: runs of capitalised words ("Mrs Priya Shah", "Stuttgart
Court of Appeal", "Esperidon Street") are candidates; a title, a known first name or
surname, an organisation or street word, or a place list decides what each one is. A
capitalised word at the start of a sentence that is also an ordinary word ("Will",
"Bath", "Reading") is not taken for a name unless something else says so.
"""

from __future__ import annotations

import regex

from policies.recognisers.gazetteers import common_words, first_names, places_lexicon, surnames
from policies.recognisers.lexicon import fold
from policies.recognisers.spans import Span

_CONNECTORS = r"(?:of|the|de|du|des|van|von|der|den|da|di|del|della|la|le|al|el|bin|bint|ben|y|and|&|for|upon|on|in|under)"
# A capitalised word, or an initial / short abbreviation with its full stop ("F.",
# "K.H.", "St.") -- but never a whole word and the full stop that ends a sentence.
_CAPWORD = r"(?:\p{Lu}\p{Ll}{0,2}\.(?:\p{Lu}\.)*(?=\s*\p{Lu})|\p{Lu}[\p{L}\p{M}'’\-]*+)"
_PHRASE = regex.compile(
    rf"{_CAPWORD}(?:(?:[ \t]+(?:{_CONNECTORS}[ \t]+){{0,2}}|(?<=\.)){_CAPWORD})*"
)
_TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady cllr councillor rev revd
    reverend father sister brother judge justice pc dc ds di dci dsi sgt sergeant
    inspector constable officer nurse aunt auntie uncle nan grandma grandad nanna
    baroness baron master madam mme mlle herr frau pd insp supt det ch""".split()
)
_ORG_WORDS = frozenset(
    """court courts council ministry office authority ltd limited plc llp inc hospital
    school college university prison trust bank party service services department
    agency board commission police constabulary government parliament assembly
    tribunal committee association society foundation institute union company
    corporation group fund church mosque temple synagogue academy centre center
    clinic practice surgery chambers solicitors partners directorate inspectorate
    prosecutor prosecutors federation league club charity bureau army navy
    gendarmerie municipality registry administration television broadcasting radio
    hospice unit library museum hall theatre theater station airport stadium gallery
    cathedral chapel mission project network partnership alliance forum panel
    initiative programme scheme campaign show festival market fair awards award
    network press news times guardian herald gazette""".split()
)
# Last words that make a run of several capitalised words a body, a law, a building or
# a place, never a person, even after a first name or surname: "the Employment Rights
# Bill", "Porter Brook Law", "the Albert Halls", "Swansea Marina", "Eden Fells".
_NON_PERSON_LAST = frozenset(
    """bill act acts halls marina fells reservoir harbour pier beach valley"""
    # Round 17: a campaign or event, "Junior Savers Week", "Pride Month", "Winter Appeal".
    """ week weekend fortnight month appeal challenge marathon""".split()
)
# "Jude Law" is a person; "Porter Brook Law" is a firm.
# Festivals and greetings: "Easter opening", "Merry Christmas from everyone".
_FESTIVALS = frozenset(
    """easter christmas xmas merry happy new year eid mubarak diwali hanukkah chanukah halloween
    ramadan vaisakhi passover lent advent pentecost whitsun hogmanay boxing day eve good friday
    holi navratri""".split()
)
# Round 17: "Team Lea Side", "Team Harbour": a fundraising team, not a person.
_ORG_FIRST = frozenset("ministry department court university bank office house team".split())
_STREET_WORDS = frozenset(
    """road rd street st lane ln avenue ave close drive dr way crescent place square
    gardens terrace grove hill row walk mews rise parade boulevard estate
    wharf quay embankment green court""".split()
)
_DETERMINERS = frozenset(
    """the a an this that these those our my his her their your its some any every
    each no on in at by for from to of and but or if when while after before during
    since until as with without dear hi hello thanks thank well so yes please""".split()
)
_SENTENCE_END = set(".!?…:;\n\r\t\"“”'‘’(*•-–—|>")
_LOCATIVE = frozenset("in at near from to around outside inside across via".split())


_PRONOUN_I = regex.compile(r"I(?:['’](?:ve|m|d|ll))?$")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or not (text[i].isalnum() or text[i] in ",")


_LAST_WORD = regex.compile(r"([\p{L}]+)\.?[ \t]*$")
_TOKEN = regex.compile(r"[\p{L}\p{M}'’\-.&]+")


def _previous_word(text: str, start: int) -> str:
    m = _LAST_WORD.search(text[max(0, start - 30) : start])
    return m.group(1) if m else ""


# Social-media shorthand written in capitals: never an organisation or a place.
_CHAT_SHORTHAND = frozenset({"dm", "dms", "pm", "faq", "faqs", "asap", "fyi", "rsvp", "tbc", "tba",
                             "omg", "lol", "ps", "nb", "aka", "diy", "ok"})


# Welsh words that open bilingual posts ("Mae Llyfrgell ... ar agor", "Diolch i ...",
# "Dydd Llun"): never part of a person's name.
_WELSH_OPENERS = frozenset({
    "mae", "dyma", "diolch", "croeso", "llongyfarchiadau", "bore", "noswaith", "nadolig",
    "pob", "dydd", "ein", "eich", "yn", "ar", "gyda", "i'r", "a'r", "y", "yr", "hwyl", "pen-blwydd",
})


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def find_proper_nouns(text: str, folded: str) -> list[Span]:
    """People's names, organisations, places and street addresses in ``text``."""
    names, lasts, common = first_names(), surnames(), common_words()
    place_spans = []
    for start, end, _values in places_lexicon().iter_matches(folded):
        if text[start].isupper():
            place_spans.append((start, end))
    spans: list[Span] = []
    for m in _PHRASE.finditer(text):
        start, end = m.span()
        tokens = [(t.start() + start, t.end() + start) for t in _TOKEN.finditer(m.group())]
        initial = _sentence_initial(text, start)
        # Drop leading ordinary words ("The", "On", "Yesterday") from the phrase.
        while tokens:
            word = fold(text[tokens[0][0] : tokens[0][1]]).strip(".")
            if word in _DETERMINERS or word in _WELSH_OPENERS or (initial and word in common and word not in _TITLES
                                        and not (word in names and len(tokens) > 1)
                                        and not (word == "team" and len(tokens) > 1)):
                tokens.pop(0)
                initial = False
                continue
            break
        # "Will I keep the house?", "I've": the pronoun is not part of a name.
        while tokens and _PRONOUN_I.match(text[tokens[-1][0] : tokens[-1][1]]):
            tokens.pop()
        while tokens and _PRONOUN_I.match(text[tokens[0][0] : tokens[0][1]]):
            tokens.pop(0)
        if not tokens:
            continue
        if text[max(0, tokens[0][0] - 1) : tokens[0][0]] == "#":
            continue  # a hashtag is a topic, not a person or place
        parts = _split_at_connectors(text, tokens, place_spans)
        if len(tokens) >= 3 and all(text[s:e].isupper() for s, e in tokens):
            # Round 17: a shouted sentence ("PLEASE ONLY COME TO ED IF IT IS A LIFE-THREATENING
            # EMERGENCY") is ordinary words in capitals: only the runs of words that are
            # not ordinary ones can be names ("JOHN SMITH OWES US" keeps "JOHN SMITH").
            parts = _uncommon_runs(text, tokens, common)
        for part in parts:
            span = _classify(text, part, initial and part[0] == tokens[0], names, lasts, common, place_spans)
            if span:
                spans.append(span)
    return spans


def _uncommon_runs(text: str, tokens: list[tuple[int, int]], common: frozenset[str]) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = [[]]
    for s, e in tokens:
        word = fold(text[s:e]).strip(".")
        if word in common or word in _DETERMINERS or regex.fullmatch(_CONNECTORS, word):
            runs.append([])
        else:
            runs[-1].append((s, e))
    return [r for r in runs if r]


_MONTHS = frozenset("January February March April May June July August September October November December".split())
_ROOM_WORDS = frozenset({"Bay", "Bed", "Ward", "Room", "Flat", "Cubicle"})


def _covered(start: int, end: int, place_spans: list[tuple[int, int]]) -> bool:
    return any(ps <= start and end <= pe for ps, pe in place_spans)


def _split_at_connectors(
    text: str, tokens: list[tuple[int, int]], place_spans: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Round 13: a run joined by "in" is a thing and where it is ("Pharmacy First in
    England", "Advisers in Cardiff", "John Coupland in Gainsborough"), and one joined by
    "and" between two known places is two places ("Devon and Cornwall", "Leeds and
    Wakefield"): no one's name has a lowercase "in" inside it. A place name that holds
    the connector ("Newcastle upon Tyne", "Brighton and Hove") stays whole."""
    if len(tokens) < 3 or _covered(tokens[0][0], tokens[-1][1], place_spans):
        return [tokens]
    parts: list[list[tuple[int, int]]] = [[]]
    for i, (s, e) in enumerate(tokens):
        word = text[s:e]
        inner = 0 < i < len(tokens) - 1 and parts[-1]
        # "Ceri Jones in Bay 3": the bay that finds her is split off later, with its number.
        # "the end of May in Aberdeen" stays a date and a place, as before.
        if inner and word == "in" and text[tokens[i + 1][0] : tokens[i + 1][1]] not in _ROOM_WORDS and not (
                len(parts[-1]) == 1 and text[parts[-1][0][0] : parts[-1][0][1]] in _MONTHS):
            parts.append([])
            continue
        if inner and word in ("and", "&") and _covered(parts[-1][0][0], parts[-1][-1][1], place_spans) and \
                _place_follows(text, tokens[i + 1 :], place_spans):
            parts.append([])
            continue
        parts[-1].append((s, e))
    parts = [p for p in parts if p]
    if len(parts) > 1:
        # "in the Community": drop a leading article of the part after the connector.
        parts = [p[1:] if len(p) > 1 and text[p[0][0] : p[0][1]].lower() == "the" else p for p in parts]
    return parts


def _place_follows(text: str, rest: list[tuple[int, int]], place_spans: list[tuple[int, int]]) -> bool:
    for j in range(len(rest), 0, -1):
        if _covered(rest[0][0], rest[j - 1][1], place_spans):
            return True
    return False


_IMPERATIVE_NEXT = regex.compile(
    r"\s+(?:via|online|now|here|today|early|free|your|yours|us|it|them|a|an|through|using|below|above)\b"
)
_PERSON_FOLLOWS = regex.compile(
    r",?\s+(?:and\s+(?:her|his|their)\b|has\s+(?:been|just|finally|now)|had\s+|is\s+(?:now|finally|still)|"
    r"was\s+|who\s+|came\s+|got\s+|told\s+|said\s+|finally\s+|, \d{1,3},)"
)


def _classify(
    text: str,
    tokens: list[tuple[int, int]],
    initial: bool,
    names: frozenset[str],
    lasts: frozenset[str],
    common: frozenset[str],
    place_spans: list[tuple[int, int]],
) -> Span | None:
    start, end = tokens[0][0], tokens[-1][1]
    words = [fold(text[s:e]).strip(".'’") for s, e in tokens]
    raw = [text[s:e] for s, e in tokens]
    prev = fold(_previous_word(text, start))
    # Round 16: "Father Christmas" is a festival's figure; "St James Park", "St Mary's" a
    # saint's name on a ground, a church or a hospital.
    if words[0] in _TITLES and len(words) > 1 and all(w in _FESTIVALS for w in words[1:]):
        return None
    if raw[0] in ("St", "St.", "Saint") and len(words) > 1 and prev not in _TITLES:
        return Span(start, end, "place", "place")
    # Round 22: "Lord Street", "Bishop Road": a title that names a street.
    if words[0] in _TITLES and len(words) == 2 and words[-1] in _STREET_ONLY:
        return _street(text, start, end)
    # Title + name: "Mrs Patel", "Dr A. Khan", "Cllr Jones".
    if words[0] in _TITLES and len(words) > 1:
        return Span(start, end, "name", "title and name")
    if prev in _TITLES and _previous_word(text, start)[:1].isupper():
        return Span(start, end, "name", "title and name")
    last = words[-1]
    if len(words) > 1 and words[0] in _COMPASS and _covered(tokens[1][0], end, place_spans):
        return Span(start, end, "place", "place")  # Round 17: "East Kent", "North Somerset"
    if _FACILITY_AFTER.match(text, end):
        # Round 17: "our Pennington office", "The Bridges shopping centre": the name of a
        # building or a branch, not of a person ("Mr Smith's office" has its possessive).
        return Span(start, end, "place", "place")
    if all(w in _FESTIVALS for w in words) and (last in _FESTIVALS - {"merry", "happy", "new", "good"}):
        return None  # "Easter", "Merry Christmas", "Eid Mubarak": a season, not a person
    if len(words) > 1 and last in _NON_PERSON_LAST or len(words) > 2 and last == "law":
        return Span(start, end, "org", "organisation")
    if last in _ORG_WORDS or words[0] in _ORG_FIRST and len(words) > 1:
        if last in _STREET_WORDS and last != "court" and len(words) > 1:
            return _street(text, start, end)
        return Span(start, end, "org", "organisation")
    if last in _STREET_WORDS and len(words) > 1:
        return _street(text, start, end)
    for ps, pe in place_spans:
        if ps <= start and end <= pe or (start <= ps and pe <= end and pe - ps >= (end - start) / 2):
            if initial and len(words) == 1 and words[0] in common:
                return None
            if len(words) == 1 and words[0] in names and _PERSON_FOLLOWS.match(text, end):
                # Round 17: "Barry has now sorted 2,000 tins": a first name that is also a
                # town, doing what people do.
                return Span(start, end, "name", "name")
            if not initial and len(words) == 1 and words[0] in common and prev not in _LOCATIVE:
                return Span(start, end, "proper_noun", "capitalised word", weak=True)
            return Span(start, end, "place", "place")
    if all(_is_acronym(r) for r in raw):
        if all(w in common or w in _CHAT_SHORTHAND for w in words):
            return None  # "NEVER tap links", "pop it in a DM": emphasis, not a body
        # Weak: an acronym is as often a condition (PTSD) or a thing (ID) as a body.
        return Span(start, end, "org", "acronym", weak=True)
    after_article = prev in ("a", "an", "the", "your", "my", "our", "their", "this", "every")
    # Round 15: "Will Smith" opening a sentence is a name, but "Spring COVID vaccines" is
    # an ordinary word and an acronym: only a second name-like word makes a full name.
    more_words = len(words) > 1 and not all(_is_acronym(r.rstrip("-")) for r in raw[1:])
    has_first = any(w in names and (w not in common or more_words or not initial)
                    for w in words) and not (len(words) == 1 and after_article)
    has_last = any(w in lasts and w not in common for w in words[1:] or words)
    if has_first and (len(words) > 1 or not initial or words[0] not in common):
        return Span(start, end, "name", "name")
    if len(words) > 1 and has_last:
        return Span(start, end, "name", "name")
    if len(words) == 1:
        word = words[0]
        if initial and word in common:
            return None
        if initial and word not in lasts:
            # "Congratulations", "Apprenticeships": a capitalised sentence opener we do
            # not know is too thin to call a name -- unless a person's verb follows
            # ("Keeley and her baby are safe", "Keeley has moved").
            if _PERSON_FOLLOWS.match(text, end):
                return Span(start, end, "name", "name")
            return Span(start, end, "proper_noun", "capitalised word", weak=True)
        if word in lasts and word not in common:
            if after_article and not _HOUSEHOLD_AFTER.match(text, end):
                # Round 17: "a bypass at the Freeman", "your nearest Boots": a surname after
                # an article is a building or a brand ("the Patel family" stays a household).
                return Span(start, end, "proper_noun", "capitalised word", weak=True)
            if _in_place_list(text, start, end, place_spans):
                # Round 17: "groups in Craven, Richmondshire and Harrogate district".
                return Span(start, end, "place", "place")
            if initial and _plural_of_common(word, common):
                # Round 15: "Sessions cancelled late are charged", "Crews are stood down":
                # a surname that is also an ordinary plural, opening a sentence, is the noun.
                return Span(start, end, "proper_noun", "capitalised word", weak=True)
            if initial and _IMPERATIVE_NEXT.match(text, end):
                # "Register via the link in our bio", "Book online": a verb that is also
                # a surname opens an instruction, not a story about someone (round 10).
                return Span(start, end, "proper_noun", "capitalised word", weak=True)
            return Span(start, end, "name", "surname")
        return Span(start, end, "proper_noun", "capitalised word", weak=word in common)
    return Span(start, end, "proper_noun", "capitalised words")


# Street words that are not also surnames ("Mrs Green", "Dr Lane" and "Mr Hill" are people).
_STREET_ONLY = frozenset("street road avenue crescent terrace boulevard square parade mews".split())
_COMPASS = frozenset("north south east west mid central greater upper lower inner outer".split())
_FACILITY_AFTER = regex.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:office|offices|branch|branches|store|shop|centre|center|clinic|surgery|depot|"
    r"site|hub|library|campus|practice|station|market|leisure\s+centre)\b"
)
_HOUSEHOLD_AFTER = regex.compile(r"['’]?s?[ \t]+(?:family|families|household|twins|brothers|sisters|boys|girls|kids|children)\b")
_LIST_NEXT = regex.compile(r"(?:,[ \t]+(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&|or)[ \t]+)(\p{Lu}[\p{L}'’-]*)")
_LIST_PREV = regex.compile(r"(\p{Lu}[\p{L}'’-]*)(?:,[ \t]+(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&|or)[ \t]+)$")


def _in_place_list(text: str, start: int, end: int, place_spans: list[tuple[int, int]]) -> bool:
    """Whether a lone capitalised word sits in a list beside a known place ("Craven,
    Richmondshire and Harrogate", "Hawes and Grassington")."""
    following = end
    for _item in range(2):  # the next item of the list, or the one after it
        item = _LIST_NEXT.match(text, following)
        if item is None:
            break
        if _covered(item.start(1), item.end(1), place_spans):
            return True
        following = item.end(1)
    offset = max(0, start - 40)
    before = _LIST_PREV.search(text[offset:start])
    return bool(before) and _covered(offset + before.start(1), offset + before.end(1), place_spans)


def _plural_of_common(word: str, common: frozenset[str]) -> bool:
    """"sessions", "crews", "bridges": the plural of an ordinary word (stems of four letters
    or more, so "Rees" and "Hess" stay surnames)."""
    if not word.endswith("s"):
        return False
    return len(word) > 4 and word[:-1] in common or len(word) > 5 and word.endswith("es") and word[:-2] in common


_HOUSE_NUMBER = regex.compile(r"(?:\b(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\b\d{1,4}[a-zA-Z]?,?[ \t]+$", regex.IGNORECASE)


def _street(text: str, start: int, end: int) -> Span:
    m = _HOUSE_NUMBER.search(text[max(0, start - 30) : start])
    if m:
        return Span(start - (len(m.group()) and (start - max(0, start - 30) - m.start())), end,
                    "address", "street address")
    return Span(start, end, "place", "street")


_ROOM = regex.compile(
    r"\b(?:ward|bed|bay|room|flat|apartment|apt|unit|cell|block|floor|cubicle|house)\s+"
    r"(?:no\.?\s*)?\d+[a-z]?\b|\bplot\s+\d+[a-z]?\b",
    regex.IGNORECASE,
)


_LOWER_WORD = regex.compile(r"(?<![\p{L}@#])[\p{Ll}]{4,}(?![\p{L}])")


# "22 albion st", "flat 3, 14 mill lane": a house number, a word and a street word.
_LOWER_ADDRESS = regex.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[a-z][a-z'’-]+\s+){1,2}(?:st|street|rd|road|ave|avenue|lane|ln|close|"
    r"drive|dr|way|crescent|cres|terrace|terr|place|pl|grove|gardens|gdns|court|ct|row|walk|hill|"
    r"square|sq|park|mews|view|rise|green)\b\.?"
)


_NUMBER_BEFORE = regex.compile(r"\d[\d,.]*[ \t]+$")


def find_lowercase_names(text: str) -> list[Span]:
    """Names and places in posts written all in lower case ("siobhan got her keys in stonehouse").

    Only used when the post has almost no capitals, so ordinary capitalisation
    cannot help; a word counts when it is a known first name or place and not an
    ordinary English word.
    """
    letters = sum(1 for c in text if c.isalpha())
    capitals = sum(1 for c in text if c.isupper())
    if not letters or capitals > letters * 0.02:
        return []
    names, common = first_names(), common_words()
    spans = []
    for m in _LOWER_WORD.finditer(text):
        word = m.group()
        if word in names and word not in common and not _NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            # Round 22: "they walked 61 miles": after a number, a unit, not Miles.
            spans.append(Span(m.start(), m.end(), "name", "name"))
    for m in _LOWER_ADDRESS.finditer(text):
        spans.append(Span(m.start(), m.end(), "address", "street address"))
    folded = fold(text)
    for start, end, _values in places_lexicon().iter_matches(folded):
        if not all(w in common for w in folded[start:end].split()):
            spans.append(Span(start, end, "place", "place"))
    return spans


def find_rooms(text: str) -> list[Span]:
    """Ward, bed, bay, flat and room numbers: a place small enough to point at one person."""
    return [Span(m.start(), m.end(), "place", "ward, bed or flat number")
            for m in _ROOM.finditer(text)]
