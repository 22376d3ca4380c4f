"""Placeholders that ``speelveld new`` writes: reported until an advisor fills them in.

A value that starts with ``INVULLEN`` is a placeholder. Its entity stays out of the
analysis, so an unfinished measure gets only the findings that say what to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .findings import Finding, Severity
from .yamlsource import Document, Pointer

MARKER = "INVULLEN"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(MARKER)


def _walk(value: Any, pointer: Pointer) -> Iterator[tuple[Pointer, str]]:
    if is_placeholder(value):
        yield pointer, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*pointer, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*pointer, index))


def placeholder_findings(doc: Document, subject: str) -> list[Finding]:
    findings = []
    for pointer, value in _walk(doc.data, ()):
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
