"""``speelveld init``: a new project that checks clean and builds, to start from.

:func:`starter_files` is pure: the files of a new project by path. :func:`write` puts
them on disk and never overwrites a file. The command writes the JSON schemas beside them
with :func:`speelveld.schema.write`.

One example measure scores +1 on every domain, so that ``speelveld check`` finds no
error and the site builds at once; its texts say plainly that it is to be replaced.
"""

from __future__ import annotations

import json
import re
import textwrap
import types
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import jinja2
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from .catalogue import CATALOGUE, OPTIONS
from .config import Config
from .ids import CONFIG_FILE, INTERACTIONS_FILE, MAX_ID_LENGTH
from .kinds import KINDS
from .loader import id_problem
from .schema import FILES, SCHEMA_FOLDER

DEFAULT_TITLE = "Integraal speelveld"
#: The partner, instrument and measure every new project starts with.
OWNER = "college"
INSTRUMENT = "overleg"
EXAMPLE_MEASURE = "voorbeeldmaatregel"
#: The page the advisors write; ``docs/index.md`` would replace the generated home page.
ABOUT_PAGE = "docs/over.md"
#: A domain name up to this long is its own short label in the infographic.
SHORT_LENGTH = 20
_WIDTH = 88


@dataclass(frozen=True, slots=True)
class StarterDomain:
    id: str
    name: str
    short: str


#: The domains of ``speelveld init --no-input``: neutral, to be renamed or replaced.
EXAMPLE_DOMAINS = (
    StarterDomain("preventie", "Preventie en voorlichting", "Preventie"),
    StarterDomain("hulp", "Hulp en ondersteuning", "Hulp"),
    StarterDomain("handhaving", "Regels en handhaving", "Handhaving"),
)


@dataclass(frozen=True, slots=True)
class Starter:
    """What a new project is made of: its title, its domains, and where Speelveld comes from.

    ``install`` is the pip requirement that the README, the hooks and the workflows install
    (:func:`speelveld.ci.requirement`).
    """

    title: str
    domains: tuple[StarterDomain, ...]
    install: str


def installed_version() -> str:
    """The version of this package, what a new project installs unless it is told otherwise."""
    try:
        return metadata.version("speelveld")
    except metadata.PackageNotFoundError:  # run from a source folder without installing
        from . import __version__

        return __version__


