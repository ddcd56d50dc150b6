"""Round 20 (development sets up to holdout19): invented look-alikes, not the rows.

A reply that tells everyone the person is our client without naming a record: their
usual slot or counsellor, or our sessions having helped them. Their twins (a reply that
thanks someone for posting their own story, a slot offered to anyone, an event that
helped people) stay clean.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy
from policies.checks.base import Severity
from tests.policies.checking import highest

HELD = [
    "Hi Morag! Yes, we're open late on Tuesdays now. Your usual Thursday 5pm appointment with Ewan is still there "
    "whenever you're ready to come back 😊",
    "@kaz_l Lovely to see you in the café! Your old Monday slot with Priya opens up again in January.",
    "Thank you so much, Dougie 💙 We're so glad the sessions really helped you and Fiona through a hard year.",
    "Hi Tom, great to hear from you. The counselling made a real difference for you, and it shows!",
    # Whether they came, in a reply to a parent.
    "Hi Janine, yes, your daughter attended her appointment on Monday and she's booked in again next week.",
]

CLEAN = [
    # Echoing what the person posted themselves.
    "Aw Sanjay, thank you for sharing this 💛 So glad the sessions helped you, just like you said in your post.",
    # A slot offered to anyone; a general question.
    "We have a Wednesday 6pm counselling slot free from next week: call reception on 01632 960111 to book.",
    "Hi Jo! Yes, you can book your first appointment online or by phone, whichever suits you.",
    # Helping people in general; a colleague's farewell.
    "Our winter talks helped so many of you plan for the cold: thank you all for coming!",
    "Thank you, Sheena! Working with you these past ten years has been a joy. Enjoy your retirement.",
    # Reaching the theatre in time is not attending an appointment.
    "@pete_h Cheers Pete! Glad the team sorted your card and you still made it to the show on time.",
]


@pytest.mark.parametrize("text", HELD)
def test_a_reply_that_says_they_are_our_client_is_held(text):
    assert highest(customer_privacy, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize("text", CLEAN)
def test_their_twins_are_not(text):
    assert highest(customer_privacy, text, risk_model=False) <= Severity.LOW


def test_the_message_says_what_was_said():
    from policies.checks.base import CheckContext

    text = "@kaz_l Lovely to see you in the café! Your old Monday slot with Priya opens up again in January."
    findings = customer_privacy.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    (finding,) = [f for f in findings if f.severity >= Severity.HIGH]
    assert text[finding.start:finding.end] == "Your old Monday slot"
    assert "usual appointment or counsellor" in finding.message and "Thanking" not in finding.message
