"""What a finding rests on: the assumed scores whose move by one step would change it.

A score with ``confidence: low`` is an assumption. For each such score of a portfolio's
measures, this module moves it one step down and one step up (within -3..+3), runs the
rules that read scores again on that one change, and notes which findings vanish (the
finding *rests on* that score) and which appear (a problem that is solved only as long as
that score holds). The measure rules that read scores are run again on the one measure.

Linear in measures times domains: moving one score changes the coverage in time linear in
the domains (:func:`coverage.with_score`), only the rules that read scores run again, a
portfolio is only tried when it has a finding of such a rule, or lacks one that another
portfolio has, and it tries each domain and score once, however many measures score it so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from .coverage import with_score
from .findings import Assumption, Finding, Subject
from .model import Effect, Measure
from .project import Project
from .rules import Context, Rule
from .rules.base import known_effects

#: A finding as it stays the same when a score moves: rule, subject, spot and domain, since
#: one spot (an instrument of a measure) can hold findings about several domains.
Key = tuple[str, Subject, str, str]
#: A problem as the options are compared on it: rule, subject, spot.
ProblemKey = tuple[str, Subject, str]

#: The confidence that makes a score an assumption.
ASSUMED = "low"
#: The scale a moved score stays on.
LOWEST, HIGHEST = -3, 3


def key(finding: Finding) -> Key:
    return (finding.code, finding.subject, finding.pointer, finding.domain)


def _assumed(
    context: Context, measures: Iterable[Measure]
) -> Iterator[tuple[Measure, str, Effect]]:
    for measure in measures:
        for domain, effect in known_effects(context, measure):
            if effect.confidence == ASSUMED:
                yield measure, domain, effect


def _moves(score: int) -> Iterator[int]:
    yield from (moved for moved in (score - 1, score + 1) if LOWEST <= moved <= HIGHEST)


def _found(rules: Iterable[Rule], context: Context) -> set[Key]:
    return {
        (rule.id, problem.subject, ".".join(map(str, problem.pointer)), problem.concerns)
        for rule in rules
        for problem in rule.check(context)
    }


def _moved(
    rules: list[Rule],
    context: Context,
    domain: str,
    score: int,
    base: set[Key],
    elsewhere: set[Key],
) -> tuple[set[Key], set[Key]]:
    """What moving one score of ``domain`` from ``score`` one step either way does to the
    findings of a portfolio: those of ``base`` that vanish, those of ``elsewhere`` that
    appear."""
    vanished: set[Key] = set()
    appeared: set[Key] = set()
    for moved in _moves(score):
        trial = replace(context, coverage=with_score(context.coverage, domain, score, moved))
        found = _found(rules, trial)
        vanished |= base - found
        appeared |= (found - base) & elsewhere
    return vanished, appeared


def in_portfolios(
    project: Project,
    contexts: Mapping[str, Context],
    findings: list[Finding],
    rules: list[Rule],
) -> tuple[
    dict[tuple[str, Key], list[Assumption]], dict[str, dict[ProblemKey, tuple[Assumption, ...]]]
]:
    """Per (portfolio, finding): the assumptions it rests on; per portfolio: the findings
    that a single move of one assumption would bring."""
    scored = {rule.id for rule in rules}
    present: dict[str, set[Key]] = defaultdict(set)
    for finding in findings:
        if finding.portfolio and finding.code in scored:
            present[finding.portfolio].add(key(finding))
    anywhere = set().union(*present.values()) if present else set()
    rests: dict[tuple[str, Key], list[Assumption]] = defaultdict(list)
    fragile: dict[str, dict[ProblemKey, tuple[Assumption, ...]]] = {}
    for portfolio, context in contexts.items():
        base = present.get(portfolio, set())
        elsewhere = anywhere - base
        if not base and not elsewhere:
            continue
        brought: dict[ProblemKey, list[Assumption]] = defaultdict(list)
        # What a move finds depends only on the domain and the score moved, not on the
        # measure: the measures that score a domain alike share one trial.
        tried: dict[tuple[str, int], tuple[set[Key], set[Key]]] = {}
        for measure, domain, effect in _assumed(context, context.measures):
            assumption = Assumption(measure.id, domain, effect.score, ASSUMED)
            changed = tried.get((domain, effect.score))
            if changed is None:
                changed = tried[(domain, effect.score)] = _moved(
                    rules, context, domain, effect.score, base, elsewhere
                )
            vanished, appeared = changed
            for gone in vanished:
                rests[(portfolio, gone)].append(assumption)
            for code, subject, pointer, _ in appeared:
                brought[(code, subject, pointer)].append(assumption)
        fragile[portfolio] = {k: tuple(v) for k, v in brought.items()}
    return rests, fragile


def in_measures(
    project: Project, context: Context, findings: list[Finding], rules: list[Rule]
) -> dict[Key, list[Assumption]]:
    """Per finding of a measure rule that reads scores: the assumptions of that measure it
    rests on."""
    scored = {rule.id for rule in rules}
    base: dict[str, set[Key]] = defaultdict(set)
    for finding in findings:
        if not finding.portfolio and finding.subject.kind == "measure" and finding.code in scored:
            base[finding.subject.id].add(key(finding))
    rests: dict[Key, list[Assumption]] = defaultdict(list)
    measures = [m for m in context.measures if m.id in base]
    for measure, domain, effect in _assumed(context, measures):
        vanished: set[Key] = set()
        # Only a rule that found something can make it vanish: the others are not run again.
        found_by = {code for code, *_ in base[measure.id]}
        again = [rule for rule in rules if rule.id in found_by]
        for moved in _moves(effect.score):
            effects = {**measure.effects, domain: effect.model_copy(update={"score": moved})}
            trial = replace(context, measures=[measure.model_copy(update={"effects": effects})])
            vanished |= base[measure.id] - _found(again, trial)
        for gone in vanished:
            rests[gone].append(Assumption(measure.id, domain, effect.score, ASSUMED))
    return rests
