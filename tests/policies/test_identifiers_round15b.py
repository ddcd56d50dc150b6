"""Round 15, second pass (development sets up to holdout14): invented look-alikes, not the
rows. A public apology that offers a remedy "if you were charged twice" discloses nothing
from the records. Their near-twins, where the reply tells what happened to the person's own
account, stay held."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy, identifiers
from policies.checks.base import CheckContext, Severity


def ident(text: str, kind: str, net: bool = True) -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=kind, settings={"risk_model": net})
    return max((f.severity for f in identifiers.run(ctx)), default=Severity.INFO)


def privacy(text: str, kind: str) -> Severity:
    ctx = CheckContext(text=text, original=text, org_kind=kind, settings={})
    return max((f.severity for f in customer_privacy.run(ctx)), default=Severity.INFO)


PRIVACY_HARMLESS = [
    # A general offer to anyone affected, in a public apology.
    ("@kezza_runs Fair point, Kez, the ticket machines at the Riverside car park were out of "
     "action on Saturday. Sorry about that. They're working again, and if you were charged twice, "
     "send your receipt to parking@example.org and we'll put it right.", "council"),
    ("@mo_h Thanks Mo, the card readers in our Didsbury café went down at lunchtime. Apologies. "
     "If you were charged for the same order twice, bring your receipt in and we'll refund it.",
     "retail"),
]


@pytest.mark.parametrize(("text", "kind"), PRIVACY_HARMLESS)
def test_round15b_general_offer_is_not_a_disclosure(text, kind):
    assert privacy(text, kind) <= Severity.LOW, text


PRIVACY_RISKY = [
    # The same apology, telling what happened to this person's own account.
    ("@kezza_runs Kez, your account was charged twice on Saturday and we've refunded £9.40.",
     "council"),
    ("@mo_h Sorry Mo, you were charged twice for your order on Saturday, so we've refunded £12 "
     "to your card.", "retail"),
    ("@kezza_runs Bit rich complaining about parking when you were banned from driving last year, Kez.",
     "council"),
]


@pytest.mark.parametrize(("text", "kind"), PRIVACY_RISKY)
def test_round15b_own_record_in_a_reply_stays_held(text, kind):
    assert privacy(text, kind) >= Severity.MEDIUM, text
