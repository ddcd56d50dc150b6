"""Round 17 (development sets up to holdout16): risky drafts the tone check let through,
and their harmless twins. Invented look-alikes, not the rows.

The rules are tested without the trained net (``risk_model=False``): the net is retrained
after each round, and these families must be held by the rules alone.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
from policies.checks.base import CheckContext, Severity
from tests.policies.checking import highest


def tone_of(text: str, kind: str) -> Severity:
    return highest(tone, text, org_kind=kind, risk_model=False)


# A civil but aggressive public challenge to a critic group (a page's admins, a campaign,
# an association): its refusals to meet are counted in public, or it is told it criticises
# from behind a logo.
SNUB_RISKY = [
    ("The organisers of the 'Keep Tetbury Green' group have now turned down four invitations to meet "
     "our planning team. Our door stays open.", "council"),
    ("Still no word from the admins of the Save Ely Market page on our offer to meet. That's the third "
     "invitation this month.", "council"),
    ("@HarbourResidentsAssoc has declined every invitation to meet us about the marina plans. If the "
     "association wants answers, they know where we are.", "council"),
    ("The moderators of the Bootle Community Watch group still haven't accepted our invitation to a "
     "sit-down about response times.", "police"),
    ("Whoever runs the 'Stop the Clinic Closure' page has had several letters from our chief executive. "
     "Put your own names to it and come and talk to us.", "nhs"),
    ("To the committee of the Wyke Traders' Association: the case for free parking is better made across "
     "a table than from behind a Facebook page.", "council"),
    ("We note the campaign group behind the Stroud Against the Bypass page has yet to take up our offer "
     "of a meeting. Three invitations and counting.", "council"),
    ("Two invitations, no reply. The people running the Lyme Bay Watch page know where our office is, "
     "and the chair is still warm.", "law_firm"),
    ("Criticism is always easier from a sofa than across a table. Our offer to the page admins stands.", "charity"),
]
# The same groups invited, thanked, corrected politely or told of enforcement.
SNUB_HARMLESS = [
    ("We've invited the organisers of the Save Ely Market campaign to meet our regeneration team on "
     "Tuesday 4 March at the Corn Exchange. The meeting is public and minutes will be published.", "council"),
    ("Thank you to the admins of the Tetbury Community Noticeboard page for sharing our road closure "
     "updates all winter. You've helped hundreds of people plan their journeys 💚", "council"),
    ("Thank you to @HarbourResidentsAssoc for a really useful meeting about the marina plans last night. "
     "Notes are on our website, and our offer of a follow-up visit stands.", "council"),
    ("Wyke Skips Ltd has been fined £2,400 at Bradford Magistrates' Court for dumping waste on Tong Lane. "
     "Report fly-tipping online at bradford.gov.uk/flytipping.", "council"),
    ("@SaveElyMarket Thanks for sharing this. One small correction: the consultation closes on 14 March, "
     "not 4 March, so there's still time to have your say.", "council"),
    ("Many tenants still haven't taken up our offer of a free energy check. Book yours on 01632 960123 "
     "before the end of March.", "council"),
    ("We've sent invitations to all 40 residents' associations in the district for the budget "
     "consultation. If your group hasn't had one, email us and we'll send it on.", "council"),
    ("Thanks to the admins of the Bootle Community Watch Facebook group for hosting our Q&A last night. "
     "We answered 43 questions; the full list is pinned on their page.", "police"),
    ("The chair of the Friends of Pittville Park has accepted our invitation to join the steering group. "
     "Welcome aboard!", "council"),
    ("Our Christmas lunch is on 20 December at the Guildhall. That's three invitations now sent to every "
     "care home in town, and there's still room for more guests 🎄", "charity"),
    ("Our volunteers serve teas from behind the counter at the Guildhall every Saturday, 10am to 2pm.", "charity"),
]


@pytest.mark.parametrize(("text", "kind"), SNUB_RISKY)
def test_round17_critic_group_challenged_in_public_is_held(text, kind):
    assert tone_of(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(("text", "kind"), SNUB_HARMLESS)
def test_round17_critic_group_invited_or_thanked_stays_low(text, kind):
    assert tone_of(text, kind) <= Severity.LOW, text


# A critic's pieces about us counted in public, with a dare to do our hardest shift
# before the next one. Counting them without a dare, or a visit before a piece was
# written, is news.
TALLY_DARE_RISKY = [
    ("Tom Harker at the Wessex Echo has now written four articles this year about our shop prices. "
     "Come and spend a Saturday night on our soup run before you write the fifth, Tom.", "charity"),
    ("Cllr Mark Dyer has tweeted about our bin rounds eleven times this month. He's very welcome on "
     "our 5am round before he writes another.", "council"),
    ("The Courier has run three editorials on our A&E waits since January. We'd happily host its "
     "editor for one night shift before the next headline.", "nhs"),
]
TALLY_HARMLESS = [
    ("The Wessex Echo has now run three stories on our night shelter this winter, thank you! "
     "Reporters are welcome to spend a night with our volunteers any time.", "charity"),
    ("Thank you to Amy at the Courier, who spent a night with our gritting crews before writing her "
     "piece. It's a great read: link below.", "council"),
    ("Our chief executive has written three blogs this year about the new A&E. Read them before you "
     "visit the open day on Saturday.", "nhs"),
    ("Cllr Dyer has tweeted about our bin rounds eleven times this month, and we've answered each "
     "one: the new timetable starts on Monday.", "council"),
]


@pytest.mark.parametrize(("text", "kind"), TALLY_DARE_RISKY)
def test_round17_critic_whose_pieces_are_counted_and_dared_is_held(text, kind):
    assert tone_of(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(("text", "kind"), TALLY_HARMLESS)
def test_round17_pieces_counted_without_a_dare_stay_low(text, kind):
    assert tone_of(text, kind) <= Severity.LOW, text


# The public called gullible or stupid as a group, with no swear word. Defending people
# from that charge, or describing whom scammers target, is advice.
GROUP_INSULT_RISKY = [
    ("The gullible people who keep sending money to 'crypto coaches' are half the reason these scams "
     "still work.", "bank"),
    ("Honestly, the clueless customers who still click on these links make our fraud team's job "
     "impossible.", "bank"),
    ("Stop blaming TikTok: the thick patients who believe everything on it are the real problem.", "nhs"),
    ("Online 'life coaches' charging £500 for a weekend are one thing. The gullible ones who keep paying "
     "them are another.", "therapy"),
]
GROUP_INSULT_HARMLESS = [
    ("It's not only gullible people who get scammed: fraudsters fool doctors, lawyers and bank staff "
     "too. Take five before you pay.", "bank"),
    ("Scammers don't target the gullible, they target the busy. If a call feels rushed, hang up and "
     "ring the number on your card.", "bank"),
    ("Worried you've been taken in? You're not stupid and you're not alone. Call us any time.", "bank"),
    ("Online coaches promising to fix trauma in a weekend aren't regulated. If you're looking for help, "
     "check your therapist is registered with the BACP.", "therapy"),
]


@pytest.mark.parametrize(("text", "kind"), GROUP_INSULT_RISKY)
def test_round17_public_called_gullible_as_a_group_is_held(text, kind):
    assert tone_of(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(("text", "kind"), GROUP_INSULT_HARMLESS)
def test_round17_defending_people_from_scams_stays_low(text, kind):
    assert tone_of(text, kind) <= Severity.LOW, text


# Mock reassurance after a complaint about a small inconvenience. The same words cheering
# runners up a hill, or warm words to someone struggling, have no complaint before them.
MOCK_REASSURANCE_RISKY = [
    ("To everyone who complained that our Penrith branch is 'in the middle of nowhere' now: it's moved "
     "300 metres up the road. We're confident you'll survive the extra stroll.", "bank"),
    ("Lots of you are up in arms that the click-and-collect desk has moved to the back of the store. "
     "We're sure you'll all cope with the 40-second walk.", "retail"),
    ("A few of you have written in about the car park moving to the other side of the hospital. It's "
     "four minutes on foot. You'll survive.", "nhs"),
    ("Some of you have been in touch about the shop closing at 4pm on Sundays now. We're sure you'll "
     "survive the wait until Monday.", "charity"),
]
MOCK_REASSURANCE_HARMLESS = [
    ("Our Penrith branch has moved 300 metres up the road to 14 Market Square. Same team, same hours, "
     "and step-free access at last.", "bank"),
    ("the winter coat you'll live in till march is back 🧥 in stores and online now", "retail"),
    ("Starting therapy can feel daunting. We're confident you'll find the first session easier than you "
     "expect, and you can stop at any time.", "therapy"),
    ("Walking the 10k for us on Sunday? We're sure you'll survive the hill at mile 8, and there are "
     "jelly babies at the top!", "charity"),
    ("Blisters after your first parkrun? You'll live. Pop some plasters on and come back next week 🏃", "nhs"),
    ("Grief can feel unbearable. You'll get through this, one day at a time, and you don't have to do "
     "it alone.", "therapy"),
]


@pytest.mark.parametrize(("text", "kind"), MOCK_REASSURANCE_RISKY)
def test_round17_mock_reassurance_after_a_complaint_is_held(text, kind):
    assert tone_of(text, kind) >= Severity.MEDIUM, text


@pytest.mark.parametrize(("text", "kind"), MOCK_REASSURANCE_HARMLESS)
def test_round17_reassurance_without_a_complaint_stays_low(text, kind):
    assert tone_of(text, kind) <= Severity.LOW, text


# A mild word disguised with a star, a digit or a symbol was written knowing it would
# offend: swearing (HIGH), not the slip of a plain "bloody" (MEDIUM).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Forty bags of rubbish dumped by the bottle bank again. Absolute sh*te behaviour.", "council"),
        ("People who book and don't turn up are taking the p!ss, frankly.", "nhs"),
        ("Another 'free' crypto course advert. Utter cr@p, ignore it.", "bank"),
        ("What the h*ll are people thinking, leaving dogs in hot cars?", "police"),
    ],
)
def test_round17_disguised_mild_swearing_is_profanity(text, kind):
    findings = tone.run(CheckContext(text=text, original=text, org_kind=kind, settings={"risk_model": False}))
    assert any(f.code == "profanity" and f.severity >= Severity.HIGH for f in findings), findings


def test_round17_plain_mild_swearing_stays_mild():
    text = "Bloody brilliant turnout at the beach clean this morning, thank you all!"
    findings = tone.run(CheckContext(text=text, original=text, org_kind="council", settings={"risk_model": False}))
    assert [f.code for f in findings if f.severity >= Severity.MEDIUM] == ["mild_profanity"], findings


@pytest.mark.parametrize(
    "text",
    [
        "Rated 5* by 1,200 customers: our Sunday roast is back from 12pm, £14.50.",
        "Ward 4B* is now open to visitors 2pm–8pm (*except during protected mealtimes).",
        "Sh0p local this Saturday! Stalls from 9am on the High Street 🛍️",
    ],
)
def test_round17_stars_and_digits_in_ordinary_words_stay_low(text):
    assert tone_of(text, "retail") <= Severity.LOW, text
