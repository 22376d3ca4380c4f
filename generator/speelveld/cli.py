"""The command line: parse options into a plain object, then wire the stages.

Exit status: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for
a usage problem (no such directory, not a project, bad option).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from .findings import Severity

LEVELS = ("error", "warning", "info")
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class CheckOptions:
    project: Path
    format: str
    fail_on: Severity
    output: Path | None


def project_option(help: str) -> Callable[[F], F]:
    """``--project``: the project folder, the working directory by default."""
    return click.option(
        "--project", default=".", show_default=True, type=click.Path(path_type=Path), help=help
    )


def fail_on_option(help: str) -> Callable[[F], F]:
    """``--fail-on``: the lowest level that makes the command exit 1."""
    return click.option(
        "--fail-on", default="error", show_default=True, type=click.Choice(LEVELS), help=help
    )


def usage_error(message: str) -> None:
    click.echo(f"speelveld: {message}", err=True)
    sys.exit(2)


def _prefix(project: Path) -> str:
    """The project's path from the working directory, for repository-relative tools."""
    try:
        relative = project.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return ""
    text = relative.as_posix()
    return "" if text == "." else f"{text}/"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="speelveld")
def main() -> None:
    """Speelveld: integraal beleid op elk domein van het speelveld controleren en publiceren."""


@main.command()
@click.argument("project", default=".", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json", "github", "sarif", "junit"]),
    help="Uitvoerformaat van de bevindingen.",
)
@fail_on_option("Laagste niveau waarop de controle faalt (exit 1).")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf het rapport naar dit bestand; op de terminal komt een samenvatting.",
)
def check(project: Path, format_: str, fail_on: str, output: Path | None) -> None:
    """Controleer het project in PROJECT (standaard de huidige map)."""
    options = CheckOptions(project, format_, Severity.parse(fail_on), output)
    sys.exit(run_check(options))


def run_check(options: CheckOptions) -> int:
    from .loader import begin, configured_max_bytes, is_project

    # A short-lived run that builds many small objects and hardly any cycles: the cyclic
    # collector would cost a fifth of the time on a large project and free nothing.
    gc.disable()

    root = options.project
    # Start parsing before the validator is imported: a second core can do part of it.
    early = begin(root, configured_max_bytes(root)) if is_project(root) else None

    from .analysis import check as analyse_project
    from .formats import FORMATS, Output
    from .formats.text import summary
    from .project import NotAProject

    try:
        report = analyse_project(root, early)
    except NotAProject as problem:
        usage_error(str(problem))
        raise  # unreachable: usage_error exits
    output = Output.of(report, options.fail_on, prefix=_prefix(options.project))
    rendered = FORMATS[options.format](output)
    if options.output is None:
        click.echo(rendered, nl=False)
    else:
        try:
            options.output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            usage_error(f"kan {options.output} niet schrijven: {error.strerror}")
        click.echo(summary(output), err=options.format != "text")
    return 1 if any(output.failing(f) for f in report.findings) else 0


@dataclass(frozen=True, slots=True)
class DiffOptions:
    base: str
    head: str | None
    project: Path
    format: str
    fail_on: Severity


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@project_option("De projectmap (bij git-revisies: de map binnen de repository).")
@click.option(
    "--format",
    "format_",
    default="text",
    show_default=True,
    type=click.Choice(["text", "markdown"]),
    help="Tekst of Markdown voor een pull request.",
)
@fail_on_option("Faal (exit 1) als de wijziging een bevinding van dit niveau of hoger toevoegt.")
def diff(base: str, head: str | None, project: Path, format_: str, fail_on: str) -> None:
    """Vergelijk twee versies: git-revisies of mappen (HEAD standaard: de werkmap).

    BASE en HEAD zijn elk een git-revisie (main, v1.0, HEAD~1) of een map.
    """
    options = DiffOptions(base, head, project, format_, Severity.parse(fail_on))
    sys.exit(run_diff(options))


def run_diff(options: DiffOptions) -> int:
    from .compare import VersionNotFound, compare_versions
    from .formats.diff import render_markdown, render_text
    from .project import NotAProject

    try:
        comparison = compare_versions(options.base, options.head, options.project)
    except (VersionNotFound, NotAProject) as problem:
        usage_error(str(problem))
        raise  # unreachable: usage_error exits
    render = render_markdown if options.format == "markdown" else render_text
    click.echo(render(comparison), nl=False)
    return 1 if any(f.severity >= options.fail_on for f in comparison.introduced) else 0


# The authoring and publishing commands live beside this module; importing registers them.
from . import cli_authoring  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main(prog_name=os.path.basename(sys.argv[0]))
