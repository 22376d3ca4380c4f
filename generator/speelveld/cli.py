"""The command line: parse options into a plain object, then wire the stages.

Exit status: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for
a usage problem (no such directory, not a project, bad option).
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .findings import Severity

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    project: Path
    format: str
    fail_on: Severity
    output: Path | None


def _usage_error(message: str) -> None:
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
    """Speelveld: integraal beleid op vier domeinen controleren en publiceren."""


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
@click.option(
    "--fail-on",
    default="error",
    show_default=True,
    type=click.Choice(LEVELS),
    help="Laagste niveau waarop de controle faalt (exit 1).",
)
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
        _usage_error(str(problem))
        raise  # unreachable: _usage_error exits
    output = Output(
        findings=report.findings,
        fail_on=options.fail_on,
        measures=tuple(report.project.measures),
        files=len(report.project.files),
        prefix=_prefix(options.project),
    )
    rendered = FORMATS[options.format](output)
    if options.output is None:
        click.echo(rendered, nl=False)
    else:
        try:
            options.output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            _usage_error(f"kan {options.output} niet schrijven: {error.strerror}")
        click.echo(summary(output), err=options.format != "text")
    return 1 if any(output.failing(f) for f in report.findings) else 0


@main.command()
@click.argument("project", default=".", type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin de pagina's en de scripts komen.",
)
@click.option("--internal", is_flag=True, help="Neem ook interne maatregelen op.")
@click.option("--title", default="Speelveld", show_default=True, help="Titel van de homepagina.")
def render(project: Path, out: Path, internal: bool, title: str) -> None:
    """Schrijf de pagina's van de site als Markdown naar een map, voor elke site-bouwer."""
    from .analysis import check as analyse_project
    from .project import NotAProject
    from .render.pages import SiteOptions
    from .site import InvalidProject, assets, internal_requested, pages_for

    try:
        report = analyse_project(project)
        pages = pages_for(report, SiteOptions(title, internal_requested(internal)))
    except NotAProject as problem:
        _usage_error(str(problem))
        raise  # unreachable: _usage_error exits
    except InvalidProject as problem:
        click.echo(f"speelveld: {problem}", err=True)
        sys.exit(1)
    for path, content in pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for asset in assets():
        target = out / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.source.read_bytes())
    click.echo(f"{len(pages)} pagina's en {len(assets())} scripts geschreven naar {out}")


@main.command()
@click.argument("kind", type=click.Choice(["measure", "domain", "stakeholder", "instrument"]))
@click.argument("entity_id", metavar="ID")
@click.option(
    "--project",
    default=".",
    show_default=True,
    type=click.Path(path_type=Path),
    help="De projectmap.",
)
@click.option("--no-input", is_flag=True, help="Stel geen vragen; schrijf het sjabloon.")
def new(kind: str, entity_id: str, project: Path, no_input: bool) -> None:
    """Schrijf een nieuw, geldig YAML-bestand voor een maatregel, domein, partner of instrument."""
    from .loader import id_problem
    from .project import NotAProject, load_project
    from .scaffold import KIND_FOLDERS, Answers, template

    problem = id_problem(entity_id)
    if problem:
        _usage_error(problem)
    folder = project / KIND_FOLDERS[kind]
    for suffix in (".yml", ".yaml"):
        if (folder / f"{entity_id}{suffix}").exists():
            _usage_error(f"{KIND_FOLDERS[kind]}/{entity_id}{suffix} bestaat al")
    try:
        loaded, _ = load_project(project)
    except NotAProject as error:
        _usage_error(str(error))
        raise  # unreachable: _usage_error exits
    answers = Answers()
    if not no_input and _interactive():
        answers = _ask(kind, loaded)
    target = folder / f"{entity_id}.yml"
    folder.mkdir(exist_ok=True)
    target.write_text(template(kind, loaded, answers), encoding="utf-8")
    click.echo(f"{target} geschreven; vul de waarden met INVULLEN in en draai speelveld check")


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(kind: str, project: Any) -> Any:
    from .scaffold import Answers

    title = click.prompt("Titel" if kind == "measure" else "Naam", default="", show_default=False)
    if kind != "measure":
        return Answers(title=title)
    bestuur = sorted(s for s, v in project.stakeholders.items() if v.sector == "bestuur")
    owner = (
        click.prompt(
            "Bestuurlijk eigenaar",
            type=click.Choice(bestuur),
            default=bestuur[0] if bestuur else "",
        )
        if bestuur
        else ""
    )
    partners = sorted(project.stakeholders)
    lead = (
        click.prompt(
            "Trekker (partner)",
            type=click.Choice(partners),
            default=partners[0] if partners else "",
        )
        if partners
        else ""
    )
    return Answers(title=title, owner=owner, lead=lead)


@main.command()
@click.argument("project", default=".", type=click.Path(path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de schema's (standaard: schemas/ in het project).",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Schrijf niets; exit 1 als de schema's niet actueel zijn.",
)
def schema(project: Path, output: Path | None, check_only: bool) -> None:
    """Schrijf een JSON Schema per soort bestand, voor aanvulling en controle in de editor."""
    import json

    from .project import NotAProject, load_project
    from .schema import SCHEMA_FOLDER, schemas, write

    try:
        loaded, _ = load_project(project)
    except NotAProject as error:
        _usage_error(str(error))
        raise  # unreachable: _usage_error exits
    folder = output or project / SCHEMA_FOLDER
    if check_only:
        stale = [
            name
            for name, content in schemas(loaded).items()
            if not (folder / name).is_file()
            or json.loads((folder / name).read_text("utf-8")) != content
        ]
        for name in stale:
            click.echo(f"{folder / name} is niet actueel; draai speelveld schema", err=True)
        sys.exit(1 if stale else 0)
    for path in write(loaded, folder):
        click.echo(f"{path} geschreven")


@main.command("demo-data")
@click.option("--measures", default=100, show_default=True, type=click.IntRange(min=0))
@click.option("--domains", default=4, show_default=True, type=click.IntRange(min=1, max=60))
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
def demo_data(measures: int, domains: int, seed: int, out: Path) -> None:
    """Schrijf een synthetisch project (voor demonstraties en metingen) naar OUT."""
    from .demo import generate, write

    if out.exists() and any(out.iterdir()):
        _usage_error(f"map '{out}' is niet leeg")
    files = generate(measures, domains, seed)
    write(files, out)
    click.echo(f"{len(files)} bestanden geschreven naar {out}")


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
@click.option(
    "--project",
    default=".",
    show_default=True,
    type=click.Path(path_type=Path),
    help="De projectmap (bij git-revisies: de map binnen de repository).",
)
@click.option(
    "--format",
    "format_",
    default="text",
    show_default=True,
    type=click.Choice(["text", "markdown"]),
    help="Tekst of Markdown voor een pull request.",
)
@click.option(
    "--fail-on",
    default="error",
    show_default=True,
    type=click.Choice(LEVELS),
    help="Faal (exit 1) als de wijziging een bevinding van dit niveau of hoger toevoegt.",
)
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
        _usage_error(str(problem))
        raise  # unreachable: _usage_error exits
    render = render_markdown if options.format == "markdown" else render_text
    click.echo(render(comparison), nl=False)
    return 1 if any(f.severity >= options.fail_on for f in comparison.introduced) else 0


if __name__ == "__main__":  # pragma: no cover
    main(prog_name=os.path.basename(sys.argv[0]))
