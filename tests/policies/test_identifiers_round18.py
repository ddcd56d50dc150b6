"""Round 18: the identification net clears a combination it is confident is about nobody.

The combination rules fire on statistics, advice and lost-property notices written unlike
the drafts they were tuned on; the net reads the whole draft. Below
``risk_model_clear_threshold`` a MEDIUM or HIGH combination is shown at LOW (its details
at INFO), never a BLOCK one or one with a private person's contact details. The texts
are invented look-alikes, not rows of any labelled set.
"""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import CheckContext, Severity
from policies.engine.schema import validate_document
from policies.recognisers import risk_model
from tests.policies.policy_documents import document
from tests.policies.test_policy_validation import problems

GENERAL = [
    ("therapy", "Our year in numbers: 380 people came to us; 64% were women; a third were aged 25 to 34; the "
                "average client came for eight sessions; 70% improved on their wellbeing scores. Thank you to "
                "the funders who make low-cost places possible."),
    # Round 24: "the family home" is a house, not a family, so the rules no longer hold the
    # first wording ("don't move out of the family home ..."); "the family" still reads as
    # people and keeps the clearing tested.
    ("law_firm", "Thinking of separating this spring? Before you see anyone: gather your last three payslips, "
                 "list every joint account, and don't ask the family to move out if children are involved "
                 "without advice. Free first half hour, Thursdays 4-7pm, our Otley office."),
]

ABOUT_SOMEONE = [
    ("therapy", "A lovely moment this week: a retired headteacher in her 70s, who lost her husband in March, told "
                "us after her sixth session in our Clifton room that she had slept through the night for the "
                "first time."),
    ("retail", "Huge thanks to the gentleman in his 80s from Thame who came into our Witney shop on Tuesday to "
               "buy his first bike since his wife died. He said she'd have laughed at the helmet!"),
    ("council", "Well done to the mum of three from Galashiels who started our tenancy course in January after "
                "her eviction and has now moved into her own flat on Market Street."),
    ("police", "A woman in her 90s from Nantwich was tricked out of £4,000 by a caller pretending to be her "
               "grandson on Tuesday afternoon. Officers have been to see her."),
]


def _findings(text: str, kind: str, **settings):
    return identifiers.run(CheckContext(text=text, original=text, org_kind=kind, settings=settings))


def _combination(findings):
    [combination] = [f for f in findings if f.code == "combination"]
    return combination


@pytest.mark.parametrize(("kind", "text"), GENERAL)
def test_a_combination_the_net_reads_as_about_nobody_is_shown_not_held(kind, text):
    assert risk_model.probabilities(text)["identification"] < risk_model.CLEAR_THRESHOLD
    findings = _findings(text, kind)
    combination = _combination(findings)
    assert combination.severity == Severity.LOW
    assert risk_model.CLEARED_NOTE in combination.message
    # Its details are still there for the author to see, as notes.
    assert max(f.severity for f in findings) == Severity.LOW
    assert all(f.severity == Severity.INFO for f in findings if f.code.startswith("identifier.") and f.kind
               not in ("name", "email", "phone"))


@pytest.mark.parametrize(("kind", "text"), GENERAL)
def test_the_clearing_is_a_policy_setting_and_zero_turns_it_off(kind, text):
    held = _combination(_findings(text, kind, risk_model_clear_threshold=0))
    assert held.severity >= Severity.MEDIUM and risk_model.CLEARED_NOTE not in held.message
    # Switching the net off switches its clearing off too.
    assert _combination(_findings(text, kind, risk_model=False)).severity >= Severity.MEDIUM


@pytest.mark.parametrize(("kind", "text"), ABOUT_SOMEONE)
def test_a_post_about_one_person_is_still_held(kind, text):
    assert risk_model.probabilities(text)["identification"] > 0.5
    assert _combination(_findings(text, kind)).severity >= Severity.HIGH


def test_a_block_combination_is_never_cleared(monkeypatch):
    monkeypatch.setattr(risk_model, "net_clears", lambda *args, **kwargs: True)
    text = ("Our client Mrs Joan Pike of 14 Mill Lane, Otley, has asked us to say her divorce from her husband "
            "was finalised on Tuesday after his arrest in March.")
    assert _combination(_findings(text, "law_firm")).severity == Severity.BLOCK


def test_a_private_phone_number_is_never_cleared(monkeypatch):
    monkeypatch.setattr(risk_model, "net_clears", lambda *args, **kwargs: True)
    text = "Found on the bus from Witney on Monday: a brown wallet. The owner can ring us, or we'll ring 07700 900123."
    findings = _findings(text, "retail")
    assert risk_model.CLEARED_NOTE not in _combination(findings).message
    assert max(f.severity for f in findings) >= Severity.HIGH


def test_too_short_a_draft_is_never_cleared():
    assert not risk_model.net_clears("a girl, 9", "identification", {"risk_model_clear_threshold": 0.99})


def test_the_clearing_threshold_is_validated_on_save():
    [(where, field, message)] = problems(document(checks={"identifiers": {"risk_model_clear_threshold": 1.5}}))
    assert (where, field) == ("checks.identifiers", "risk_model_clear_threshold")
    assert "probability from 0 to 1" in message
    validate_document(document(checks={"identifiers": {"risk_model_clear_threshold": 0.2}}))


FRAUD_ADVICE = ("Reminder: our staff will never ask you to move your savings to a 'safe account', and we won't ask "
                "for your full PIN on a call. If in doubt, hang up and ring the number on your card.")
ARREARS_REPLY = ("@JanInThame Hi Jan, we've checked your account and it's £312 in arrears, which is why your garden "
                 "bin collection was suspended in May.")


def _privacy(text: str, **settings):
    return customer_privacy.run(CheckContext(text=text, original=text, org_kind="bank", settings=settings))


def test_customer_privacy_clears_a_disclosure_the_net_reads_as_about_nobody():
    # General fraud advice reads to the disclosure rule as "your savings" + a status; the
    # net scores it 0.12, so a policy that clears below 0.2 shows it at LOW.
    assert _privacy(FRAUD_ADVICE, risk_model_clear_threshold=0)[0].severity == Severity.HIGH
    [cleared] = _privacy(FRAUD_ADVICE, risk_model_clear_threshold=0.2)
    assert cleared.severity == Severity.LOW and risk_model.CLEARED_NOTE in cleared.message


def test_customer_privacy_never_clears_a_reply_about_someones_account():
    [held] = _privacy(ARREARS_REPLY, risk_model_clear_threshold=0.2)
    assert held.severity == Severity.HIGH and risk_model.CLEARED_NOTE not in held.message
