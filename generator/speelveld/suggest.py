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
    """The candidates for a suggestion, indexed once for many look-ups.

    Every candidate is indexed under itself and each string one deletion away from it;
    a word one edit from a candidate (a letter deleted, added, replaced, or two letters
    swapped) shares one of those keys, so the near candidates of a word are found with
    as many look-ups as the word has letters, at any number of candidates. A word is
    looked up once: the answer is kept for the next time it is asked.
    """

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))
        self._longest = max(map(len, self.candidates), default=0)
        self._deletions: dict[str, list[str]] = defaultdict(list)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for candidate in self.candidates:
            for key in {candidate, *_deletions(candidate)}:
                self._deletions[key].append(candidate)
            self._buckets[(candidate[:2], len(candidate))].append(candidate)
        self._answers: dict[str, str | None] = {}

    def nearest(self, word: str) -> str | None:
        if word not in self._answers:
            self._answers[word] = self._nearest(word)
        return self._answers[word]

    def _nearest(self, word: str) -> str | None:
        if len(word) * CUTOFF > (2 - CUTOFF) * self._longest:
            return None  # too long to reach the cut-off against any candidate
        # Most typos are one letter off: looking those up is cheap at any size.
        keys = {word, *_deletions(word)}
        near = {c for key in keys for c in self._deletions.get(key, ()) if _one_edit_apart(word, c)}
        close = sorted(near)
        if close:
            return _closest(word, close) or close[0]
        if len(self.candidates) <= _FULL_COMPARISON:
            pool = self.candidates
        else:
            lengths = range(len(word) - 2, len(word) + 3)
            pool = [c for n in lengths for c in self._buckets.get((word[:2], n), ())]
        return _closest(word, pool)

    def hint(self, word: str) -> str:
        """`` Bedoelt u 'x'?`` or nothing."""
        match = self.nearest(word)
        return f" Bedoelt u '{match}'?" if match else ""


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _one_edit_apart(word: str, candidate: str) -> bool:
    """One deletion, insertion, replacement or swap of two neighbours turns one into the other."""
    if word == candidate:
        return False
    shorter, longer = sorted((word, candidate), key=len)
    if len(longer) - len(shorter) > 1:
        return False
    start = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    if len(shorter) != len(longer):
        return shorter[start:] == longer[start + 1 :]
    if shorter[start + 1 :] == longer[start + 1 :]:
        return True  # one replacement
    swapped = (
        start + 1 < len(word)
        and word[start] == candidate[start + 1]
        and word[start + 1] == candidate[start]
    )
    return swapped and word[start + 2 :] == candidate[start + 2 :]


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
    """`` Bedoelt u 'x'?`` or nothing, for a one-off look-up."""
    return Suggestions(candidates).hint(word)
