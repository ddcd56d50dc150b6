"""Round 16: "share so everyone knows" is a manhunt only after a wrong or a camera.

Invented look-alikes; the held-out sets are not read to write them.
"""

from __future__ import annotations

import pytest

from tools.eval import assess_labelled


@pytest.mark.parametrize(
    "text",
    [
        "Please share so everyone knows the library is closed on Monday for the bank holiday.",
        "Our Stroud office moves to 12 High Street from 3 March. Please share so everyone knows!",
        "New bin days from 6 January: check the leaflet through your door. Share so all your neighbours know.",
        "The Tuesday market is back on the Shambles from next week, 8am to 2pm. Share so people know 🧺",
    ],
)
def test_a_notice_asking_to_be_shared_is_not_a_hunt(text):
    result = assess_labelled(text, "council", "facebook")
    assert not [f for f in result.findings if f.check == "tone" and f.code == "name_and_shame"], result.findings


@pytest.mark.parametrize(
    "text",
    [
        "Recognise her? Took £300 of razors from our Ormskirk store on Thursday. We've got her on CCTV. Share so everyone knows.",
        "This bloke nicked a charity box from our Stroud shop on Friday. Share so the whole town knows.",
        "Caught on camera: the thief who took a bike from outside our Bath branch. Share so everybody knows his face.",
    ],
)
def test_a_hunt_asking_to_be_shared_is_still_name_and_shame(text):
    result = assess_labelled(text, "retail", "facebook")
    assert any(f.check == "tone" and f.code == "name_and_shame" for f in result.findings), result.findings
    assert result.tier.value in ("high", "block")
