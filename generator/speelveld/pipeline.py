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
from .compare import Comparison, VersionNotFound, commit_of, compare, version
from .loader import Early, ParseCache
from .reader import NotAProject, load_project
from .report import Report
from .validate import at_most_per_file

__all__ = ["BaseCache", "NotAProject", "Report", "check", "compare_versions"]


class BaseCache:
    """The report of the earlier version that ``compare_with`` names, kept between rebuilds
    (``mkdocs serve``) by the commit it was made from: an unchanged base is neither
    extracted, parsed nor analysed again. One entry; a folder is never kept (it can change)."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._report: Report | None = None

    def get(self, key: tuple[object, ...]) -> Report | None:
        return self._report if key == self._key else None

    def put(self, key: tuple[object, ...], report: Report) -> None:
        self._key, self._report = key, report


def check(
    root: Path,
    *,
    internal: bool = True,
    compare_with: bool = False,
    cache: ParseCache | None = None,
    bases: BaseCache | None = None,
    today: datetime.date | None = None,
    early: Early | None = None,
) -> Report:
    """The report of the project in ``root``; raises :class:`NotAProject` only for usage problems.

    ``internal`` keeps measures marked internal; ``compare_with`` compares with the
    version the configuration names; ``cache`` keeps parsed files for the next check of
    the same project, ``bases`` the report of that earlier version; ``today`` decides which
    acceptances have expired (by default the date in the project's time zone); ``early`` is
    a load begun before this module was imported (:func:`loader.begin`).
    """
    report = _report(root, internal=internal, cache=cache, today=today, early=early)
    day = report.today
    spec = report.project.config.compare_with
    if not compare_with or spec is None:
        return report
    beside = root / spec  # a folder is read relative to the project
    named = str(beside) if beside.is_dir() else spec
    commit = commit_of(named, root) if bases is not None else None
    key = (root.resolve(), commit, internal, day)
    base = bases.get(key) if bases is not None and commit else None
    try:
        if base is None:
            with version(named, root) as folder:
                base = _report(folder, internal=internal, cache=None, today=day)
            if bases is not None and commit:
                bases.put(key, base)
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
    today: datetime.date | None,
    early: Early | None = None,
) -> Report:
    with collector.paused():
        project, loaded = load_project(root, cache, early)
        today = today or project.config.today()
        loaded += acceptance.date_findings(project, today)
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
    if head_spec is None:
        head = _report(root, internal=True, cache=None, today=today)
    else:
        with version(head_spec, root) as head_dir:
            head = _report(head_dir, internal=True, cache=None, today=today)
    with version(base_spec, root) as base_dir:  # judged on the same day as the head
        base = _report(base_dir, internal=True, cache=None, today=head.today)
    return compare(base, head, base_spec, head_spec or "werkmap")
