"""Round 10 identifier and disclosure families (tests/data/holdout10*.jsonl): invented
look-alikes, not the rows. A home address tied to the people who live there, and a
reply that quotes the person's own case reference with where it stands, are held; an
organisation's own address and an appeal's incident number stay auto-approvable."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=False)


def privacy(text: str) -> Severity:
    return highest(customer_privacy, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Someone's home: the keys to it, living at it, moving into it.
        ("Big congratulations to our first-time buyers who collected the keys to 22 Heron Way, "
         "Bude on Friday with our 90% mortgage! 🏡", "bank"),
        ("Lovely news: the family we've been helping since the flood moved into their new home at "
         "4 Orchard Rise, Tiverton last week.", "charity"),
        ("Thank you to the couple who live at 31 Quarry Lane for letting our crew use their drive "
         "during the burst main.", "council"),
    ],
)
def test_round10_home_address_is_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The organisation's own premises, a venue, a care home.
        ("We've got the keys to our new branch at 12 Fore Street, Launceston! Doors open Monday at 9am.", "bank"),
        ("Our Exeter office has moved to 3 Southernhay Gardens. Same phone number, same team.", "law_firm"),
        ("Sunnyside care home at 4 Lark Rise is hosting a summer fair on Saturday, 2pm-5pm. All welcome!", "charity"),
    ],
)
def test_round10_own_premises_stay_low(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(
    "text",
    [
        "@danny_r84 Danny, crime ref 55120044871 for the shed break-in is still with CID and there "
        "are no suspects yet.",
        "@mel_owen Hi Mel, incident 88123/24 is still under investigation, we'll update you when we can.",
        "@priya_k order #772910 was returned to sender on Tuesday, so the refund is on its way.",
    ],
)
def test_round10_reply_quoting_own_reference_and_status_is_held(text):
    assert privacy(text) >= Severity.HIGH, text
    assert ident(text, "police") >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Witnesses to the collision on Exeter Road on Friday evening are asked to call 101 quoting "
         "incident 55120044871.", "police"),
        ("@jo_b Thanks Jo. If you saw anything, please call 101 quoting incident 55120044871 so an "
         "officer can take a statement.", "police"),
    ],
)
def test_round10_appeal_incident_numbers_stay_low(text, kind):
    assert ident(text, kind) <= Severity.LOW, text
    assert privacy(text) <= Severity.LOW, text


def test_round10_kind_reply_asking_for_a_reference_is_no_disclosure():
    text = "@lou_k Hi Lou, sorry your parcel hasn't arrived. Please DM us your order number and we'll chase it."
    assert privacy(text) <= Severity.LOW


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A planning reference in the lettered form is the development's public record.
        ("Planning application HB/24/0917 for 30 homes off Station Road, Aylsham, is open for comments "
         "until 3 March. See the plans at our office, 1 Market Place, NR11 6EL.", "council"),
        # A verb that is also a surname opens an instruction.
        ("Free webinar on sleep and anxiety, Tuesday 9 June, 6pm-7pm. Register via the link in our bio.", "therapy"),
    ],
)
def test_round10_public_records_and_instructions_stay_low(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


def test_round10_a_lettered_case_reference_and_a_surname_are_still_found():
    assert ident("@kim_t your ref AB/25/1432 was closed on Monday because the debt was written off.", "bank") >= Severity.MEDIUM
    assert ident("Sentenced: Smith was jailed for four years for the burglary on Elm Road, Redruth.", "police") >= Severity.MEDIUM
