"""Hypothesis strategies: arbitrary YAML documents and valid Speelveld projects.

A valid project is built as plain data and written with PyYAML's safe dumper, so
whatever Speelveld reports about it as an input problem is Speelveld's doing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from pprint import pformat
from typing import Any

import yaml
from hypothesis import strategies as st

from speelveld.catalogue import CATALOGUE, Option
from speelveld.config import CONFIG_FILE, Config
from speelveld.findings import Finding, Severity, Subject
from speelveld.kinds import KINDS
from speelveld.model import (
    Capacity,
    Effect,
    Involvement,
    Risks,
    SideEffect,
)
from speelveld.placeholders import MARKER

from .conftest import BASE

# --- YAML writing -------------------------------------------------------------------------


class Plain(str):
    """Text written without quotes, so YAML reads it as a person typing it would get it."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    """``yaml.safe_dump`` that writes repeated values in full (no anchors) and knows Plain."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_plain(dumper: _Dumper, data: Plain) -> yaml.ScalarNode:
    tag = dumper.resolve(yaml.ScalarNode, str(data), (True, False))
    return dumper.represent_scalar(tag, str(data))


_Dumper.add_representer(Plain, _represent_plain)


def dump(data: Any) -> str:
    """``data`` as YAML text, as ``yaml.safe_dump(data, allow_unicode=True)`` writes it."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# --- Arbitrary YAML documents ---------------------------------------------------------------

#: Text that YAML (1.1) or a renderer might read as something else.
TRICKY_TEXTS = (
    "no",
    "on",
    "off",
    "yes",
    "Y",
    "~",
    "null",
    "010",
    "0o17",
    "0x1F",
    "1:30",
    "1_000",
    "2019-02-30",
    "2019-02-28",
    "2019-02-28 25:61:00",
    ".nan",
    "-.inf",
    "1e3",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "| a | b |",
    "- item",
    "# kop",
    "a: b",
    "'",
    '"',
    "\\",
    "&anker",
    "*alias",
    "!tag",
    "@x",
    "`code`",
    "[x](javascript:alert(1))",
    "\u202eRTL",
    "مرحبا",
    "regel\nregel",
    "\t",
    "\x00",
    "\ufeff",
    "\u2028",
    "",
    " ",
)

#: Plain (unquoted) scalars, the way an advisor might type them.
PLAIN_SCALARS = (
    "no",
    "on",
    "off",
    "yes",
    "~",
    "null",
    "010",
    "0o17",
    "0x1F",
    "1:30",
    "190:20:30",
    "1_000",
    "2019-02-30",
    "2019-02-28",
    "2019-13-01",
    "2019-02-28 10:00:00",
    "2019-02-28t25:00:00",
    ".nan",
    "-.inf",
    "+.inf",
    "9" * 5000,
    "0b102",
    "1.5",
    "-3",
    "3",
)

#: The keys of every kind of file, nested models and configuration included.
FIELD_NAMES = tuple(
    sorted(
        {
            name
            for model in (
                *(k.model for k in KINDS),
                Effect,
                Involvement,
                Risks,
                Capacity,
                SideEffect,
                Config,
            )
            for name in model.model_fields
        }
    )
)
BASE_IDS = tuple(sorted(p.stem for p in BASE.glob("*/*.yml")))

scalars = st.one_of(
    st.sampled_from(TRICKY_TEXTS),
    st.sampled_from(PLAIN_SCALARS).map(Plain),
    st.text(max_size=20),
    st.integers(),
    st.integers(-5, 5),
    st.floats(),
    st.booleans(),
    st.none(),
)
keys = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(BASE_IDS),
    st.sampled_from(sorted(CATALOGUE)),
    st.text(max_size=12),
    st.sampled_from(TRICKY_TEXTS),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=20,
)
documents = st.one_of(st.dictionaries(keys, values, max_size=8), values)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data`` (a dict key or list index), parents before children."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return found
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


@st.composite
def mutated(draw: st.DrawFn, original: Any) -> Any:
    """``original`` with one to three places replaced, removed or given an extra key."""
    data = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            return draw(values)
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(("replace", "remove", "add")))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(values)
        else:
            parent.append(draw(values))
    return data


def valid_document(kind: str) -> list[Any]:
    """The parsed files of one kind in the base project (the configuration: a full one)."""
    if kind == CONFIG_FILE:
        return [
            {
                "max_file_bytes": 100000,
                "rules": {
                    "many-leads": "error",
                    "governance-mismatch": "off",
                    "domain-uncovered": {"min_measures_per_domain": 1},
                    "domain-underserved": {"level": "warning", "min_domain_share": 0.15},
                    "capacity-exceeded": {"police_hours_available": 1000},
                },
            }
        ]
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((BASE / kind).glob("*"))]


def yaml_documents(kind: str) -> st.SearchStrategy[Any]:
    """Arbitrary documents, and valid ones of ``kind`` with a few places changed."""
    return st.one_of(documents, st.sampled_from(valid_document(kind)).flatmap(mutated))


# --- Arbitrary bytes ------------------------------------------------------------------------

_BYTE_SNIPPETS = (
    b"\t",
    b"\xff",
    b"\x00",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\x07",
    b"\x85",
    "é".encode(),
    "\u2028".encode(),
    b"&a ",
    b"*a",
    b"!!binary ",
    b"!foo ",
    b": ",
    b"- ",
    b"[",
    b"{",
    b"}",
    b'"',
    b"'",
    b"\\",
    b"\n",
    b"\r",
    b"  ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"? ",
    b"|",
    b">",
    b"#",
)
_BASE_MEASURES = tuple(p.read_bytes() for p in sorted((BASE / "measures").glob("*.yml")))


@st.composite
def edited_bytes(draw: st.DrawFn) -> bytes:
    """A valid measure file with a few bytes deleted and others inserted."""
    data = bytearray(draw(st.sampled_from(_BASE_MEASURES)))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 8)))
        insert = draw(st.one_of(st.sampled_from(_BYTE_SNIPPETS), st.binary(max_size=6)))
        data[start:end] = insert
    return bytes(data)


file_bytes = st.one_of(st.binary(max_size=400), edited_bytes())


# --- Valid projects -------------------------------------------------------------------------

#: Words that valid projects never contain, so that internal measures can be traced.
SECRET = "geheim"

#: Ids that YAML would read as something other than text when written bare.
TRICKY_IDS = ("no", "on", "off", "yes", "null", "true", "010", "1", "index", "1e3", "0x1f", "nan")

ids = st.one_of(
    st.sampled_from(TRICKY_IDS),
    st.from_regex(r"\A[a-z0-9]{1,10}(-[a-z0-9]{1,6}){0,2}\Z"),
).filter(lambda s: SECRET not in s)

#: Text that means something to Markdown, HTML, Jinja or a bidi renderer.
HOSTILE_TEXTS = (
    "<script>alert(1)</script>",
    "</script><script>window.pwned=1</script>",
    "{{ 7*7 }}",
    "{% if true %}ja{% endif %}",
    "{# commentaar #}",
    "| kolom | kolom |",
    "regel\nnieuwe regel",
    "alinea\n\n## Kop { onclick=x }",
    "\u202egnirts desrever",
    "שלום עולם",
    "مرحبا بالعالم",
    "[klik](javascript:alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "[ref]: javascript:alert(1)",
    "&lt;b&gt; &amp; &#123;",
    "`code` *nadruk* _laag_",
    "\\",
    "---",
    "- ",
    "#",
    " ",
    "\t",
    "'",
    '"',
    "\r\n",
    "\u2028",
    "\ufeff",
    "😀",
    "]]>",
    "-->",
    "no",
    "010",
    "1:30",
    "2019-02-30",
    "a: b",
    "- [ ] x",
)


def _fit(text: str) -> bool:
    """Text a finished project can hold: not empty, no trace word, no placeholder.

    A value that starts with ``INVULLEN`` is what ``speelveld new`` leaves to fill in, an
    input error by design (code ``placeholder``).
    """
    return len(text) >= 1 and SECRET not in text.casefold() and not text.startswith(MARKER)


#: Any character a project may hold in a text: not a control character no reader sees (C0
#: but tab and line breaks, DEL and C1), which is an input error.
_SEEN = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r")


texts = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(_SEEN, min_size=1, max_size=30),
    st.lists(
        st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(_SEEN, max_size=8)),
        min_size=1,
        max_size=4,
    ).map("".join),
).filter(_fit)

SECTORS = ("overheid", "zorg", "onderwijs", "bedrijfsleven", "maatschappelijk", "bestuur")
STATUSES = ("proposed", "adopted", "running", "evaluated", "stopped")
ROLES = ("lead", "partner", "informed")
LEVELS = ("none", "low", "medium", "high")
CONFIDENCES = ("low", "medium", "high")


class _Absent:
    """A key left out of a file (as opposed to written as null); a project without a file."""

    def __repr__(self) -> str:
        return "ABSENT"


_ABSENT = _Absent()


def _optional(
    draw: st.DrawFn, data: dict[str, Any], key: str, values: st.SearchStrategy[Any], *, null: bool
) -> None:
    """Leave ``key`` out, write it as null (when the model allows that), or give it a value."""
    choices: list[Any] = [_ABSENT, "value"] + (["null"] if null else [])
    choice = draw(st.sampled_from(choices))
    if choice == "value":
        data[key] = draw(values)
    elif choice == "null":
        data[key] = None


@dataclass(frozen=True)
class Entity:
    kind: str
    id: str
    data: dict[str, Any]
    suffix: str = ".yml"

    @property
    def path(self) -> str:
        return f"{self.kind}/{self.id}{self.suffix}"


@dataclass(frozen=True)
class World:
    """Domains, stakeholders and instruments: what measures refer to."""

    domains: tuple[Entity, ...]
    stakeholders: tuple[Entity, ...]
    instruments: tuple[Entity, ...]
    config: Any = _ABSENT


@dataclass(frozen=True)
class ProjectSpec:
    world: World
    measures: tuple[Entity, ...] = field(default=())

    def entities(self) -> tuple[Entity, ...]:
        world = self.world
        return (*world.domains, *world.stakeholders, *world.instruments, *self.measures)

    def ids(self, kind: str) -> set[str]:
        return {e.id for e in self.entities() if e.kind == kind}

    def internal(self) -> set[str]:
        return {m.id for m in self.measures if m.data.get("visibility") == "internal"}

    def files(self) -> dict[str, str]:
        files = {e.path: dump(e.data) for e in self.entities()}
        config = self.world.config
        if config is not _ABSENT:
            files[CONFIG_FILE] = "" if config is None else dump(config)
        return files

    def write(self, root: Path) -> Path:
        for kind in KINDS:
            (root / kind.folder).mkdir(parents=True, exist_ok=True)
        for path, content in self.files().items():
            (root / path).write_text(content, encoding="utf-8")
        return root

    def __repr__(self) -> str:
        return f"ProjectSpec(files={pformat(self.files(), width=100)})"


def _with_id(draw: st.DrawFn, entity_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Shuffle the keys, and sometimes repeat the id (equal to the file name) in the file."""
    if draw(st.booleans()) and draw(st.booleans()):
        data["id"] = entity_id
    return dict(draw(st.permutations(list(data.items()))))


