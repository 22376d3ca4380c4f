"""The commands for writing and publishing: init, new, schema, render and demo-data.

:mod:`speelveld.cli` adds them to its command group, together with its own commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .ci import SERVICES
from .cli_dutch import (
    DutchChoice,
    DutchInt,
    DutchIntRange,
    DutchPath,
    ask,
    ask_choice,
    command,
    project_option,
    usage_error,
)
from .kinds import ALIASES, KINDS

if TYPE_CHECKING:  # the commands import their modules when they run
    from .starter import Starter, StarterDomain


@command()
@click.argument("project", default=".", type=DutchPath(path_type=Path))
@click.option(
    "--out",
    required=True,
    metavar="MAP",
    type=DutchPath(file_okay=False, path_type=Path),
    help="Map waarin de pagina's en de scripts komen; render vervangt haar helemaal.",
)
@click.option("--internal", is_flag=True, help="Neem ook interne maatregelen op.")
@click.option(
    "--title",
    metavar="TITEL",
    help="Titel van de homepagina (standaard: site_name uit mkdocs.yml, anders Speelveld).",
)
@click.option(
    "--zensical",
    is_flag=True,
    help="Maak van MAP een project voor Zensical: de bronnen in MAP/docs, "
    "de instellingen in MAP/mkdocs.yml.",
)
def render(project: Path, out: Path, internal: bool, title: str | None, zensical: bool) -> None:
    """Schrijf de pagina's van de site als Markdown naar een map, voor elke site-bouwer."""
    from .export import (
        MKDOCS_CONFIG,
        ZENSICAL_DOCS,
        FolderRefused,
        folder_refusal,
        page_files,
        read_source,
        replace_folder,
        zensical_files,
    )
    from .pipeline import NotAProject, check
    from .provenance import data_version
    from .render.pages import SiteOptions
    from .site import (
        ASSET_FOLDER,
        InvalidProject,
        assemble,
        hand_written,
        in_asset_folder,
        internal_requested,
        same_address,
    )

    source = read_source(project)
    title = title or source.site_name or "Speelveld"
    if zensical and out.resolve().is_relative_to(source.docs_dir.resolve()):
        usage_error(
            f"met --zensical komen de handgeschreven pagina's uit '{source.docs_dir}' in "
            f"'{out}'; kies voor --out een map buiten '{source.docs_dir}'"
        )
    from .inputs import Inputs, site_refusal

    inputs = Inputs.of(project, mkdocs_file=source.config_file, docs_dir=source.docs_dir)
    refusal = site_refusal(out, inputs, "--out", into_docs=True) or folder_refusal(out)
    if refusal:
        usage_error(refusal)
    written = hand_written(source.docs_dir) if zensical else []
    try:
        report = check(project, internal=internal_requested(internal), compare_with=True)
        version = data_version(report.project.root, report.project.files)
        site = assemble(report, SiteOptions(title, version), written)
    except NotAProject as problem:
        usage_error(str(problem))
    except InvalidProject as problem:
        click.echo(f"speelveld: {problem}", err=True)
        sys.exit(1)
    pages, scripts = site.pages, site.assets
    if zensical:
        hidden = set(site.hidden)
        for path, generated in site.displaced.items():
            click.echo(f"speelveld: waarschuwing: {same_address(path, generated)}", err=True)
        for path in source.hand_written():
            if path.startswith(f"{ASSET_FOLDER}/"):
                written_path = f"{source.docs_dir.name}/{path}"
                click.echo(f"speelveld: waarschuwing: {in_asset_folder(written_path)}", err=True)
                hidden |= {path}
        files = zensical_files(
            pages, scripts, site.navigation, source, out, title, hidden=frozenset(hidden)
        )
    else:
        files = page_files(pages, scripts)
    try:
        replace_folder(out, files)
    except FolderRefused as problem:
        usage_error(str(problem))
    if zensical:
        config = out / MKDOCS_CONFIG
        click.echo(
            f"{len(pages)} pagina's en {len(scripts)} scripts, stijlen en licenties "
            f"geschreven naar {out / ZENSICAL_DOCS}, de instellingen naar {config}; "
            f"bouw de site met: zensical build --strict -f {config}"
        )
    else:
        click.echo(
            f"{len(pages)} pagina's en {len(scripts)} scripts, stijlen en licenties "
            f"geschreven naar {out}"
        )


