"""Round 17b: a number in brackets after an ordinary word is a tally, not an age.

"The most common reason was money worries (41), then housing (17)" counts people; "Mrs
Ahmed (79)", "a woman (52)" and "her daughter (6)" give one person's age. Invented drafts.
"""

from __future__ import annotations

import pytest

from policies.recognisers.numeric import find_numeric


def ages(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_numeric(text) if s.kind == "age"]


@pytest.mark.parametrize(
    "text",
    [
        "Why people called our helpline this winter: money worries (41), then housing (17), then loneliness (12).",
        "Top questions at the drop-in last month: parking permits (23) and missed bins (9).",
        "Referrals by route: self-referral (56), GP letter (31), school nurse (8).",
    ],
)
def test_tallies_in_brackets_are_no_ages(text):
    assert ages(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mrs Ahmed (79) was visited by our team on Tuesday.", "79"),
        ("A woman (52) from Tredworth was arrested last night.", "52"),
        ("She brought her daughter (6) to the clinic this morning.", "6"),
        ("Sentenced: Dale Morgan (31), of Matson.", "31"),
        ("A pensioner (84) lost £9,000 to a courier scam.", "84"),
    ],
)
def test_an_age_in_brackets_after_a_name_or_a_person_is_still_an_age(text, age):
    assert age in ages(text)
