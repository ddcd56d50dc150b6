"""Round 17 false positives (development sets up to holdout16): invented look-alikes, not
the rows. Capitalised words that are not a private person's name: a shouted notice in
capitals, a campaign ("Young Savers Week") or a fundraising team ("Team Ella Brook"), a
building or brand after "the" or "our" ("a scan at the Christie", "our Pemberton office",
"The Sovereign shopping centre"), a district in a list of places ("Copeland, Allerdale and
Kendal"), and a compass point before a county ("West Kent"). Their near-twins, where a
real name in capitals, a titled person, a household ("the Christie family") or a person in a
story stay, are still held."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str, net: bool = False) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=net)


NOT_NAMES_HARMLESS = [
    # A shouted notice: ordinary words in capitals.
    ("PLEASE KEEP ED FOR REAL EMERGENCIES ONLY. Today, Mon 12 January, Kingsmead "
     "General is extremely busy; waits for minor injuries are over 8 hours. Use NHS 111 or the "
     "minor injuries units at Penrith and Keswick.", "nhs"),
    # A campaign week and a fundraising team.
    ("Young Savers Week 2025: 980 savers aged 5 to 16 paid in at our 6 branches in October, "
     "£54,210 in all. The busiest day was Saturday 18th at Malton. Thank you, everyone!", "bank"),
    ("🏃 Team Ella Brook needs you! 15 places left for the Ealing 10k on Sunday 13 July. £25 entry, "
     "£200 fundraising target. Sign up via the link in our bio.", "charity"),
    # A building or a brand after "the" or "our".
    ("Cllr Dawn Pryce, cabinet member for health: \"I had a scan at the Christie in 2021, and "
     "I've just done my free NHS Health Check at Selby Leisure Centre. 20 minutes, aged 40-74. "
     "Book on 01632 960511.\"", "council"),
    ("Our Pemberton office moves on Monday 9 June to Suite 2, Mill Chambers, 14 Canal Street. "
     "Same phone number (01632 960377) and free parking behind the building.", "law_firm"),
    # A district in a list of places; a compass point before a county.
    ("Our chief executive, Helen Barraclough, at yesterday's rural economy forum in Thirsk, where "
     "we confirmed £90,000 for our community fund in 2026. Applications open 12 January for "
     "groups in Copeland, Allerdale and Kendal.", "bank"),
    ("Many families tell us the first call is the hardest one. If someone you love has a "
     "life-limiting illness in West Kent, our advice line is open 8am–8pm every day: "
     "01632 960412.", "charity"),
]
NOT_NAMES_RISKY = [
    # A real name in capitals, with a debt.
    ("JOHN HARGREAVES OWES US £400 FOR HIS SOFA AND HAS IGNORED THREE LETTERS. Collected from our "
     "Leeds store on 3 March.", "retail"),
    # A titled person and a person's own office.
    ("Mrs Pemberton came to our Leeds office on Tuesday after losing her job; she's 58 and "
     "behind on her rent.", "law_firm"),
    # A household, not a building.
    ("The Christie family at 14 Mill Lane finally got the keys on Friday after two years in "
     "temporary accommodation.", "council"),
    # A surname opening a story, beside places.
    ("Copeland, 62, from Kendal has been in our care since his stroke in March.", "nhs"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_NAMES_HARMLESS)
def test_round17_capitalised_things_are_no_ones_name(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), NOT_NAMES_RISKY)
def test_round17_names_in_capitals_or_households_stay_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text


# A named colleague or office-holder, or the author, describing themselves ("I'm a mum of
# three", "in my early 30s"), a colleague by a short police rank ("Insp"), by "manager of
# our ... branch" or "has been made a partner": no third person is described. A client
# quoted without a name, a regular at our branch, someone "made homeless", a client quoted by
# the therapist and a person the officer describes after her own detail stay held.
SELF_HARMLESS = [
    ('Insp Carys Mowbray: "I grew up on the Moorside estate, I\'m a mum of three, and I\'ve policed '
     'Halton for 14 years. From Mon 2 Feb my officers will be on foot in Widnes town centre every '
     'evening until 10pm. Come and say hello."', "police"),
    ("I started counselling myself in my early 30s, after my mum died. That is my story to tell, "
     "and it is why I do this work.", "therapy"),
    ("Delighted to announce that Oskar Brennan has been made a partner in our Hexham office. Oskar "
     "joined us as a trainee in 2013 and now leads our agricultural tenancy work. Congratulations, "
     "Oskar!", "law_firm"),
]
SELF_RISKY = [
    ('"I\'m a mum of three and I\'ve been sleeping in my car since March," one of the women at our '
     'drop-in told us this morning.', "charity"),
    ('"I\'m a widower, 81, and nobody has visited since March." Heard at our Tuesday lunch club in '
     'Ashby this morning.', "charity"),
    ("Meet Dave, a regular at our Minehead branch, who is 82 and has just cleared his overdraft.", "bank"),
    ("Tom Ashworth has been made homeless after his landlord sold the flat; he's 58 and sleeping at "
     "his sister's in Hexham.", "council"),
    ('My 4pm client said "I\'m a dad of two and I\'m drowning." Some sessions stay with you.', "therapy"),
    ('Insp Carys Mowbray: "I am a mum of three myself. The woman we helped on the Moorside estate '
     'last night, 34, had been sleeping in her car since March."', "police"),
]


@pytest.mark.parametrize(("text", "kind"), SELF_HARMLESS)
def test_round17_speaker_describing_themselves_is_no_third_person(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), SELF_RISKY)
def test_round17_someone_else_described_stays_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text


# "every surveyor, barrister and court usher we worked with": a report's thanks to the many
# professionals worked with, not a client. "the family we worked with" and "we worked with a
# young mum" are particular clients and stay held.
WORKED_WITH_HARMLESS = [
    ("Our housing team's 2025 in numbers: 312 new clients across three offices; most aged 25–44; "
     "41 evictions stopped at the Taunton county court; average time to a repair order down from 9 "
     "months to 6. Thank you to every surveyor, barrister and court usher we worked with.", "law_firm"),
]
WORKED_WITH_RISKY = [
    ("Thank you to the family we worked with at Taunton county court on Tuesday: a mum of two, 29, "
     "who kept her home.", "law_firm"),
    ("Every Tuesday since March we worked with a young mum, 19, from the Priory estate who was "
     "facing eviction.", "law_firm"),
    ("All through the spring we worked with a retired teacher in Wellington facing possession "
     "proceedings.", "law_firm"),
]


@pytest.mark.parametrize(("text", "kind"), WORKED_WITH_HARMLESS)
def test_round17_every_professional_worked_with_is_no_client(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), WORKED_WITH_RISKY)
def test_round17_a_client_worked_with_stays_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text
