"""What a publication shows: the public part of the portfolio, and what changed.

A public build leaves measures marked ``visibility: internal`` out of everything, so
the analysis runs again without them: no count or share betrays that they exist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..analysis import Report, analyse
from ..codes import INPUT_CODES
from ..compare import Comparison


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the configured earlier version; a note where it is unknown."""

    comparison: Comparison | None = None
    note: str = "Er is geen eerdere versie ingesteld om mee te vergelijken."


def public(report: Report) -> Report:
    """The report without internal measures: analysed again, so no count betrays them."""
    hidden = {m for m, measure in report.project.measures.items() if measure.visibility != "public"}
    if not hidden:
        return report
    project = replace(
        report.project,
        measures={m: v for m, v in report.project.measures.items() if m not in hidden},
        documents={
            s: d
            for s, d in report.project.documents.items()
            if s.removeprefix("measure:") not in hidden or not s.startswith("measure:")
        },
    )
    hidden_paths = {report.project.documents[f"measure:{m}"].path for m in hidden}
    kept = [f for f in report.findings if f.code in INPUT_CODES and f.path not in hidden_paths]
    coverage, analysed = analyse(project)
    return Report(project, coverage, sorted(kept + analysed))
