"""The one record every stage reports problems with, and what it is about."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that the highest level found decides the exit status."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The level as JSON, SARIF and the configuration write it: ``error``."""
        return self.name.lower()

    @property
    def word(self) -> str:
        """The level as a Dutch reader says it: ``fout``."""
        return WORDS[self][0]

    @property
    def words(self) -> str:
        """The plural: ``fouten``."""
        return WORDS[self][1]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


#: Each level in Dutch, singular and plural.
WORDS = {
    Severity.ERROR: ("fout", "fouten"),
    Severity.WARNING: ("waarschuwing", "waarschuwingen"),
    Severity.INFO: ("melding", "meldingen"),
}


@dataclass(frozen=True, slots=True, order=True)
class Subject:
    """What a finding is about: an entity (``measure``, ``meldpilot``), or the portfolio.

    Written as ``measure:meldpilot`` in reports; ``portfolio`` is the portfolio as a
    whole and the configuration file that shapes it; an empty kind is no subject at all.
    """

    kind: str = ""
    id: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}" if self.id else self.kind

    @classmethod
    def parse(cls, text: str) -> Subject:
        kind, _, entity_id = text.partition(":")
        return cls(kind, entity_id)


#: The portfolio as a whole: findings about no single entity, and ``speelveld.yml``.
PORTFOLIO = Subject("portfolio")
#: The interactions between the domains: ``interactions.yml``.
INTERACTIONS = Subject("interactions")


def expired(until: datetime.date | None, today: datetime.date) -> bool:
    """Whether a decision that holds ``until`` a day has run out by ``today``."""
    return until is not None and until < today


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A decision to accept a finding knowingly: who decided, what, when, until when."""

    rule: str
    by: str
    decision: str
    date: datetime.date
    until: datetime.date | None = None
    #: Where the decision is recorded: the measure's file or ``speelveld.yml``.
    path: str = ""
    line: int = 0
    column: int = 0
    #: What readers call who decided: the partner's name.
    by_name: str = ""

    @property
    def author(self) -> str:
        """Who decided, by name where the partner has one."""
        return self.by_name or self.by

    def expired(self, today: datetime.date) -> bool:
        return expired(self.until, today)

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "rule": self.rule,
            "by": self.by,
            "by_name": self.author,
            "decision": self.decision,
            "date": self.date.isoformat(),
            "until": self.until.isoformat() if self.until else None,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }


@dataclass(frozen=True, slots=True, order=True)
class Assumption:
    """A score scored with little certainty, on which a finding rests: moved by one step
    (up or down), it would make the finding disappear."""

    measure: str
    domain: str
    score: int
    confidence: str = "low"

    def as_dict(self) -> dict[str, str | int]:
        return {
            "measure": self.measure,
            "domain": self.domain,
            "score": self.score,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class PortfolioAcceptance:
    """A decision about findings of the portfolio rules, as it matches them.

    Kept in the report so that a set of measures judged later (the what-if page in the
    browser) applies the same decisions in the same order: the first entry that matches
    a finding decides, and an entry past its ``until`` accepts nothing.
    """

    rule: str
    subject: Subject
    #: Only the finding about this domain; ``None`` for any.
    domain: str | None
    #: Only in this portfolio; ``None`` for every one.
    portfolio: str | None
    in_effect: bool


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem at a place in the project.

    ``path`` is relative to the project root with forward slashes; it is empty
    for a finding about the portfolio as a whole, which then has line 0.
    ``pointer`` names the spot inside the entity (``effects.preventie``)
    so that a finding keeps its identity when lines move between versions.
    ``portfolio`` is the set of measures a portfolio rule judged (``in-force``,
    ``plan`` or a scenario's id); empty for findings about a single file or measure.
    ``accepted`` is the decision that accepts this finding, if one does.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    subject: Subject = Subject()
    pointer: str = ""
    portfolio: str = ""
    #: The domain the finding concerns, when it concerns one.
    domain: str = ""
    accepted: Acceptance | None = field(default=None, compare=False)
    #: The assumed scores it rests on; empty when no single such score decides it.
    rests_on: tuple[Assumption, ...] = field(default=(), compare=False)

    @property
    def identity(self) -> tuple[str, str, str, str, str]:
        """What stays the same when unrelated lines are edited."""
        return (self.code, str(self.subject), self.path, self.pointer, self.portfolio)

    @property
    def location(self) -> str:
        if not self.path:
            return "(portefeuille)"
        return f"{self.path}:{self.line}:{self.column}"

    @property
    def counts(self) -> bool:
        """Whether the finding counts towards levels and ``--fail-on``: not if accepted."""
        return self.accepted is None
