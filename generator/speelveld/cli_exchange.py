"""The commands that take the project elsewhere and back: export pdf, export xlsx, import.

:mod:`speelveld.cli` adds them to its command group, together with its own commands.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_dutch import (
    DutchGroup,
    DutchPath,
    command,
    format_option,
    project_option,
    usage_error,
)

if TYPE_CHECKING:
    from .findings import Finding
    from .report import Report
    from .workbook_import import Plan


@click.group("export", cls=DutchGroup)
def export() -> None:
    """Schrijf het project als PDF voor de raad of als Excel-werkboek voor adviseurs."""


def _project(project: Path) -> Path:
    from .loader import is_project

    if not is_project(project):
        usage_error(
            f"'{project}' is geen Speelveld-project: er is geen map domains/. "
            "Begin een nieuw project met: speelveld init"
        )
    return project


def _refuse_input(out: Path, project: Path, files: Iterable[str]) -> None:
    """A usage error when ``out`` would overwrite a file the project reads, or a folder."""
    from .inputs import Inputs, output_refusal

    if out.is_dir():
        usage_error(f"'{out}' is een map; geef met --out een bestand op")
    refusal = output_refusal(out, Inputs.of(project, data_files=files), "--out")
    if refusal:
        usage_error(refusal)


def stop_on_input_errors(report: Report, consequence: str = "los die eerst op") -> None:
    """Exit 1 with the input errors listed, as speelveld check shows them."""
    from .codes import is_input_error
    from .findings import Severity
    from .formats.base import Output
    from .formats.text import render

    errors = [f for f in report.findings if is_input_error(f)]
    if errors:
        listing = render(Output(errors, Severity.ERROR, files=len(report.project.files)))
        click.echo(
            f"speelveld: de gegevens bevatten invoerfouten; {consequence}:\n" + listing,
            err=True,
            nl=False,
        )
        sys.exit(1)


@command("pdf")
@project_option("De projectmap.")
@click.option(
    "--out",
    default="rapport.pdf",
    show_default=True,
    metavar="BESTAND",
    type=DutchPath(dir_okay=False, path_type=Path),
    help="Het PDF-bestand dat wordt geschreven.",
)
@click.option(
    "--portfolio",
    default="all",
    show_default=True,
    metavar="ID|all",
    help="Welke opties een bijlage krijgen met hun uitwerking: de id van een scenario, of "
    "all voor elk scenario. Het geldende beleid (in-force) en het plan staan in het rapport "
    "zelf.",
)
@click.option("--internal", is_flag=True, help="Neem ook interne maatregelen op, als in de site.")
def export_pdf(project: Path, out: Path, portfolio: str, internal: bool) -> None:
    """Schrijf het rapport als toegankelijke A4-PDF voor de raad."""

    from .council import Cover, PdfUnavailable, document, require_pdf, write
    from .provenance import data_version

    try:
        require_pdf()
    except PdfUnavailable as problem:
        usage_error(str(problem))
    report = _checked(_project(project), internal=internal)
    _refuse_input(out, project, report.project.files)
    _known_option(portfolio, report)
    from .export import read_source

    title = read_source(project).site_name or "Speelveld"
    version = data_version(project, report.project.files) or "onbekend"
    cover = Cover(title, report.today, version)
    data, problems = write(document(report, cover, portfolio))
    for logged in problems:
        click.echo(f"speelveld: waarschuwing bij het opmaken van de PDF: {logged}", err=True)
    _write_file(out, data)
    click.echo(f"{out} geschreven: het rapport van '{title}' als PDF")


def _checked(project: Path, *, internal: bool) -> Report:
    from .pipeline import NotAProject, check
    from .site import internal_requested

    try:
        report = check(project, internal=internal_requested(internal))
    except NotAProject as problem:
        usage_error(str(problem))
    stop_on_input_errors(report)
    return report


def _known_option(portfolio: str, report: Report) -> None:
    scenarios = list(report.project.scenarios)
    if portfolio != "all" and portfolio not in scenarios:
        choices = ", ".join([*scenarios, "all"])
        usage_error(f"onbekende optie '{portfolio}' voor een bijlage; kies uit: {choices}")


def _write_file(out: Path, data: bytes) -> None:
    """Write beside ``out`` and rename, so a failed write leaves the old file whole."""
    from .inputs import write_file
    from .oserrors import reason

    try:
        write_file(out, data)
    except OSError as error:
        usage_error(f"kan {out} niet schrijven: {reason(error)}")


@command("xlsx")
@project_option("De projectmap.")
@click.option(
    "--out",
    default="speelveld.xlsx",
    show_default=True,
    metavar="BESTAND",
    type=DutchPath(dir_okay=False, path_type=Path),
    help="Het werkboek dat wordt geschreven.",
)
def export_xlsx(project: Path, out: Path) -> None:
    """Schrijf de gegevens als Excel-werkboek om in te bewerken; terug met speelveld import."""
    from .oserrors import reason
    from .workbook import write_workbook

    report = _checked(_project(project), internal=True)
    _refuse_input(out, project, report.project.files)
    try:
        counts = write_workbook(report.project, out)
    except OSError as error:
        usage_error(f"kan {out} niet schrijven: {reason(error)}")
    listed = ", ".join(f"{sheet} {number}" for sheet, number in counts.items())
    click.echo(f"{out} geschreven; rijen per werkblad: {listed}")


export.add_command(export_pdf)
export.add_command(export_xlsx)


@command("import")
@click.argument("workbook", metavar="BESTAND.xlsx", type=DutchPath(dir_okay=False, path_type=Path))
@project_option("De projectmap.")
@click.option(
    "--delete",
    is_flag=True,
    help="Verwijder ook de bestanden waarvan de rij uit het werkboek is gehaald.",
)
@format_option("Uitvoerformaat van de problemen in het werkboek.")
def import_(workbook: Path, project: Path, delete: bool, format_: str) -> None:
    """Lees een werkboek van speelveld export xlsx terug in het project.

    Elke cel wordt eerst gecontroleerd; is er een fout, dan wordt niets geschreven (exit 1).
    Anders worden alleen de gewijzigde bestanden herschreven, en daarin alleen de gewijzigde
    regels. Een nieuwe rij wordt een nieuw bestand; een verwijderde rij wordt gemeld en alleen
    met --delete verwijderd.
    """
    from .compare import compare
    from .findings import Severity
    from .formats import renderer
    from .formats.base import Output
    from .formats.diff import render_text
    from .workbook_import import Unreadable, plan, read_book
    from .yamledit import WriteFailed, write_all

    base = _checked(_project(project), internal=True)
    try:
        book = read_book(workbook)
    except Unreadable as problem:
        usage_error(str(problem))
    try:
        changes = plan(book, str(workbook), base.project, delete=delete)
    finally:
        book.close()
    machine = format_ != "text"
    output = Output(changes.findings, Severity.ERROR, files=1)
    if changes.errors or machine:
        click.echo(renderer(format_)(output), nl=False)
    if changes.errors:
        sys.exit(1)
    if not machine:
        for finding in changes.findings:
            click.echo(_line(finding))
    root = project
    try:
        write_all({root / change.path: change.after for change in changes.changes})
        if delete:
            for _, _, path in changes.removed:
                (root / path).unlink()
    except (WriteFailed, OSError) as problem:
        usage_error(f"niets geschreven: {problem}")
    _report(changes, delete=delete, err=machine)
    if changes.changes or (delete and changes.removed):
        head = _checked(project, internal=True)
        comparison = compare(base, head, "voor de import", "na de import")
        click.echo(render_text(comparison), nl=False, err=machine)


def _line(finding: Finding) -> str:
    from .formats.text import line

    return line(finding)


def _report(changes: Plan, *, delete: bool, err: bool) -> None:
    """Which files were written, made or removed, one per line."""
    lines = []
    for change in changes.changes:
        if not change.before:
            lines.append(f"nieuw: {change.path}")
            continue
        diff = difflib.unified_diff(
            change.before.splitlines(), change.after.splitlines(), lineterm="", n=0
        )
        marks = [text[:1] for text in diff if text[:3] not in ("+++", "---")]
        differing = max(marks.count("+"), marks.count("-"))
        lines.append(f"gewijzigd: {change.path} ({differing} regel{'' if differing == 1 else 's'})")
    for _, _, path in changes.removed:
        if delete:
            lines.append(f"verwijderd: {path}")
        else:
            lines.append(
                f"niet meer in het werkboek: {path} (blijft staan; verwijder het met --delete)"
            )
    if not lines:
        lines.append("Geen wijzigingen: alle bestanden zijn gelijk aan het werkboek.")
    for text in lines:
        click.echo(text, err=err)
