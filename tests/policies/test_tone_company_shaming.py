"""Round 16 tone family: another organisation named and shamed from our account.

The tone check caught a *person* pilloried, not a company, landlord, supplier or bus
operator named by @handle or trading name with a call to boycott, share or warn others
(HIGH, ``shaming_severity``), nor one mocked without the call (MEDIUM,
``sarcasm_severity``). Every text here was written for these tests, not copied from a
labelled set. Each draft is assessed end to end as tools/eval.py assesses a labelled
draft: its kind's starter pack, an account on its platform, a fixed moment.

The harmless twins share the surface of the risky ones (a handle, "please share", a
grievance word, a firm's name) and must be auto-approved: thanks to a partner, appeals,
scam warnings about a firm being impersonated, a partner's service change, a contractor
appointed, our own apology, and a council's plain enforcement notice.

Enforcement notices (decided in round 16): a council reporting that it has fined or
prosecuted a named company is public record put out through the proper channel, so a
plain notice stays LOW. The same notice that tells people to avoid the firm or share to
warn others is a pile-on and is held as naming and shaming.
"""

from __future__ import annotations

import pytest

from policies.checks.base import Severity
from tools.eval import TIERS, assess_labelled

ORG_CODES = {"shames_organisation", "mocks_organisation"}

# (org_kind, platform, labelled tier, text)
RISKY = [
    (
        "council",
        "x",
        "high",
        "Residents on Mill Lane, avoid @SwiftSkipHire. They dumped a full skip on the verge and won't answer the "
        "phone. RT to warn your neighbours.",
    ),
    (
        "charity",
        "facebook",
        "high",
        "A huge 'thank you' to @PremierRoofingGlos for taking the money from our community hall fund and never "
        "turning up. Please share so nobody else gets stung.",
    ),
    (
        "retail",
        "instagram",
        "high",
        "Steer clear of Kwikprint Ltd. Paid in March, still no banners, no refund and no reply. Tell your friends.",
    ),
    (
        "law_firm",
        "linkedin",
        "high",
        "A note for other firms: if you're instructing @HallamSearchesLtd, expect your searches to take four months "
        "and nobody to pick up the phone. Spread the word.",
    ),
    (
        "bank",
        "x",
        "high",
        "Boycott @FastFundsLoans. They keep ignoring complaints from the people we support. Share to warn others.",
    ),
    (
        "nhs",
        "x",
        "high",
        "Another patient left stranded for three hours by @MedRideTransport this week. Share this so other families "
        "know who they're dealing with.",
    ),
    (
        "police",
        "facebook",
        "high",
        "Don't book @DriveSafeValeting. Our patrol cars came back dirtier than they went. Make sure everyone knows.",
    ),
    (
        "therapy",
        "mastodon",
        "high",
        "We won't name the landlord who still hasn't fixed the damp in our counselling rooms. Oh wait, it's "
        "@BriarwoodLettings.",
    ),
    (
        "retail",
        "bluesky",
        "high",
        "Never use @PackItCouriers. Lost parcels, zero apologies. Retweet so your mates don't make the same mistake.",
    ),
    (
        "council",
        "facebook",
        "high",
        "Fed up of @NorthStarBuses cancelling the 42 with no notice? So are we. Don't give them your fare, and share "
        "this so the whole town knows.",
    ),
    (
        "law_firm",
        "x",
        "high",
        "Buying in Redhill? Give Castleview Estates a wide berth. Deposits held for months and calls ignored. "
        "Please share.",
    ),
    (
        "retail",
        "facebook",
        "high",
        "Our supplier @FreshFieldsDairy has let us down for the fifth week running and won't refund a penny. "
        "Tell your friends to avoid them.",
    ),
    (
        "council",
        "bluesky",
        "high",
        "Ridgeway Construction Ltd left the school crossing dug up all half term. Share so every parent knows.",
    ),
    (
        "charity",
        "x",
        "high",
        "If you're thinking of hiring @EventHireDirect for your fundraiser, don't. They cancelled on us the night "
        "before and kept the deposit. Pass it on.",
    ),
    (
        "nhs",
        "facebook",
        "high",
        "Patients, a warning: @CareLinePharmacyDelivery has missed dozens of prescription drops in Hatfield and "
        "won't return calls. Tell everyone you know and take your prescriptions elsewhere.",
    ),
    (
        "charity",
        "facebook",
        "high",
        "Kwik Fix Roofing Ltd took a deposit from our community centre in June and haven't been seen since. Please "
        "share to warn other groups.",
    ),
    (
        "council",
        "x",
        "high",
        "We've fined @QuickSkipsGlos £1,200 for fly-tipping at Cranham. Avoid them, and share to warn your neighbours.",
    ),
    # Mockery with no call to warn: medium.
    (
        "charity",
        "linkedin",
        "medium",
        "Another month, another excuse from @HarbourHousingGroup about the mould in our hostel. Truly inspiring stuff.",
    ),
    (
        "bank",
        "mastodon",
        "medium",
        "Thanks again to @SwiftPayroll for losing our payroll file for the third time this year. Really keeping us "
        "on our toes.",
    ),
    (
        "nhs",
        "x",
        "medium",
        "Naming no names, but @CityCabsNorth kept two of our dialysis patients waiting an hour in the rain again.",
    ),
    (
        "police",
        "x",
        "medium",
        "Ashamed of @GreenwayMotors? We are. Third abandoned courtesy car on the A40 this month.",
    ),
    (
        "therapy",
        "instagram",
        "medium",
        "Big round of applause for @ComfortSeatingCo, whose 'next day delivery' has now taken seven weeks.",
    ),
]

