"""Dutch words that depend on a number, shared by every message, format and page."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """``1 fout``, ``2 fouten``: the number with the right form of the noun."""
    return f"{count} {one if count == 1 else many}"
