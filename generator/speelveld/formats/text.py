"""One line per finding, as compilers and linters print them."""

from __future__ import annotations

from .base import Output, counts

_DUTCH = {
    "error": ("fout", "fouten"),
    "warning": ("waarschuwing", "waarschuwingen"),
    "info": ("melding", "meldingen"),
}


def summary(output: Output) -> str:
    parts = []
    for level, number in counts(output.findings).items():
        one, many = _DUTCH[level]
        parts.append(f"{number} {one if number == 1 else many}")
    return f"{output.files} bestanden gecontroleerd: {', '.join(parts)}"


def render(output: Output) -> str:
    lines = [f"{f.location}: {f.severity.label} {f.code} {f.message}" for f in output.findings]
    return "\n".join([*lines, summary(output)]) + "\n"