@command()
@click.argument(
    "folder", default=".", metavar="[MAP]", type=DutchPath(file_okay=False, path_type=Path)
)
@click.option(
    "--title", metavar="TITEL", help="De titel van de site; anders wordt ernaar gevraagd."
)
@click.option(
    "--domain",
    "domain_options",
    multiple=True,
    metavar="ID=NAAM",
    help='Een domein, zoals werk="Werk en inkomen"; herhaal de optie voor elk domein.',
)
@click.option(
    "--ci",
    metavar="SOORT",
    type=DutchChoice(list(SERVICES)),
    help="Schrijf ook de workflows voor deze CI: "
    + ", ".join(f"{name} ({service.label})" for name, service in SERVICES.items())
    + ". In een bestaand project schrijft init dan alleen die.",
)
@click.option(
    "--install",
    metavar="VEREISTE",
    help="Wat de README, de hooks en de workflows installeren: een versie, een vereiste voor "
    "pip, een wheel (pad of URL) of een git-URL.  [standaard: speelveld==<deze versie>]",
)
@click.option("--force", is_flag=True, help="Vervang bestaande CI-bestanden (alleen met --ci).")
@click.option(
    "--no-input", is_flag=True, help="Stel geen vragen; zonder --domain drie voorbeelddomeinen."
)
def init(
    folder: Path,
    title: str | None,
    domain_options: tuple[str, ...],
    ci: str | None,
    install: str | None,
    force: bool,
    no_input: bool,
) -> None:
    """Begin een nieuw project in MAP (standaard de huidige map), klaar om te bouwen.

    Met --ci github in een map die al een project is: schrijf alleen de CI-bestanden.
    """
    from .ci import SERVICES, InvalidInstall, on_this_machine, requirement
    from .starter import DEFAULT_TITLE, EXAMPLE_DOMAINS, Starter, installed_version, parse_domain

    try:
        spec = requirement(install, installed_version())
    except InvalidInstall as problem:
        usage_error(str(problem))
    if ci is not None and on_this_machine(spec):
        click.echo(
            f"Let op: de workflows installeren {spec}, een bestand op deze machine dat een "
            f"runner van {SERVICES[ci].label} niet heeft. Geef voor CI een versie, een URL of "
            "een git-URL met --install, of zet het bestand in de repository en verwijs ernaar "
            "vanuit de workflows.",
            err=True,
        )
    if force and ci is None:
        usage_error(f"--force vervangt alleen CI-bestanden; geef er {CI_EXAMPLE} bij")
    if ci is not None and _project_parts(folder):
        if domain_options or title is not None:
            usage_error(
                f"'{folder}' is al een project: --title en --domain gelden alleen voor een "
                "nieuw project; laat ze weg om alleen de CI-bestanden te schrijven"
            )
        _write_ci(folder, spec, ci, force=force)
        return
    domains: dict[str, StarterDomain] = {}
    for option in domain_options:
        try:
            domain = parse_domain(option)
        except ValueError as problem:
            usage_error(str(problem))
        if domain.id in domains:
            usage_error(f"het domein '{domain.id}' staat meer dan eens in --domain")
        domains[domain.id] = domain
    if title is not None and not title.strip():
        usage_error("--title is leeg; geef de site een titel")
    if title is not None and _unsafe_title(title):
        usage_error(UNSAFE_TITLE)
    _refuse_a_project(folder)
    interactive = not no_input and _interactive()
    if title is None:
        title = DEFAULT_TITLE
        if interactive:
            title = _ask_text("Titel van het speelveld", DEFAULT_TITLE)
    starter = Starter(
        " ".join(title.split()),
        tuple(domains.values()) or (_ask_domains() if interactive else EXAMPLE_DOMAINS),
        spec,
    )
    _write_starter(folder, starter, ci, force=force)


#: How a message names the option that writes the CI files.
CI_EXAMPLE = f"--ci {next(iter(SERVICES))}"

