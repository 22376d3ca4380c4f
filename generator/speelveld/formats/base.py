"""What every format receives."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Output:
    findings: list[Finding]
    fail_on: Severity
    #: The project's measure ids and file count, for formats that list what was checked.
    measures: tuple[str, ...] = ()
    files: int = 0
    #: Prepended to paths for tools that resolve them from the repository root.
    prefix: str = ""

    def path(self, finding: Finding) -> str:
        return f"{self.prefix}{finding.path}" if finding.path else ""

    def failing(self, finding: Finding) -> bool:
        return finding.severity >= self.fail_on


def counts(findings: list[Finding]) -> dict[str, int]:
    counted = Counter(f.severity for f in findings)
    return {level.label: counted[level] for level in sorted(Severity, reverse=True)}
