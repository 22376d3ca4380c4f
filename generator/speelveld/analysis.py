"""Run the rules over a loaded project: the third stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .codes import INCOMPLETE, INPUT_CODES, is_input_error
from .coverage import Coverage, summarise
from .findings import Finding, Severity
from .loader import Early
from .project import Project, load_project
from .rules import REGISTRY, Context
from .suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the renderers need: the project, its coverage and all findings."""

    project: Project
    coverage: Coverage
    findings: list[Finding]


def analyse(project: Project, *, portfolio: bool = True) -> tuple[Coverage, list[Finding]]:
    """Run every enabled rule; the portfolio rules only if ``portfolio``."""
    coverage = summarise(project)
    context = Context(project, coverage, [m for m in project.measures.values() if m.counted])
    findings = list(_unknown_rule_settings(project))
    settings = project.config.rules
    for rule in REGISTRY.values():
        setting = settings.get(rule.id)
        if setting in ("off", False) or (rule.scope == "portfolio" and not portfolio):
            continue
        for problem in rule.check(context):
            level = Severity.parse(setting) if isinstance(setting, str) else problem.level
            findings.append(
                project.finding(
                    problem.subject, problem.pointer, rule.id, level or rule.level, problem.message
                )
            )
    return coverage, findings


def check(root: Path, early: Early | None = None) -> Report:
    """Load and analyse ``root``; raises :class:`NotAProject` only for usage problems."""
    project, findings = load_project(root, early)
    broken = sorted({f.path for f in findings if is_input_error(f)})
    coverage, analysed = analyse(project, portfolio=not broken)
    if broken:
        analysed.append(_incomplete(project, broken))
    return Report(project, coverage, sorted(findings + analysed))


def _incomplete(project: Project, broken: list[str]) -> Finding:
    """Why no portfolio finding is reported: they would echo the input errors.

    A measure dropped for a typo would leave its domains uncovered and its partners and
    instruments unused; such findings are not real, so none is reported until the
    input is valid.
    """
    files = "1 bestand heeft" if len(broken) == 1 else f"{len(broken)} bestanden hebben"
    return project.finding(
        "portfolio",
        (),
        INCOMPLETE,
        Severity.INFO,
        f"onvolledig: {files} invoerfouten ({', '.join(broken[:3])}"
        f"{', …' if len(broken) > 3 else ''}); de regels over de portefeuille zijn niet "
        "uitgevoerd tot die zijn opgelost",
    )


def _unknown_rule_settings(project: Project) -> list[Finding]:
    known = [*REGISTRY]
    return [
        project.finding(
            "portfolio",
            ("rules", code),
            "schema",
            Severity.ERROR,
            f"onbekende regel '{code}' onder rules.{did_you_mean(code, known)}"
            + (" Invoerfouten zijn niet uit te zetten." if code in INPUT_CODES else ""),
            key=True,
        )
        for code in project.config.rules
        if code not in REGISTRY
    ]
