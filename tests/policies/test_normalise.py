from __future__ import annotations

import pytest

from policies.engine.normalise import normalise


@pytest.mark.parametrize(
    "typed",
    [
        "pay\u200bment",  # zero-width space
        "pay\u200dment",  # zero-width joiner
        "pay\u00adment",  # soft hyphen
        "pay\u2060ment",  # word joiner
        "\ufeffpayment",  # byte-order mark
        "\u0440\u0430yment",  # Cyrillic р and а
        "\uff50\uff41\uff59\uff4d\uff45\uff4e\uff54",  # full-width
        "\U0001d429\U0001d41a\U0001d432\U0001d426\U0001d41e\U0001d427\U0001d42d",  # mathematical bold
    ],
)
def test_tricks_fold_to_the_plain_word(typed):
    assert normalise(typed).text == "payment"


def test_spans_map_back_onto_the_original_text():
    typed = "Mrs \u200bP\u0430tel at 3pm"
    result = normalise(typed)
    start = result.text.index("Patel")
    original_start, original_end = result.to_original(start, start + len("Patel"))
    assert typed[original_start:original_end] == "P\u0430tel"


def test_composed_and_decomposed_accents_fold_alike():
    assert normalise("cafe\u0301").text == normalise("caf\u00e9").text == "cafe"


def test_ascii_text_is_left_alone_with_an_identity_map():
    result = normalise("Bins go out on Monday.")
    assert result.text == "Bins go out on Monday."
    assert result.to_original(5, 7) == (5, 7)


@pytest.mark.parametrize(
    "typed",
    ["👨\u200d👩\u200d👧 family day 🇬🇧", "مرحبا بكم في المكتبة", "\u202eevil\u202c", "", "\u200b\u200b", "a\u0301\u0302\u0303" * 50],
)
def test_unusual_text_normalises_and_maps_every_span_inside_the_original(typed):
    result = normalise(typed)
    for start in range(len(result.text) + 1):
        for end in range(start, len(result.text) + 1):
            original_start, original_end = result.to_original(start, end)
            assert 0 <= original_start <= original_end <= len(typed)
