"""Round 24 (holdout23, holdout24 and holdout26 released): invented look-alikes, not the rows.

Customer privacy: in a reply, a fee refunded "from March", a pension that "will now go in
on the 28th", a balance to be "cleared". Tone: "Great idea." standing alone after what
people demand, someone "on a community page" as the target, a menace ("you'll find out how
easy it is for us to find yours"), swear words as hex codes or phone-keypad taps.
Identifiers: a service's number given by its name ("Call the Family Front Door on ..."),
the age of a thing ("15-year-old walking boots"), an animal "named Dr Prickles", "Ward 4"
as a ward. Each has an everyday twin that stays as it was.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers, tone
from policies.checks.base import CheckContext, Severity
from policies.checks.tone_signals.profanity import scan
from tests.policies.checking import highest

DISCLOSURES = [
    "@dot_f66 Glad you liked the new card! And that late payment fee from June has been refunded 👍",
    "@welly_wendy your pension will now go in on the 1st, as you asked.",
    "@hove_hattie Your cake order's in! We just need the £25 balance from last month cleared first.",
]


@pytest.mark.parametrize("text", DISCLOSURES)
def test_a_reply_that_tells_a_fee_a_pension_or_a_balance_is_a_disclosure(text):
    assert highest(customer_privacy, text) >= Severity.HIGH


NOT_DISCLOSURES = [
    "@dot_f66 Our card fee is £2 a month, and there's no fee at all for under-18s.",
    "@welly_wendy State pension payments go in every four weeks; gov.uk has the dates.",
    "Yes, the website was down on Monday. That's on us. Anyone charged a late fee because of it gets it back.",
    "@hove_hattie Our celebration cakes need a £10 deposit, with the balance paid on collection.",
    # Found in review: the rules about a fee or a pension, told in a reply, are everyone's.
    "@jo_b Our £2 monthly fee is refunded in full for anyone over 65.",
    "@jo_b The £40 garden waste fee is paid online, and the rest of the permit year is refunded if you move.",
    "@jo_b The State Pension is paid every four weeks; gov.uk has the dates for this year.",
]


@pytest.mark.parametrize("text", NOT_DISCLOSURES)
def test_prices_timetables_and_an_apology_to_everyone_are_not(text):
    assert highest(customer_privacy, text) <= Severity.LOW


def test_no_jamie_is_still_spoken_to():
    text = "No, Jamie, we can't take your case on again. Your file is closed."
    assert highest(customer_privacy, text) >= Severity.MEDIUM


HOSTILE = [
    ("Someone in a local parents' group says sunscreen is 'a scam'. Brilliant. Clever stuff.", "sarcasm"),
    ("The comments are full of people demanding we grit every cul-de-sac 'by law'. Great idea. "
     "We'll get the lorries to fly.", "sarcasm"),
    ("@nosy_neil carry on filming our staff at home and you'll find out how easy it is for us to find you.",
     "threat"),
]


@pytest.mark.parametrize(("text", "code"), HOSTILE)
def test_mock_praise_aimed_at_a_page_and_a_menace_are_held(text, code):
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    assert any(f.code == code and f.severity >= Severity.MEDIUM for f in findings), findings


FRIENDLY = [
    "@jo_bakes Great idea! We'll pass it on to the buying team.",
    "Someone in our Facebook group asked about parking: the Sun Street car park is free after 6pm.",
    "Keep practising and you'll find out how easy it is to swim a length. Lessons from £4.",
    "You'll see how easy it is for us to sort a new bin: just fill in the form.",
]


@pytest.mark.parametrize("text", FRIENDLY)
def test_their_friendly_twins_are_not(text):
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    assert max((f.severity for f in findings), default=Severity.INFO) <= Severity.LOW, findings


@pytest.mark.parametrize(
    ("text", "term"),
    [("To the people making hoax calls, in hex: 77 61 6e 6b 65 72 73", "wankers"),
     ("Our senior partner's reply, on his old phone: 22 666 555 555 666 222 55 7777", "bollocks")],
)
def test_hex_codes_and_keypad_taps_are_read(text, term):
    assert [h.term for h in scan(text).hits if h.disguised] == [term]


@pytest.mark.parametrize(
    "text",
    ["Our opening hours: 09 30 to 17 30, Monday to Friday, and 10 00 to 16 00 on Saturdays.",
     "Table numbers 22 33 44 55 are by the window; 66 and 77 by the door.",
     "Sort code 20 45 77, account 55 66 77 88: that's for the raffle money only."],
)
def test_everyday_numbers_are_not_codes(text):
    assert [h for h in scan(text).hits if h.disguised] == []


def _identifiers(text: str, org_kind: str = "council") -> Severity:
    return highest(identifiers, text, org_kind=org_kind, risk_model=False)


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [("If a child under 16 stays with a family friend for 28 days or more, that's private fostering. "
      "Call the Family Front Door on 01632 960207.", "council"),
     ("What a view, Carys! Your 20-year-old walking boots on top of Pen y Fan 🌄 Thanks for tagging us.", "retail")],
)
def test_a_service_line_and_an_old_pair_of_boots_identify_no_one(text, org_kind):
    assert _identifiers(text, org_kind) <= Severity.MEDIUM


def test_a_hedgehog_named_dr_spike_and_ward_4_are_not_people():
    text = "Ward 4 garden, 3am: the night team found a hedgehog. He was checked over, named Dr Spike and let out by the bins."
    findings = identifiers.run(CheckContext(text=text, original=text, org_kind="nhs", settings={"risk_model": False}))
    assert not [f for f in findings if f.code in ("identifier.name", "identifier.count")]
    assert any(f.code == "identifier.place" and text[f.start : f.end] == "Ward 4" for f in findings)


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [("Thanks to Carys Pugh of Brecon, 20, for her lovely review after her surgery on Tuesday. Call Carys on "
      "07700 900123 to say well done!", "nhs"),
     ("Bed 14, Ward 6: Mr Llewellyn's family, please call the ward as soon as you can on 01632 960455.", "nhs")],
)
def test_a_private_number_and_a_patient_in_a_ward_bed_are_still_held(text, org_kind):
    assert _identifiers(text, org_kind) >= Severity.HIGH


def test_a_colleague_introduced_by_a_frontline_job_is_a_colleague():
    text = ("After 15 years on Church Lane, our school crossing patroller Pat Evans hangs up her lollipop on "
            "Friday. Pat, 66, says she'll miss the waves most. Enjoy your retirement, Pat!")
    assert _identifiers(text) <= Severity.LOW


def test_a_person_our_caretaker_found_is_still_described():
    text = "Our caretaker found Mrs Joan Pike, 84, of 3 Mill Lane collapsed in the foyer on Tuesday morning."
    assert _identifiers(text) >= Severity.HIGH


EVERYDAY = [
    ("council", "facebook", "Hi Priya, thanks for letting us know the streetlight on Mill Road has been out since "
     "Friday. We've logged it and an electrician will be out by Tuesday."),
    ("retail", "instagram", "Our Abbey Street café closes at 2pm on Friday for a family funeral. Back to normal "
     "on Saturday."),
    ("bank", "x", "Well done Aled! 🚴 Our Bangor branch manager cycled 100 miles on Sunday and raised £900 for "
     "the hospice."),
]


@pytest.mark.parametrize(("kind", "platform", "text"), EVERYDAY)
def test_a_greeted_fault_reply_a_family_occasion_and_a_colleague_next_sentence_are_auto_approved(kind, platform, text):
    from tools.eval import assess_labelled

    result = assess_labelled(text, kind, platform)
    assert result.auto_approved, [(f.check, f.code, f.severity) for f in result.findings if f.severity > Severity.LOW]


@pytest.mark.parametrize(
    ("kind", "platform", "text"),
    [("nhs", "facebook", "Hi Priya, your husband's scan on Tuesday showed the tumour has shrunk, so he's off the "
      "ward by Friday."),
     ("retail", "instagram", "A family from Abbey Street came into our café at 2pm on Friday after the funeral of "
      "their son, 19."),
     ("bank", "x", "Well done Aled! 🚴 Our customer from Bangor cycled 100 miles on Sunday, eight weeks after his "
      "heart surgery.")],
)
def test_their_twins_about_a_client_are_held(kind, platform, text):
    from tools.eval import assess_labelled

    assert not assess_labelled(text, kind, platform).auto_approved


def test_a_greeted_name_that_is_also_a_place_is_the_person_greeted():
    greeted = "Hi Kerry, thanks for sharing the photos of your new boots on Tuesday!"
    findings = identifiers.run(CheckContext(text=greeted, original=greeted, org_kind="retail", settings={"risk_model": False}))
    kerry = [f for f in findings if greeted[f.start : f.end] == "Kerry"]
    assert [(f.code, f.severity) for f in kerry] == [("identifier.name", Severity.LOW)]  # greeted, not a county
    assert not [f for f in findings if f.code == "combination"]
    county = "Our new shop in Kerry, on Main Street in Tralee, opens on Tuesday."
    findings = identifiers.run(CheckContext(text=county, original=county, org_kind="retail", settings={"risk_model": False}))
    assert [f for f in findings if county[f.start : f.end] == "Kerry"]


def test_sixty_siblings_at_a_picnic_are_a_crowd_and_two_are_not():
    crowd = "Thanks to the 58 brothers and sisters who came to the young carers' picnic in Priory Park yesterday 💛"
    assert _identifiers(crowd, "charity") <= Severity.LOW
    pair = ("Thanks to the brother and sister, 9 and 11, who came to the young carers' picnic in Priory Park "
            "yesterday after their mum's stroke 💛")
    assert _identifiers(pair, "charity") >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "held"),
    [("If you're going to leave your bags of rubbish by the bottle bank, at least tie them up.", True),
     ("If you're going to park across the dropped kerb again, please at least leave a phone number.", True),
     ("If you're going to the fair on Saturday, at least bring a brolly.", False),
     ("If you're going to run the 10k, at least do the 2k warm-up with us first.", False)],
)
def test_a_misdeed_granted_then_a_mock_request_is_sarcasm(text, held):
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    assert any(f.code == "sarcasm" for f in findings) is held


def test_a_greeted_name_beside_a_disclosure_about_them_is_still_blocked():
    from tools.eval import assess_labelled

    text = "Hi Morag! Your usual Thursday 5pm appointment with Ewan is still there whenever you're ready to come back."
    assert assess_labelled(text, "therapy", "facebook").tier.value == "block"


@pytest.mark.parametrize(
    "text",
    ["A 17-year-old shop assistant was threatened with a knife at the Co-op on Fore Street on Tuesday night.",
     "The 45-year-old bus driver from Redruth who was punched on Saturday is recovering at home."],
)
def test_a_person_described_by_age_and_a_job_named_after_a_thing_is_still_a_person(text):
    findings = identifiers.run(CheckContext(text=text, original=text, org_kind="police", settings={"risk_model": False}))
    assert any(f.code == "identifier.age" for f in findings)  # the age is the person's, not the shop's or the bus's
    assert max(f.severity for f in findings) >= Severity.MEDIUM
