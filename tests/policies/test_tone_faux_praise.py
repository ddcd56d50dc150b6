"""Round 16 tone families: faux praise for a folly, and talking down to the public.

The tone check let through sarcasm dressed as praise and aimed at the public or
clients: mock applause, congratulations or an award for a misdeed or a silly act ("...
riding the wrong way with no lights. Genuinely impressive."), and condescension ("Every
winter the same people tell us X. Every winter they're wrong.", "however much you've
convinced yourself otherwise"). Sarcasm at the public is labelled MEDIUM.

The rule: a praise tag ("Real commitment 👏", "Genuinely impressive.") or a mock award
("Pulitzer in the post, surely.") is mock only with a *folly* in the post (the wrong
way, parked on the pavement, "today's discovery that"), and not when someone is praised
for dealing with the folly (officers who stopped the driver). The same tag after a feat
is praise. Every text here was written for these tests, not copied from a labelled set;
each is assessed end to end as tools/eval.py assesses a labelled draft.
"""

from __future__ import annotations

import pytest

from policies.checks.base import Severity
from tools.eval import TIERS, assess_labelled

# (org_kind, platform, text): sarcasm at the public or clients, labelled MEDIUM.
RISKY = [
    ("bank", "facebook", "A big round of applause for the customer who waited 25 minutes at our Harrogate counter to "
     "tell us they prefer the app. Real dedication 👏"),
    ("police", "x", "Another night, another driver going the wrong way round the Magna roundabout with, apparently, "
     "no idea what a give way sign is. Genuinely impressive."),
    ("council", "facebook", "Hats off to whoever parked across three driveways on Elm Grove this morning. Truly "
     "inspiring stuff."),
    ("law_firm", "linkedin", "Congratulations to the Evening Chronicle on this week's revelation that probate takes "
     "time. Riveting stuff."),
    ("nhs", "x", "Special mention to the patient who rode an e-scooter the wrong way down the hospital ramp with no "
     "helmet. Real talent 👏"),
    ("retail", "instagram", "Shout-out to the driver in the silver Corsa for managing to reverse into our trolley "
     "shelter twice in one morning. Really impressive."),
    ("charity", "facebook", "To the local paper that worked out our charity shop sells second-hand clothes: "
     "groundbreaking stuff. Pulitzer incoming."),
    ("nhs", "mastodon", "Every spring the same handful of parents tell us hay fever tablets make every child drowsy. "
     "Every spring they're wrong."),
    ("therapy", "x", "Anxiety isn't a personality trait, no matter how much some people have convinced themselves "
     "otherwise."),
    ("bank", "x", "Yes, online banking is slow this morning. No, typing in capitals won't speed it up."),
    ("council", "x", "Round of applause for the resident who parked on the zig-zags outside Hillside Primary at "
     "pick-up again. Such dedication."),
    ("police", "facebook", "Well done to the lad on the moped riding the wrong way up Castle Street with no lights "
     "on. Truly brilliant."),
    ("retail", "x", "Congratulations to the customer who queued 20 minutes at till 4 to tell us they never shop "
     "here. Such devotion 👏"),
    ("charity", "instagram", "PSA 🙃 'Donations' does not mean your broken hoover. Thanks."),
    ("council", "facebook", "Round of applause for the driver who parked across the dropped kerb on Lansdown again "
     "this morning. Such dedication 👏"),
    ("nhs", "x", "Special mention to whoever parked in the ambulance bay at Stroud General for an hour this morning. "
     "Real commitment."),
]

