"""The command line: parse options into a plain object, then wire the stages.

Every command is added to the group in one place, at the end of this module; the
commands for writing and publishing live in :mod:`speelveld.cli_authoring`, and the
Dutch of click's help and errors in :mod:`speelveld.cli_dutch`.

Exit status: 0 when no reported finding reaches ``--fail-on``, 1 when one does, 2 for
a usage problem (no such path, not a project, bad option).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from . import cli_authoring, cli_exchange
from .cli_dutch import (
    VERSION_MESSAGE,
    VERSION_TEXT,
    DutchChoice,
    DutchGroup,
    DutchPath,
    command,
    format_option,
    project_option,
    usage_error,
)
from .findings import PORTFOLIO, Finding, Severity
from .formats import DIFF_FORMATS
from .suggest import did_you_mean

__all__ = ["main", "project_option", "usage_error"]

LEVELS = ("error", "warning", "info")
F = TypeVar("F", bound=Callable[..., Any])


def portfolio_option(help: str) -> Callable[[F], F]:
    """``--portfolio``: whose portfolio findings to report; a scenario's id is checked later."""
    return click.option(
        "--portfolio",
        default="plan",
        show_default=True,
        metavar="in-force|plan|ID|all",
        help=help,
    )


def _known_portfolio(portfolio: str, scenarios: Collection[str]) -> None:
    """A usage error for a portfolio that is neither fixed nor one of the scenarios."""
    from .model import RESERVED_PORTFOLIOS

    if portfolio not in RESERVED_PORTFOLIOS and portfolio not in scenarios:
        known = [*RESERVED_PORTFOLIOS, *scenarios]
        hint = did_you_mean(portfolio, known)
        usage_error(f"onbekende portefeuille '{portfolio}'.{hint} Kies uit: {', '.join(known)}")


def fail_on_option(help: str) -> Callable[[F], F]:
    """``--fail-on``: the lowest level that makes the command exit 1."""
    return click.option(
        "--fail-on", default="error", show_default=True, type=DutchChoice(LEVELS), help=help
    )


def _prefix(project: Path) -> str:
    """The project's path from the working directory, for repository-relative tools.

    Empty when the working directory is the project or lies inside it: paths are then
    relative to the project root, never with ``../``.
    """
    try:
        relative = project.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return ""
    text = relative.as_posix()
    return "" if text == "." else f"{text}/"


@click.group(
    cls=DutchGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    no_args_is_help=True,
)
@click.version_option(package_name="speelveld", help=VERSION_TEXT, message=VERSION_MESSAGE)
@click.pass_context
def main(ctx: click.Context) -> None:
    """Speelveld: integraal beleid op elk domein van het speelveld controleren en publiceren."""
    if ctx.invoked_subcommand is None:
        raise click.UsageError("geef een opdracht, zoals speelveld check", ctx)


@dataclass(frozen=True, slots=True)
class Scope:
    """The project that the paths on the command line belong to, and what to report of it.

    ``files`` and ``folders`` are relative to the project root; both empty means the
    whole project.
    """

    project: Path
    files: frozenset[str] = frozenset()
    folders: tuple[str, ...] = ()

    @property
    def whole(self) -> bool:
        return not self.files and not self.folders

    def reports(self, finding: Finding) -> bool:
        """Whether a finding is in the scope; those about the portfolio always are."""
        if self.whole or not finding.path or finding.subject == PORTFOLIO or finding.portfolio:
            return True
        return finding.path in self.files or finding.path.startswith(self.folders)

    def described(self) -> str:
        return ", ".join([*sorted(self.files), *self.folders])


