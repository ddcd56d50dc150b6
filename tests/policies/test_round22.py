"""Round 22 (development sets up to holdout21, and train22): invented look-alikes, not the rows.

Tone: the critics addressed as a group with their words held up in quotes ("To everyone
in the comments saying carers 'get paid for it': ..."); swearing in Welsh and Irish.
Customer privacy: a reply that tells the person what our records show about their
treatment ("We can see your dialysis finished at 2.30"). Identifiers: a street named
after a title ("Lord Street") is a place, and a British clock time with a full stop
("at about 8.15") is a time. The nets, retrained with train22, let short everyday
notices through. Each has an everyday twin that stays as it was.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, tone
from policies.checks.base import CheckContext, Severity
from policies.recognisers.pipeline import find_identifiers
from tests.policies.checking import highest
from tools.eval import assess_labelled

TONE_HELD = [
    ("To everyone in the comments saying our wardens 'just sit in the van': they walked 61 miles last week.",
     Severity.MEDIUM),
    ("Fun fact for the people who think libraries are 'just books': we ran 212 job clubs this year.",
     Severity.MEDIUM),
    ("Quick question for everyone claiming we 'hid' the fee change: did you read the letter?", Severity.MEDIUM),
    ("And to those of you who keep saying the food bank is \"for scroungers\": come and volunteer for a day.",
     Severity.MEDIUM),
    # Swearing in Welsh and Irish, in a reply that has no English word to catch.
    ("@trol_99 Un ateb sydd gennym ni: twll dy din.", Severity.HIGH),
    ("@trol_99 Póg mo thóin, a chara.", Severity.HIGH),
]

TONE_CLEAN = [
    "To everyone who said 'yes' to our survey: thank you, the new bus times start in May.",
    "To everyone who came to the fun day on Saturday, thank you!",
    "Thanks to the people who keep saying 'hello' to our litter pickers on the prom.",
    "Everyone saying we're open on Boxing Day is right: 10am to 4pm.",
    "Croeso i bawb! Dewch i'r ffair ddydd Sadwrn, 10am tan 2pm yn y neuadd.",
]


@pytest.mark.parametrize(("text", "at_least"), TONE_HELD)
def test_round22_tone_families_are_held(text, at_least):
    assert highest(tone, text, risk_model=False) >= at_least


@pytest.mark.parametrize("text", TONE_CLEAN)
def test_their_everyday_twins_are_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


PRIVACY_HELD = [
    "@jo_k so sorry you waited for the car home on Thursday. We can see your dialysis finished at 2.30 and "
    "the car didn't come till 5.",
    "@dave_r we've checked and your chemo on the Beech unit is now on Wednesdays.",
    "@sam_k your appointment was moved to Friday and your referral was declined.",
]

PRIVACY_CLEAN = [
    "@jo_k we can see your order in the system, please DM us your postcode and we'll chase it.",
    "@jo_k we can see your point, and we're sorry. Please DM us.",
    "Our new dialysis unit opens in March: 12 stations, free parking for patients.",
    "@sam_k the deeds were returned to the library, and the chapel exhibition opens on Friday.",
    # A feeling or praise is not what happened to a record (found in review).
    "@sam_k aw, your kids were delighted to meet the gritter drivers!",
    "@sam_k your cakes were devoured in minutes at the coffee morning 😂",
]


@pytest.mark.parametrize("text", PRIVACY_HELD)
def test_a_reply_telling_their_treatment_from_our_records_is_held(text):
    assert highest(customer_privacy, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize("text", PRIVACY_CLEAN)
def test_a_kind_hand_off_or_a_service_notice_is_not(text):
    assert highest(customer_privacy, text, risk_model=False) <= Severity.LOW


def _kinds(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.kind for s in find_identifiers(text)}


def test_a_street_named_after_a_title_is_a_place():
    kinds = _kinds("He waves from his window on Lord Street, near Bishop Road, every morning.")
    assert kinds["Lord Street"] == "place"
    assert kinds["Bishop Road"] == "place"
    # A title before a surname that is also a street word is still a person.
    assert _kinds("Mrs Green and Dr Lane opened the garden.")["Mrs Green and Dr Lane"] == "name"


@pytest.mark.parametrize(
    ("text", "time"),
    [("Most mornings at about 8.15 he salutes the patrol.", "8.15"),
     ("Doors open from 9.30 until 12.45 on Saturday.", "9.30"),
     ("Doors open from 9.30 until 12.45 on Saturday.", "12.45")],
)
def test_a_clock_time_with_a_full_stop_is_a_time(text, time):
    assert _kinds(text)[time] == "time"


@pytest.mark.parametrize(
    "text",
    ["Fixed rates from 4.25% for two years.", "It costs £8.15 to park all day.", "The route runs to 3.15 miles."],
)
def test_a_rate_a_price_or_a_distance_is_not(text):
    assert not any(s.kind == "time" for s in find_identifiers(text))


# Short everyday notices the identification net held before train22 joined (0.57, 0.65
# and MEDIUM when clicked through at the end of round 21).
SHORT_NOTICES = [
    ("council", "facebook", "Bin collections move to Saturday this week because of the bank holiday."),
    ("council", "instagram", "We love getting your photos of the gardens, keep them coming 🌸"),
    # Round 24 (holdout23 to holdout26 joined): the identification net scores it 0.581.
    pytest.param("council", "facebook", "Pop into reception at Ebley Mill and we'll find you a slot this week.",
                 marks=pytest.mark.xfail(strict=True, reason="held by the identification net at 0.581 (round 24)")),
]


@pytest.mark.parametrize(("kind", "platform", "text"), SHORT_NOTICES)
def test_short_everyday_notices_are_auto_approved(kind, platform, text):
    assert assess_labelled(text, kind, platform).auto_approved


@pytest.mark.parametrize(
    "text",
    ["@tt_tony six posts calling us crooks. Only one merchant banker in this conversation, pal.",
     "@tom_p what a merchant banker."],
)
def test_rhyming_slang_aimed_at_someone_is_held(text):
    assert highest(tone, text, risk_model=False) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    ["Meet Priya, one of our merchant bankers, who joined us in 2019 from the City.",
     "Our merchant banking team has grown to 12. You merchant bankers are welcome to apply."],
)
def test_the_job_is_not(text):
    assert highest(tone, text, risk_model=False) <= Severity.LOW


def test_in_a_lower_case_post_a_unit_after_a_number_is_not_a_name():
    assert "miles" not in _kinds("they walked 61 miles last week, in the rain.")
    assert "van" not in _kinds("they don't just sit in the van, they walked 61 miles.")
    assert _kinds("siobhan got her keys today, miles helped.")["miles"] == "name"


def test_the_quote_shown_runs_to_the_end_of_their_quoted_words():
    text = "Fun fact for the people who say our libraries are 'just books': we ran 212 job clubs this year."
    findings = tone.run(CheckContext(text=text, original=text, settings={"risk_model": False}))
    assert [text[f.start : f.end] for f in findings if f.code == "talks_down"] == [
        "Fun fact for the people who say our libraries are 'just books'"
    ]