# (org_kind, platform, text): the same surface, aimed at a feat or plain information.
HARMLESS = [
    ("council", "facebook", "Round of applause for our volunteers who turned out at 7am in the rain to clear Fore "
     "Street — real commitment 👏"),
    ("law_firm", "linkedin", "Congratulations to the Yorkshire Post on their award for local journalism"),
    ("bank", "facebook", "Hats off to the member who raised £400 for the food bank by walking to every branch. "
     "Genuinely impressive!"),
    ("charity", "instagram", "Another day, another record for our reading challenge — 300 kids signed up!"),
    ("bank", "x", "Yes, the app's down — we're sorry. No need to call: we'll post here when it's back."),
    # Round 19: the identification net, retrained with holdout18, reads this at 0.538, over
    # its 0.52 threshold, so one peer looks at it. Raising the floor to 0.54 would free it,
    # but left out by source that lets 3 more risky drafts through for 6 more harmless ones.
    # Round 20 (holdout19 joined): 0.547. Round 21 (holdout20 joined): 0.558. Round 22
    # (holdout21 and train22's short notices joined): under the threshold again.
    ("nhs", "facebook", "Thank you to our porters, who kept going through the night shift in the snow. Real "
     "dedication 👏"),
    ("retail", "instagram", "Our summer window is a 10/10 — bravo to the Guildford team for setting it up "
     "overnight! 👏"),
    ("charity", "linkedin", "Congratulations to our research partners at Leeds on their discovery that a daily "
     "walk helps people sleep better. Groundbreaking stuff!"),
    ("charity", "facebook", "Your finisher's medal is in the post! Thanks to everyone who ran the Bristol 10k for "
     "us. Truly inspiring."),
    ("council", "x", "Cyclists: Fore Street is one-way from Monday. Please don't ride the wrong way down it, and "
     "use lights after dark."),
    ("nhs", "mastodon", "Every winter the same wonderful volunteers tell us they'll be back next year. Every winter "
     "they're right 💙"),
    ("therapy", "instagram", "However much you've planned, the first session can feel daunting. That's normal, and "
     "we'll go at your pace."),
    # Round 23 (holdout22 joined): the identification net reads it as an incident with
    # people in it and scores 0.536, just over its 0.52 threshold, so one peer looks at it.
    pytest.param("council", "facebook", "Special mention to our parking team, who spotted cars parked on the "
                 "pavement by the school gates and had a friendly word. Real initiative 👏",
                 marks=pytest.mark.xfail(strict=True, reason="held by the identification net at 0.536 (round 23)")),
    ("bank", "linkedin", "Congratulations to our apprentice Amira for managing to pass all four of her exams while "
     "working full time. Really impressive."),
    ("retail", "x", "Shout-out to everyone who queued at our new bakery counter on opening day to tell us they "
     "loved it. Real commitment 👏"),
    ("council", "facebook", "Thanks to everyone who queued at the consultation on Saturday to tell us what you "
     "think of the plans. Real commitment to your town 👏"),
    ("charity", "x", "PSA: our Clifton shop now takes furniture donations on Tuesdays 🙂 Clean, sellable items "
     "only, please."),
    ("nhs", "x", "A&E is very busy tonight. If it isn't an emergency, please use NHS 111 online or your pharmacy. "
     "Thank you for your patience."),
    ("bank", "facebook", "Yes, we're open on the bank holiday. No, you don't need to book: just pop in."),
]

# Praise for the people who dealt with a folly: not sarcasm. (Held elsewhere: the
# identifiers net reads a roads story as an incident report, so only tone is checked.)
TONE_QUIET = [
    # Praise for clearing what drivers park across; the identification net holds it, tone must not.
    # (Round 22's tone net scored it 0.652, just over the long-post threshold; round 24's does not.)
    ("council", "facebook", "Round of applause for the residents of Lansdown who cleared the dropped "
     "kerbs of snow before 8am so buggies and wheelchairs could get through. Such dedication 👏"),
    ("police", "x", "Well done to our roads policing team, who stopped a lorry going the wrong way on the motorway. "
     "Genuinely impressive work."),
    ("police", "facebook", "Special mention to our PCSOs, who spotted cars parked on the pavement outside the school "
     "and had a word with every driver. Real initiative 👏"),
]


@pytest.mark.parametrize(("kind", "platform", "text"), RISKY)
def test_faux_praise_and_talking_down_are_held_by_tone(kind: str, platform: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert TIERS.index(result.tier.value) >= TIERS.index("medium"), (result.tier, text)
    tone = [f for f in result.findings if f.check == "tone" and f.severity >= Severity.MEDIUM]
    assert tone, [(f.check, f.code, f.severity) for f in result.findings]


@pytest.mark.parametrize(("kind", "platform", "text"), HARMLESS)
def test_genuine_praise_and_plain_notices_are_auto_approved(kind: str, platform: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert result.tier.value == "low", [
        (f.check, f.code, f.severity) for f in result.findings if f.severity > Severity.LOW
    ]


@pytest.mark.parametrize(("kind", "platform", "text"), TONE_QUIET)
def test_praise_for_dealing_with_a_folly_is_not_sarcasm(kind: str, platform: str, text: str) -> None:
    result = assess_labelled(text, kind, platform)
    assert not [f for f in result.findings if f.check == "tone" and f.severity > Severity.LOW], text


def test_the_severities_come_from_the_policy_settings() -> None:
    from policies.checks import tone
    from tests.policies.checking import highest

    faux = "Hats off to whoever parked across three driveways on Elm Grove this morning. Truly inspiring stuff."
    assert highest(tone, faux, risk_model=False) == Severity.MEDIUM
    assert highest(tone, faux, risk_model=False, sarcasm_severity="high") == Severity.HIGH
    down = "Anxiety isn't a personality trait, however much you've convinced yourself otherwise."
    assert highest(tone, down, risk_model=False) == Severity.MEDIUM
    assert highest(tone, down, risk_model=False, condescension_severity="high") == Severity.HIGH


def test_talking_down_teaches_in_plain_language() -> None:
    result = assess_labelled("Every winter the same people tell us the jab gives you flu. Every winter they're wrong.",
                             "nhs", "x")
    (finding,) = [f for f in result.findings if f.code == "talks_down"]
    assert "put-down" in finding.message and "what you can do" in finding.message
