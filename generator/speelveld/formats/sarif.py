"""SARIF 2.1.0, for code scanning: one rule per code, a result per finding.

Code scanning rejects a result without a file, so every result has one (see
:meth:`Output.anchor`), and it matches alerts between runs by the fingerprint, which
leaves out the line so that an edit above a finding does not make it new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..catalogue import CATALOGUE
from ..codes import INPUT_CODES
from ..findings import Finding, Severity
from .base import Output, dump_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Paths are relative to the checkout, which code scanning calls ``%SRCROOT%``.
URI_BASE = "%SRCROOT%"
FINGERPRINT = "speelveld/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def descriptors() -> list[dict[str, Any]]:
    """Every code the tool can report, input codes first."""
    entries: list[tuple[str, Severity, str, str, str]] = [
        (c.code, c.severity, c.summary, c.summary, c.remedy) for c in INPUT_CODES.values()
    ]
    entries += [(r.id, r.level, r.summary, r.explanation, r.remedy) for r in CATALOGUE.values()]
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


def fingerprint(finding: Finding, output: Output) -> str:
    """What identifies the finding across versions: its identity, not its line.

    The prefix keeps apart the same finding in two projects of one repository.
    """
    identity = json.dumps([output.prefix, *finding.identity])  # ASCII, whatever it holds
    return hashlib.sha256(identity.encode("ascii")).hexdigest()


def uri(path: str) -> str:
    """A relative reference: every character but letters, digits, ``-._~`` and ``/`` encoded.

    A name that is not UTF-8 keeps its original bytes (``%FF``).
    """
    try:
        octets = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name decodes to; keep it visible
        octets = path.encode("utf-8", "surrogatepass")
    return quote(octets, safe="/")


def _location(finding: Finding, output: Output) -> dict[str, Any]:
    path, line, column = output.anchor(finding)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(path), "uriBaseId": URI_BASE},
            "region": {"startLine": line, "startColumn": column},
        }
    }


def _result(
    finding: Finding, output: Output, index: dict[str, int], seen: Counter[str]
) -> dict[str, Any]:
    # Findings that share an identity are numbered, as GitHub numbers its line hashes.
    key = fingerprint(finding, output)
    seen[key] += 1
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding, output)],
        "partialFingerprints": {FINGERPRINT: f"{key}:{seen[key]}"},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    properties: dict[str, Any] = {"subject": str(finding.subject), "pointer": finding.pointer}
    if finding.portfolio:
        properties["portfolio"] = finding.portfolio
    if finding.rests_on:
        properties["rests_on"] = [assumption.as_dict() for assumption in finding.rests_on]
    if finding.subject or finding.portfolio:
        result["properties"] = properties
    if finding.accepted is not None:
        decision = finding.accepted
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{decision.decision} (besluit van {decision.author}, "
                f"{decision.date.isoformat()}"
                + (f", geldig tot {decision.until.isoformat()})" if decision.until else ")"),
            }
        ]
    return result


def render(output: Output) -> str:
    rules = descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    seen: Counter[str] = Counter()
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
                "results": [_result(f, output, index, seen) for f in output.findings],
            }
        ],
    }
    return dump_json(log)