def slug(name: str) -> str:
    """An id from a name: ``Werk en inkomen`` becomes ``werk-en-inkomen``; may be empty."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")


def short_label(name: str) -> str:
    """A label for the infographic: the name itself, or its first word when it is long."""
    name = " ".join(name.split())
    if len(name) <= SHORT_LENGTH:
        return name
    word = name.split()[0].strip(",;:.")
    return word if len(word) <= SHORT_LENGTH else word[: SHORT_LENGTH - 1].rstrip("-") + "…"


def domains_from_names(names: Iterable[str]) -> tuple[StarterDomain, ...]:
    """Domains with ids derived from their names, each id unique and valid."""
    domains: list[StarterDomain] = []
    taken: set[str] = set()
    for number, raw in enumerate(names, 1):
        name = " ".join(raw.split())
        base = slug(name) or f"domein-{number}"
        entity_id, suffix = base, 1
        while entity_id in taken:
            suffix += 1
            tail = f"-{suffix}"
            entity_id = base[: MAX_ID_LENGTH - len(tail)].rstrip("-") + tail
        taken.add(entity_id)
        domains.append(StarterDomain(entity_id, name, short_label(name)))
    return tuple(domains)


def parse_domain(option: str) -> StarterDomain:
    """A ``--domain ID=NAAM`` value; :class:`ValueError` with a Dutch message otherwise."""
    entity_id, equals, name = option.partition("=")
    entity_id, name = entity_id.strip(), " ".join(name.split())
    if not equals:
        raise ValueError(
            f"--domain '{option}' mist een '=': schrijf ID=NAAM, "
            'bijvoorbeeld --domain werk="Werk en inkomen"'
        )
    problem = id_problem(entity_id)
    if problem:
        raise ValueError(f"--domain '{option}': {problem}")
    if not name:
        raise ValueError(f"--domain '{option}' mist de naam na '='")
    return StarterDomain(entity_id, name, short_label(name))


def starter_files(starter: Starter) -> dict[str, str]:
    """Every file of the new project but the schemas, by path in the project folder."""
    templates = _environment()
    values = {
        "title": starter.title,
        "install": starter.install,
        "example": EXAMPLE_MEASURE,
        "owner": OWNER,
    }
    files = {
        "mkdocs.yml": templates.get_template("mkdocs.yml.jinja").render(values),
        CONFIG_FILE: config_text(),
        ABOUT_PAGE: templates.get_template("over.md.jinja").render(values),
        "README.md": templates.get_template("README.md.jinja").render(values),
        ".gitignore": _GITIGNORE,
        ".pre-commit-config.yaml": pre_commit_config(starter.install),
        ".vscode/settings.json": vscode_settings(),
    }
    for order, domain in enumerate(starter.domains, 1):
        files[f"domains/{domain.id}.yml"] = _domain(domain, order)
    ids = [d.id for d in starter.domains]
    files[f"stakeholders/{OWNER}.yml"] = _owner(ids)
    files[f"instruments/{INSTRUMENT}.yml"] = _instrument(ids)
    files[f"measures/{EXAMPLE_MEASURE}.yml"] = _measure(starter.domains)
    return files


def write(
    folder: Path, files: dict[str, str], overwrite: bool = False
) -> tuple[list[str], list[str]]:
    """Write each file that does not exist yet (or each, with ``overwrite``): the paths
    written, and those kept."""
    written: list[str] = []
    kept: list[str] = []
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("w" if overwrite else "x", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        except FileExistsError:
            kept.append(path)
        else:
            written.append(path)
    return written, kept


def _text(value: str) -> str:
    """A YAML scalar that is always read back as this text (JSON is YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("speelveld", "starter"),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    environment.filters["yaml_text"] = _text
    return environment


def _header(folder: str) -> str:
    return f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{FILES[folder]}\n"


def _list(ids: list[str]) -> str:
    """Ids as a YAML list, each quoted: YAML 1.1 reads ``no`` or ``010`` as no text."""
    return "".join(f"  - {_text(entity_id)}\n" for entity_id in ids)


def _domain(domain: StarterDomain, order: int) -> str:
    description = (
        f"Het domein {domain.name}. Vul deze beschrijving aan: wat valt eronder, "
        "en welk doel dient het?"
    )
    folded = textwrap.fill(
        description,
        width=_WIDTH,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,  # folding joins the lines with a space: break only at one
        break_on_hyphens=False,
    )
    return f"""\
{_header("domains")}\
# Een domein in het midden van het speelveld. short is het label in de infographic,
# order de plaats (vanaf 1); de beschrijving is Markdown.
name: {_text(domain.name)}
short: {_text(domain.short)}
order: {order}
description: >-
{folded}
"""


def _owner(domains: list[str]) -> str:
    return f"""\
{_header("stakeholders")}\
# Een partner in de middelste ring. Met sector bestuur kan een partner eigenaar van een
# maatregel zijn; voeg bestuurders met een eigen portefeuille toe met
# `speelveld new stakeholder ID`.
name: "College van burgemeester en wethouders"
description: >-
  Het dagelijks bestuur, eigenaar van de maatregelen zolang er geen bestuurders met een
  eigen portefeuille zijn beschreven.
sector: bestuur
domains:
{_list(domains)}"""


def _instrument(domains: list[str]) -> str:
    return f"""\
{_header("instruments")}\
# Een instrument in de buitenste ring: hierarchical (regels, handhaving) of network
# (samenwerking). side_effects noemt bekende neveneffecten op andere domeinen.
name: "Overleg tussen partners"
description: "Geregeld overleg waarin de partners signalen delen en hun inzet afstemmen."
governance: network
domains:
{_list(domains)}"""


def _measure(domains: tuple[StarterDomain, ...]) -> str:
    rationale = _text("Voorbeeld: vervang dit door de onderbouwing van het effect op dit domein.")
    effects = "".join(
        f"  {_text(d.id)}:\n    score: 1\n    rationale: {rationale}\n" for d in domains
    )
    return f"""\
{_header("measures")}\
# DIT IS EEN VOORBEELD om mee te beginnen, geen echte maatregel. Vervang het door de
# maatregelen van uw beleid (`speelveld new measure ID`). Het scoort +1 op elk domein,
# zodat `speelveld check` meteen slaagt: een domein dat door geen enkele maatregel
# positief wordt gescoord, is een fout (domain-uncovered).
title: "Voorbeeldmaatregel (vervangen)"
summary: >-
  Dit is een voorbeeld, geen echte maatregel. Vervang het door een maatregel van uw eigen
  beleid.
# status: proposed, adopted, running, evaluated of stopped
status: proposed
owner: {_text(OWNER)}
# governance: hierarchical, network of mixed
governance: network
stakeholders:
  # role: lead (precies één trekker), partner of informed
  - id: {_text(OWNER)}
    role: lead
instruments:
  - {_text(INSTRUMENT)}
# Per domein een score van -3 tot +3 met een rationale; een negatieve score ook een
# mitigation.
effects:
{effects}sources: []
"""


_GITIGNORE = """\
# De gebouwde site, en de mappen waarin mkdocs build haar klaarzet
/site/
/.site.speelveld-*/
.venv/
__pycache__/
"""


def _data_files() -> str:
    """The files the hooks watch: every data file, the configuration and the interactions."""
    folders = "|".join(kind.folder for kind in KINDS)
    files = "|".join(re.escape(name) for name in (CONFIG_FILE, INTERACTIONS_FILE))
    return rf"^({folders})/.*\.ya?ml$|^({files})$"


def pre_commit_config(install: str) -> str:
    """The published hooks as local hooks that install the requirement ``install``.

    A local hook with the requirement as its one dependency works with a version from an
    index, a wheel or a git URL alike; pre-commit makes the environment once per requirement.
    """
    schemas = rf"{_data_files()}|^{SCHEMA_FOLDER}/.*\.json$"
    # check reports the findings of the committed files (and the portfolio's); the schemas
    # belong to the whole project.
    hooks = [
        ("speelveld-check", "speelveld check", _data_files(), "true"),
        ("speelveld-schema", "speelveld schema --check", schemas, "false"),
    ]
    entries = "".join(
        f"""\
      - id: {hook}
        name: {entry}
        entry: {entry}
        language: python
        additional_dependencies: [{_text(install)}]
        pass_filenames: {pass_filenames}
        files: '{files}'
"""
        for hook, entry, files, pass_filenames in hooks
    )
    return f"""\
# Controleert het speelveld voor elke commit die een gegevensbestand, speelveld.yml of een
# schema wijzigt. Aanzetten: pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
{entries}"""


def vscode_settings() -> str:
    """The schemas bound to their folders, for the YAML extension of Visual Studio Code."""
    bound = {f"{SCHEMA_FOLDER}/{FILES[k.folder]}": f"{k.folder}/*.yml" for k in KINDS}
    bound[f"{SCHEMA_FOLDER}/{FILES['config']}"] = CONFIG_FILE
    bound[f"{SCHEMA_FOLDER}/{FILES['interactions']}"] = INTERACTIONS_FILE
    settings = {
        "yaml.schemas": bound,
        "yaml.customTags": [],
        "files.encoding": "utf8",
        "editor.insertSpaces": True,
        "[yaml]": {"editor.tabSize": 2},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


_CONFIG_HEADER = """\
# yaml-language-server: $schema={schema}
# De instellingen van dit speelveld. Elke optie staat hieronder als commentaar, met haar
# standaardwaarde: zolang alles commentaar is, gelden de standaardwaarden. Om een optie te
# gebruiken haalt u het # weg voor de regel met de optie (en voor de regels eronder bij een
# optie met onderdelen) en past u de waarde aan."""


class _Unset:
    """No value given: the field's own default applies."""


_UNSET = _Unset()


def config_text(model: type[BaseModel] = Config) -> str:
    """``speelveld.yml`` with every option of ``model`` commented out, documented.

    Made from the model's fields, so that a new option appears here by itself; an option
    that is a model of its own (or a list of them) shows its parts as commented sub-keys.
    """
    lines = [_CONFIG_HEADER.format(schema=f"{SCHEMA_FOLDER}/{FILES['config']}")]
    for name, info in model.model_fields.items():
        if name in OPTIONS:  # where the thresholds used to be; they are under rules now
            continue
        lines.append("")
        # Descriptions of top-level options are comments already; the rest is the YAML
        # the advisor gets by removing one "# ".
        given = _rule_defaults() if name == "rules" else _UNSET
        lines.extend(
            line if line.startswith("# ") else f"# {line}".rstrip()
            for line in _option(name, info, "", given)
        )
    return "\n".join(lines) + "\n"


def _rule_defaults() -> dict[str, Any]:
    """Every rule at its own level, with its thresholds at their defaults."""
    return {
        rule.id: (
            {"level": rule.level.label, **{o.name: o.default for o in rule.options}}
            if rule.options
            else rule.level.label
        )
        for rule in CATALOGUE.values()
    }


def _option(name: str, info: FieldInfo, indent: str, given: Any) -> list[str]:
    """The uncommented YAML of one option: its description as comments, then the key."""
    key = info.alias or name
    required = isinstance(given, _Unset) and info.is_required()
    if required:
        value: Any = None
    elif isinstance(given, _Unset):
        value = to_jsonable_python(info.get_default(call_default_factory=True))
    else:
        value = given
    notes = [info.description or ""]
    if required:
        notes.append("Verplicht.")
    nested, item = _model(info.annotation), _list_item_model(info.annotation)
    body: list[str]
    if nested is not None and (value is None or isinstance(value, dict)):
        if value is None and not required:
            notes.append("Standaard: leeg (null).")
        body = [f"{indent}{key}:"]
        for sub_name, sub_info in nested.model_fields.items():
            sub_given = value.get(sub_info.alias or sub_name, _UNSET) if value else _UNSET
            body.extend(_option(sub_name, sub_info, indent + "  ", sub_given))
    elif item is not None and item.model_fields and not value:
        if value is not None:
            notes.append(f"Standaard: {json.dumps(value)}.")
        notes.append("Een lijst; elk onderdeel zo:")
        entry = [
            line
            for sub_name, sub_info in item.model_fields.items()
            for line in _option(sub_name, sub_info, indent + "    ", _UNSET)
        ]
        first = next(i for i, line in enumerate(entry) if not line.lstrip().startswith("#"))
        entry[first] = f"{indent}  - {entry[first].lstrip()}"
        body = [f"{indent}{key}:", *entry]
    elif required:
        body = [f"{indent}{key}:"]
    else:
        body = [f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}"]
    description = " ".join(n for n in notes if n)
    width = max(40, _WIDTH - len(indent) - 4)
    wrapped = textwrap.wrap(description, width=width, break_on_hyphens=False)
    return [f"{indent}# {line}" for line in wrapped] + body


def _kinds(annotation: Any) -> list[Any]:
    """The types a value may have, without ``None`` and ``Annotated`` metadata."""
    if get_origin(annotation) is Annotated:
        return _kinds(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return [kind for arg in get_args(annotation) for kind in _kinds(arg)]
    return [] if annotation is type(None) else [annotation]


def _model(annotation: Any) -> type[BaseModel] | None:
    kinds = _kinds(annotation)
    if len(kinds) != 1 or get_origin(kinds[0]) is not None or not isinstance(kinds[0], type):
        return None
    return kinds[0] if issubclass(kinds[0], BaseModel) else None


def _list_item_model(annotation: Any) -> type[BaseModel] | None:
    kinds = _kinds(annotation)
    if len(kinds) != 1 or get_origin(kinds[0]) is not list:
        return None
    return _model(get_args(kinds[0])[0])
