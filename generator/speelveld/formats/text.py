"""One line per finding, as compilers and linters print them."""

from __future__ import annotations

from ..findings import Finding
from .base import Output, counts, visible

_DUTCH = {
    "error": ("fout", "fouten"),
    "warning": ("waarschuwing", "waarschuwingen"),
    "info": ("melding", "meldingen"),
}


def tally(findings: list[Finding]) -> str:
    """The number of findings per level in words: ``2 fouten, 1 waarschuwing, 0 meldingen``."""
    parts = []
    for level, number in counts(findings).items():
        one, many = _DUTCH[level]
        parts.append(f"{number} {one if number == 1 else many}")
    return ", ".join(parts)


def summary(output: Output) -> str:
    files = "bestand" if output.files == 1 else "bestanden"
    return f"{output.files} {files} gecontroleerd: {tally(output.findings)}"


def line(finding: Finding) -> str:
    """One finding on one line, whatever its path or message holds."""
    return visible(f"{finding.location}: {finding.severity.label} {finding.code} {finding.message}")


def render(output: Output) -> str:
    lines = [line(f) for f in output.findings]
    return "\n".join([*lines, summary(output)]) + "\n"
