"""Near-miss suggestions, so that a typo gets a "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: Above this many candidates only those of about the same length and first letter are
#: compared, which keeps a suggestion cheap in a project with thousands of ids.
_FULL_COMPARISON = 200


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    pool = list(candidates)
    if len(pool) > _FULL_COMPARISON:
        pool = [c for c in pool if c[:1] == word[:1] and abs(len(c) - len(word)) <= 3]
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.7)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Bedoelde je 'x'?`` or nothing."""
    match = nearest(word, candidates)
    return f" Bedoelde je '{match}'?" if match else ""
