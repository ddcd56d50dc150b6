"""Round 15 identifier false positives (development sets up to holdout14): invented
look-alikes, not the rows. Ordinary words the name lists also hold (seasons, weekday
abbreviations, plural nouns that are surnames) are not names; a colleague's profile
(a "spotlight" heading, "manages our branch", "hanging up his gloves", "happy for us to
share his story") and a colleague's own age ("She's 67") are theirs to share; a person
inside a rate ("37% ... had a child", "per customer", "each one goes to a child", "behind
every one of those calls") or a role in advice ("tell a teacher", "appointments with a
solicitor") is no one in particular. Their
near-twins, where the word is somebody's name, the person is a client, or a sensitive
circumstance is told, stay held."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str, net: bool = True) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=net)


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
    # A colleague's profile, long service or retirement, with their age and family.
    ("Meet Tomasz, 61, one of our volunteer drivers in Wrexham 🚐 A grandad of four who spent "
     "25 years as a welder, Tomasz now drives people to the shops across Flintshire. Tomasz was "
     "happy for us to share his story 💚", "charity"),
    ("Meet Aisha 👋 Aisha manages our Bangor branch and has been with Menai for 14 years, "
     "starting as a cashier at 17. She also helps at the Saturday money club for under-18s. "
     "Pop in and say hello!", "bank"),
    ("After 31 years on the Keswick bin round, Dave Moffat is hanging up his gloves on Friday 🎉 "
     "Dave, 62, started with us in 1994 and says he'll miss the dog walkers most. Cake at the "
     "Keswick depot from 2pm!", "council"),
    ("Team spotlight 🌟 Meet Ravi, 54, a former postman who has run the Thursday lunch club at "
     "our Wigan hub since 2019. 'Forty years of walking. Now I make soup.'", "charity"),
    # Everyone named is a colleague, and "she's 67" is hers.
    ("Our treasurer, Helen Okoro, is cycling from Carlisle to Newcastle on Saturday 9 May to raise "
     "£3,000 for the minibus 🚴 She's 67 and she has been training on the fells since March. "
     "Sponsor her via the link in our bio, and wave her off at Carlisle Castle at 7am!", "charity"),
    # A person inside a rate or a distribution: many people, not one.
    ("Our 2024 in numbers: 1,240 families helped across Kent. 37% of the families we supported"
     " had a child under two; 1 in 5 included a carer with a long-term illness.", "charity"),
    ("Thanks to everyone who shopped with us in May 💚 our Leeds store raised £2,310 for the "
     "hospice, and Harrogate gave the most per customer. You lot are brilliant.", "retail"),
    ("In 2024 our welfare team answered 9,800 calls. Behind every one of those calls is an "
     "adviser who picked up at 8am, rang a landlord or found a food bank for a tenant on a "
     "Friday.", "council"),
    ("Thank you @BookTrust for collecting 300 picture books donated at our Luton store in "
     "March. Each one goes to a child starting school in Bedfordshire.", "retail"),
    # A role the reader is told to go to, or is booked with.
    ("Free employment law drop-in for Carers Week 📅 Thursday 12 June, 10am–1pm, Taunton "
     "Library. 20-minute appointments with a solicitor, no charge. Book on 01632 960123.", "law_firm"),
    ("If exams are getting on top of you, tell a teacher you trust, and keep one evening a "
     "week screen-free.", "therapy"),
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
    # Introduced the same way, but a client: no membership, or a sensitive circumstance.
    ("Meet Tomasz, 61, from Wrexham 🚐 A grandad of four who spent 25 years as a welder, Tomasz "
     "now comes to our Tuesday lunch club. Tomasz was happy for us to share his story 💚", "charity"),
    ("Meet Tomasz, 61, one of our volunteer drivers in Wrexham 🚐 A grandad of four, Tomasz came to "
     "us after his divorce left him in debt and sleeping in his van. Tomasz was happy for us to "
     "share his story 💚", "charity"),
    ("Client spotlight 🌟 Meet Ravi, 54, a former postman who has come to the Thursday lunch club "
     "at our Wigan hub since 2019.", "charity"),
    ("After 31 years in the same council flat in Keswick, Dave Moffat, 62, is being evicted on "
     "Friday over £2,100 of rent arrears.", "council"),
    # A colleague named, but the age belongs to someone else, or no one named is staff.
    ("Our treasurer, Helen Okoro, met a man at the Carlisle food bank on Saturday. He's 67 and "
     "he has been sleeping in his car since March.", "charity"),
    ("Helen Okoro is cycling from Carlisle to Newcastle on Saturday 9 May. She's 67 and she has "
     "been sleeping in her car since her divorce.", "charity"),
    # The same shapes, about one person: no rate, no "each", no advice.
    ("In May a child under two from Maidstone was admitted to hospital after a fall at home, "
     "and her mum, 19, came to us on Friday.", "charity"),
    ("One goes to a woman in Bedford who lost her job in March and has her interview on "
     "Tuesday; she's 52 and a mum of three.", "retail"),
    ("On Tuesday a tutor in Taunton told us one of her students, 17, has been self-harming "
     "since her parents split up.", "therapy"),
    ("We had an appointment with a tenant in Taunton on Thursday: she's 84, lives alone on "
     "Priory Road and faces eviction over £1,900 of arrears.", "law_firm"),
    ("Behind every number is a person. Last Friday a man in his 60s from Barnsley came to our "
     "desk after three nights sleeping in his car.", "council"),
]


@pytest.mark.parametrize(("text", "kind"), RISKY)
def test_round15_risky_near_twin_stays_held(text, kind):
    assert ident(text, kind, net=False) >= Severity.MEDIUM, text