# (org_kind, platform, text): auto-approved.
HARMLESS = [
    (
        "charity",
        "facebook",
        "Massive thank you to @OakbarnBakery for donating 300 mince pies to our winter shelter. Please share their page if you need a baker, they deserve the custom!",
    ),
    (
        "police",
        "x",
        "Fraudsters are pretending to be from @NorthgateBank and asking for card PINs by phone. The bank will never ask for your PIN. Please share to warn older relatives.",
    ),
    (
        "council",
        "linkedin",
        "We've appointed @RidgewayConstruction to rebuild the Westgate footbridge. Work starts in April and the bridge reopens in the autumn. Please share with anyone who uses the crossing.",
    ),
    (
        "retail",
        "facebook",
        "We're hiring! Weekend sales assistants at our Bath store, £12.60 an hour. Please share with anyone who might be interested.",
    ),
    (
        "nhs",
        "x",
        "Our flu clinic at the Riverside Centre runs Saturday 9am to 1pm, no appointment needed. Please RT so everyone eligible knows.",
    ),
    (
        "council",
        "x",
        "We got this wrong. Bins on the Elmfield estate were missed three weeks running and too many of your calls went unanswered. We're sorry, and a new crew starts Monday.",
    ),
    (
        "retail",
        "x",
        "We let you down this weekend: the app crashed and some orders were lost. Refunds are going out today, and we're sorry.",
    ),
    (
        "therapy",
        "mastodon",
        "Thanks to @WellbeingHubLeeds for hosting our walk-in sessions while our rooms are repaired. Tell your friends: we're there every Tuesday, 10 till 2.",
    ),
    (
        "police",
        "facebook",
        "Courier fraud: criminals are phoning people claiming to be from @MetPoliceUK and asking them to hand over cash. Police will never do this. Share to warn your older neighbours.",
    ),
    (
        "nhs",
        "linkedin",
        "Pleased to announce that @MedRideTransport will be our patient transport provider from 1 April. Please share with patients who use the service.",
    ),
    (
        "therapy",
        "facebook",
        "Emails that look like invoices from @CalmSpaceTherapy are a scam. They aren't from us. Please share so nobody pays one by mistake.",
    ),
    (
        "bank",
        "linkedin",
        "Our partner @HomeFixGrants has changed its opening hours: from March it's open Monday to Thursday only. Please share so customers aren't caught out.",
    ),
    (
        "council",
        "facebook",
        "We were wrong to blame our contractor last week. The delays to the Brunel Road resurfacing were our own planning error, not @TarmacSW's. We're sorry.",
    ),
    (
        "charity",
        "x",
        "Thank you @QuickFixPlumbing for fixing our flooded kitchen in two hours flat and refusing to charge us! Tell your friends 💙",
    ),
    ("nhs", "x", "Another week, another donation from @RotaryStroud: 40 blankets for the children's ward. Thank you!"),
    (
        "charity",
        "facebook",
        "Huge thanks to @GreenLeafCatering for feeding 200 volunteers at the clean-up. Please share their details if you need a caterer!",
    ),
    ("bank", "x", "Fraudsters are pretending to be from @OurBankHelp. We will never ask for your PIN. Please share."),
    ("police", "x", "Don't use @GlosPolice to report crime, please: call 101 or report online."),
    ("therapy", "instagram", "Scars tell a story. Never be ashamed of them."),
    (
        "council",
        "facebook",
        "Thanks to @WessexWater for ignoring the rain and finishing the job early! Spread the word.",
    ),
    ("law_firm", "linkedin", "Naming no names, but someone in our property team turns 40 today 🎂"),
    (
        "council",
        "x",
        "Avoid the A38 at Whitminster: @GlosHighways are clearing a crash. Please RT so others don't get stuck.",
    ),
    (
        "bank",
        "bluesky",
        "Never trust a text asking for your PIN, even one that looks like it's from @NatWest. Share to warn your family.",
    ),
    (
        "charity",
        "bluesky",
        "Thank you @TownTaxis for driving our volunteers to the Christmas lunch for free. Tell your friends!",
    ),
    (
        "retail",
        "facebook",
        "Our supplier @FreshFieldsDairy has changed its delivery day to Thursday, so milk may run short on Wednesdays. Sorry! Please share.",
    ),
]

