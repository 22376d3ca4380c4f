"""One line per finding, as compilers and linters print them; the level in Dutch, the code
as it is everywhere."""

from __future__ import annotations

from ..findings import Finding, Severity
from ..printable import visible
from ..words import day, plural
from .base import Output, counts, rests_on


def tally(findings: list[Finding]) -> str:
    """The findings per level in words: ``2 fouten, 1 waarschuwing, 0 meldingen``.

    Accepted findings are added only when there are any: ``…, 1 bewust aanvaard``.
    """
    numbers = counts(findings)
    accepted = numbers.pop("accepted")
    parts = []
    for label, number in numbers.items():
        level = Severity.parse(label)
        parts.append(plural(number, level.word, level.words))
    if accepted:
        parts.append(f"{accepted} bewust aanvaard")
    return ", ".join(parts)


def summary(output: Output) -> str:
    return f"{plural(output.files, 'bestand', 'bestanden')} gecontroleerd: {tally(output.findings)}"


def line(finding: Finding) -> str:
    """One finding on one line, whatever its path or message holds.

    A portfolio finding names its portfolio; one that rests on an assumed score names that
    score; an accepted one says who accepted it.
    """
    where = f" [{finding.portfolio}]" if finding.portfolio else ""
    text = f"{finding.location}: {finding.severity.word} {finding.code}{where} {finding.message}"
    if finding.rests_on:
        text += f" ({rests_on(finding)})"
    if finding.accepted is not None:
        decision = finding.accepted
        text += f" (bewust aanvaard door {decision.author} op {day(decision.date)})"
    return visible(text)


def render(output: Output) -> str:
    lines = [line(f) for f in output.findings]
    return "\n".join([*lines, summary(output)]) + "\n"
