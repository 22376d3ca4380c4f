"""Placeholders that ``speelveld new`` writes: reported until an advisor fills them in.

A value that starts with ``INVULLEN`` is a placeholder. Its entity stays out of the
analysis, so an unfinished measure gets only the findings that say what to fill in.
"""

from __future__ import annotations

from typing import Any

from .findings import Finding, Severity, Subject
from .yamlsource import PLACEHOLDER as MARKER
from .yamlsource import Document

__all__ = ["MARKER", "is_placeholder", "placeholder_findings"]


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(MARKER)


def _value(data: Any, pointer: tuple[str | int, ...]) -> str:
    for step in pointer:
        data = data[step]
    return str(data)


def placeholder_findings(doc: Document, subject: Subject) -> list[Finding]:
    """A finding for every placeholder the parse noted in ``doc``."""
    findings = []
    for pointer in doc.placeholders:
        value = _value(doc.data, pointer)
        mark = doc.mark(pointer)
        hint = value.removeprefix(MARKER).strip(" :") or "een waarde"
        findings.append(
            Finding(
                doc.path,
                mark.line,
                mark.column,
                "placeholder",
                Severity.ERROR,
                f"nog in te vullen: {hint}",
                subject=subject,
                pointer=".".join(map(str, pointer)),
            )
        )
    return findings