# Near-twins this family must leave alone, though another check holds them today for
# reasons of its own (mostly the identifiers net on a handle next to a date or a place,
# or the older person-manhunt pattern on "share so everyone knows"); the council's
# plain enforcement notice is here: tone does not flag it.
TONE_QUIET = [
    (
        "bank",
        "x",
        "Scam texts copying our logo are going round this week. We will never text you a link to log in. Don't get caught out: share to warn others.",
    ),
    (
        "council",
        "facebook",
        "From Monday 3 March @StagecoachWest will no longer run the 46 after 7pm. The 46A covers most stops. Please share with anyone who relies on the late bus so nobody gets caught out.",
    ),
    (
        "council",
        "x",
        "Fly-tipping: @QuickSkipsGlos has been fined £1,200 at Stroud Magistrates after waste from its skips was dumped at Cranham. Report fly-tipping at stroud.gov.uk/flytip.",
    ),
    (
        "law_firm",
        "linkedin",
        "Congratulations to our client @BrewhouseCollective on completing its community share offer! Please share their news.",
    ),
    (
        "bank",
        "bluesky",
        "Heads up: our card processor @PayFastUK is doing planned maintenance on Sunday from 2am to 4am, so card payments may fail. Please share so nobody gets caught out at the till.",
    ),
    (
        "council",
        "bluesky",
        "Avoid Station Road this weekend: @WessexWater are replacing a main. Diversions are signed. Please share so nobody gets caught out.",
    ),
    (
        "retail",
        "instagram",
        "Shout-out to @CotswoldCoffeeCo for keeping our staff caffeinated through stocktake ☕ Go and try their flat white, you won't regret it.",
    ),
    (
        "police",
        "x",
        "The storm has left homes in Painswick without power. @UKPowerNetworks are working on it. Please share so vulnerable neighbours know about the 105 helpline.",
    ),
    ("law_firm", "x", "Never use payday loans to pay a solicitor's bill; talk to us about staged payments instead."),
]


@pytest.mark.parametrize(("kind", "platform", "tier", "text"), RISKY)
def test_an_organisation_named_and_shamed_is_held_by_tone(kind: str, platform: str, tier: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert TIERS.index(result.tier.value) >= TIERS.index(tier), (result.tier, text)
    tone = [f for f in result.findings if f.check == "tone" and f.severity >= Severity.parse(tier)]
    assert tone, [(f.check, f.code, f.severity) for f in result.findings]


@pytest.mark.parametrize(("kind", "platform", "text"), HARMLESS)
def test_near_twins_are_auto_approved(kind: str, platform: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert result.tier.value == "low", [
        (f.check, f.code, f.severity) for f in result.findings if f.severity > Severity.LOW
    ]


@pytest.mark.parametrize(("kind", "platform", "text"), TONE_QUIET)
def test_near_twins_held_elsewhere_are_not_organisation_shaming(kind: str, platform: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert not [f for f in result.findings if f.code in ORG_CODES], text


def test_the_teaching_message_says_what_to_do_instead() -> None:
    result = assess_labelled("Avoid @BrightSideEnergy. No refund, no reply. RT to warn others!", "charity", "x")
    (finding,) = [f for f in result.findings if f.code == "shames_organisation"]
    assert "privately" in finding.message and "proper channel" in finding.message


def test_the_severities_come_from_the_policy_settings() -> None:
    from policies.checks import tone
    from tests.policies.checking import highest

    text = "Avoid @BrightSideEnergy. No refund, no reply. RT to warn others!"
    assert highest(tone, text, risk_model=False) == Severity.HIGH
    assert highest(tone, text, risk_model=False, shaming_severity="block") == Severity.BLOCK
    jibe = "Another week, another excuse from @CityBusesNorth."
    assert highest(tone, jibe, risk_model=False, sarcasm_severity="high") == Severity.HIGH


def test_the_literal_gate_never_skips_an_organisation_pattern_that_would_match() -> None:
    """A pattern built of parts runs only when a literal of every part is in the text
    (``needs``); that must never skip a text the pattern matches."""
    import json
    from pathlib import Path

    from policies.checks.tone_signals import phrases

    data = Path(__file__).resolve().parents[1] / "data" / "drafts.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [row[-1] for row in RISKY + HARMLESS + TONE_QUIET]
    patterns = phrases._compiled()
    for text in texts:
        lowered = phrases.lower_same_length(text)
        matching = {i for i, p in enumerate(patterns) if p.needs and p.regex.search(lowered)}
        assert matching <= set(phrases._candidates(lowered)), text
    assert any(p.needs for p in patterns)
