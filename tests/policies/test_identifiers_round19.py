"""Round 19 (development sets up to holdout18): invented look-alikes, not the rows.

A tradesperson booked to mend our building ("a plumber is booked for Thursday") and a
colleague known by their department ("Tom from accounts") are not a person the post
describes; a client described by their trade or job, or a customer "from" a place, still is.
"""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=False)


SERVICE_HARMLESS = [
    ("therapy", "The boiler in the Peebles room has given up again. A plumber is booked for Thursday morning, "
                "so please bring a jumper to your 2pm session."),
    ("council", "Thanks to everyone who reported the leaking gutter at the Kelso library. An engineer will be out "
                "on Monday, and a joiner is coming on Wednesday to fix the door."),
    ("law_firm", "Thirteen of us walked the Wolds Way on Saturday and raised £2,480 for the hospice. Special "
                 "mention to Tom from accounts, who did it in a kilt."),
    ("bank", "Huge thanks to Priya in HR, who organised our Burnley bake sale on Friday: £612 for the food bank."),
]

PERSON_HELD = [
    ("therapy", "A retired plumber in his 70s, who lost his wife in March, told us after his sixth session in the "
                "Peebles room on Thursday that he had finally slept through the night."),
    ("police", "A local builder in his 40s from Galashiels is due in court on Monday after the fire at his "
               "neighbour's house on Ladhope Vale."),
    ("therapy", "A retired teacher is coming to our Thursday bereavement group for the first time since her "
                "husband died in March. Say hello if you see her in the Peebles room!"),
    ("retail", "Lovely to see Moira from Hawick back in our Jedburgh shop on Tuesday, three weeks after her hip "
               "operation, buying flowers for her 80th."),
]


@pytest.mark.parametrize(("kind", "text"), SERVICE_HARMLESS)
def test_a_tradesperson_or_a_colleague_is_not_the_subject(kind, text):
    assert ident(text, kind) <= Severity.LOW


@pytest.mark.parametrize(("kind", "text"), PERSON_HELD)
def test_a_client_described_the_same_way_is_still_held(kind, text):
    assert ident(text, kind) >= Severity.MEDIUM
