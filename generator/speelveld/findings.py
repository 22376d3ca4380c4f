"""The one record every stage reports problems with."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Ordered so that the highest level found decides the exit status."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem at a place in the project.

    ``path`` is relative to the project root with forward slashes; it is empty
    for a finding about the portfolio as a whole, which then has line 0.
    ``pointer`` names the spot inside the entity (``effects.preventie``)
    so that a finding keeps its identity when lines move between versions.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    subject: str = ""
    pointer: str = ""

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What stays the same when unrelated lines are edited."""
        return (self.code, self.subject, self.path, self.pointer)

    @property
    def location(self) -> str:
        if not self.path:
            return "(portefeuille)"
        return f"{self.path}:{self.line}:{self.column}"


def highest(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)