def _project_of(folder: Path) -> Path | None:
    """The nearest folder, ``folder`` itself included, that holds a project."""
    from .loader import is_project

    for candidate in (folder, *folder.parents):
        if is_project(candidate):
            return candidate
    return None


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when it lies there, else absolute."""
    try:
        return Path(os.path.relpath(path)) if path.is_relative_to(Path.cwd()) else path
    except ValueError:  # another drive on Windows
        return path


def find_scope(paths: tuple[Path, ...]) -> Scope:
    """The one project the paths (or the working directory) lie in, found upwards as git does."""
    roots: dict[Path, list[Path]] = {}
    for given in paths or (Path("."),):
        absolute = Path(os.path.abspath(given))
        existing = next(p for p in (absolute, *absolute.parents) if p.exists())
        root = _project_of(existing if existing.is_dir() else existing.parent)
        name = "de huidige map" if not paths else f"'{given}'"
        if root is None:
            missing = "bestaat niet en " if existing != absolute else ""
            usage_error(
                f"{name} {missing}ligt in geen Speelveld-project: er is geen map domains/ "
                "in die map of een map erboven. Begin een nieuw project met: speelveld init"
            )
        if existing != absolute:
            usage_error(f"{name} bestaat niet (in het project {_shown(root)})")
        roots.setdefault(root, []).append(absolute)
    if len(roots) > 1:
        listed = ", ".join(str(_shown(root)) for root in roots)
        usage_error(f"de paden horen bij verschillende projecten ({listed}); geef er één")
    [(root, members)] = roots.items()
    if not paths or root in members:
        return Scope(_shown(root))
    files = frozenset(p.relative_to(root).as_posix() for p in members if not p.is_dir())
    folders = tuple(f"{p.relative_to(root).as_posix()}/" for p in members if p.is_dir())
    return Scope(_shown(root), files, folders)


@dataclass(frozen=True, slots=True)
class CheckOptions:
    scope: Scope
    format: str
    fail_on: Severity
    output: Path | None
    portfolio: str = "plan"


@command()
@click.argument("paths", nargs=-1, metavar="[PAD]...", type=DutchPath(path_type=Path))
@format_option("Uitvoerformaat van de bevindingen.")
@fail_on_option("Laagste niveau waarop de controle faalt (exit 1).")
@click.option(
    "--output",
    metavar="BESTAND",
    type=DutchPath(dir_okay=False, path_type=Path),
    help="Schrijf het rapport naar dit bestand; op de terminal komt een samenvatting.",
)
@portfolio_option(
    "Over welke portefeuille de regels rapporteren: het geldende beleid (in-force), het plan "
    "(geldend plus voorgesteld), een scenario (zijn id) of alle (all)."
)
def check(
    paths: tuple[Path, ...], format_: str, fail_on: str, output: Path | None, portfolio: str
) -> None:
    """Controleer het project, of de bevindingen in de bestanden en mappen PAD.

    Het project is de dichtstbijzijnde map met een map domains/, vanaf elk PAD of
    (zonder PAD) de huidige map naar boven. Bij bestanden wordt het hele project
    gecontroleerd en komen alleen hun bevindingen en die over de portefeuille in het
    rapport.
    """
    options = CheckOptions(find_scope(paths), format_, Severity.parse(fail_on), output, portfolio)
    sys.exit(run_check(options))


def run_check(options: CheckOptions) -> int:
    from .collector import paused

    with paused():  # also while the validator is imported: see speelveld.collector
        return _checked(options)


def _checked(options: CheckOptions) -> int:
    from .loader import begin, is_project

    scope = options.scope
    root = scope.project
    # Start parsing before the validator is imported: a second core can do part of it.
    early = begin(root) if is_project(root) else None

    from .formats import Output, renderer
    from .formats.text import summary
    from .pipeline import NotAProject, check

    try:
        report = check(root, early=early)
    except NotAProject as problem:
        usage_error(str(problem))
    _known_portfolio(options.portfolio, report.project.scenarios)
    output = Output.of(report, options.fail_on, prefix=_prefix(root), portfolio=options.portfolio)
    shown = [f for f in output.findings if scope.reports(f)]
    note = ""
    if not scope.whole:
        others = len(output.findings) - len(shown)
        output = replace(output, findings=shown)
        elsewhere = f"; {others} elders in het project niet" if others else ""
        note = (
            f"Getoond: de bevindingen in {scope.described()} en over de portefeuille{elsewhere}.\n"
        )
    rendered = renderer(options.format)(output)
    if options.output is None:
        click.echo(rendered, nl=False)
        click.echo(note, nl=False, err=options.format != "text")
    else:
        from .inputs import Inputs, output_refusal, write_file
        from .oserrors import reason

        refusal = output_refusal(options.output, Inputs.of(root, data_files=report.project.files))
        if refusal:
            usage_error(refusal)
        try:
            write_file(options.output, rendered)
        except OSError as error:
            usage_error(f"kan {options.output} niet schrijven: {reason(error)}")
        click.echo(summary(output), err=options.format != "text")
        click.echo(note, nl=False, err=options.format != "text")
    return 1 if any(output.failing(f) for f in shown) else 0


@dataclass(frozen=True, slots=True)
class DiffOptions:
    base: str
    head: str | None
    project: Path
    format: str
    fail_on: Severity
    portfolio: str = "plan"


@command()
@click.argument("base")
@click.argument("head", required=False)
@project_option("De projectmap (bij git-revisies: de map binnen de repository).")
@click.option(
    "--format",
    "format_",
    default="text",
    show_default=True,
    type=DutchChoice(list(DIFF_FORMATS)),
    help="Tekst of Markdown voor een pull request.",
)
@fail_on_option("Faal (exit 1) als de wijziging een bevinding van dit niveau of hoger toevoegt.")
@portfolio_option(
    "Vergelijk de bevindingen van deze portefeuille in beide versies: in-force, plan, de id "
    "van een scenario, of all."
)
def diff(
    base: str, head: str | None, project: Path, format_: str, fail_on: str, portfolio: str
) -> None:
    """Vergelijk twee versies: git-revisies of mappen (HEAD standaard: de werkmap).

    BASE en HEAD zijn elk een git-revisie (main, v1.0, HEAD~1) of een map.
    """
    options = DiffOptions(base, head, project, format_, Severity.parse(fail_on), portfolio)
    sys.exit(run_diff(options))


def run_diff(options: DiffOptions) -> int:
    from .compare import VersionNotFound
    from .formats import diff as diff_formats
    from .pipeline import NotAProject, compare_versions

    try:
        comparison = compare_versions(options.base, options.head, options.project)
    except (VersionNotFound, NotAProject) as problem:
        usage_error(str(problem))
    _known_portfolio(
        options.portfolio, [*comparison.head.project.scenarios, *comparison.base.project.scenarios]
    )
    comparison = comparison.of_portfolio(options.portfolio)
    render = getattr(diff_formats, DIFF_FORMATS[options.format])
    click.echo(render(comparison), nl=False)
    return (
        1 if any(f.severity >= options.fail_on and f.counts for f in comparison.introduced) else 0
    )


for _command in (
    check,
    diff,
    cli_authoring.init,
    cli_authoring.new,
    cli_authoring.schema,
    cli_authoring.render,
    cli_authoring.demo_data,
    cli_exchange.export,
    cli_exchange.import_,
):
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="speelveld")
