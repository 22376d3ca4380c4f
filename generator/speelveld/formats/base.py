"""What every format receives, and the escaping that keeps any input printable."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Severity
from ..ids import CONFIG_FILE

if TYPE_CHECKING:
    from ..report import Report

#: Where a finding without a file of its own points when nothing better is known.
SITE_FILE = "mkdocs.yml"


@dataclass(frozen=True, slots=True)
class Output:
    findings: list[Finding]
    fail_on: Severity
    #: The project's measure ids and file count, for formats that list what was checked.
    measures: tuple[str, ...] = ()
    files: int = 0
    #: Prepended to paths for tools that resolve them from the repository root.
    prefix: str = ""
    #: The file of each subject (``domain:economie`` -> ``domains/economie.yml``), relative
    #: to the project, for formats that need a file for every finding.
    sources: Mapping[str, str] = field(default_factory=dict)
    #: Whether the project has a ``speelveld.yml``, where portfolio findings then point.
    has_config: bool = False
    #: The portfolios whose findings are reported; none where no portfolio was judged (an
    #: import, a listing of input errors).
    portfolios: tuple[str, ...] = ()
    #: Per measure, its indirect effect on every domain; empty without interactions.
    indirect: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, report: Report, fail_on: Severity, *, prefix: str = "", portfolio: str = "plan"
    ) -> Output:
        """What the formats need of a checked project, with the findings of ``portfolio``."""
        project = report.project
        return cls(
            findings=report.selected(portfolio),
            fail_on=fail_on,
            measures=tuple(project.measures),
            files=len(project.files),
            prefix=prefix,
            sources={str(subject): doc.path for subject, doc in project.documents.items()},
            has_config=CONFIG_FILE in project.files,
            portfolios=tuple(p for p in report.portfolios if portfolio in ("all", p)),
            indirect=report.indirect,
        )

    def path(self, finding: Finding) -> str:
        return f"{self.prefix}{finding.path}" if finding.path else ""

    def failing(self, finding: Finding) -> bool:
        """Whether the finding fails the check: at ``fail_on`` or higher, and not accepted."""
        return finding.counts and finding.severity >= self.fail_on

    def anchor(self, finding: Finding) -> tuple[str, int, int]:
        """A file, line and column for every finding, also one about the whole portfolio.

        A finding without a path points at its subject's file, else at ``speelveld.yml``
        when the project has one, else at ``mkdocs.yml``; line and column are at least 1.
        """
        if finding.path:
            return self.path(finding), max(finding.line, 1), max(finding.column, 1)
        source = self.sources.get(str(finding.subject))
        if not source:
            source = CONFIG_FILE if self.has_config else SITE_FILE
        return f"{self.prefix}{source}", 1, 1


def rests_on(finding: Finding) -> str:
    """What the finding rests on, for the formats that are read by people; empty if nothing.

    ``berust op een aanname: meldpilot op normalisering +1 (zekerheid laag)``
    """
    if not finding.rests_on:
        return ""
    scores = "; ".join(
        f"{a.measure} op {a.domain} {a.score:+d}" if a.score else f"{a.measure} op {a.domain} 0"
        for a in finding.rests_on
    )
    return f"berust op een aanname: {scores} (zekerheid laag)"


def counts(findings: list[Finding]) -> dict[str, int]:
    """The findings per level, accepted ones apart: they count as ``accepted`` only."""
    counted = Counter(f.severity for f in findings if f.counts)
    levels = {level.label: counted[level] for level in sorted(Severity, reverse=True)}
    return levels | {"accepted": sum(not f.counts for f in findings)}


_SURROGATE = re.compile("[\ud800-\udfff]")


def dump_json(data: Any) -> str:
    """JSON that can be written as UTF-8 whatever it holds.

    Control characters are escaped by :mod:`json` itself; a lone surrogate (from a file
    name that is not UTF-8) is not, and could not be encoded, so it becomes ``\\udcff``.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
