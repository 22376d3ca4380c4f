"""Numbers in Dutch: the right noun, thousands with a dot, percentages that never contradict."""

from __future__ import annotations

import pytest

from speelveld.words import number, percent, plural


@pytest.mark.parametrize(("count", "expected"), [(0, "0 fouten"), (1, "1 fout"), (2, "2 fouten")])
def test_plural(count: int, expected: str) -> None:
    assert plural(count, "fout", "fouten") == expected


def test_number_uses_a_dot_for_thousands() -> None:
    assert (number(999), number(1100), number(1234567)) == ("999", "1.100", "1.234.567")


@pytest.mark.parametrize(
    ("value", "beside", "expected"),
    [
        (0.08, 0.15, "8%"),
        (0.149, 0.15, "14,9%"),  # never "15%; minder dan 15%"
        (0.1496, 0.15, "14,96%"),
        (0.7001, 0.7, "70,01%"),  # never "70%; meer dan 70%"
        (2 / 3, 0.6, "67%"),
        (0.15, None, "15%"),
        (0.125, None, "12,5%"),  # a threshold shows the decimals it has
    ],
)
def test_percent_is_as_precise_as_the_comparison_needs(
    value: float, beside: float | None, expected: str
) -> None:
    assert percent(value, beside) == expected