def _entity(draw: st.DrawFn, kind: str, entity_id: str, data: dict[str, Any]) -> Entity:
    suffix = draw(st.sampled_from((".yml", ".yml", ".yaml")))
    return Entity(kind, entity_id, _with_id(draw, entity_id, data), suffix)


def _sources(draw: st.DrawFn, data: dict[str, Any], key: str = "source") -> None:
    _optional(draw, data, key, texts, null=True)


_LEVELS = st.sampled_from(("error", "warning", "info", "off", False))


def _option_values(option: Option) -> st.SearchStrategy[Any]:
    if option.default is None:  # police hours: any number, or none
        return st.integers(0, 10**6)
    return st.integers(0, 5) if option.type is int else st.floats(0, 1)


def _rule_setting(rule_id: str) -> st.SearchStrategy[Any]:
    options = {option.name: _option_values(option) for option in CATALOGUE[rule_id].options}
    return _LEVELS | st.fixed_dictionaries({}, optional={"level": _LEVELS, **options})


_rule_settings = st.lists(st.sampled_from(sorted(CATALOGUE)), unique=True, max_size=5).flatmap(
    lambda ids: st.fixed_dictionaries({rule_id: _rule_setting(rule_id) for rule_id in ids})
)

configs = st.one_of(
    st.just(_ABSENT),
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "max_file_bytes": st.integers(10**6, 10**9),
            "rules": _rule_settings,
        },
    ),
)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    domain_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    orders = draw(
        st.lists(
            st.integers(1, 10**12),
            min_size=len(domain_ids),
            max_size=len(domain_ids),
            unique=True,
        )
    )
    domains = []
    for domain_id, order in zip(domain_ids, orders, strict=True):
        data = {
            "name": draw(texts),
            "short": draw(texts),
            "order": order,
            "description": draw(texts),
        }
        _sources(draw, data)
        domains.append(_entity(draw, "domains", domain_id, data))

    some_domains = st.lists(st.sampled_from(domain_ids), min_size=1, max_size=4)
    stakeholder_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    sectors = [draw(st.sampled_from(SECTORS)) for _ in stakeholder_ids]
    if "bestuur" not in sectors:
        sectors[draw(st.integers(0, len(sectors) - 1))] = "bestuur"
    stakeholders = []
    for stakeholder_id, sector in zip(stakeholder_ids, sectors, strict=True):
        data = {
            "name": draw(texts),
            "description": draw(texts),
            "sector": sector,
            "domains": draw(some_domains),
        }
        _sources(draw, data)
        stakeholders.append(_entity(draw, "stakeholders", stakeholder_id, data))

    instruments = []
    for instrument_id in draw(st.lists(ids, max_size=5, unique=True)):
        data = {
            "name": draw(texts),
            "description": draw(texts),
            "governance": draw(st.sampled_from(("hierarchical", "network"))),
            "domains": draw(some_domains),
        }
        side = draw(st.lists(st.sampled_from(domain_ids), unique=True, max_size=3))
        if side or draw(st.booleans()):
            data["side_effects"] = {
                d: {"score": draw(st.integers(-3, 3)), "rationale": draw(texts)} for d in side
            }
        _sources(draw, data)
        instruments.append(_entity(draw, "instruments", instrument_id, data))
    return World(tuple(domains), tuple(stakeholders), tuple(instruments), draw(configs))


