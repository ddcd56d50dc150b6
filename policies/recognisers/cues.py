"""Cues about what a post is: about a specific client (raises the risk) or a public
notice / general advice (lowers it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policies.recognisers.gazetteers import cue_lexicon, extra_lexicon
from policies.recognisers.people import COMPOUND_NEXT, TEAM_ROLES, not_a_particular_one
from policies.recognisers.quickstart import quick
from policies.recognisers.spans import Span


@dataclass(slots=True)
class Cues:
    client: list[Span] = field(default_factory=list)
    public: list[Span] = field(default_factory=list)


def find_cues(
    text: str,
    folded: str,
    org_kind: str,
    extra_client: tuple[str, ...] = (),
    extra_public: tuple[str, ...] = (),
) -> Cues:
    """Client cues (for ``org_kind`` and every organisation) and public-notice cues."""
    cues = Cues()
    for start, end, values in cue_lexicon().iter_matches(folded):
        for what, section in values:
            if what == "client" and section in ("all", org_kind):
                if not_a_particular_one(text, start, end) or _compound_or_thing(text, start, end):
                    break
                cues.client.append(Span(start, end, "client_cue", text[start:end]))
                break
            if what == "public":
                cues.public.append(Span(start, end, "public_cue", text[start:end]))
                break
    if extra_client or extra_public:
        entries = tuple((t, "client") for t in extra_client) + tuple(
            (t, "public") for t in extra_public
        )
        for start, end, values in extra_lexicon(entries).iter_matches(folded):
            target = cues.client if "client" in values else cues.public
            target.append(Span(start, end, f"{values[0]}_cue", text[start:end]))
    return cues


_COMPOUND_AFTER = re.compile(COMPOUND_NEXT, re.IGNORECASE)
# "sorry it hasn't turned up": the subject of an arrival verb is the parcel, not a visitor.
_THING_ARRIVED_BEFORE = quick(
    r"\b(?:it|parcel|order|delivery|package|item|letter|card|refund)\s+(?:has\s+|hasn['’]t\s+|has\s+not\s+|"
    r"still\s+hasn['’]t\s+|never\s+|finally\s+|just\s+)?$",
    re.IGNORECASE,
)


# "one of our parks crew", "one of our hospice nurses": one of the staff, not a client.
_STAFF_AFTER = re.compile(rf"\s+(?:[\w'’&-]+\s+){{0,3}}?(?:{TEAM_ROLES})s?\b", re.IGNORECASE)


def _compound_or_thing(text: str, start: int, end: int) -> bool:
    """"our customer team", "our patient forum": a client word naming a team or a thing."""
    if _COMPOUND_AFTER.match(text, end):
        return True
    if text[start:end].lower().startswith("one of") and _STAFF_AFTER.match(text, end):
        return True
    if text[start:end].lower().endswith(" with") and _TOPIC_AFTER.match(text, end):
        return True  # Round 16: "has been working with trauma using EMDR": a specialism
    if (text[start:end].lower().endswith(" with") and _NO_OBJECT_AFTER.match(text, end)
            and _EVERY_BEFORE.search(text[max(0, start - 80) : start])):
        # Round 17: "thank you to every mediator and barrister we worked with": the people
        # worked with are the "every ..." before it, many of them ("we worked with a young
        # mum" has its own object and stays a client).
        return True
    if _IDIOM_AFTER.match(text, end):
        return True  # "the leaflet came in handy": a thing that was useful, not a visitor
    if _ORGANISATION_AFTER.match(text, end):
        return True  # Round 23: "we helped a local school plant 200 trees": not a client
    return bool(_THING_ARRIVED_BEFORE.search(text[max(0, start - 30) : start]))


# "working with trauma", "worked with couples and families": what a practitioner works
# with in general, a condition or a kind of client with no article. "working with a young
# mum", "worked with her", "someone I worked with years ago" and "worked with families who
# lost ..." are particular clients.
_TOPIC_AFTER = re.compile(
    r"\s+(?:trauma|grief|loss|bereavement|anxiety|depression|addiction|stress|burnout|eating\s+disorders|ocd|ptsd|"
    r"phobias|panic|couples|families|adults|children|teenagers|young\s+people|people|parents|carers|survivors|"
    r"veterans|men|women)\b(?![^.!?\n]{0,40}\b(?:who|whose)\b)",
    re.IGNORECASE,
)
_NO_OBJECT_AFTER = re.compile(r"\s*(?:[.!?,;:)\n]|$|(?:this|last|in|over|during|across)\b)", re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\b(?:every|all|each)\s+(?:of\s+the\s+)?[^.!?\n]{0,70}$", re.IGNORECASE)
# Round 23 (found in review): the one helped or supported is an organisation, not a
# person: "we helped a local school plant 200 trees", "we supported the village hall".
_ORGANISATION_AFTER = re.compile(
    r"\s+(?:(?:a|an|the|our|two|three|four|five|\d+)\s+)?(?:(?:local|new|small|nearby|primary|secondary|village|"
    r"community|(?-i:[A-Z][\w'’-]+))\s+){0,2}(?:schools?|charit(?:y|ies)|clubs?|business(?:es)?|groups?|teams?|churche?s?|"
    r"village\s+halls?|halls?|hospitals?|councils?|shops?|caf[eé]s?|projects?|farms?|firms?|compan(?:y|ies)|"
    r"organisations?|organizations?|venues?|librar(?:y|ies)|nurser(?:y|ies)|food\s+banks?|hospices?)\b",
    re.IGNORECASE,
)
_IDIOM_AFTER = re.compile(r"\s+(?:handy|useful|helpful)\b", re.IGNORECASE)
