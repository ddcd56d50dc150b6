"""Round 13 identifier false positives (development sets train12*/train13*): invented
look-alikes, not the rows. Statistics of ages, officers named by rank, pronouns that
stand for an animal or one colleague, 'X in Place' runs, counts of claims, and a question
many people ask are no one in particular; their near-twins about one person stay held."""

from __future__ import annotations

import pytest

from policies.checks import identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=False)


HARMLESS = [
    # A statistic of ages.
    ("Our 2024 first-time buyers: 860 across Fife. Median age 29, median deposit £12,300. "
     "Welcome home, all of you!", "bank"),
    # Officers named by rank, speaking in their role at a public meeting.
    ("Inspector Dawn Hughes will be at the Ludlow community meeting on 12 March at 7pm to "
     "answer questions about rural thefts.", "police"),
    ("Sgt Khan, Ripon Neighbourhood Team 👮 Our drop-in at Ripon Library is Wednesday 1–3pm. "
     "Pop in and say hello.", "police"),
    # A pronoun that stands for an animal, or for one colleague among several.
    ("Found in a garden in Stroud this morning: one tortoise 🐢 He's safe and he's eating "
     "lettuce. If he's yours, call 101.", "police"),
    ("One of our counsellors left her umbrella on the train to the York conference this "
     "morning. Practising what we preach about slowing down.", "therapy"),
    # A reply that thanks the person replied to, with a dash after the name.
    ("@lena_writes Thank you Lena – so glad the piece on sleep helped. Take care this week 💛",
     "therapy"),
    # A thing and where it is, two places joined by "and".
    ("Jabs at Pharmacy Plus in Shrewsbury: walk in every Tuesday 9am–1pm, no appointment needed.",
     "nhs"),
    ("Our 2025 in numbers: 214 housing claims settled across Kent and Sussex and 96 landlord "
     "disputes resolved without a hearing.", "law_firm"),
    # A question many people ask, answered as general advice.
    ("Parents often ask us how to talk to a teenager who has stopped going to school. Start "
     "with one question, not ten. Our parent line is open Mon-Thu 6-9pm.", "charity"),
]


@pytest.mark.parametrize(("text", "kind"), HARMLESS)
def test_round13_harmless_lookalike_is_not_held(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


RISKY = [
    # One person's own age, with a name and a home.
    ("Congratulations to Mia, 29, on getting the keys to her first flat in Kirkcaldy last Friday "
     "after two years of saving with us!", "bank"),
    # The officer is an office-holder; the man arrested is not.
    ("Inspector Dawn Hughes arrested a 34-year-old man from Ludlow on Friday night after a "
     "burglary on Mill Street.", "police"),
    # "One of our clients" is not a colleague.
    ("One of our clients missed her hearing at Leeds County Court this morning because her "
     "carer didn't turn up.", "law_firm"),
    # A named private person with her age, her town and her settlement.
    ("Settled last week: Mrs Okoro, 81, of Ashford gets £14,000 for the damp in her flat.",
     "law_firm"),
    # One asker whose question tells her own story.
    ("A mum asked us how to get her son, 14, back into Hilltop School after he was excluded "
     "on Monday.", "charity"),
    # A patient's name and the bay that finds her.
    ("Diane Price in Bay 4 was moved to Ward 7 this morning after her fall.", "nhs"),
]


@pytest.mark.parametrize(("text", "kind"), RISKY)
def test_round13_risky_near_twin_stays_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text