@st.composite
def measure_data(
    draw: st.DrawFn, world: World, *, title: str | None = None, visibility: str | None = None
) -> dict[str, Any]:
    domain_ids = [d.id for d in world.domains]
    stakeholder_ids = [s.id for s in world.stakeholders]
    bestuur = [s.id for s in world.stakeholders if s.data["sector"] == "bestuur"]
    data: dict[str, Any] = {
        "title": title if title is not None else draw(texts),
        "summary": draw(texts),
        "status": draw(st.sampled_from(STATUSES)),
        "owner": draw(st.sampled_from(bestuur)),
        "governance": draw(st.sampled_from(("hierarchical", "network", "mixed"))),
    }
    involved = draw(st.lists(st.sampled_from(stakeholder_ids), unique=True, max_size=4))
    if involved or draw(st.booleans()):
        data["stakeholders"] = [{"id": s, "role": draw(st.sampled_from(ROLES))} for s in involved]
    instrument_ids = [i.id for i in world.instruments]
    used = draw(st.lists(st.sampled_from(instrument_ids), max_size=3)) if instrument_ids else []
    if used or draw(st.booleans()):
        data["instruments"] = used
    effects = {}
    for domain_id in domain_ids:
        if draw(st.integers(0, 9)) == 0:
            continue  # not assessed: a rule finding, not an input one
        effect: dict[str, Any] = {"score": draw(st.integers(-3, 3))}
        _optional(draw, effect, "rationale", st.one_of(st.just(""), texts), null=False)
        _optional(draw, effect, "mitigation", texts, null=True)
        _optional(draw, effect, "confidence", st.sampled_from(CONFIDENCES), null=True)
        _optional(draw, effect, "evidence", texts, null=True)
        effects[domain_id] = dict(draw(st.permutations(list(effect.items()))))
    data["effects"] = effects
    risks = st.fixed_dictionaries(
        {},
        optional={
            "displacement": st.sampled_from(LEVELS),
            "note": st.one_of(st.none(), texts),
        },
    )
    _optional(draw, data, "risks", risks, null=True)
    capacity = st.fixed_dictionaries({"police_hours_per_year": st.integers(0, 10**6)})
    _optional(draw, data, "capacity", capacity, null=True)
    _optional(draw, data, "sources", st.lists(texts, max_size=3), null=False)
    if visibility is not None:
        data["visibility"] = visibility
    else:
        _optional(draw, data, "visibility", st.sampled_from(("public", "internal")), null=False)
    return data


