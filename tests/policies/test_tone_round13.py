"""Round 13 tone family: sarcasm without swearing (tests/data/train13*.jsonl), written
fresh for these tests, not copied from the rows.

Mock thanks round scare-quoted praise, feigned admiration, "Bless them.", "No judgement
#JustSaying", mock charity ("we're sure it was just an oversight"), and a critic dared
to come and do the night shift. The risky ones must be held by the rules alone (the
learned net switched off), and each has warm twins that must stay low with or without
the net.
"""

from __future__ import annotations

import pytest

from policies.checks import tone
from policies.checks.base import Severity
from policies.checks.tone_signals import cues, profanity
from policies.checks.tone_signals.phrases import lower_same_length
from tests.policies.checking import highest


@pytest.mark.parametrize(
    "text",
    [
        # Praise in scare quotes, used as a label.
        "Thanks to everyone who left such 'constructive' comments about the new library hours. Every one of them was read.",
        "So many 'parking experts' in the comments this week. The bay markings are staying.",
        # Feigned admiration with an emphatic echo, aimed at people.
        "To the handful of drivers still using the bus gate as a shortcut: we admire the confidence. Truly.",
        "Customers who try to return sandals after a fortnight in Crete: we salute your ambition. We really do.",
        # "Bless them." at people who believe something daft.
        "Three sofas dumped behind the community centre by people who apparently think it's a furniture store. Bless them.",
        # "No judgement" with #JustSaying after a quoted complaint.
        "Some people will queue an hour for a new phone and then call a five-minute wait at our desk 'ridiculous'. No judgement 📱 #JustSaying",
        # Mock charity, with "for the curious".
        "We're sure it was just a coincidence that so many of you 'lost' your parking permits the week fees went up. The rules are online, for the curious.",
        # Flattery echoed at what people ask of us.
        "Clients still send us 90-page leases at 5pm on a Friday to 'have a quick look'. We're flattered by your faith in our stamina. Truly.",
        # A critic dared to come and do the hardest shift.
        "The Evening Chronicle says our gritters are 'nowhere to be seen'. Their reporter is very welcome on our 3am run on the A69.",
        "Cllr Dean Hartley calls our control room 'overstaffed'. We'd love to see him on a Saturday night shift before his next speech.",
    ],
)
def test_sarcasm_without_swearing_is_held_by_the_rules(text: str) -> None:
    assert highest(tone, text, risk_model=False) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        "We admire your optimism about the weather! Bring a brolly to the fete, just in case.",
        "We admire the dedication of our volunteers, out in all weathers. We really do.",
        "Bless them, the ducklings are back at the pond in Victoria Park 🦆",
        "Our volunteers knitted 300 hats for the neonatal unit this winter. Bless them.",
        "Thank you to Jo, who called our reception team 'so helpful and kind' in her review. We've passed it on!",
        "A lovely review from a customer who called our staff 'helpful' and 'patient'. Thank you!",
        "Come as you are. No judgement, just a cup of tea and someone to listen ☕",
        "We're sure it was just a mistake on the booking form, so we've sorted it: your appointment stands.",
        "Cllr Amina Shah joined our night shift on Friday and spent 3am with the outreach team. Thank you, councillor.",
        "Our local MP visited the triage line this morning and we were glad to show her round.",
        "We're flattered! Thank you to everyone who voted for us in the Best Local Shop awards 💐",
        "Our opening hours over Easter are on the website, for reference.",
        "Forty volunteers cleared the whole canal towpath on Saturday. Genuinely impressive. Thank you all!",
        "Questions people ask us most about wills, answered by our Exeter team. Genuinely helpful reading.",
        # A councillor, an editor or a mayor at our events is news, not a dare.
        "We're delighted to host the Mayor, Cllr Aoife Hegarty, who opens the fair at 11am on Saturday. All welcome!",
        "Happy to have the editor of the Stroud News join us at 10am for the ribbon cutting at the new library.",
        "Thank you to Cllr Patel for joining our night shift on Friday: she saw first-hand what our nurses do. "
        "She's very welcome on our street count any time.",
    ],
)
def test_warm_look_alikes_stay_low(text: str) -> None:
    assert highest(tone, text, risk_model=False) <= Severity.LOW, text
    assert highest(tone, text) <= Severity.LOW, text


def test_a_dare_needs_a_critic() -> None:
    """An invitation to the night shift is a dare only when a critic's words are quoted
    back (or a named critic comes with another jibe)."""
    dare = "Their reporter is very welcome on our 3am run on the A69."
    assert not cues.mockery(cues.find_cues(lower_same_length("Anyone is very welcome on our 3am run, just ask.")))
    assert cues.mockery(cues.find_cues(lower_same_length("The Chronicle says we're 'nowhere to be seen'. " + dare)))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("To the absolute f**kwits who left a trolley in the canal: grow up.", "fuckwits"),
        ("Honestly, you t*ssers.", "tossers"),
        ("Whoever dumped the mattress: you're tossers.", "tossers"),
        ("Those sh*tes on the bypass again.", "shite"),
    ],
)
def test_starred_out_and_plural_swearing_is_found(text: str, term: str) -> None:
    assert term in {hit.term for hit in profanity.find_words(text)}, text


@pytest.mark.parametrize("text", ["We assess every claim within 10 days.", "Christmas crackers and mince pies in store now."])
def test_plain_plurals_of_listed_words_stay_clean(text: str) -> None:
    # Only a starred-out plural falls back to its singular: "assess" is not "asses".
    assert profanity.find_words(text) == []
