"""Round 8 families (tests/data/holdout7*.jsonl, holdout8*.jsonl): invented look-alikes,
not the rows. Harmless posts a comms officer wants out fast stay below MEDIUM; the risky
twins of each rule are still held."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers, tone
from policies.checks.base import Severity
from policies.checks.mentions import looks_like_organisation
from policies.recognisers.contact import find_contact
from tests.policies.checking import highest


def ident(text: str, kind: str) -> Severity:
    return highest(identifiers, text, org_kind=kind, risk_model=False)


def tone_top(text: str) -> Severity:
    return highest(tone, text, risk_model=False)


def privacy(text: str) -> Severity:
    return highest(customer_privacy, text)


# --- harmless families: stay auto-approvable -------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Seasons, laws, firms and buildings are not private people.
        ("Easter hours: our Wells branch, 12 Market Street, opens 10am-2pm on Saturday 4 April.", "retail"),
        ("Merry Christmas from everyone at Holloway Bridge Law 🎄 Offices reopen Mon 5 Jan at 9am.", "law_firm"),
        ("The Renters Rights Bill, explained: what landlords in Kent need to do before May 2026.", "law_firm"),
        ("Donations welcome at Tesco Bangor Marina or our depot: Unit 7, Glan y Mor Estate, Bangor LL57 4HJ, Mon-Fri 9am-4pm.", "charity"),
        ("Speaking at the Usher Halls, Edinburgh, on Fri 13 March about the new guidance for carers.", "therapy"),
        # Totals, shares and tallies speak of everyone.
        ("This year, about half of the families we supported came to us after a redundancy. You are not alone.", "charity"),
        ("Our year in numbers: 212 wills, 48 lasting powers of attorney, 31 probate estates and 6 disputes resolved.", "law_firm"),
        ("I saw 58 clients this year, 20 after a bereavement and 12 after a diagnosis. Reaching out is the hardest bit.", "therapy"),
        # Examples and eligibility are hypothetical.
        ("Out-of-hours emergency (e.g. a child not returned after contact)? Call our duty line on 0161 496 0011.", "law_firm"),
        ("Free flu jabs if you're pregnant, over 65, or caring for a disabled child: Sat 8 Nov, 9am-1pm, Castle Surgery.", "nhs"),
        # Colleagues, in their own profiles.
        ("Happy retirement to Brenda Hollis, who has been on the counter at our Whitby branch since 1991 🎉 Enjoy Spain with your husband Ray!", "retail"),
        ("Meet Tariq 👋 Nurse at our Hexham unit for 9 years, dad of two, and now one of our first mental health nurses in A&E.", "nhs"),
        ("Staff pick 📚 Leah, 31, our Otley assistant manager (and mum to twins), can't stop recommending 'Still Life'.", "retail"),
        # Service lines and idioms.
        ("Can't make it? Text CANCEL to 07700 900 555 so we can offer the slot to someone else.", "nhs"),
        ("Break from 23 Dec to 3 Jan. Need support? Samaritans 116 123 or NHS 24 on 111.", "therapy"),
        ("@ailsa_t Thanks Ailsa, glad the drop-in was useful and the booklet came in handy. Next one is Tue 10am at the library.", "police"),
        ("Pleased to be speaking at the regional family law conference on 3 June. My session is on child arrangements after separation.", "law_firm"),
    ],
)
def test_round8_harmless_stays_low(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize("handle", ["@leedsmind", "@cornwallcouncil", "@CAGlasgow", "@NorfolkLC", "@DorsetRecovery"])
def test_round8_partner_handles_read_as_organisations(handle):
    assert looks_like_organisation(handle)


@pytest.mark.parametrize("handle", ["@sarahcare", "@jo_mind", "@JoBK", "@tash_loves_tea", "@kev1982"])
def test_round8_people_handles_do_not(handle):
    assert not looks_like_organisation(handle)


def test_round8_keyword_text_line_is_a_service_number():
    phones = [s for s in find_contact("Text STOP to 07700 900 222 to opt out.") if s.kind == "phone"]
    assert phones and all(s.weak for s in phones)
    phones = [s for s in find_contact("text me on 07700 900 222 about your arrears") if s.kind == "phone"]
    assert phones and not any(s.weak for s in phones)


# --- risky twins: still held --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thinking of Dilys Price in Bay 2, who fell on the stairs at home on Sunday.", "nhs"),
        ("If you're the man who left his wallet and prescription at our Leek branch on Friday, call in.", "retail"),
        ("Half of my Tuesday clients this month were off sick, and one, a nurse in her 50s from Buxton, told me she's losing her house.", "therapy"),
        # A colleague's own health is private even in a profile; a specialism is not.
        ("Happy retirement to Carol Dunn, at our Truro shop since 1999, who is stepping back after her cancer diagnosis.", "charity"),
        ("A client, e.g. the one who rang this morning from Hove, was a mum of three behind on her rent.", "law_firm"),
    ],
)
def test_round8_risky_twins_still_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        "Lots of you saying our trains are 'never on time'. 94% were last month. But sure, never.",
        "Wow, so many of you became planning law experts overnight. Impressive.",
        "Lovely to see some of you treating the beach car park as a litter bin again. Truly, thanks.",
        "And some of you are still parking on the zigzags at pick-up. Honestly, thank you, keep it up 👏",
        "If you think you could run the helpline better than we do, come in and show us how it's done.",
        "If they really believed that, they'd come to Monday's meeting and say it to us. We'll save them a seat.",
        "Another week, another client of QuickFix Motors with a car that fails its MOT. We're keeping a list.",
    ],
)
def test_round8_jibes_are_held(text):
    assert tone_top(text) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        "Lovely to see so many of you using the new bottle bank on the seafront. Thank you!",
        "Thank you, keep it up! £2,400 raised so far for the hospice garden 💚",
        "Think you could make a difference? Apply to be a special constable by 30 May.",
        "Amazing how many of you came to the open day. Thank you for the questions.",
    ],
)
def test_round8_warm_posts_stay_low(text):
    assert tone_top(text) <= Severity.LOW, text


def test_round8_reply_stating_a_record_is_held():
    assert privacy("@kjm_leeds Thanks for waiting. The referral did go over on the 9th; the wait is about 12 weeks.") >= Severity.HIGH
    assert privacy("@kjm_leeds Sorry to hear this. Please DM us and we'll look into it.") <= Severity.LOW


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Kind replies that echo the person's own visit or family.
        ("@lou_hx Sorry the lift was out again when you came in, Lou, that's not good enough. We've told the manager.", "retail"),
        ("@mike_b1 Sorry the queue was so long on Saturday, Mike, no fun with a tired toddler. Extra tills from next week.", "retail"),
        # Professionals thanked in their role.
        ("Thanks to Dr Sunil Mehta for a brilliant day of teaching on trauma-informed practice in York.", "therapy"),
        ("Five years qualified! Thank you to my supervisor Dr Jane Orr for the support.", "therapy"),
        ("Sponsor our trustee Mark Bell and the team on our JustGiving page. Race day Sunday 5 October!", "charity"),
    ],
)
def test_round8_replies_and_professionals_stay_low(text, kind):
    assert ident(text, kind) <= Severity.LOW, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("@lou_hx Sorry your son Jake, 14, was so upset in Bay 3 on Tuesday after his fall.", "nhs"),
        ("Thanks to Mrs Joan Pike of Leek for her patience while her boiler was out for three weeks.", "council"),
    ],
)
def test_round8_replies_that_add_details_still_held(text, kind):
    assert ident(text, kind) >= Severity.MEDIUM, text


def test_round8_operation_report_is_no_disclosure_and_dm_handoff_is_kind():
    text = "Operation Harbour, 1-3 May: 210 vehicles stopped, 6 arrests, and 1 in 8 drivers we checked were speeding."
    assert privacy(text) <= Severity.LOW
    assert privacy("@jo_k Sorry the bins on your road were missed again, Jo. Pop us a DM and we'll chase it.") <= Severity.LOW
    assert privacy("@jo_k Your account is three months in arrears. Pop us a DM.") >= Severity.HIGH
    assert privacy("@jo_k Sorry, the loan was declined because of your credit score.") >= Severity.HIGH
