"""Findings the executive accepts knowingly: marked, not hidden, and never forgotten.

A measure lists ``accepted`` entries for its own findings; ``speelveld.yml`` lists them
for findings about the portfolio, with the ``subject`` they concern. A finding that an
entry matches keeps its code and level but is marked accepted, so it no longer counts.
After ``until`` the entry stops working and the finding returns, saying so. An entry
that matches nothing is itself reported: decisions about problems that are gone should
not pile up.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace

from .codes import UNUSED_ACCEPTANCE
from .findings import (
    PORTFOLIO,
    Acceptance,
    Finding,
    PortfolioAcceptance,
    Severity,
    Subject,
    expired,
)
from .model import Accepted
from .project import Project
from .words import day


@dataclass(frozen=True, slots=True)
class _Entry:
    """One ``accepted`` entry, with where it stands and what it applies to."""

    owner: Subject  # the measure, or the portfolio for speelveld.yml
    index: int
    accepted: Accepted
    subject: Subject
    portfolio: str | None = None

    def matches(self, finding: Finding) -> bool:
        wanted = self.accepted
        return (
            finding.code == wanted.rule
            and finding.subject == self.subject
            and (wanted.domain is None or wanted.domain == finding.domain)
            and (self.portfolio is None or self.portfolio == finding.portfolio)
        )


def _all_entries(project: Project) -> list[_Entry]:
    """Every entry, valid or not: those of each measure, then those of the portfolio."""
    entries = [
        _Entry(Subject("measure", measure.id), index, accepted, Subject("measure", measure.id))
        for measure in project.measures.values()
        for index, accepted in enumerate(measure.accepted)
    ]
    entries += [
        _Entry(PORTFOLIO, index, entry, Subject.parse(entry.subject), entry.portfolio)
        for index, entry in enumerate(project.config.accepted)
    ]
    return entries


def _entries(project: Project, today: datetime.date) -> Iterator[_Entry]:
    """Every entry made by the executive, dated possibly: one by anyone else, or dated in
    the future, or ending before it begins, is an input error and accepts nothing."""
    for entry in _all_entries(project):
        partner = project.stakeholders.get(entry.accepted.by)
        if partner is None or partner.sector != "bestuur":
            continue
        if not any(_date_problems(entry.accepted, today)):
            yield entry


def _date_problems(accepted: Accepted, today: datetime.date) -> Iterator[tuple[str, str]]:
    """(field, message) for each date of an entry that cannot be right ``today``."""
    if accepted.date > today:
        yield (
            "date",
            f"het besluit is gedateerd op {day(accepted.date)}, na vandaag ({day(today)}): "
            "een besluit dat nog niet is genomen, aanvaardt niets. Schrijf de datum waarop "
            "het is genomen",
        )
    if accepted.until is not None and accepted.until < accepted.date:
        yield (
            "until",
            f"until ({day(accepted.until)}) ligt voor date ({day(accepted.date)}): het besluit "
            "zou zijn verlopen voordat het werd genomen. Schrijf bij until de laatste dag "
            "waarop het besluit geldt",
        )


def date_findings(project: Project, today: datetime.date) -> list[Finding]:
    """An input error at each date of an ``accepted`` entry that cannot be right ``today``."""
    return [
        project.finding(
            entry.owner, ("accepted", entry.index, field), "schema", Severity.ERROR, message
        )
        for entry in _all_entries(project)
        for field, message in _date_problems(entry.accepted, today)
    ]


def apply(
    project: Project,
    findings: list[Finding],
    today: datetime.date,
    *,
    portfolios_checked: bool,
    paused: Collection[Subject] = (),
) -> list[Finding]:
    """``findings`` with every accepted one marked, plus a finding for each unused entry.

    Entries about the portfolio are only reported unused when the portfolio rules ran,
    those of a measure only when its rules ran (it is not in ``paused``).
    """
    entries = list(_entries(project, today))
    used: set[tuple[Subject, int]] = set()
    result = []
    for finding in findings:
        entry = next((e for e in entries if e.matches(finding)), None)
        if entry is not None:
            used.add((entry.owner, entry.index))
            finding = _marked(project, finding, entry, today)
        result.append(finding)
    for entry in entries:
        if (entry.owner, entry.index) in used:
            continue
        if entry.owner == PORTFOLIO and not portfolios_checked:
            continue
        if entry.owner in paused:
            continue
        result.append(_unused(project, entry))
    return result


def _marked(project: Project, finding: Finding, entry: _Entry, today: datetime.date) -> Finding:
    accepted = entry.accepted
    path, mark = project.where(entry.owner, ("accepted", entry.index))
    decision = Acceptance(
        accepted.rule,
        accepted.by,
        accepted.decision,
        accepted.date,
        accepted.until,
        path,
        mark.line,
        mark.column,
        by_name=project.name_of(Subject("stakeholder", accepted.by)),
    )
    if not decision.expired(today):
        return replace(finding, accepted=decision)
    assert accepted.until is not None  # only a decision with an end date expires
    note = (
        f" (aanvaard door {decision.author} op {day(accepted.date)} tot {day(accepted.until)}; "
        "die aanvaarding is verlopen)"
    )
    return replace(finding, message=finding.message + note)


def _unused(project: Project, entry: _Entry) -> Finding:
    accepted = entry.accepted
    about = f" over '{accepted.domain}'" if accepted.domain else ""
    where = "" if entry.owner != PORTFOLIO else f" voor {entry.subject}"
    message = (
        f"het besluit om {accepted.rule}{about}{where} te aanvaarden past op geen enkele "
        "bevinding meer; verwijder het, of pas het aan als het iets anders bedoelt"
    )
    return project.finding(
        entry.owner, ("accepted", entry.index), UNUSED_ACCEPTANCE, Severity.WARNING, message
    )


def about_portfolios(project: Project, today: datetime.date) -> tuple[PortfolioAcceptance, ...]:
    """The entries that can match a finding of the portfolio rules, in the order they match."""
    return tuple(
        PortfolioAcceptance(
            entry.accepted.rule,
            entry.subject,
            entry.accepted.domain,
            entry.portfolio,
            in_effect=not expired(entry.accepted.until, today),
        )
        for entry in _entries(project, today)
        if entry.owner == PORTFOLIO
    )
