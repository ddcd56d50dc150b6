"""How findings are shown to the author and the reviewer."""

from __future__ import annotations

from posts.rendering import findings_for_display

SARCASM = "This may come across as sarcastic."


def _finding(start: int, end: int, *, severity: str = "medium", message: str = SARCASM, code: str = "sarcasm") -> dict:
    return {"check": "tone", "code": code, "start": start, "end": end, "severity": severity, "message": message}


def test_findings_that_say_the_same_thing_are_one_item_with_every_passage() -> None:
    text = "Such 'helpful' feedback. We admire the optimism. We really do."
    shown = findings_for_display(text, [_finding(0, 14), _finding(25, 47), _finding(49, 62)])
    assert len(shown) == 1
    assert shown[0]["quotes"] == ["Such 'helpful'", "We admire the optimism", "We really do."]
    assert shown[0]["index"] == 0


def test_different_advice_stays_apart_worst_first() -> None:
    text = "Mrs Khan, 81, at our Tuesday clinic. Some of you never listen."
    findings = [_finding(37, 62), _finding(0, 8, severity="high", message="A name.", code="name"), _finding(10, 12)]
    shown = findings_for_display(text, findings)
    assert [f["code"] for f in shown] == ["name", "sarcasm"]
    assert shown[1]["quotes"] == ["Some of you never listen.", "81"]


def test_findings_below_the_floor_and_spans_outside_the_text_show_no_quote() -> None:
    shown = findings_for_display("Hi", [_finding(0, 1, severity="info"), _finding(5, 9)])
    assert len(shown) == 1 and shown[0]["quotes"] == []


def test_a_repeated_passage_is_quoted_once() -> None:
    shown = findings_for_display("ok ok", [_finding(0, 2), _finding(3, 5)])
    assert shown[0]["quotes"] == ["ok"]


def test_a_tier_raised_by_a_policy_rule_says_why_first() -> None:
    text = "Hi Morag, your usual Thursday appointment is free again."
    raised = [{"rule": "client-with-health-or-status", "tier": "block", "message": "This points at a client."}]
    shown = findings_for_display(text, [_finding(0, 8, severity="high", message="A name.", code="name")],
                                 escalations=raised)
    assert [(f["severity"], f["message"]) for f in shown] == [("block", "This points at a client."), ("high", "A name.")]
    assert shown[0]["quotes"] == [] and shown[0]["index"] == "escalation-0"
