"""Round 7 identifier families (tests/data/train7*.jsonl): invented look-alikes, not the rows."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import Severity
from policies.recognisers.contact import find_contact
from policies.recognisers.numeric import find_numeric
from tests.policies.checking import highest


def top(text: str, kind: str) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=False)


@pytest.mark.parametrize(
    "text",
    [
        "Our out-of-hours duty line is 07700 900512 if you're arrested over the bank holiday.",
        "Text 07700 900631 and one of our youth workers will meet you at the door.",
    ],
)
def test_our_own_mobile_line_is_a_service_number(text):
    phones = [s for s in find_contact(text) if s.kind == "phone"]
    assert phones and all(s.weak for s in phones)


@pytest.mark.parametrize("text", ["Call her on 07700 900123 about the arrears.", "Her mobile is 07700 900123."])
def test_someone_elses_mobile_is_still_personal(text):
    phones = [s for s in find_contact(text) if s.kind == "phone"]
    assert phones and not any(s.weak for s in phones)


def test_a_deadline_today_is_not_an_age():
    assert not [s for s in find_numeric("We'll ring you back before 5 today.") if s.kind == "age"]
    assert [s for s in find_numeric("Our Alfie is 5 today!") if s.kind == "age"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("@dan_in_leek Sorry the self-checkout froze again, Dan. We've passed it to the store manager; DM us.", "retail"),
        ("@jo_hull Jo, sorry nobody called back. DM us your number and the right adviser will ring you before 4 today.", "law_firm"),
        ("Say hello to Tomasz, our new recycling officer in Goole 👋 Tomasz spent 9 years on the bin lorries and loves a pub quiz.", "council"),
        ("Meet Chester 👋 Chester came to our Tuesday youth club at 14, and this autumn he joins the staff team as a sessional worker.", "charity"),
        ("Meet Sue from our Settle shop 🌻 22 years with Dalesway, knows every customer's dog by name. Happy work anniversary, Sue!", "retail"),
    ],
)
def test_round7_harmless_look_alikes_stay_low(text, kind):
    assert top(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Meet Darren. Eighteen months ago Darren was sleeping in a doorway in Goole; he's 34 and now has his own flat.", "charity"),
        ("Say hello to Mrs Patel, 82, who has been on our housing waiting list in Goole since 2019.", "council"),
        ("Our client, the store manager at the Leek Co-op, finally got his tribunal date for 3 March.", "law_firm"),
    ],
)
def test_round7_risky_look_alikes_are_held(text, kind):
    assert top(text, kind) >= Severity.MEDIUM, text
