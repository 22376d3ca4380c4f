"""The one immutable result of a check: what the renderers and formats read, nothing else."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .agreement import Agreement
from .coverage import Coverage
from .findings import Assumption, Finding, PortfolioAcceptance, Subject
from .model import IN_FORCE_PORTFOLIO, PLAN_PORTFOLIO, Measure
from .project import Project

if TYPE_CHECKING:
    from .compare import Comparison


#: The policy in force where the options are compared: the option of changing nothing, as
#: the Beleidskompas names it.
NULOPTIE = "Nuloptie (geldend beleid)"


@dataclass(frozen=True, slots=True)
class Portfolio:
    """A set of measures judged as a whole: the policy in force, the plan, or a scenario."""

    id: str
    title: str
    measures: tuple[str, ...]
    coverage: Coverage
    #: The findings of the portfolio rules for this set, accepted ones included.
    findings: tuple[Finding, ...]
    #: Findings this set lacks that a single move of an assumed score would bring, by
    #: (rule, subject, pointer): what it solves only as long as those assumptions hold.
    fragile: Mapping[tuple[str, Subject, str], tuple[Assumption, ...]] = field(default_factory=dict)

    @property
    def option_title(self) -> str:
        """Its title beside the other options: the policy in force is the nuloptie."""
        return NULOPTIE if self.id == IN_FORCE_PORTFOLIO else self.title


@dataclass(frozen=True, slots=True)
class Report:
    """A project as checked: its findings, its portfolios, and what changed since before."""

    project: Project
    #: Every finding: input, measure and portfolio findings, sorted by place.
    findings: tuple[Finding, ...]
    #: ``in-force``, ``plan`` and every scenario, in that order.
    portfolios: Mapping[str, Portfolio]
    #: Whether measures marked ``visibility: internal`` are part of it.
    internal: bool = True
    #: The day the report was made for: it decided which acceptances have expired.
    today: datetime.date = datetime.date.min
    #: The executive's decisions about findings of the portfolio rules, in matching order.
    acceptances: tuple[PortfolioAcceptance, ...] = ()
    #: How much the scorers agree, where enough effects have several.
    agreement: Agreement | None = None
    comparison: Comparison | None = None
    #: Why there is no comparison, for readers; empty when there is one.
    comparison_note: str = ""
    #: Per measure, its indirect effect on every domain through the interactions between
    #: domains (:mod:`speelveld.interactions`); empty without interactions.
    indirect: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def plan(self) -> Portfolio:
        return self.portfolios[PLAN_PORTFOLIO]

    @property
    def coverage(self) -> Coverage:
        """The plan's coverage: every measure that is in force or proposed."""
        return self.plan.coverage

    def measures_of(self, portfolio: Portfolio) -> list[Measure]:
        return [self.project.measures[m] for m in portfolio.measures]

    def findings_of(self, portfolio: Portfolio) -> list[Finding]:
        """What a portfolio leaves to solve: its own findings and those of its measures."""
        members = set(portfolio.measures)
        of_measures = [
            f
            for f in self.findings
            if not f.portfolio and f.subject.kind == "measure" and f.subject.id in members
        ]
        return sorted([*portfolio.findings, *of_measures])

    def selected(self, portfolio: str) -> list[Finding]:
        """The findings about single files and measures, plus those of ``portfolio``.

        ``all`` selects every portfolio's findings.
        """
        return [
            f
            for f in self.findings
            if not f.portfolio or portfolio == "all" or f.portfolio == portfolio
        ]
