"""Round 19 (development sets up to holdout18): invented look-alikes, not the rows.

A firm pilloried by @handle with "don't give them your money" and a call to share; a
critic dared to "come along and tell them that yourself"; the people we serve scored as
a game ("counsellor bingo"). Their everyday twins (a scam warning, an invitation, a bingo
night) stay clean.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
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
