"""Who the report is for: a public report knows nothing of measures marked internal.

The filter runs before the analysis, so no count, share or finding betrays that an
internal measure exists; a scenario that adopts or stops one simply lacks it.
"""

from __future__ import annotations

from dataclasses import replace

from .findings import Finding
from .project import Project


def for_audience(
    project: Project, findings: list[Finding], *, internal: bool
) -> tuple[Project, list[Finding]]:
    """The project and its load findings as ``internal`` or public readers may see them."""
    hidden = {m for m, measure in project.measures.items() if measure.visibility != "public"}
    if internal or not hidden:
        return project, findings
    hidden_paths = {
        doc.path for s, doc in project.documents.items() if s.kind == "measure" and s.id in hidden
    }
    public = replace(
        project,
        measures={m: v for m, v in project.measures.items() if m not in hidden},
        scenarios={
            s: scenario.model_copy(
                update={
                    "adopt": [m for m in scenario.adopt if m not in hidden],
                    "stop": [m for m in scenario.stop if m not in hidden],
                }
            )
            for s, scenario in project.scenarios.items()
        },
        documents={
            s: doc
            for s, doc in project.documents.items()
            if not (s.kind == "measure" and s.id in hidden)
        },
        files=[f for f in project.files if f not in hidden_paths],
    )
    return public, [f for f in findings if f.path not in hidden_paths]