@st.composite
def measure_sets(
    draw: st.DrawFn, world: World, *, max_size: int = 12, taken: frozenset[str] = frozenset()
) -> tuple[Entity, ...]:
    measure_ids = draw(
        st.lists(ids.filter(lambda i: i not in taken), max_size=max_size, unique=True)
    )
    return tuple(_entity(draw, "measures", m, draw(measure_data(world))) for m in measure_ids)


@st.composite
def projects(draw: st.DrawFn, *, max_measures: int = 12) -> ProjectSpec:
    world = draw(worlds())
    return ProjectSpec(world, draw(measure_sets(world, max_size=max_measures)))


@st.composite
def projects_with_secrets(draw: st.DrawFn) -> tuple[ProjectSpec, dict[str, str]]:
    """A project with one to four internal measures ``geheim-<n>`` titled ``GEHEIMTITEL<n>``.

    Returns the project and, per internal id, the marker in its title.
    """
    spec = draw(projects(max_measures=6))
    numbers = draw(st.lists(st.integers(0, 999), min_size=1, max_size=4, unique=True))
    secrets = {f"{SECRET}-{n}": f"GEHEIMTITEL{n}" for n in numbers}
    hidden = []
    for measure_id, marker in secrets.items():
        title = draw(st.sampled_from(("{} {}", "{}{}", "{} — {}", "{}\n{}")))
        data = draw(
            measure_data(spec.world, title=title.format(marker, draw(texts)), visibility="internal")
        )
        hidden.append(_entity(draw, "measures", measure_id, data))
    measures = list(spec.measures)
    for entity in hidden:
        measures.insert(draw(st.integers(0, len(measures))), entity)
    return ProjectSpec(spec.world, tuple(measures)), secrets


