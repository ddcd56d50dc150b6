"""Round 7 tone families (tests/data/train7*.jsonl): invented look-alikes, not the rows."""

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
        # "Nothing says 'X' like <what a customer did>": a jibe.
        "Nothing says 'stress-free move' like a seller changing their mind at 5.29pm on completion day 🙃",
        "Nothing says 'committed to recovery' like skipping three appointments in a row.",
        "Nothing says festive spirit like a customer shouting at our till staff on Christmas Eve",
        # Pointing out the obvious to the public, with a sigh.
        "PSA: the opening hours are on the door for a reason, folks.",
        "Always our favourite: 'where's my parcel' emails sent before the order is even placed 😌 Tracking is in your inbox, folks.",
        "Love getting complaints about our 'rude' staff from people who were asked to queue 😂",
        # Public challenges to critics.
        "To the blogger saying we never answer the phone: show us the evidence or take the post down.",
        "Come and spend a morning on reception with us. Or would you rather keep moaning online?",
        "Still waiting for the critic who called our menu 'overpriced' to tell us where does it cheaper.",
        # Unfollow-shaming with the subject dropped.
        "Price rise announced, 80 followers vanish overnight. Won't miss you 😂",
        "Clocked every single one of you who unsubscribed after the sale.",
        # Plural put-downs aimed at someone.
        "@quickclaimz you're nothing but ambulance-chasing parasites.",
        "@cheapskips you're cowboys and the whole town knows it.",
    ],
)
def test_round7_jibes_are_held(text):
    assert top(text) >= Severity.MEDIUM, text


@pytest.mark.parametrize(
    "text",
    [
        "Nothing says Christmas like a mince pie from our Ringwood bakery 🎄",
        "Nothing says summer like an ice cream on the pier. Open 10am–6pm all week.",
        "Our opening hours are on the website, and the team is here to help.",
        "Always our favourite time of year: the school nativity trip to the farm shop! 🐑",
        "We love getting your photos of the gardens, keep them coming 🌸",
        "Show us your best pumpkin carving this half-term and win a £20 voucher 🎃",
        "Would you rather chat by phone or email? Either is fine, just let us know.",
        "Still waiting for your parcel? Track it here or DM us your order number.",
        "We'll miss you, Jean! 31 years on the tills and a send-off to remember 💐",
        "If a caller asks for your PIN, hang up: they're scammers, and we will never ask.",
        "Head lice are tiny parasites and very common in schools. Our school nurses have tips.",
        "Thank you to every one of you who came to the open day, you were brilliant!",
    ],
)
def test_round7_look_alikes_stay_low(text):
    assert top(text) <= Severity.LOW, text
