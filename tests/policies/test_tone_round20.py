"""Round 20 (development sets up to holdout19): invented look-alikes, not the rows.

The public's complaints answered as a list of retorts ("Yes, ... Yes, ... No, ...")
with a smirk; victims thanked for helping criminals. Their everyday twins (a plain FAQ,
thanks for helping the police catch thieves) stay clean.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
from policies.checks.base import Severity
from tests.policies.checking import highest

TONE_HELD = [
    ("Yes, the bridge is shut on Sunday for the marathon. Yes, it's shut every year for the marathon. No, we "
     "didn't 'keep it quiet' 🙃 Diversions are signed.", Severity.MEDIUM),
    ("Five sheds broken into on the allotments this week, four of them unlocked. Thanks so much for making it "
     "so easy for the thieves 🙃 Padlock it.", Severity.MEDIUM),
    ("Six bikes taken from the station racks, none of them locked. Cheers for saving the thieves the trouble 🙄",
     Severity.MEDIUM),
]

TONE_CLEAN = [
    "Yes, the tip is open on bank holidays. Yes, you can bring garden waste. No, you don't need to book. "
    "See you there!",
    "Yes! The library is open on Saturday. No booking needed, just pop in.",
    "Thank you to everyone who helped us catch the thieves who raided the allotment sheds: your photos made the "
    "difference.",
    "Thanks for your patience while the lift is repaired. It should be working again on Friday.",
]


@pytest.mark.parametrize(("text", "at_least"), TONE_HELD)
def test_retorts_and_thanks_for_helping_thieves_are_held(text, at_least):
    assert highest(tone, text, risk_model=False) >= at_least


@pytest.mark.parametrize("text", TONE_CLEAN)
def test_their_everyday_twins_are_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW
