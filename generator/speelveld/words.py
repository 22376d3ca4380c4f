"""Dutch words that depend on a number, shared by every message, format and page."""

from __future__ import annotations

import datetime


def plural(count: int, one: str, many: str) -> str:
    """``1 fout``, ``2 fouten``: the number with the right form of the noun."""
    return f"{count} {one if count == 1 else many}"


def number(value: int) -> str:
    """``12000`` as Dutch writes it: ``12.000``."""
    return f"{value:,}".replace(",", ".")


def percent(value: float, beside: float | None = None) -> str:
    """A share as a Dutch percentage, as precise as it must be beside a threshold.

    Whole percents where they suffice; one or two decimals (with a comma) where whole
    percents would blur the comparison with ``beside``: a share of 14.96% against a
    threshold of 15% reads ``14,96%``, never ``15%``. A threshold itself shows the
    decimals it has (``12,5%``).
    """
    hundred = value * 100
    for digits in (0, 1, 2):
        rounded = round(hundred, digits)
        if beside is None:
            if abs(rounded - hundred) < 1e-9:
                break
        elif (rounded < beside * 100) == (value < beside) and rounded != round(
            beside * 100, digits
        ):
            break
    text = f"{rounded:.{digits}f}".replace(".", ",")
    return f"{text}%"


def day(date: datetime.date) -> str:
    """A date as Dutch readers write it, with every digit of the year: ``05-03-0202``."""
    return f"{date.day:02d}-{date.month:02d}-{date.year:04d}"


def and_list(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``: a list as a Dutch sentence names it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"