#: Why a title with < or > is refused: the site build refuses such a site_name.
UNSAFE_TITLE = "de titel bevat < of >; de site weigert die in de naam, schrijf hem zonder"


def _unsafe_title(title: str) -> bool:
    return "<" in title or ">" in title


def _project_parts(folder: Path) -> list[str]:
    """What in ``folder`` makes it (part of) a project already."""
    from .ids import CONFIG_FILE

    if not folder.is_dir():
        return []
    return [name for name in ("domains/", "mkdocs.yml", CONFIG_FILE) if (folder / name).exists()]


def _refuse_a_project(folder: Path) -> None:
    """A usage error when ``folder`` already holds (part of) a project, or is a file."""
    if folder.exists() and not folder.is_dir():
        usage_error(f"'{folder}' is een bestand, geen map")
    present = _project_parts(folder)
    if present:
        usage_error(
            f"'{folder}' bevat al een project ({', '.join(present)}); "
            "speelveld init begint alleen een nieuw project, in een lege map of een map "
            "zonder domains/, mkdocs.yml en speelveld.yml; alleen de CI-bestanden voor dit "
            f"project schrijft: speelveld init {CI_EXAMPLE}"
        )


def _write_ci(folder: Path, install: str, service: str, *, force: bool) -> None:
    """Only the CI files, in a folder that already is a project; existing ones need --force."""
    from .ci import ci_files
    from .starter import write

    files = ci_files(install, service)
    present = [path for path in files if (folder / path).exists()]
    if present and not force:
        verb = "bestaat" if len(present) == 1 else "bestaan"
        usage_error(
            f"{', '.join(present)} {verb} al in '{folder}'; niets geschreven. "
            "Vervang de CI-bestanden met --force"
        )
    written, _ = write(folder, files, overwrite=force)
    click.echo(f"CI voor GitHub Actions in {folder}, die {install} installeert:")
    for path in written:
        replaced = " (vervangen)" if path in present else ""
        click.echo(f"  {path}{replaced}")
    click.echo(
        "Kies bij Settings → Pages als bron GitHub Actions om de site te publiceren; "
        "README.md legt de rest uit."
    )


def _ask_text(prompt: str, default: str) -> str:
    """A non-empty answer without < or >: another one is asked for."""
    while True:
        answer = " ".join(ask(prompt, default).split())
        if answer and not _unsafe_title(answer):
            return answer
        if answer:
            click.echo(UNSAFE_TITLE)


def _ask_domains() -> tuple[StarterDomain, ...]:
    from .starter import EXAMPLE_DOMAINS, domains_from_names

    click.echo(
        "Noem de domeinen in het midden van het speelveld, één per vraag; een lege regel sluit af."
    )
    names: list[str] = []
    while True:
        name = ask(f"Domein {len(names) + 1}", show_default=False)
        if not name.strip():
            break
        names.append(name)
    if not names:
        click.echo("Geen domeinen genoemd: het project krijgt drie voorbeelddomeinen.")
        return EXAMPLE_DOMAINS
    domains = domains_from_names(names)
    for domain in domains:
        click.echo(f"  {domain.name}: id {domain.id}")
    return domains


def _write_starter(folder: Path, starter: Starter, ci: str | None, *, force: bool) -> None:
    """Write the project and its schemas, and say what was written and what comes next."""
    from .ci import ci_files
    from .schema import SCHEMA_FOLDER
    from .schema import write as write_schemas
    from .starter import ABOUT_PAGE, EXAMPLE_MEASURE, starter_files, write

    workflows = ci_files(starter.install, ci) if ci is not None else {}
    folder.mkdir(parents=True, exist_ok=True)
    written, kept = write(folder, starter_files(starter) | workflows)
    if force:  # --force replaces the CI files that were there
        replaced, _ = write(folder, {p: workflows[p] for p in kept if p in workflows}, True)
        written += replaced
        kept = [p for p in kept if p not in replaced]
    if (folder / SCHEMA_FOLDER).exists():
        kept.append(f"{SCHEMA_FOLDER}/")
    else:
        root = folder.resolve()
        written += [
            p.resolve().relative_to(root).as_posix() for p in write_schemas(folder / SCHEMA_FOLDER)
        ]
    click.echo(f"Nieuw speelveld '{starter.title}' in {folder}:")
    for path in written:
        click.echo(f"  {path}")
    if kept:
        click.echo("Bestonden al en zijn niet overschreven: " + ", ".join(kept))
    click.echo("\nVolgende stappen:")
    if folder.resolve() != Path.cwd().resolve():
        click.echo(f"  cd {folder}")
    click.echo("  speelveld check      controleer de gegevens")
    click.echo("  mkdocs serve         bekijk de site op http://127.0.0.1:8000")
    click.echo(
        f"Vervang de voorbeeldmaatregel measures/{EXAMPLE_MEASURE}.yml door uw eigen "
        f"maatregelen (speelveld new measure ID) en vul {ABOUT_PAGE} aan; "
        "README.md legt de rest uit."
    )