@st.composite
def project_pairs(draw: st.DrawFn) -> tuple[ProjectSpec, ProjectSpec, set[str]]:
    """Two versions of a project, and the ids of measures kept unchanged between them.

    Either two unrelated projects, or one world whose head keeps some measures, changes
    others and adds new ones.
    """
    base = draw(projects(max_measures=8))
    if not base.measures or draw(st.booleans()):
        return base, draw(projects(max_measures=8)), set()
    kept = draw(st.lists(st.sampled_from(base.measures), unique_by=lambda e: e.id))
    head: list[Entity] = []
    unchanged = set()
    for entity in kept:
        if draw(st.booleans()):
            head.append(entity)
            unchanged.add(entity.id)
        else:
            data = draw(measure_data(base.world))
            head.append(Entity("measures", entity.id, data, entity.suffix))
    head.extend(draw(measure_sets(base.world, max_size=4, taken=frozenset(e.id for e in kept))))
    return base, ProjectSpec(base.world, tuple(head)), unchanged


@st.composite
def versions_with_secrets(
    draw: st.DrawFn,
) -> tuple[ProjectSpec, ProjectSpec, dict[str, str]]:
    """An earlier version and the current one of a project with internal measures.

    The current version is :func:`projects_with_secrets`; the earlier one keeps, changes or
    lacks each of its measures (an internal one stays internal) and has a few of its own.
    """
    head, secrets = draw(projects_with_secrets())
    measures: list[Entity] = []
    for entity in head.measures:
        choice = draw(st.sampled_from(("keep", "change", "drop")))
        if choice == "keep":
            measures.append(entity)
        elif choice == "change":
            marker = secrets.get(entity.id)
            data = draw(
                measure_data(
                    head.world,
                    title=f"{marker} {draw(texts)}" if marker else None,
                    visibility="internal" if marker else None,
                )
            )
            measures.append(Entity("measures", entity.id, data, entity.suffix))
    taken = frozenset(head.ids("measures"))
    measures.extend(draw(measure_sets(head.world, max_size=3, taken=taken)))
    return ProjectSpec(head.world, tuple(measures)), head, secrets


# --- Report output ----------------------------------------------------------------------------

#: Characters a report must never pass on as they are: C0 and C1 controls, DEL, line and
#: paragraph separators, bidi controls, lone surrogates (a file name that is not UTF-8),
#: the non-characters XML forbids, and what workflow commands, URIs and XML give meaning.
UNSAFE_CHARACTERS = (
    *map(chr, range(0x20)),
    "\x7f",
    "\x85",
    "\x9b",
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x2028, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\ud800",
    "\udcff",
    "\ufffe",
    "\uffff",
    *"%:,#?&<>\"'\\/ ]",
)

#: Any text: every code point but surrogates, and often the characters above.
wild_texts = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(UNSAFE_CHARACTERS)), max_size=20
)

#: Any text as a path relative to the project: what a file name can become.
relative_paths = wild_texts.filter(lambda t: not t.startswith("/"))


@st.composite
def wild_findings(draw: st.DrawFn, codes: tuple[str, ...]) -> Finding:
    """A finding with any path, subject, pointer and message; a code from ``codes``."""
    path = draw(relative_paths)
    placed = bool(path) and draw(st.booleans())
    return Finding(
        path=path,
        line=draw(st.integers(1, 10_000)) if placed else draw(st.integers(0, 3)),
        column=draw(st.integers(1, 500)) if placed else draw(st.integers(0, 3)),
        code=draw(st.sampled_from(codes)),
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(wild_texts),
        subject=Subject.parse(
            draw(st.one_of(wild_texts, st.sampled_from(("portfolio", "domain:economie"))))
        ),
        pointer=draw(wild_texts),
    )
