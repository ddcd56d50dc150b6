"""Round 16 false positives (development sets up to holdout14): invented look-alikes, not
the rows. An opening phrase ("In April, ...", "Meet Priya, our newest counsellor") is not a
person spoken to, and a record word inside a capitalised street name ("the Corn Market
Place") is part of the name, so a notice discloses nobody's record. Their near-twins, where a
first name, a title or "reminder to" speaks to one person about their own record, stay
held."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import CheckContext, Severity


def ident(text: str, kind: str, net: bool = False) -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=kind, settings={"risk_model": net})
    return max((f.severity for f in identifiers.run(ctx)), default=Severity.INFO)


def privacy(text: str, kind: str) -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=kind, settings={})
    return max((f.severity for f in customer_privacy.run(ctx)), default=Severity.INFO)


PRIVACY_HARMLESS = [
    # A notice whose street name holds a record word ("Place").
    ("ROAD CLOSURE: Broad Street, Ludlow, between the Corn Market Place and Mill Street, closed "
     "7pm–7am from Mon 3 to Wed 5 November for gas works. Diversion via Station Road.", "council"),
    # An opening phrase before a comma: a month, an introduction.
    ("In April, 2,140 appointments at our Bristol clinics were missed without notice. If you can't "
     "make it, text CANCEL to the number on your letter and we'll offer the slot to someone else.", "nhs"),
    ("Meet Priya, our newest counsellor 🌱 Priya trained in Leeds and offers sessions in English and "
     "Urdu on Tuesdays and Fridays.", "therapy"),
]
PRIVACY_RISKY = [
    # A first name, a title or "reminder to" speaking to one person about their record.
    ("Priya, your last three sessions were cancelled because you didn't attend.", "therapy"),
    ("Reminder to Mr Hale: your place at the day centre was cancelled after you missed two "
     "sessions.", "council"),
    ("ROAD CLOSURE: Dale Street, Mr Ahmed: your parking permit was cancelled because your payment "
     "bounced.", "council"),
    ("Dean: place at the day centre cancelled, rent unpaid.", "council"),
]


@pytest.mark.parametrize(("text", "kind"), PRIVACY_HARMLESS)
def test_round16_notice_opening_is_not_an_addressee(text, kind):
    assert privacy(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), PRIVACY_RISKY)
def test_round16_person_spoken_to_about_their_record_stays_held(text, kind):
    assert privacy(text, kind) >= Severity.HIGH, text
