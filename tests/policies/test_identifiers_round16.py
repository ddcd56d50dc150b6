"""Round 16 false positives (development sets up to holdout14): invented look-alikes, not
the rows. A colleague introduced by a job the organisation itself does ("Bronwen is a
community midwife", for the NHS; "He has been a ranger at the country park for 18 years", for
the council), a practitioner's specialism ("working with grief and bereavement") and a job
title holding a client word ("our private client partner") describe no client; "Father
Christmas" and "St Andrews Park" are no one's names. An opening phrase ("In April, ...", "Meet Priya, our newest counsellor") is not a
person spoken to, and a record word inside a capitalised street name ("the Corn Market
Place") is part of the name, so a notice discloses nobody's record. Their near-twins, where a
first name, a title or "reminder to" speaks to one person about their own record, or the
profile says the person used the service, the job is not one the organisation employs, or
the practitioner works with one particular client, or a titled person is named beside
Father Christmas, stay held."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import Severity
from tests.policies.checking import highest


def ident(text: str, kind: str, net: bool = False) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=net)


def privacy(text: str, kind: str) -> Severity:
    return highest(customer_privacy, text, org_kind=kind)


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


PROFILE_HARMLESS = [
    # A colleague introduced by the job an organisation of this kind employs them for.
    ("Meet Bronwen 💙 Bronwen is a community midwife in Ebbw Vale and has been a midwife for 26 "
     "years. She trained at the old Nevill Hall and still does her Monday clinics with a tin of Welsh "
     "cakes.", "nhs"),
    ("Meet Gareth 👋 He has been a ranger at Margam Country Park for 18 years, is a grandad of three "
     "from Port Talbot and knows every deer by name. Join him on a free dawn walk on Saturday 4 "
     "October at 7am. Gareth was happy for us to share his story.", "council"),
    # A practitioner's specialism, and a kind of client worked with in general.
    ("Nadia has been working with grief and bereavement for twelve years, and she joins us on "
     "Mondays from 6 October 🌱 She sees adults only. To book, call 029 2018 0700.", "therapy"),
    ("Our Hove clinic worked with couples from every walk of life this year, and we'd welcome "
     "anyone curious about how couples counselling works to get in touch.", "therapy"),
    # A job title that holds a client word.
    ("Free webinar, Wednesday 9 April, 1–2pm: 'Wills for blended families'. Hosted by our private "
     "client partner Tom Achebe. Sign up via the link in our bio.", "law_firm"),
]
PROFILE_RISKY = [
    # The same introductions, but the person used the service.
    ("Meet Bronwen 💙 Bronwen is a community midwife in Ebbw Vale, and last spring she was our "
     "patient on Ward 4 after a stroke.", "nhs"),
    ("Meet Gareth 👋 He has been a ranger at Margam Country Park for 18 years, and last winter he "
     "came to us after his landlord evicted him. Gareth was happy for us to share his story.", "council"),
    # A job this kind of organisation does not employ: he may be a client.
    ("Meet Gareth 👋 He has been a ranger at Margam Country Park for 18 years, is a grandad of three "
     "from Port Talbot and comes to our Tuesday lunch club. Gareth was happy for us to share his "
     "story.", "charity"),
    # One particular client worked with.
    ("Nadia has been working with a young mum from Splott for twelve months; she's 19 and came to "
     "us after her baby was taken into care.", "therapy"),
    ("I've been working with teenagers who self-harm in Splott; one of them, 15, told me on Tuesday "
     "that she sleeps in her car.", "therapy"),
    ("Someone I worked with years ago sent a card on Tuesday: she's 41 now and finally out of the "
     "refuge in Hove.", "therapy"),
    # The partner named beside the client.
    ("Our private client partner Tom Achebe met our client Mrs Hughes, 88, on Tuesday to change her "
     "will after her son's death.", "law_firm"),
]


@pytest.mark.parametrize(("text", "kind"), PROFILE_HARMLESS)
def test_round16_colleague_by_own_job_is_not_held(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), PROFILE_RISKY)
def test_round16_client_in_the_same_shape_stays_held(text, kind):
    assert ident(text, kind) >= Severity.HIGH, text


def test_round16_years_with_her_husband_is_not_long_service():
    from policies.recognisers.people import team_profile

    assert not team_profile("Meet Bronwen 💙 Bronwen has come to our Monday clinic for 26 years with her "
                            "husband.", "nhs")
    assert team_profile("Meet Kath 💙 27 years with Hartley's this week and still the first in.", "retail")


NAMES_HARMLESS = [
    # A festival's figure after a title; a saint's name on a church or a ground.
    ("Christmas Fair at St Luke's Church Hall, Frome, Saturday 6 December, 10am–2pm: tombola, cake "
     "stall and Father Christmas from 11. Entry £1, children free. All proceeds to our Frome hospice.",
     "charity"),
    ("Thanks to @BristolRovers and @GreatWesternAA for a brilliant mental health awareness matchday 💙 "
     "1,800 wristbands handed out at St Andrews Park.", "nhs"),
]
NAMES_RISKY = [
    # A priest's title before a real name; a person found at the park; a patient beside Santa.
    ("Father Michael Byrne, 71, came to us on Tuesday after losing his flat in Frome; he has been "
     "sleeping in the church porch since March.", "charity"),
    ("A man in his 60s was found at St Andrews Park on Tuesday night; he lives alone on Ashley Road "
     "and was taken to hospital with a head injury.", "police"),
    ("Thanks to Father Christmas for visiting Ward 4: Mrs Joan Pike, 88, loved her present and goes "
     "home to Frome after her hip operation on Friday.", "nhs"),
]


@pytest.mark.parametrize(("text", "kind"), NAMES_HARMLESS)
def test_round16_festival_figure_or_saints_place_is_no_name(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(("text", "kind"), NAMES_RISKY)
def test_round16_real_name_beside_them_stays_held(text, kind):
    assert ident(text, kind) >= Severity.HIGH, text
