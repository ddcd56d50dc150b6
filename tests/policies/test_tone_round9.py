"""Round 9 tone families (tests/data/holdout9*.jsonl): invented look-alikes, not the rows.

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
        # "Do better." as a telling-off sentence of its own.
        "Three cafés on Mill Street left their bins on the pavement overnight again. Do better.",
        "@riverside_gym your members keep parking across our drop kerb. Do better!",
        # Unfollow-shaming, without the word "unfollow".
        "Interesting how six estate agents stopped following us the day the report came out 😉",
        "A few of the local landlords no longer follow us since the licensing scheme. We noticed.",
        # "Funny how a handful of ..." aimed at people.
        "Funny how a handful of parents only email when the snow day is announced.",
        # Waiting for a critic to give up.
        "We'll be here when the Facebook lawyers stop giving out free advice.",
        "We'll still be right here when the 'experts' down the pub get bored.",
        # Mock praise with a name-call: "great work, genius".
        "Someone drove through the cones on Bridge Street again. Great job, genius.",
        "Nice one, Einstein, the barrier was there for a reason.",
        # "Always fun when people..." plus a jibe.
        "Always fun when customers ring to say our card checks are 'a waste of time' 🙃",
        "So lovely when people leave one-star reviews before their order even arrives. You're welcome 🙃",
        # 🙃 aimed at people.
        "To everyone who books and doesn't turn up: the slot was someone else's 🙃",
        # A crowd hunt for names.
        "Recognise these lads from the CCTV? Share it everywhere, we want names.",
        "Know this woman? Give us names!",
        # The Karen epithet and disguised insults.
        "Yes, Karen-from-the-comments, our coffee does cost more than the garage's.",
        "Another queue of Karens demanding the manager this morning.",
        "Some absolute c0ckwomble has nicked the charity box from the counter again.",
        "What a tosspot, parking across the ambulance bay.",
    ],
)
def test_round9_jibes_are_held(text):
    assert top(text) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        # Owning a fault stays clean.
        "We kept you waiting far too long on the phone this week. We must do better, and we will.",
        "@gaz_hx3 Really sorry about the wait, Gary, we should do better. DM us and we'll ring you.",
        "Your feedback helps us do better. Survey closes Friday.",
        # Following, sincerely.
        "Thanks for following us! We post bin day reminders every Sunday evening.",
        "Funny how time flies: our library turns 100 this week 🎉",
        # Being there for people.
        "We'll be here when you need us, day or night. Call 0800 123 456.",
        "Whenever you're ready, we'll be right here when the time is right for you.",
        # Sincere praise.
        "Great job, team! 2,000 meals served at the Christmas lunch.",
        "Well done to Priya, our apprentice of the year, a real star.",
        "Always lovely when customers bring their dogs in to say hello 🐶",
        "@jo_b You're welcome! Enjoy the festival this weekend.",
        "Thank you so much for the flowers, you're welcome back any time.",
        # 🙃 about the weather, nobody aimed at.
        "Frost forecast for tonight. In May. Of course 🙃 Bring the seedlings in.",
        "Leaves on the line AND a storm? Marvellous 🙃 Give yourself extra time today.",
        # A proper appeal asks for a call, not names from the crowd.
        "Do you recognise this man? Please call 101 quoting crime reference 1234.",
        "We need names for our new gritters! Comment below ❄️",
        # Karen by name, and ordinary words around the lexicon additions.
        "Hi Karen, thanks for getting in touch. We've passed this to our Leeds team.",
        "Karen from our Otley branch has been with us 25 years today 💐",
        "Cocktail night at the Cockermouth branch: £5 mocktails for the hospice.",
    ],
)
def test_round9_look_alikes_stay_low(text):
    assert top(text) <= Severity.LOW, text
