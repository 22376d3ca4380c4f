"""One way through: load and validate once, keep what the audience may see, analyse every
portfolio, compare with the earlier version; the result is one immutable :class:`Report`.

Everything after this module (formats, pages, the plugin) reads the report and nothing
else: no renderer loads, analyses or runs git.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from . import acceptance, collector, interactions
from .agreement import agreement
from .analysis import analyse
from .audience import for_audience
from .compare import Comparison, VersionNotFound, compare, version
from .loader import Early, ParseCache
from .project import NotAProject, load_project
from .report import Report
from .validate import at_most_per_file

__all__ = ["NotAProject", "Report", "check", "compare_versions"]


def check(
    root: Path,
    *,
    internal: bool = True,
    compare_with: bool = False,
    cache: ParseCache | None = None,
    today: datetime.date | None = None,
    early: Early | None = None,
) -> Report:
    """The report of the project in ``root``; raises :class:`NotAProject` only for usage problems.

    ``internal`` keeps measures marked internal; ``compare_with`` compares with the
    version the configuration names; ``cache`` keeps parsed files for the next check of
    the same project; ``today`` decides which acceptances have expired; ``early`` is a load
    begun before this module was imported (:func:`loader.begin`).
    """
    day = today or datetime.date.today()
    report = _report(root, internal=internal, cache=cache, today=day, early=early)
    spec = report.project.config.compare_with
    if not compare_with or spec is None:
        return report
    beside = root / spec  # a folder is read relative to the project
    try:
        with version(str(beside) if beside.is_dir() else spec, root) as folder:
            base = _report(folder, internal=internal, cache=None, today=day)
    except (VersionNotFound, NotAProject) as problem:
        reason = problem.reason if isinstance(problem, NotAProject) else str(problem)
        note = f"De vergelijking met '{spec}' kon niet worden gemaakt: {reason}."
        return replace(report, comparison_note=note)
    return replace(report, comparison=compare(base, report, spec, "deze versie"))


def _report(
    root: Path,
    *,
    internal: bool,
    cache: ParseCache | None,
    today: datetime.date,
    early: Early | None = None,
) -> Report:
    with collector.paused():
        project, loaded = load_project(root, cache, early)
        project, loaded = for_audience(project, at_most_per_file(loaded), internal=internal)
        indirect = interactions.of_measures(
            project.interaction_scores, project.domains, project.measures.values()
        )
        portfolios, findings = analyse(project, loaded, today, indirect)
    return Report(
        project,
        tuple(findings),
        portfolios,
        internal=internal,
        today=today,
        acceptances=acceptance.about_portfolios(project, today),
        agreement=agreement(list(project.measures.values())),
        indirect=indirect,
    )


def compare_versions(
    base_spec: str, head_spec: str | None, root: Path, *, today: datetime.date | None = None
) -> Comparison:
    """Check both versions and compare them; ``head_spec`` None is the project as it is."""
    day = today or datetime.date.today()
    with version(base_spec, root) as base_dir:
        base = _report(base_dir, internal=True, cache=None, today=day)
    if head_spec is None:
        head = _report(root, internal=True, cache=None, today=day)
    else:
        with version(head_spec, root) as head_dir:
            head = _report(head_dir, internal=True, cache=None, today=day)
    return compare(base, head, base_spec, head_spec or "werkmap")
