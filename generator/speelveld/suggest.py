"""Near-miss suggestions, so that a typo gets a "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.7)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Bedoelde je 'x'?`` or nothing."""
    match = nearest(word, candidates)
    return f" Bedoelde je '{match}'?" if match else ""
