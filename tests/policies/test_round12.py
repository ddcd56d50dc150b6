"""Families from train12 (tests/data/train12*.jsonl, training data): invented look-alikes,
not the rows. Each family has variants that must be held and twins that must stay low."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, tone
from policies.checks.base import Severity
from tests.policies.checking import highest


def _top(check, text: str) -> Severity:
    return highest(check, text, risk_model=False)


@pytest.mark.parametrize("text", [
    "Read the sign on the door. Some people are just too thick to follow simple instructions.",
    "@parkingmoaner the bay is clearly marked. Honestly, customers are so dim that they park on the lines anyway.",
    "Three emails explaining the form and still nothing. Some of you are genuinely too clueless to fill it in.",
])
def test_people_called_too_stupid_for_something_is_an_insult(text):
    assert _top(tone, text) >= Severity.MEDIUM


@pytest.mark.parametrize("text", [
    "The ice on the pond is too thick to break by hand, so please keep dogs off it this week.",
    "Our new walls are so thick that the mobile signal drops in the back office: ring the landline.",
    "Some residents are too busy to make the Tuesday meeting, so we'll post the minutes here.",
])
def test_thick_things_and_busy_people_are_not_insults(text):
    assert _top(tone, text) <= Severity.LOW


@pytest.mark.parametrize("text", [
    "Thank you for your kind words! It's been a privilege to work with you these past ten months, and the door is always open 💛",
    "Aw thanks so much for the lovely review, we've loved walking alongside you over the last year.",
    "@sunnydays thank you for the shout-out! So glad our district nurses could keep coming out to you at home 💙",
    "Thanks for the lovely note! It's been great seeing you every week for the past few months, take care.",
])
def test_a_thank_you_that_says_we_have_been_serving_the_person_is_held(text):
    assert _top(customer_privacy, text) >= Severity.MEDIUM


@pytest.mark.parametrize("text", [
    "Thank you for the kind words, Jean! It's been a joy working with you these past 20 years. Enjoy your retirement 🎉",
    "Thanks for the lovely comment! Our volunteers love working with you all at the Tuesday club.",
    "Thank you for your feedback. We're seeing you and everyone else who wrote in on Monday's call, details below.",
    "Thanks for coming to our open day! It was lovely to see you there; next one is in March.",
    "Working with young people for the last five years has taught our team a lot: here's what we learned.",
])
def test_thanks_to_colleagues_groups_and_visitors_stay_low(text):
    assert _top(customer_privacy, text) <= Severity.LOW