#: ``speelveld new interactions`` writes ``interactions.yml``: no entity, so no id.
INTERACTIONS_KIND = "interactions"


@command(
    help="Schrijf een nieuw YAML-bestand: maatregel, domein, partner, instrument of scenario, "
    "of interactions.yml met elk paar domeinen."
    f"\n\nSOORT is {', '.join(kind.name for kind in KINDS)} (met een ID), of "
    f"{INTERACTIONS_KIND} (zonder ID); ook de Nederlandse woorden "
    f"{', '.join([*ALIASES, 'interacties'])} mogen."
)
@click.argument(
    "kind",
    metavar="SOORT",
    type=DutchChoice(
        [*(kind.name for kind in KINDS), INTERACTIONS_KIND],
        ALIASES | {"interacties": INTERACTIONS_KIND},
    ),
)
@click.argument("entity_id", metavar="[ID]", required=False)
@project_option("De projectmap.")
@click.option("--no-input", is_flag=True, help="Stel geen vragen; schrijf het sjabloon.")
def new(kind: str, entity_id: str | None, project: Path, no_input: bool) -> None:
    """Write a new file of one kind, with placeholders for what the advisor must choose."""
    from .inputs import write_file
    from .kinds import BY_NAME
    from .loader import id_problem
    from .model import reserved_problem
    from .oserrors import reason
    from .reader import NotAProject, load_project
    from .scaffold import Answers, template

    if kind == INTERACTIONS_KIND:
        _new_interactions(entity_id, project)
        return
    if entity_id is None:
        usage_error(f"geef de id van het nieuwe bestand: speelveld new {kind} ID")
    problem = id_problem(entity_id) or reserved_problem(kind, entity_id)
    if problem:
        usage_error(problem)
    folder = project / BY_NAME[kind].folder
    for suffix in (".yml", ".yaml"):
        if (folder / f"{entity_id}{suffix}").exists():
            usage_error(f"{BY_NAME[kind].folder}/{entity_id}{suffix} bestaat al")
    try:
        loaded, _ = load_project(project)
    except NotAProject as error:
        usage_error(str(error))
    answers = Answers()
    if not no_input and _interactive():
        answers = _ask(kind, loaded)
    target = folder / f"{entity_id}.yml"
    try:
        folder.mkdir(exist_ok=True)
        write_file(target, template(kind, loaded, answers))
    except OSError as error:
        usage_error(f"kan {target} niet schrijven: {reason(error)}")
    click.echo(f"{target} geschreven; vul de waarden met INVULLEN in en draai speelveld check")


def _new_interactions(entity_id: str | None, project: Path) -> None:
    """``interactions.yml`` with every ordered pair of the project's domains to fill in."""
    from .ids import INTERACTIONS_FILE
    from .reader import NotAProject, load_project
    from .scaffold import interactions_template

    if entity_id is not None:
        usage_error(
            f"{INTERACTIONS_KIND} heeft geen ID: het bestand heet altijd {INTERACTIONS_FILE}; "
            f"laat '{entity_id}' weg"
        )
    target = project / INTERACTIONS_FILE
    if os.path.lexists(target):
        usage_error(f"{INTERACTIONS_FILE} bestaat al; vul dat bestand aan")
    try:
        loaded, _ = load_project(project)
    except NotAProject as error:
        usage_error(str(error))
    if len(loaded.domains) < 2:
        usage_error(
            "een interactie verbindt twee domeinen; het project heeft er "
            f"{len(loaded.domains)} zonder invoerfouten"
        )
    target.write_text(interactions_template(loaded), encoding="utf-8")
    pairs = len(loaded.domains) * (len(loaded.domains) - 1)
    click.echo(
        f"{target} geschreven met {pairs} paren domeinen; vul de waarden met INVULLEN in of "
        "verwijder een paar, en draai speelveld check"
    )


