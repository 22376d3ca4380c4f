"""``speelveld diff`` as plain text or as Markdown for a pull-request comment.

Scores and coverage are shown per domain by the domain's name, and changed fields by the
names readers know them by (``effecten``), so that a reviewer reads what a measure does
without opening the files; levels are Dutch, codes stay codes. Findings that an input
error keeps from being judged again are listed apart: they are not solved. Every line goes
through :func:`base.visible`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..compare import Comparison, MeasureChange
from ..coverage import DomainCoverage
from ..findings import Finding
from ..model import SCALE, signed
from ..printable import visible


def _score(value: int | None) -> str:
    return "—" if value is None else signed(value)


def _added_scores(diff: Comparison, measure_id: str) -> list[str]:
    """``Gezondheid: +2 versterkend`` for every domain the new measure is assessed on."""
    return [
        f"{diff.domain_name(domain)}: {signed(score)} {SCALE[score]}"
        for domain, score in diff.scores(measure_id)
    ]


def _changed_scores(diff: Comparison, change: MeasureChange) -> list[str]:
    """``Economie: 0 → -2`` for every domain whose score changed."""
    return [
        f"{diff.domain_name(domain)}: {_score(was)} → {_score(now)}"
        for domain, (was, now) in change.scores.items()
    ]


def _change(change: MeasureChange, code: Callable[[str], str]) -> str:
    return f"{code(change.id)} {change.title}: gewijzigd: {', '.join(change.fields)}"


def _cover(cover: DomainCoverage | None) -> tuple[str, str, str]:
    if cover is None:
        return "—", "—", "—"
    return str(cover.positive), f"{cover.total:+d}", f"{cover.share:.0%}"


def _finding(finding: Finding, code: Callable[[str], str]) -> str:
    return f"{finding.severity.word} {code(finding.code)} {finding.location}: {finding.message}"


def _headline(diff: Comparison) -> str:
    waiting = f"; {len(diff.paused)} wachten op invoerfouten" if diff.paused else ""
    return (
        f"{len(diff.added)} toegevoegd, {len(diff.removed)} verwijderd, "
        f"{len(diff.changed)} gewijzigd; {len(diff.introduced)} nieuwe en "
        f"{len(diff.resolved)} opgeloste bevindingen{waiting}"
    )


#: Why the paused findings are listed apart.
PAUSED = (
    "Niet opnieuw getoetst: een invoerfout houdt hun regel tegen, dus ze zijn niet "
    "opgelost. Ze komen terug of verdwijnen zodra de invoerfouten zijn opgelost."
)


def _lines(lines: list[str]) -> str:
    return "".join(visible(line) + "\n" for line in lines)


def render_text(diff: Comparison) -> str:
    def plain(text: str) -> str:
        return text

    head, base = diff.head.project.measures, diff.base.project.measures
    lines = [f"Speelveld: {diff.head_label} tegenover {diff.base_label}", _headline(diff)]
    lines += [f"Let op: {note}." for note in diff.notes]
    lines.append("")
    for measure in diff.added:
        lines.append(f"+ {measure} {head[measure].title}")
        lines += [f"    {score}" for score in _added_scores(diff, measure)]
    lines += [f"- {m} {base[m].title}" for m in diff.removed]
    for change in diff.changed:
        lines.append(f"~ {_change(change, plain)}")
        lines += [f"    {score}" for score in _changed_scores(diff, change)]
    lines += ["", "Dekking per domein (maatregelen positief, som, aandeel): voor → na"]
    for domain, before, after in diff.coverage():
        was, now = _cover(before), _cover(after)
        pairs = " | ".join(f"{a} → {b}" for a, b in zip(was, now, strict=True))
        lines.append(f"  {diff.domain_name(domain)}: {pairs}")
    lines += ["", f"Nieuwe bevindingen ({len(diff.introduced)}):"]
    lines += [f"  {_finding(f, plain)}" for f in diff.introduced]
    lines += [f"Opgeloste bevindingen ({len(diff.resolved)}):"]
    lines += [f"  {_finding(f, plain)}" for f in diff.resolved]
    if diff.paused:
        lines += [f"Wachtend op invoerfouten ({len(diff.paused)}): {PAUSED}"]
        lines += [f"  {_finding(f, plain)}" for f in diff.paused]
    return _lines(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(diff: Comparison) -> str:
    def code(text: str) -> str:
        return f"`{text}`"

    head, base = diff.head.project.measures, diff.base.project.measures
    out = [
        f"## Speelveld: {code(diff.head_label)} tegenover {code(diff.base_label)}",
        "",
        f"**{_headline(diff)}**",
        "",
    ]
    if diff.notes:
        out += [f"> Let op: {_cell(note)}." for note in diff.notes] + [""]
    if diff.added or diff.removed or diff.changed:
        out += ["### Maatregelen", ""]
        for measure in diff.added:
            out.append(f"- ➕ toegevoegd: {code(measure)} {_cell(head[measure].title)}")
            out += [f"  - {_cell(score)}" for score in _added_scores(diff, measure)]
        out += [f"- ➖ verwijderd: {code(m)} {_cell(base[m].title)}" for m in diff.removed]
        for change in diff.changed:
            out.append(f"- ✏️ {_cell(_change(change, code))}")
            out += [f"  - {_cell(score)}" for score in _changed_scores(diff, change)]
        out.append("")
    out += [
        "### Dekking per domein",
        "",
        "| Domein | Maatregelen positief | Som van de scores | Aandeel |",
        "| --- | --- | --- | --- |",
    ]
    for domain, before, after in diff.coverage():
        cells = [
            a if a == b else f"{a} → **{b}**"
            for a, b in zip(_cover(before), _cover(after), strict=True)
        ]
        out.append(f"| {_cell(diff.domain_name(domain))} | {' | '.join(cells)} |")
    for title, findings in (
        ("Nieuwe bevindingen", diff.introduced),
        ("Opgeloste bevindingen", diff.resolved),
    ):
        out += ["", f"### {title} ({len(findings)})", ""]
        out += [f"- {_cell(_finding(f, code))}" for f in findings] or ["Geen."]
    if diff.paused:
        out += ["", f"### Wachtend op invoerfouten ({len(diff.paused)})", "", PAUSED, ""]
        out += [f"- {_cell(_finding(f, code))}" for f in diff.paused]
    return _lines(out)
