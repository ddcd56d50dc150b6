"""Round 15, second pass (development sets up to holdout14): invented look-alikes, not the
rows. When the only "he" or "she" a post describes is an animal or a thing ("the ewe ... back
in her field", "Biscuit, our office labrador", "a cactus called Norman. He's 5", "the swan
family have hatched"), it is no one's private information. A colleague introduced another
way ("Volunteer Marj", "April from our Kendal branch ... She turns 55", "our new Head of
Operations") is a colleague, and "the baby bank" is a service. Names in a statistic ("Most popular names: Isla and
Freddie") and a list of partners thanked "for working alongside our team" are no one
described. A public apology that offers a remedy "if you were charged twice" discloses nothing
from the records. Their near-twins, where the reply tells what happened to the person's own
account, stay held."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str, net: bool = True) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=net)


def privacy(text: str, kind: str) -> Severity:
    return highest(customer_privacy, text, org_kind=kind)


PRIVACY_HARMLESS = [
    # A general offer to anyone affected, in a public apology.
    ("@kezza_runs Fair point, Kez, the ticket machines at the Riverside car park were out of "
     "action on Saturday. Sorry about that. They're working again, and if you were charged twice, "
     "send your receipt to parking@example.org and we'll put it right.", "council"),
    ("@mo_h Thanks Mo, the card readers in our Didsbury café went down at lunchtime. Apologies. "
     "If you were charged for the same order twice, bring your receipt in and we'll refund it.",
     "retail"),
]


@pytest.mark.parametrize(("text", "kind"), PRIVACY_HARMLESS)
def test_round15b_general_offer_is_not_a_disclosure(text, kind):
    assert privacy(text, kind) <= Severity.LOW, text


PRIVACY_RISKY = [
    # The same apology, telling what happened to this person's own account.
    ("@kezza_runs Kez, your account was charged twice on Saturday and we've refunded £9.40.",
     "council"),
    ("@mo_h Sorry Mo, you were charged twice for your order on Saturday, so we've refunded £12 "
     "to your card.", "retail"),
    ("@kezza_runs Bit rich complaining about parking when you were banned from driving last year, Kez.",
     "council"),
]


@pytest.mark.parametrize(("text", "kind"), PRIVACY_RISKY)
def test_round15b_own_record_in_a_reply_stays_held(text, kind):
    assert privacy(text, kind) >= Severity.MEDIUM, text


# The rules alone: the learned net's findings are retrained apart.
ANIMAL_HARMLESS = [
    # An animal, a mascot or a thing called "she", named, or given an age.
    ("UPDATE: the ewe spotted on the A49 near Leominster this morning is safely back in her "
     "field. She was unavailable for comment. Thanks to the drivers who slowed down 🐴", "police"),
    ("Biscuit, our office labrador, has been promoted to Chief Morale Officer 🐶 Pay: two biscuits a "
     "day. She's in our Hereford office Tuesdays and Thursdays if you'd like to say hello.", "law_firm"),
    ("Our reception cactus is called Norman 🌵 He's 5, prickly, and has never once needed watering. "
     "Say hello to Norman on your way in.", "therapy"),
    ("news from the Bishop Auckland hospital pond 🦢 the swan family have hatched (six cygnets!) and "
     "estates have roped off the path for them. please don't feed them bread.", "nhs"),
    ("our Llandudno team's sourdough starter is named Myfanwy. she is 4 years old, lives on the top "
     "shelf of the staff fridge and has more followers than our CEO 🍞", "bank"),
]
ANIMAL_RISKY = [
    # A person described beside the animal: a client, a woman found, a mum, an owner.
    ("Our client Margaret brought her spaniel Biscuit to her hearing at Hereford County Court on "
     "Tuesday; she's 71 and facing eviction over £2,300 of arrears.", "law_firm"),
    ("A woman found wandering on Mill Lane in Ashby this morning with her dog is safely home. She is "
     "84 and lives alone.", "police"),
    ("Biscuit the office labrador sat with a client on Tuesday: she's 34, lives on Priory Road and "
     "came to us after her eviction.", "law_firm"),
    ("The swan family weren't the only arrivals at Bishop Auckland this morning: a mum from Shildon "
     "had twins in the car park at 3am and she's on Ward 4 now.", "nhs"),
    ("Bramble the spaniel came in with his owner on Friday, a man of 58 from Shildon who has been "
     "sleeping in his van since his divorce.", "charity"),
]


@pytest.mark.parametrize(("text", "kind"), ANIMAL_HARMLESS)
def test_round15b_animal_subject_is_not_held(text, kind):
    assert ident(text, kind, net=False) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), ANIMAL_RISKY)
def test_round15b_person_beside_an_animal_stays_held(text, kind):
    assert ident(text, kind, net=False) >= Severity.MEDIUM, text


STAFF_HARMLESS = [
    # A colleague introduced role-first, by where they work (a month that is her name), or
    # as a head of something.
    ("Volunteer Marj has now knitted 140 hats for the baby bank this winter and would like it noted "
     "that she is 'not stopping at 150'. Thank you, Marj 🧶", "charity"),
    ("April from our Kendal branch is walking the Cumbria Way for Macmillan next month 🥾 She turns 55 "
     "in the autumn and has been training on the fells every weekend. Sponsor link in our bio "
     "(shared with April's blessing!).", "bank"),
    ("Meet Tunde, our new Head of Operations 👋 Tunde grew up in Peckham and spent nine years running "
     "youth football in Lewisham. He's a dad of three and a very loud Millwall fan.", "charity"),
]
STAFF_RISKY = [
    # The same colleague beside a client, a customer who shops with us, a profile that tells
    # a sensitive circumstance.
    ("Volunteer Marj sat with a man at our Kendal drop-in on Tuesday: he's 67, lives alone on Fell "
     "Road and hasn't eaten properly since his wife died.", "charity"),
    ("April from our Kendal branch sat with a customer on Tuesday: she's 81, lives in Burneside and "
     "lost £4,000 to a scam.", "bank"),
    ("Shout-out to Rhona Bell from Dunbar, who's been buying a sourdough from our Haddington shop every "
     "Saturday since her husband's stroke.", "retail"),
    ("Meet Tunde, our new Head of Operations 👋 Tunde came to us in 2023 after losing his flat and "
     "sleeping rough in Peckham for six months.", "charity"),
]


@pytest.mark.parametrize(("text", "kind"), STAFF_HARMLESS)
def test_round15b_colleague_introduction_is_not_held(text, kind):
    assert ident(text, kind, net=False) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), STAFF_RISKY)
def test_round15b_client_beside_a_colleague_stays_held(text, kind):
    assert ident(text, kind, net=False) >= Severity.MEDIUM, text


NAMES_HARMLESS = [
    # Names as a statistic, and a list of partners thanked for the partnership.
    ("Calder maternity's year in numbers 👶 3,960 babies, 52 sets of twins, busiest night 3 March. "
     "Most popular names: Isla and Freddie. Thank you to every midwife who caught them.", "nhs"),
    ("Our top dog names of 2025 at the Bolton rehoming centre were Luna and Milo 🐾 412 dogs "
     "rehomed, 38 of them over ten years old.", "charity"),
]
NAMES_RISKY = [
    # A baby named with the mother, ward and time; a real birth after the statistic; a
    # private person thanked, alone or in a pair, with their circumstances.
    ("Welcome to the world, Isla Mae! Born at 03:12 on Tuesday on Ward 4 at Calderdale Royal to "
     "Chloe Hughes, 19, of Halifax, weighing 7lb 2oz. Most popular name on the ward this week!", "nhs"),
    ("Most popular names in our Halifax clinic today: Isla and Freddie, twins born to a mum of 19 "
     "from Sowerby Bridge at 3am after she went into labour on the bus.", "nhs"),
]
NAMES_HARMLESS += [
    ("Housing advice, January to June: 276 households helped because they were homeless or about to "
     "be, 49 of them families with children. Thank you to Age UK Wigan & Leigh and Emmaus for "
     "working alongside our team.", "council"),
]
NAMES_RISKY += [
    ("Thank you to Glenys Pritchard of Llanelli for working alongside our team after she lost her "
     "flat in March; she's 78 and still in temporary accommodation.", "council"),
]
NAMES_RISKY += [
    ("Thank you to Glenys & Tom Pritchard of Llanelli for working alongside our team after they lost "
     "their flat in March; she's 78 and they're still in temporary accommodation.", "council"),
]


@pytest.mark.parametrize(("text", "kind"), NAMES_HARMLESS)
def test_round15b_names_that_describe_no_one_are_not_held(text, kind):
    assert ident(text, kind, net=False) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), NAMES_RISKY)
def test_round15b_named_private_person_stays_held(text, kind):
    assert ident(text, kind, net=False) >= Severity.MEDIUM, text