def _interactive() -> bool:
    return sys.stdin.isatty()


def _choose(prompt: str, choices: list[str]) -> str:
    """One of ``choices``, asked for; nothing when there is nothing to choose."""
    if not choices:
        return ""
    return ask_choice(prompt, choices, choices[0])


def _ask(kind: str, project: Any) -> Any:
    from .scaffold import Answers

    title = ask("Titel" if kind in ("measure", "scenario") else "Naam", show_default=False)
    if kind != "measure":
        return Answers(title=title)
    bestuur = sorted(s for s, v in project.stakeholders.items() if v.sector == "bestuur")
    owner = _choose("Bestuurlijk eigenaar", bestuur)
    lead = _choose("Trekker (partner)", sorted(project.stakeholders))
    return Answers(title=title, owner=owner, lead=lead)


@command()
@click.argument("project", default=".", type=DutchPath(path_type=Path))
@click.option(
    "--output",
    metavar="MAP",
    type=DutchPath(file_okay=False, path_type=Path),
    help="Map voor de schema's (standaard: schemas/ in het project).",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Schrijf niets; exit 1 als de schema's niet actueel zijn.",
)
def schema(project: Path, output: Path | None, check_only: bool) -> None:
    """Schrijf een JSON Schema per soort bestand, voor aanvulling en controle in de editor.

    De schema's beschrijven de vorm van de bestanden, geen ids van het project: ze
    veranderen alleen met een nieuwe versie van Speelveld.
    """
    from .cli_exchange import stop_on_input_errors
    from .inputs import Inputs, output_refusal
    from .oserrors import reason
    from .pipeline import NotAProject, check
    from .schema import SCHEMA_FOLDER, stale, write

    folder = output or project / SCHEMA_FOLDER
    try:
        report = check(project)
    except NotAProject as problem:
        usage_error(str(problem))
    refusal = output_refusal(folder, Inputs.of(project, data_files=report.project.files))
    if refusal:
        usage_error(refusal)
    # The schemas hold no project ids, but an error in the data is reported as what it is,
    # never as a stale schema, and a broken project gets no new files.
    verb = "gecontroleerd" if check_only else "geschreven"
    stop_on_input_errors(report, f"de schema's zijn niet {verb}; los die eerst op")
    if check_only:
        names = stale(folder)
        for name in names:
            click.echo(
                f"{folder / name} hoort niet bij deze versie van Speelveld; draai speelveld schema",
                err=True,
            )
        sys.exit(1 if names else 0)
    try:
        written = write(folder)
    except OSError as error:
        usage_error(f"kan de schema's niet schrijven in {folder}: {reason(error)}")
    for path in written:
        click.echo(f"{path} geschreven")


@command("demo-data")
@click.option(
    "--measures", default=100, show_default=True, metavar="AANTAL", type=DutchIntRange(min=0)
)
@click.option(
    "--domains",
    default=4,
    show_default=True,
    metavar="AANTAL",
    type=DutchIntRange(min=1, max=60),
)
@click.option("--seed", default=1, show_default=True, metavar="GETAL", type=DutchInt())
@click.option(
    "--out", required=True, metavar="MAP", type=DutchPath(file_okay=False, path_type=Path)
)
def demo_data(measures: int, domains: int, seed: int, out: Path) -> None:
    """Schrijf een synthetisch project (voor demonstraties en metingen) naar de map --out."""
    from .demo import generate, write

    if out.exists() and any(out.iterdir()):
        usage_error(f"map '{out}' is niet leeg")
    files = generate(measures, domains, seed)
    write(files, out)
    click.echo(f"{len(files)} bestanden geschreven naar {out}")
