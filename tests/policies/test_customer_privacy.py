"""Replies and posts that disclose one person's account, case, health or care status."""

from __future__ import annotations

import pytest

from policies.checks import customer_privacy
from policies.checks.base import CheckContext, Severity
from tests.policies.checking import highest


def top(text: str, **settings: object) -> Severity:
    return highest(customer_privacy, text, **settings)


@pytest.mark.parametrize(
    "text",
    [
        "@jo_b your account is three months in arrears, please pay today.",
        "As we told you, your claim was rejected because the payslips never arrived.",
        "@SteveB_1976 we've checked and your operation was cancelled because your blood results were abnormal.",
        "Hi Karen, your loan application was declined because of your credit score.",
        "@paula_stroud the man you reported for harassment was released on bail yesterday.",
        "Gemma - we've seen your post. You received £450 from our hardship fund in January.",
        "Reminder for Mr Imran Hussain: your colonoscopy is at 8:15am Thursday.",
        "@DebbieG1978 you've had 6 food parcels from us this year, so please stop saying that.",
        "Please call the ward, Mrs Kaur: your husband's scan results are ready.",
    ],
)
def test_disclosing_a_persons_status_in_public_is_high(text: str) -> None:
    assert top(text) == Severity.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dawn, really sorry to hear your bin was missed again. Could you send us a private message?",
        "Sorry to hear your parcel hasn't arrived yet. Please DM us your order number (not here).",
        "@MikeGloucs thank you for the kind words about our team on Ward 7a!",
        "If your account is in arrears, talk to us early - we have options.",
        "@JessGlos so sorry you've been waiting so long. Please DM us your name and postcode.",
        "Our branch is closed on Monday for the bank holiday.",
        "Scam texts claiming you've missed a parcel are doing the rounds. Don't click the link.",
        "Missed your food waste collection this week? Crews are catching up tomorrow.",
        "Sorry to hear you've been charged twice. Please DM us and we'll look into it.",
    ],
)
def test_kind_replies_and_general_advice_are_not_disclosures(text: str) -> None:
    assert top(text) == Severity.INFO


def test_disclosure_to_nobody_in_particular_is_medium() -> None:
    assert top("We can see the order was refunded because the card was declined twice.") <= Severity.MEDIUM
    assert top("The records show the council tax account is £612 in arrears.") == Severity.INFO


def test_severity_and_extra_words_come_from_settings() -> None:
    text = "@jo_b your tenancy was sanctioned last week."
    assert top(text, severity="block") == Severity.BLOCK
    assert top("@jo_b your allotment was forfeited.", extra_record_words=["allotment"],
               extra_status_words=["forfeited"]) == Severity.HIGH


@pytest.mark.parametrize("text", ["", "😀" * 1000, "your account " * 10_000, "\u200b\u202e@x your bill is overdue"])
def test_any_text_is_handled(text: str) -> None:
    ctx = CheckContext(text=text, original=text)
    assert all(0 <= f.start <= f.end <= len(text) for f in customer_privacy.run(ctx))


@pytest.mark.parametrize(
    "text",
    [
        "@gaz_t Your recycling wasn't collected because the lid wouldn't close. Second time this month.",
        "@mo_1990 we've had a look and your bursary request was turned down because you're over the age limit.",
        "@kelly_b Your statement about your neighbour has been passed to our antisocial behaviour team.",
        "@jjones Nobody came out because your call was graded as routine.",
        "@lisa_m To be clear: you cancelled three appointments on the day, which is why the fee was charged.",
        "@dan_r sorry, your dad's respite place was withdrawn because his review lapsed in March. DM us.",
        "Mrs Lowe, the investigation into the damage to your car (crime ref 1400055555) has been closed.",
        "@saver_sue maybe pay your loan on time and the letters would stop.",
    ],
)
def test_a_reply_telling_one_person_what_happened_to_their_record_is_high(text: str) -> None:
    assert top(text) == Severity.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "@pete_k Sorry your street still hasn't been swept, Pete. Could you DM us the exact spot?",
        "@ann_w So sorry to hear your bag was stolen, Ann. Please report it on 101 so an officer can help.",
        "@bex Thanks so much for the kind words about our Whitby team, they'll be thrilled!",
    ],
)
def test_kind_replies_that_repeat_what_the_person_said_are_not_disclosures(text: str) -> None:
    assert top(text) == Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        "@kerry_w thanks for waiting! The overdraft was approved an hour ago and it's live now.",
        "@m_owens the last two invoices are still unpaid (£240), so we can't book the next visit.",
        "@pj_lloyd refund went back to your Visa on Tuesday.",
        "reminder to dean at flat 2: march rent still outstanding.",
    ],
)
def test_a_reply_disclosing_a_record_without_saying_your_is_high(text: str) -> None:
    assert top(text) >= Severity.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k so sorry it's late! DM us the order number and we'll chase the courier.",
        "@ellie_r the library is open until 8pm on Thursdays, see you there!",
    ],
)
def test_replies_without_a_record_outcome_stay_quiet(text: str) -> None:
    assert top(text) < Severity.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "@jen_b82 Sorry for the wait. The assessment went to the school on 3 June, so they should have it.",
        "@marc_t Thanks for your patience. Your referral went off to the hospital on Monday.",
    ],
)
def test_a_reply_saying_where_a_record_was_sent_is_a_disclosure(text: str) -> None:
    assert top(text) >= Severity.HIGH


def test_a_notice_about_where_reports_go_is_not_a_disclosure() -> None:
    assert top("Reports of fly-tipping go to our enforcement team, who aim to visit within 2 days.") <= Severity.LOW
