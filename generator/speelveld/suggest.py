"""Near-miss suggestions, so that a typo gets a "did you mean"."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.7
#: Above this many candidates only those that start with the same two letters and have
#: about the same length are compared, which keeps a suggestion cheap among thousands of
#: ids (a typo in the first two letters then goes without a suggestion).
_FULL_COMPARISON = 200
_SHORTLIST = 10


class Suggestions:
    """The candidates for a suggestion, indexed once for many look-ups."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(candidates)
        self._set = set(self.candidates)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for candidate in self.candidates:
            self._buckets[(candidate[:2], len(candidate))].append(candidate)

    def nearest(self, word: str) -> str | None:
        # Most typos are one letter off: looking those up is cheap at any size.
        close = sorted(self._set.intersection(_one_edit(word)))
        if close:
            return _closest(word, close) or close[0]
        if len(self.candidates) <= _FULL_COMPARISON:
            pool = self.candidates
        else:
            lengths = range(len(word) - 2, len(word) + 3)
            pool = [c for n in lengths for c in self._buckets.get((word[:2], n), ())]
        return _closest(word, pool)

    def hint(self, word: str) -> str:
        """`` Bedoelde je 'x'?`` or nothing."""
        match = self.nearest(word)
        return f" Bedoelde je '{match}'?" if match else ""


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_"


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _ALPHABET),
        *(a + c + b for a, b in splits for c in _ALPHABET),
    }


def _closest(word: str, pool: list[str]) -> str | None:
    """As difflib.get_close_matches, with only the quickest matches compared in full."""
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    quick = []
    for candidate in pool:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
            quick.append((matcher.quick_ratio(), candidate))
    best: tuple[float, str] | None = None
    for _, candidate in heapq.nlargest(_SHORTLIST, quick):
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= CUTOFF and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Bedoelde je 'x'?`` or nothing, for a one-off look-up."""
    return Suggestions(candidates).hint(word)
