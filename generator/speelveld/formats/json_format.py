"""The machine-readable report that the other formats agree with."""

from __future__ import annotations

from typing import Any

from ..findings import Finding
from .base import Output, counts, dump_json


def as_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.label,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "subject": str(finding.subject),
        "pointer": finding.pointer,
        "portfolio": finding.portfolio,
        "accepted": finding.accepted.as_dict() if finding.accepted else None,
        "rests_on": [assumption.as_dict() for assumption in finding.rests_on],
    }


def render(output: Output) -> str:
    report = {
        "findings": [as_dict(f) for f in output.findings],
        "counts": counts(output.findings),
        "portfolios": list(output.portfolios),
        "fail_on": output.fail_on.label,
        "failed": any(output.failing(f) for f in output.findings),
    }
    if output.indirect:
        report["indirect_effects"] = indirect_effects(output)
    return dump_json(report)


def indirect_effects(output: Output) -> dict[str, dict[str, int]]:
    """Per measure, its indirect effects that are not 0, by domain; only for a project with
    interactions between domains (the ways they come about are on the measure pages)."""
    found = {
        measure: {domain: score for domain, score in by_domain.items() if score}
        for measure, by_domain in output.indirect.items()
    }
    return {measure: scores for measure, scores in found.items() if scores}
