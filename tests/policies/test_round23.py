"""Round 23 (development sets up to holdout22): invented look-alikes, not the rows.

Tone: swear words hidden by a code rather than a spelling (the NATO alphabet, letter
names, an acrostic, upside-down text, Pig Latin, a spoonerism, a word broken across a
line); a firm to be warned about "before you sign anything" with a call to share. Birds
are not swearing, and "come and try" is an invitation unless it dares a critic.
Customer privacy: in a reply, what we did to one of their records ("We've moved your
scan to the 21st"). Identifiers: a named person "seeing one of our counsellors". Each
has an everyday twin that stays as it was.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers, tone
from policies.checks.base import CheckContext, Severity
from policies.checks.tone_signals.profanity import scan
from tests.policies.checking import highest

CODED = [
    # NATO alphabet
    ("@moan_central Our full reply to your thread: Foxtrot Oscar.", "fuck off"),
    ("To whoever nicked the planters: you are a right Tango Whiskey Alpha Tango.", "twat"),
    # Letter names after the plain first half of a compound
    ("Your claim that we closed the tip to save money is bull ess aitch eye tee.", "bullshit"),
    # An acrostic the post points at
    ("Our café rules:\nSit where you like.\nHelp yourself to water.\nIt's cash or card.\n"
     "Tidy your tray.\n(Read the first letters down, for the gentleman from Tuesday.)", "shit"),
    # Upside-down text
    ("Our reply to the review, turned the right way for once: ʇᴉɥs ɟo pɐol ɐ 🙃", "shit"),
    # Pig Latin
    ("@the_real_critic your blog about our parking is pure iteshay.", "shite"),
    # Spoonerisms, aimed or with a hint to swap
    ("To the drivers blocking the ramp again: what a pair of cunning stunts.", "cunts"),
    ("To whoever keeps pulling up the bulbs: a proper shining wit. Swap the first letters.", "shit"),
    # A word broken across a line
    ("to the people parking on the zig-zags outside the school: absolute bell-\nends.", "bellends"),
    # Backwards, ROT13 (named) and Morse
    ("@moan_central our reply to your thread: kcuf ffo.", "fuck"),
    ("@moan_central shpx bss (ROT13, work it out).", "fuck"),
    ("@moan_central ..-. ..- -.-. -.-   --- ..-. ..-.", "fuckoff"),
]


@pytest.mark.parametrize(("text", "term"), CODED)
def test_a_swear_word_hidden_by_a_code_is_read(text, term):
    hits = [h for h in scan(text).hits if h.disguised]
    assert [h.term for h in hits] == [term]
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    coded = [f for f in findings if f.code == "coded_profanity"]
    assert coded and coded[0].severity >= Severity.HIGH
    assert "in code" in coded[0].message


def test_an_acrostic_is_shown_as_the_lines_that_spell_it():
    text = CODED[3][0]
    (finding,) = [f for f in tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
                  if f.code == "coded_profanity"]
    assert text[finding.start : finding.end] == "Sit where you like.\nHelp yourself to water.\nIt's cash or card.\nTidy your tray."


PLAIN = [
    # NATO words that spell nothing, and the Foreign Office
    "Call sign Mike Charlie, the lifeboat's new boat, arrives in Oban on Friday.",
    "Our MP will meet the FO minister about the consular case on Tuesday.",
    # Letters spoken in a spelling lesson, spelling nothing listed
    "Spelling bee tip: it's ess tee aitch for 'Sth', but nobody says that out loud.",
    # Lines whose first letters spell a word, with no hint to read them
    "Sale today:\nHats £5\nIce creams £2\nTrainers £20\nScarves £4",
    # A list with a hint, spelling nothing
    "Read the first letters down for our theme:\nCakes\nArt\nKites\nEggs",
    # Words that end in -ay
    "Today, Sunday and Monday the display in the Bay Gallery is free.",
    # Pairs that swap into a swear word by chance
    "Thanks to the whole store team, and we look forward to seeing you.",
    "The door hit the frame in the wind, so mind your fingers. Good luck finding parking!",
    # A hyphen at a line end that joins nothing listed
    "Our drop-\nin sessions are back on Thursdays, 10am to noon.",
    # Words that are other words backwards, ciphers with no name, Morse for SOS
    "Stressed? Read it backwards: desserts, at the café all week.",
    "Spare caps and skips for hire at the depot.",
    "Puzzle corner: uryyb jbeyq. Answers on Friday.",
    "Morse taster night at the radio club: learn ... --- ... on Tuesday at 7pm.",
    # Birds
    "This month's birdwatch: 214 blue tits, 96 great tits and a long-tailed tit.",
    "Build a nest box for coal tits and marsh tits at the visitor centre, Saturday 10am.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_everyday_text_has_no_code_in_it(text):
    assert not [h for h in scan(text).hits if h.disguised]
    assert highest(tone, text, risk_model=False) <= Severity.LOW


def test_a_bird_aimed_at_someone_is_not_a_bird():
    assert not any(h.term.startswith("tit") for h in scan("Saw 12 blue tits today.").hits)
    assert any(h.term.startswith("tit") for h in scan("@jo you great tits, it's closed.").hits)


@pytest.mark.parametrize(
    "text",
    ["Come and run the depot for a week, then tell us it's easy.",
     "Come and try it before you judge it.",
     "@ray_p come and do a night shift with us."],
)
def test_a_dare_to_come_and_do_the_job_is_a_challenge(text):
    assert highest(tone, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    ["Tech café on Friday: come and try a screen reader or a talking watch.",
     "Come and run with us: parkrun every Saturday at 9am, all paces welcome.",
     "Open day: come and try it. Critics very much included."],
)
def test_an_invitation_to_come_and_try_is_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


def test_a_firm_to_be_warned_about_before_signing_with_a_share_call_is_shaming():
    text = ("Planning a loft conversion? Speak to us about Dunmore Lofts Ltd before you sign anything. "
            "Five families paid them deposits in the spring and are still waiting. Share this with anyone in Tralee.")
    assert highest(tone, text, risk_model=False) >= Severity.HIGH


def test_advice_to_read_a_contract_before_signing_is_not():
    text = ("Before you sign anything with a builder, ask for a written quote and check they're insured. "
            "Share this with anyone planning work this summer.")
    assert highest(tone, text, risk_model=False) <= Severity.LOW


@pytest.mark.parametrize(
    "text",
    ["@ann_t sorry the buses let you down. We've moved your scan at the General to the 21st.",
     "@dai_w thanks for the kind words! Glad we could set up the payment break while you're off work.",
     "@lee_m we have rescheduled your operation for next month, the ward will call you."],
)
def test_a_reply_saying_what_we_did_to_their_record_is_a_disclosure(text):
    assert highest(customer_privacy, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    ["@ann_t we've moved the collection to Tuesday for the whole street this week.",
     # Found in review: what we did to a public service, told in a reply, is a notice.
     "@jo_b we've stopped the Tuesday sessions at the library over the summer; they restart in September.",
     "@jo_b we've removed the test page from our website now, thanks for spotting it.",
     "@dai_w we can book you an appointment if you DM us your details.",
     "We've moved the blood clinic to the Hub from Monday: same times."],
)
def test_a_notice_or_an_offer_is_not(text):
    assert highest(customer_privacy, text, risk_model=False) <= Severity.LOW


def _identifiers(text: str, org_kind: str) -> Severity:
    findings = identifiers.run(CheckContext(text=text, original=text, org_kind=org_kind, settings={"risk_model": False}))
    return max((f.severity for f in findings), default=Severity.INFO)


def test_a_named_client_seeing_one_of_our_counsellors_is_held():
    text = ("Please sponsor Dana Kerr! Dana has been seeing one of our counsellors since her breakdown, "
            "and on Sunday she's running the Dublin 10k for Pieta.")
    assert _identifiers(text, "therapy") >= Severity.HIGH


def test_a_counsellor_running_for_charity_is_not():
    text = "Please sponsor our counsellor Dana Kerr! On Sunday she's running the Dublin 10k for Pieta."
    assert _identifiers(text, "therapy") <= Severity.LOW


# Harmless rows every earlier writer's detectors held, for one mechanism each (round 23,
# from development sets: closures after a break-in, lost property, animals).
NOTICES = [
    ("retail", "facebook", "Closed today, sorry! Someone forced the shutters at our Mill Street shop overnight. "
     "Nobody was hurt; we hope to reopen Thursday at 9am."),
    ("charity", "facebook", "Our Bank Street shop is closed today after a break-in overnight. The till was empty. "
     "Police ref: GW-25-771204."),
    ("police", "x", "Lost property: a child's red scooter, handed in at Castle Street station on Monday. "
     "If it's yours, ring 101 and quote ref 512 of 03/11."),
    ("retail", "mastodon", "Lost something in our Quay Road store? We've found a child's yellow wellington and a "
     "pair of glasses this week."),
    ("retail", "instagram", "Shop cat Pickle has claimed the bird-seed display in Ruthin as her bed. We give up. 🐈"),
    # Round 24 (holdout23 to holdout26 joined): the identification net scores it 0.551.
    pytest.param("council", "x", "Update on the Conwy peacock: he has been walked off the quay again this week. "
                 "Drivers, take it slowly.",
                 marks=pytest.mark.xfail(strict=True, reason="held by the identification net at 0.551 (round 24)")),
]


@pytest.mark.parametrize(("kind", "platform", "text"), NOTICES)
def test_notices_about_our_premises_lost_property_and_animals_are_auto_approved(kind, platform, text):
    from tools.eval import assess_labelled

    result = assess_labelled(text, kind, platform)
    assert result.auto_approved, [(f.check, f.code, f.severity) for f in result.findings if f.severity > Severity.LOW]


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [("@jo_b your police reference 4471 is still open with CID, no arrests yet.", "police"),
     ("A child's bike was stolen from outside 14 Elm Road on Tuesday afternoon.", "police"),
     ("Someone came into our Mill Street shop this morning and told us about her diagnosis.", "retail")],
)
def test_their_risky_twins_are_still_held(text, org_kind):
    assert _identifiers(text, org_kind) >= Severity.MEDIUM


def test_a_dog_is_a_bitch_only_when_it_is_a_dog():
    appeal = ("APPEAL: a French bulldog bitch and her three puppies were stolen from a farm near Llanrwst "
              "overnight on Tuesday. The mum is fawn. Call 101 quoting 55/1204.")
    assert highest(tone, appeal, risk_model=False) <= Severity.LOW
    assert _identifiers(appeal, "police") <= Severity.LOW  # the mum is the dog's puppies' mum
    assert highest(tone, "@jo you absolute bitch", risk_model=False) >= Severity.HIGH


# Everyday words the tone rules read as hostile (round 23, from development rows held).
TONE_EVERYDAY = [
    "Cuppa with a copper at the library on Tuesday, 10am: come and tell PCSO Ali what's bothering you.",
    "Spring is here: pussy willow by the bunch and trays of pansies at our Hay shop.",
    "Bike marking at Twatt community hall, Saturday 10am to noon.",
    "If this sounds familiar, your GP is a good first step, and so are we.",
    "Write the worry down and tell it you'll deal with it in the morning.",
    "Our pharmacist will see you in a private room, and you don't have to explain yourself.",
    "'I love watching the same families grow up,' says our practice nurse of 19 years.",
]
TONE_STILL_HELD = [
    "To whoever keeps dumping mattresses on Bisley Road. Grow up.",
    "@dan_r grow up, you absolute child.",
    "Complaining about the queue again? Deal with it.",
    "@mo_t come and tell that to our crews' faces.",
    "@mo_t explain yourself: why post our staff's photos?",
    "If you really cared about the park, you'd come to the meeting.",
]


@pytest.mark.parametrize("text", TONE_EVERYDAY)
def test_everyday_words_are_not_hostile(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


@pytest.mark.parametrize("text", TONE_STILL_HELD)
def test_the_hostile_forms_are_still_held(text):
    assert highest(tone, text, risk_model=False) >= Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    ["Hi Dawn, thanks for letting us know the streetlight outside the Co-op on High Street has been flickering. "
     "We've logged it (ref SL-40112) and an engineer should be out within five working days.",
     "Hi Rob, sorry the pothole on the B4391 at Bala burst your tyre. Our roads team have it down for repair "
     "this week (ref RD-25-1187)."],
)
def test_a_fault_reference_for_a_streetlight_or_a_pothole_is_the_asset_s(text):
    assert _identifiers(text, "council") <= Severity.LOW


def test_a_tenant_s_repair_reference_is_still_theirs():
    text = "@jo_k we've logged your housing repair for the damp in your flat (ref HR-20931), the surveyor will call you."
    assert _identifiers(text, "council") >= Severity.MEDIUM


@pytest.mark.parametrize(
    ("text", "org_kind"),
    [("New parent? Sister Aoife Byrne runs our feeding clinic on Tuesday mornings.", "nhs"),
     ("Scam alert: a caller claims to be from our fraud team and says your card is compromised. "
      "We will never ask for your PIN. Hang up and ring the number on your card.", "bank")],
)
def test_a_nurse_who_runs_our_clinic_and_a_scam_alert_describe_no_client(text, org_kind):
    assert _identifiers(text, org_kind) <= Severity.LOW


def test_the_victim_in_a_scam_story_is_still_described():
    text = "Mrs Ellis, 84, of Orchard Road lost £4,000 on Tuesday to a caller claiming to be from her bank."
    assert _identifiers(text, "police") >= Severity.HIGH


# Round 23, from train24's risky twins (warm replies that add something from our diary or
# records; a client among "our buyers"), each with its everyday twin.
REPLIES_HELD = [
    "Hi Dee, thank you for saying the new chairs are comfier! See you at 10am on Friday as usual.",
    "@rhian_p thank you, glad the talk was useful. Lovely to have you back in sessions with Joanna, too.",
    "Thanks Owen, glad the open evening was useful! Your draft will is ready, so we'll see you Monday at 11am to sign it.",
    "@cait_m thanks for the kind words, and we're so glad the housing grant finally came through for your dad.",
]
REPLIES_CLEAN = [
    "Hi Dee, thank you for saying the new chairs are comfier! See you at the summer fair on Saturday.",
    # Found in review: a public event booked by the person replied to is not from our diary.
    "@jo_b great, see you on Saturday at 10am for your free bike check at the spring fair!",
    "@rhian_p thank you, glad the talk was useful. Our next one is with Joanna in March.",
    "Thanks Owen, glad the open evening was useful! The next wills evening is on Monday at 6pm.",
    "@cait_m thanks for the kind words about the volunteers, we'll pass them on.",
]


@pytest.mark.parametrize("text", REPLIES_HELD)
def test_a_reply_that_adds_our_diary_or_records_is_held(text):
    assert highest(customer_privacy, text, risk_model=False) >= Severity.MEDIUM


@pytest.mark.parametrize("text", REPLIES_CLEAN)
def test_a_reply_that_only_echoes_is_not(text):
    assert highest(customer_privacy, text, risk_model=False) <= Severity.LOW


def test_one_of_our_buyers_is_a_client():
    text = "Last week one of our Harlech buyers lost £31,000 to an email that looked like ours."
    assert _identifiers(text, "law_firm") >= Severity.MEDIUM
    assert _identifiers("Buyers: our bank details never change by email. Ring us first.", "law_firm") <= Severity.LOW


# Round 23, from holdout25 once measured and released: a firm named with a call to pass
# it on, civil ultimatums to a firm, a mock confession, letters as numbers, and a reply
# that tells a council-tax decision. Invented look-alikes, each with an everyday twin.
HOSTILE_TO_FIRMS = [
    "Renting in Omagh? Think very carefully before signing anything with @TopFlatLets. We've served them "
    "nine improvement notices this year. Pass this on to anyone flat-hunting.",
    "@LakesideVenues cancelled our fun day two days before and kept the deposit. Please don't book with them, "
    "and please pass this on.",
    "@TheOldSmithy still hasn't paid for the 30 planters we built for them. Four invoices, no reply. Pass this on.",
    "@NewbuildHomesNI you promised residents a play park two years ago. Either build it or take it out of your brochure.",
    "@QuickVans our parcels sat in your depot for three days. We'll be waiting for your call.",
    "@IronGymLisburn we've seen your 'Skip therapy' poster. Happy to explain why. Or you could just take it down.",
    "A note for everyone who rings at 9.01 asking why we haven't replied to their midnight email: we were asleep. "
    "Selfish of us, we know.",
    "To the people dumping sofas in our car park: 2-5-12-12-5-14-4-19. A=1. Work it out.",
]
FRIENDLY_TO_FIRMS = [
    "Renting in Omagh? Before signing anything, check the agent is registered. Pass this on to anyone flat-hunting.",
    "Thank you @LakesideVenues for a brilliant fun day! Please pass this on: tickets for next year are on sale.",
    "@TheOldSmithy thanks for having our planters outside all summer. Pass this on: they're for sale now!",
    "Peat bogs hold more carbon than forests. Our growers have promised to switch to peat-free by spring.",
    "Rain in Omagh. Shocking, we know. Umbrellas by the door if you need one.",
    "Our opening hours: 9-5, Saturdays 10-4. Call 028 9012 3456.",
]


@pytest.mark.parametrize("text", HOSTILE_TO_FIRMS)
def test_pile_ons_ultimatums_and_mock_confessions_are_held(text):
    assert highest(tone, text, risk_model=False) >= Severity.MEDIUM


@pytest.mark.parametrize("text", FRIENDLY_TO_FIRMS)
def test_their_friendly_twins_are_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


def test_a_reply_that_tells_a_council_tax_decision_is_a_disclosure():
    held = ("@bel_jo thanks for getting in touch! We took off the single person discount because our review found "
            "another adult registered at your address.")
    clean = "@bel_jo thanks for getting in touch! You can apply for the single person discount on our website."
    assert highest(customer_privacy, held, risk_model=False) >= Severity.HIGH
    assert highest(customer_privacy, clean, risk_model=False) <= Severity.LOW


@pytest.mark.parametrize("text", ["@bob 🅵🆄🅲🅺 off, the lot of you", "@bob fμck off"])
def test_enclosed_letters_and_a_greek_mu_are_read_as_letters(text):
    from policies.checks.base import AccountContext
    from policies.engine import assess, default_policy

    result = assess(text, account=AccountContext(network="x", handle="@Us"), policy=default_policy("council"),
                    org_kind="council")
    assert any(f.check == "tone" and f.severity >= Severity.HIGH for f in result.findings)


def test_decorative_letters_in_a_notice_are_just_letters():
    from policies.checks.base import AccountContext
    from policies.engine import assess, default_policy

    result = assess("Our 🅽🅴🆆 opening hours from Monday: 9am to 5pm. Take 5 μg daily.",
                    account=AccountContext(network="x", handle="@Us"), policy=default_policy("council"),
                    org_kind="council")
    assert not any(f.check == "tone" and f.severity > Severity.LOW for f in result.findings)



def test_helping_a_school_or_cancelling_the_timetable_describes_no_client():
    """Older false positives found reviewing this round (each with the twin that stays)."""
    assert _identifiers("On Tuesday we helped a local school plant 200 trees at Hill Park.", "council") <= Severity.LOW
    assert _identifiers("On Tuesday we helped a young mum from Ennis get a protection order.", "law_firm") >= Severity.HIGH
    notice = "@jo_b we've cancelled the Friday sessions at the hub this week because of the storm."
    theirs = "@jo_b your Friday sessions were cancelled because you missed three in a row."
    assert highest(customer_privacy, notice, risk_model=False) <= Severity.LOW
    assert highest(customer_privacy, theirs, risk_model=False) >= Severity.HIGH
