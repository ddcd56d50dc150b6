"""Round 19 (development sets up to holdout18): invented look-alikes, not the rows.

Tone: a firm pilloried by @handle with "don't give them your money" and a call to share;
a critic dared to "come along and tell them that yourself"; the people we serve scored
as a game ("counsellor bingo"). Their everyday twins (a scam warning, an invitation, a
bingo night) stay clean.

Identifiers: a tradesperson booked to mend our building ("a plumber is booked for
Thursday") and a colleague known by their department ("Tom from accounts") are not a
person the post describes; a client described by their trade, or a customer "from" a
place, still is.
"""

from __future__ import annotations

import pytest

from policies.checks import identifiers, tone
from policies.checks.base import Severity
from tests.policies.checking import highest

TONE_HELD = [
    ("@QuickFixDentalUK is selling 'smile makeovers' in Kelso from staff with no registration. Don't give them "
     "your money. Share so nobody else gets hurt.", Severity.HIGH),
    ("@BudgetBoilersNorth left a family without heating for a fortnight. Never give them any of your business. "
     "RT to warn others.", Severity.HIGH),
    ("To the landlord telling the Hawick paper that his tenants love the new rent: our advice clinic is on the "
     "High Street on Monday from 4pm. Come along and tell them that yourself.", Severity.MEDIUM),
    ("Receptionist bingo 🎱 'I only need five minutes.' 'I rang earlier.' 'Is the doctor in?' Full house by "
     "Tuesday, every week.", Severity.MEDIUM),
    ("Checkout bingo: 'Do you do discounts?' 'I saw it cheaper online.' 'Just browsing.' House! 😅",
     Severity.MEDIUM),
]

TONE_CLEAN = [
    # A scam warning about someone pretending to be a firm.
    "A fake page calling itself @TweedBankHelp is not us. Don't give them your money or your card details. "
    "Share to warn your family.",
    # An invitation to come and say something in person, kindly.
    "Our drop-in is on Thursday from 5pm: come along and tell us what you think of the new timetable.",
    "Pop in and tell us it's your birthday for a free slice of cake!",
    # Bingo as a game.
    "Bingo night at the community centre on Friday from 7pm: eyes down, all welcome, proceeds to the food bank.",
    "Buzzword bingo at the conference: synergy, journey, going forward. We got a full house by lunch.",
    "Resident bingo every Tuesday at 2pm in the Tweed Court lounge, and reception bingo night on Friday: all welcome!",
]


@pytest.mark.parametrize(("text", "at_least"), TONE_HELD)
def test_shaming_dares_and_mocking_clients_are_held(text, at_least):
    assert highest(tone, text, risk_model=False) >= at_least


@pytest.mark.parametrize("text", TONE_CLEAN)
def test_their_everyday_twins_are_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


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
