"""SARIF 2.1.0, for code scanning: one rule per code, a result per finding."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..codes import INPUT_CODES
from ..findings import Finding, Severity
from ..rules import REGISTRY
from .base import Output

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def descriptors() -> list[dict[str, Any]]:
    """Every code the tool can report, input codes first."""
    entries: list[tuple[str, Severity, str, str, str]] = [
        (c.code, c.severity, c.summary, c.summary, c.remedy) for c in INPUT_CODES.values()
    ]
    entries += [(r.id, r.level, r.summary, r.explanation, r.remedy) for r in REGISTRY.values()]
    return [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": explanation},
            "help": {"text": remedy, "markdown": f"{explanation}\n\n**Wat te doen:** {remedy}"},
            "defaultConfiguration": {"level": _LEVEL[level]},
        }
        for code, level, summary, explanation, remedy in entries
    ]


def _result(finding: Finding, output: Output, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {"speelveld/v1": "|".join(finding.identity)},
    }
    if finding.path:
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": output.path(finding)},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ]
    if finding.subject:
        result["properties"] = {"subject": finding.subject, "pointer": finding.pointer}
    return result


def render(output: Output) -> str:
    rules = descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "speelveld",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": [_result(f, output, index) for f in output.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
