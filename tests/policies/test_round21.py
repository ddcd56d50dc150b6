"""Round 21 (development sets up to holdout20): invented look-alikes, not the rows.

Tone: a dialect insult disguised like any swear word ("gobsh#te") and aimed through an
adjective ("you selfish ..."); "Do better." told to the public; a question put in public
because it went unanswered ("So we're asking in public"). A threat that was help: "we'll
find you a slot". Customer privacy: a reply that says where someone's separation or
tenancy agreement stands. Each has an everyday twin that stays clean.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, tone
from policies.checks.base import CheckContext, Severity
from tests.policies.checking import highest

TONE_HELD = [
    # Dialect insults, disguised as swear words are, and aimed through an adjective.
    ("Whoever blocks the surgery ramp with their van every morning: move it, you lazy gobsh!te.", Severity.HIGH),
    ("To the selfish eej1ts racing through the school zone at 8.40: we have your number plates.", Severity.MEDIUM),
    ("Three fences kicked in on the rec this weekend. Well done, you thoughtless dirtbags.", Severity.HIGH),
    # "Do better." told to the public.
    ("Eleven trolleys in the canal again this month. Do better, all of you.", Severity.MEDIUM),
    ("Parents parking on the zigzags at the primary: just do better.", Severity.MEDIUM),
    # A question put in public because it went unanswered.
    ("We've written to the housing director four times, no answer. So we're asking publicly: when will the lift "
     "be fixed?", Severity.HIGH),
    ("Two emails, three calls. Now we are asking in public. Where did the grant go?", Severity.HIGH),
    # Menace is still menace, whatever follows it.
    ("We know what you did at the bus shelter. We will find you 👀", Severity.BLOCK),
    ("Share far and wide. We'll find them, wherever they are.", Severity.BLOCK),
]

TONE_CLEAN = [
    "We know we need to do better on waiting times, and here is our plan for the winter.",
    "Our choir can do better than last year's £400 for the hospice: come along on Friday!",
    "We asked 350 residents what they want from the new park. Here is what you told us.",
    "Pop into reception and we'll find you a slot this week.",
    "Lost your bus pass? Call us and we'll get you a new one within five working days.",
    "New to the area? Tell us your postcode and we'll find you the nearest recycling centre.",
    # A capital "Gobshite" in a quoted play title is still flagged gently; no swear word here.
    "Thank you to everyone who helped at the beach clean. What a team!",
]


@pytest.mark.parametrize(("text", "at_least"), TONE_HELD)
def test_round21_tone_families_are_held(text, at_least):
    assert highest(tone, text, risk_model=False) >= at_least


@pytest.mark.parametrize("text", TONE_CLEAN)
def test_their_everyday_twins_are_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


PRIVACY_HELD = [
    "@mairead_k Thanks so much for the kind words! So glad the separation agreement is finally signed and the "
    "kids are settled with you.",
    "Hi Gav, lovely to hear from you. Glad the tenancy agreement was officially signed off before Christmas!",
    "@dee_77 Thank you! Delighted the custody agreement is all done and dusted.",
]

PRIVACY_CLEAN = [
    "@resident Thanks for asking: the contract was awarded in June to a local firm, details on our website.",
    "@karl_w Yes, a separation agreement can be signed before a divorce. Book a free first call to talk it through.",
    "Our new partnership agreement with the college was signed today: twenty apprenticeships from September.",
]


@pytest.mark.parametrize("text", PRIVACY_HELD)
def test_a_reply_saying_where_their_agreement_stands_is_held(text):
    assert highest(customer_privacy, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize("text", PRIVACY_CLEAN)
def test_agreements_in_general_are_not(text):
    assert highest(customer_privacy, text, risk_model=False) <= Severity.LOW


def test_the_quote_shown_starts_at_the_words():
    # The author sees the words quoted, not the full stop before them.
    text = "Eleven trolleys in the canal again.  Do better, all of you."
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    assert [text[f.start : f.end] for f in findings if f.code == "harassment"] == ["Do better"]
