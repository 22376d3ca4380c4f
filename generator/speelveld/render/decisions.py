"""What the executive decides between: the policy in force, the plan and every scenario.

Each sentence of "In het kort", of the comparison of options and of a scenario's page
comes from here, and everything here from the report: the problems each option solves,
keeps and brings, the governance points as the rules judge the policy in force, and the
decisions that run out. A problem is an open finding of the portfolio rules, of warning
level or higher: what the option as a whole leaves to solve, a handful whatever the size of
the project. The findings of single measures and the notes (a partner that takes no part)
are counted, never listed. Nothing is ranked by level alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ..findings import Finding, Severity, Subject
from ..model import IN_FORCE_PORTFOLIO, PLAN_PORTFOLIO, Measure
from ..report import Portfolio, Report

#: How far ahead the summary looks for acceptances that run out.
EXPIRY_HORIZON = datetime.timedelta(days=365)

ProblemKey = tuple[str, Subject, str]


def problem_key(finding: Finding) -> ProblemKey:
    """What stays the same of a problem from one option to another: rule, subject, spot."""
    return (finding.code, finding.subject, finding.pointer)


def problems(portfolio: Portfolio) -> dict[ProblemKey, Finding]:
    """The open problems of an option as a whole: warnings and errors of the portfolio rules."""
    return {
        problem_key(f): f for f in portfolio.findings if f.counts and f.severity >= Severity.WARNING
    }


def solved(finding: Finding, remaining: dict[ProblemKey, Finding]) -> bool:
    """Whether a problem is gone from ``remaining``: not there itself, and not replaced by a
    problem as grave or graver about the same subject (an underserved domain that becomes
    uncovered is not solved)."""
    if problem_key(finding) in remaining:
        return False
    return not any(
        other.subject == finding.subject and other.severity >= finding.severity
        for other in remaining.values()
    )


def troubled_measures(report: Report, portfolio: Portfolio) -> list[str]:
    """The option's measures with an open warning or error of their own, in order."""
    return list(
        dict.fromkeys(
            f.subject.id
            for f in report.findings_of(portfolio)
            if not f.portfolio and f.counts and f.severity >= Severity.WARNING
        )
    )


def notes(report: Report, portfolio: Portfolio) -> int:
    """How many open notes an option has, such as partners that take no part."""
    return sum(f.counts and f.severity is Severity.INFO for f in report.findings_of(portfolio))


@dataclass(frozen=True, slots=True)
class Change:
    """Going from one option to another: what it adds, stops, solves, keeps and brings."""

    before: Portfolio
    after: Portfolio
    adds: tuple[Measure, ...]
    stops: tuple[Measure, ...]
    solved: tuple[Finding, ...]
    kept: tuple[Finding, ...]
    new: tuple[Finding, ...]
    #: The number of open notes after, minus before.
    notes: int
    #: How many measures have a warning or error of their own, before and after.
    troubled: tuple[int, int]


def change(report: Report, before: Portfolio, after: Portfolio) -> Change:
    measures = report.project.measures
    old, new = problems(before), problems(after)
    # Sets, not the tuples: a look-up in a tuple would make this quadratic in the measures.
    had, has = set(before.measures), set(after.measures)
    return Change(
        before,
        after,
        adds=tuple(measures[m] for m in after.measures if m not in had),
        stops=tuple(measures[m] for m in before.measures if m not in has),
        solved=tuple(f for f in old.values() if solved(f, new)),
        kept=tuple(f for k, f in new.items() if k in old),
        new=tuple(f for k, f in new.items() if k not in old),
        notes=notes(report, after) - notes(report, before),
        troubled=(
            len(troubled_measures(report, before)),
            len(troubled_measures(report, after)),
        ),
    )


def already_open(report: Report, found: Iterable[Finding]) -> tuple[Finding, ...]:
    """Those of ``found`` that the policy in force has as well: problems that one option
    keeps open where another solves them, rather than brings."""
    in_force = problems(report.portfolios[IN_FORCE_PORTFOLIO])
    return tuple(f for f in found if problem_key(f) in in_force)


def options(report: Report) -> list[Portfolio]:
    """The options to decide between: the plan and every scenario."""
    return [p for p in report.portfolios.values() if p.id != IN_FORCE_PORTFOLIO]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A problem of the policy in force, with the options that solve it and those that keep it."""

    finding: Finding
    solved_by: tuple[Portfolio, ...]
    kept_by: tuple[Portfolio, ...]


def verdicts(report: Report) -> list[Verdict]:
    """Per open problem of the policy in force: which option solves it and which does not."""
    in_force = problems(report.portfolios[IN_FORCE_PORTFOLIO])
    open_in = {option.id: problems(option) for option in options(report)}
    return [
        Verdict(
            finding,
            tuple(o for o in options(report) if solved(finding, open_in[o.id])),
            tuple(o for o in options(report) if not solved(finding, open_in[o.id])),
        )
        for finding in in_force.values()
    ]


def unsolved(report: Report) -> list[Finding]:
    """Problems that every option has: no choice between them solves these."""
    choices = options(report)
    if not choices:
        return []
    open_in = [problems(option) for option in choices]
    return [f for key, f in open_in[0].items() if all(key in other for other in open_in[1:])]


@dataclass(frozen=True, slots=True)
class PointCheck:
    """A governance point of the project's framework, as the rules judge the policy in force."""

    title: str
    rules: tuple[str, ...]
    #: ``holds``, ``fails``, or ``untested`` when no rule that tests it runs.
    state: str
    findings: tuple[Finding, ...]
    #: The measures that carry the point out, as the framework names them.
    measures: tuple[str, ...] = ()


def point_checks(report: Report, tested: Iterable[str]) -> list[PointCheck]:
    """Every governance point with its verdict on the policy in force.

    ``tested`` are the rules that run in this project: enabled, and applicable (the rule
    about police hours only where hours are part of the project).
    """
    framework = report.project.config.framework
    if framework is None:
        return []
    running = set(tested)
    in_force = problems(report.portfolios[IN_FORCE_PORTFOLIO])
    checks = []
    for point in framework.governance_points:
        rules = tuple(r for r in point.rules if r in running)
        found = tuple(f for f in in_force.values() if f.code in rules)
        state = "untested" if not rules else "fails" if found else "holds"
        checks.append(PointCheck(point.title, rules, state, found, tuple(point.measures)))
    return checks


def expiring(report: Report) -> list[Finding]:
    """Accepted findings whose acceptance ends within a year: a decision to take again.

    One finding per decision, though a decision may accept a finding in several options.
    """
    horizon = report.today + EXPIRY_HORIZON
    seen: dict[tuple[str, int], Finding] = {}
    for finding in report.findings:
        accepted = finding.accepted
        if accepted is not None and accepted.until is not None and accepted.until <= horizon:
            seen.setdefault((accepted.path, accepted.line), finding)
    return list(seen.values())


def in_force(report: Report) -> Portfolio:
    return report.portfolios[IN_FORCE_PORTFOLIO]


def plan(report: Report) -> Portfolio:
    return report.portfolios[PLAN_PORTFOLIO]
