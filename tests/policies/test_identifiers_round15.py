"""Round 15 identifier false positives (development sets up to holdout14): invented
look-alikes, not the rows. Ordinary words the name lists also hold (seasons, weekday
abbreviations, plural nouns that are surnames) are not names; their near-twins, where
the same word is somebody's name mid-sentence or in full, stay held."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import CheckContext, Severity


def ident(text: str, kind: str, net: bool = True) -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=kind, settings={"risk_model": net})
    return max((f.severity for f in identifiers.run(ctx)), default=Severity.INFO)


HARMLESS = [
    # A season or a weekday abbreviation opening a sentence or a range.
    ("Spring boosters for over-75s and care home residents start Monday 14 April at Hexham "
     "Health Centre. Book through the NHS App.", "nhs"),
    ("Autumn MOT clinics, Tue–Thu 10am–2pm at our Alnwick store: a £15 safety check for any "
     "bike.", "retail"),
    ("Spring RHS show this weekend, so the garden centre car park will be busy. Overflow "
     "parking at the school on Saturday.", "retail"),
    # An ordinary word in an all-lower-case post.
    ("our autumn menu lands at pickering on 3 october: leek & potato soup £5.50, sticky toffee "
     "pudding £4.95 🍂", "retail"),
    ("not royal mail: a text asking for £2.99 to redeliver a parcel is fraud. delete it and "
     "forward it to 7726 #scamaware #leeds", "bank"),
    # A plural noun that is also a surname, opening a sentence.
    ("Sessions moved with less than 24 hours' notice are charged at the full rate of £55, "
     "unless there's an emergency.", "therapy"),
    ("Crews are sometimes stood down on the way to a 999 call when a nearer ambulance gets "
     "there first. If things get worse, ring back.", "nhs"),
]


@pytest.mark.parametrize(("text", "kind"), HARMLESS)
def test_round15_harmless_lookalike_is_not_held(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


RISKY = [
    # The same words as somebody's name: mid-sentence, or a full name at the start.
    ("Our client Autumn, 19, was evicted from her flat in Hexham last Tuesday and has been "
     "sofa-surfing with her baby since.", "council"),
    ("Autumn Reid came to us in March after losing her job at the Alnwick store; she is 34 "
     "and behind on her rent.", "charity"),
    # A surname used alone mid-sentence about a private person stays a name.
    ("We represented Mr Crews at Leeds County Court on Tuesday; he is 52 and was facing "
     "eviction over £3,400 of arrears.", "law_firm"),
]


@pytest.mark.parametrize(("text", "kind"), RISKY)
def test_round15_risky_near_twin_stays_held(text, kind):
    assert ident(text, kind, net=False) >= Severity.MEDIUM, text
