"""The project as a workbook for advisors: one sheet per kind and one per list inside them.

Every sheet is described once, in :data:`SHEETS`: its columns, the field each column holds
and what an advisor may choose there. ``speelveld export xlsx`` writes the workbook from
that description, :mod:`speelveld.workbook_import` reads it back with the same one, so a
column added here goes both ways. Choices come from the models (a ``Literal`` field) and
from the project (the ids on the sheets of domains, partners, instruments and measures).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from .kinds import BY_NAME
from .model import SCALE

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .project import Project

#: What a cell holds, and so how it is read back.
ID = "id"  # the entity's own id
TEXT = "text"
NUMBER = "number"  # a whole number
CHOICE = "choice"  # one of the values of a Literal field
REF = "ref"  # the id of another entity
REFS = "refs"  # ids of other entities, separated by commas
LINES = "lines"  # texts, one per line of the cell
GROUPS = "groups"  # groups an effect falls on, one per line: "name: cost" or "name: benefit"

#: Where an id list on a sheet ends: this many rows past the data, for rows added by hand.
SPARE_ROWS = 1000


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, the field it holds (a path in the entity) and its kind."""

    header: str
    field: tuple[str, ...]
    kind: str
    help: str
    #: For a REF or REFS column: the kind of entity it names (``domain``).
    refers_to: str = ""
    width: int = 16


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet with one row per entity of a kind; the first column is the id."""

    title: str
    kind: str
    columns: tuple[Column, ...]
    help: str

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


#: How a list inside an entity is laid out: a mapping keyed by id (``effects``), a list of
#: mappings with an ``id`` (``stakeholders``), or a list of ids (``instruments``).
MAPPING = "mapping"
ITEMS = "items"
IDS = "ids"


@dataclass(frozen=True, slots=True)
class Relation:
    """A sheet with one row per entry of a list inside an entity: ``Effecten``."""

    title: str
    kind: str
    field: str
    shape: str
    #: The column that names the entity (``maatregel``) and the one that names the entry.
    owner: Column
    key: Column
    values: tuple[Column, ...]
    help: str

    @property
    def columns(self) -> tuple[Column, ...]:
        return (self.owner, self.key, *self.values)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


def _id(noun: str) -> Column:
    return Column(
        "id",
        (),
        ID,
        f"De id van {noun}: kleine letters, cijfers en koppeltekens; "
        "ook de bestandsnaam. Een nieuwe rij met een nieuwe id wordt een nieuw bestand.",
    )


def _source() -> Column:
    return Column("bron", ("source",), TEXT, "Bron, bijvoorbeeld een rapport en sectie.", width=30)


def _owner(header: str, kind: str) -> Column:
    return Column(header, (), REF, f"De id van de {header} waar de rij bij hoort.", kind, 24)


MEASURES = Sheet(
    "Maatregelen",
    "measure",
    (
        _id("de maatregel"),
        Column("titel", ("title",), TEXT, "Titel van de maatregel.", width=40),
        Column("samenvatting", ("summary",), TEXT, "Samenvatting (Markdown).", width=50),
        Column("status", ("status",), CHOICE, "Stand van de maatregel."),
        Column(
            "eigenaar",
            ("owner",),
            REF,
            "Bestuurlijk eigenaar: de id van een partner met sector bestuur.",
            "stakeholder",
            20,
        ),
        Column("sturing", ("governance",), CHOICE, "Hiërarchisch, netwerkgericht of gemengd."),
        Column(
            "zichtbaarheid",
            ("visibility",),
            CHOICE,
            "public, of internal: niet in de openbare publicatie.",
        ),
        Column(
            "verplaatsing",
            ("risks", "displacement"),
            CHOICE,
            "Risico dat het probleem zich verplaatst.",
        ),
        Column(
            "risicotoelichting", ("risks", "note"), TEXT, "Toelichting op het risico.", width=30
        ),
        Column(
            "politie-uren",
            ("capacity", "police_hours_per_year"),
            NUMBER,
            "Benodigde politie-uren per jaar.",
        ),
        Column("bronnen", ("sources",), LINES, "Bronnen, één per regel in de cel.", width=40),
    ),
    "Eén rij per maatregel.",
)
EFFECTS = Relation(
    "Effecten",
    "measure",
    "effects",
    MAPPING,
    _owner("maatregel", "measure"),
    Column("domein", (), REF, "De id van het domein.", "domain", 20),
    (
        Column(
            "score", ("score",), NUMBER, "Het effect op het domein, van -3 tot en met +3.", width=8
        ),
        Column("zekerheid", ("confidence",), CHOICE, "Hoe zeker de inschatting is.", width=12),
        Column(
            "onderbouwing",
            ("rationale",),
            TEXT,
            "Waarom deze score; verplicht als de score niet 0 is.",
            width=50,
        ),
        Column("bron", ("evidence",), TEXT, "Waarop de inschatting steunt.", width=30),
        Column(
            "beperking",
            ("mitigation",),
            TEXT,
            "Hoe een negatief effect wordt beperkt.",
            width=30,
        ),
        Column("wanneer", ("when",), CHOICE, "Wanneer het effect valt: nu, later of beide."),
        Column("waar", ("where",), CHOICE, "Waar het effect valt: hier, elders of beide."),
        Column(
            "groepen",
            ("groups",),
            GROUPS,
            "Op wie het effect valt: één groep per regel in de cel, met wat zij draagt, "
            "zoals 'huurders: cost' of 'omwonenden: benefit'.",
            width=30,
        ),
    ),
    "Eén rij per maatregel en domein: het effect van de maatregel op dat domein.",
)
INVOLVEMENTS = Relation(
    "Betrokkenen",
    "measure",
    "stakeholders",
    ITEMS,
    _owner("maatregel", "measure"),
    Column("partner", ("id",), REF, "De id van de partner.", "stakeholder", 24),
    (Column("rol", ("role",), CHOICE, "Trekker (lead), partner of geïnformeerd (informed)."),),
    "Eén rij per maatregel en betrokken partner.",
)
DEPLOYMENTS = Relation(
    "Inzet",
    "measure",
    "instruments",
    IDS,
    _owner("maatregel", "measure"),
    Column("instrument", (), REF, "De id van het instrument.", "instrument", 24),
    (),
    "Eén rij per maatregel en ingezet instrument.",
)
DOMAINS = Sheet(
    "Domeinen",
    "domain",
    (
        _id("het domein"),
        Column("naam", ("name",), TEXT, "Volledige naam van het domein.", width=30),
        Column("kort", ("short",), TEXT, "Kort label voor de infographic."),
        Column("volgorde", ("order",), NUMBER, "Volgorde in de infographic, vanaf 1.", width=10),
        Column("beschrijving", ("description",), TEXT, "Beschrijving (Markdown).", width=50),
        _source(),
    ),
    "Eén rij per domein.",
)
PARTNERS = Sheet(
    "Partners",
    "stakeholder",
    (
        _id("de partner"),
        Column("naam", ("name",), TEXT, "Naam van de partner.", width=30),
        Column("sector", ("sector",), CHOICE, "Sector; bestuur houdt portefeuilles."),
        Column(
            "domeinen",
            ("domains",),
            REFS,
            "De ids van de domeinen waarin de partner een rol heeft, gescheiden door komma's.",
            "domain",
            30,
        ),
        Column("beschrijving", ("description",), TEXT, "Rol van de partner (Markdown).", width=50),
        _source(),
    ),
    "Eén rij per partner.",
)
INSTRUMENTS = Sheet(
    "Instrumenten",
    "instrument",
    (
        _id("het instrument"),
        Column("naam", ("name",), TEXT, "Naam van het instrument.", width=30),
        Column("sturing", ("governance",), CHOICE, "Hiërarchisch of netwerkgericht."),
        Column(
            "domeinen",
            ("domains",),
            REFS,
            "De ids van de domeinen waarop het instrument mikt, gescheiden door komma's.",
            "domain",
            30,
        ),
        Column("beschrijving", ("description",), TEXT, "Beschrijving (Markdown).", width=50),
        _source(),
    ),
    "Eén rij per instrument.",
)
SIDE_EFFECTS = Relation(
    "Neveneffecten",
    "instrument",
    "side_effects",
    MAPPING,
    _owner("instrument", "instrument"),
    Column("domein", (), REF, "De id van het domein.", "domain", 20),
    (
        Column("score", ("score",), NUMBER, "Het neveneffect, van -3 tot en met +3.", width=8),
        Column(
            "onderbouwing",
            ("rationale",),
            TEXT,
            "Waarom het instrument dit domein raakt.",
            width=50,
        ),
    ),
    "Eén rij per instrument en domein waar het niet op mikt maar dat het wel raakt.",
)
SCENARIOS = Sheet(
    "Scenario's",
    "scenario",
    (
        _id("het scenario"),
        Column("titel", ("title",), TEXT, "Titel van het scenario.", width=30),
        Column("beschrijving", ("description",), TEXT, "Wat het scenario inhoudt.", width=50),
        Column(
            "voert in",
            ("adopt",),
            REFS,
            "De ids van de voorgestelde maatregelen die het scenario invoert, met komma's.",
            "measure",
            30,
        ),
        Column(
            "stopt",
            ("stop",),
            REFS,
            "De ids van de geldende maatregelen die het scenario stopt, met komma's.",
            "measure",
            30,
        ),
        _source(),
    ),
    "Eén rij per scenario: een keuze voor het bestuur.",
)

#: Every sheet, in the order of the workbook.
SHEETS: tuple[Sheet | Relation, ...] = (
    MEASURES,
    EFFECTS,
    INVOLVEMENTS,
    DEPLOYMENTS,
    DOMAINS,
    PARTNERS,
    INSTRUMENTS,
    SIDE_EFFECTS,
    SCENARIOS,
)
#: The sheet that holds the ids of each kind: the source of every drop-down of those ids.
ID_SHEETS: dict[str, Sheet] = {s.kind: s for s in SHEETS if isinstance(s, Sheet)}
EXPLANATION = "Uitleg"


# --- the values a column allows -----------------------------------------------------------


def field_annotation(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The annotation of the field at ``path`` in ``model`` (nested models followed)."""
    annotation: Any = model
    for step in path:
        inner = model_in(annotation)
        if inner is None:
            return None
        annotation = inner.model_fields[step].annotation
    return annotation


def model_in(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType):
        return next((m for a in get_args(annotation) if (m := model_in(a))), None)
    return None


def literal_values(annotation: Any) -> list[str]:
    """The values of a ``Literal`` (also inside ``X | None``)."""
    if get_origin(annotation) is Literal:
        return [str(v) for v in get_args(annotation)]
    if get_origin(annotation) in (Union, UnionType):
        return [v for arg in get_args(annotation) for v in literal_values(arg)]
    return []


def item_model(sheet: Sheet | Relation) -> type[BaseModel]:
    """The model a row's value columns belong to: the entity, or the entry of its list."""
    model = BY_NAME[sheet.kind].model
    if isinstance(sheet, Sheet):
        return model
    entry = get_args(field_annotation(model, (sheet.field,)))[-1]
    inner = model_in(entry)
    return inner if inner is not None else model


def choices(sheet: Sheet | Relation, column: Column) -> list[str]:
    """What a CHOICE column allows, from the model; the scale for a score."""
    if column.field == ("score",):
        return [str(v) for v in sorted(SCALE)]
    return literal_values(field_annotation(item_model(sheet), column.field))


def is_score(column: Column) -> bool:
    return column.field == ("score",)


# --- from the project to rows ---------------------------------------------------------------


def value_at(data: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def cell_value(column: Column, value: Any) -> Any:
    """A value of the data as the cell shows it: lists joined, numbers as numbers."""
    if value is None:
        return None
    if column.kind == REFS:
        return ", ".join(value)
    if column.kind == LINES:
        return "\n".join(value)
    if column.kind == GROUPS:
        return "\n".join(
            f"{g.get('group')}: {g.get('bears')}" if isinstance(g, dict) else str(g) for g in value
        )
    return value


def rows(sheet: Sheet | Relation, project: Project) -> Iterator[list[Any]]:
    """The rows of a sheet, from the data as written in the files."""
    documents = project.documents_of(sheet.kind)
    for entity_id in project.entities(sheet.kind):
        data = documents[entity_id].data
        if isinstance(sheet, Sheet):
            yield [entity_id, *(cell_value(c, value_at(data, c.field)) for c in sheet.columns[1:])]
            continue
        entries = data.get(sheet.field) or ([] if sheet.shape != MAPPING else {})
        for key, entry in _entries(sheet, entries):
            values = [cell_value(c, value_at(entry, c.field)) for c in sheet.values]
            yield [entity_id, key, *values]


def _entries(sheet: Relation, entries: Any) -> Iterator[tuple[str, Any]]:
    if sheet.shape == MAPPING:
        yield from entries.items()
    elif sheet.shape == ITEMS:
        yield from ((entry["id"], entry) for entry in entries)
    else:
        yield from ((entry, {}) for entry in entries)


# --- the workbook ------------------------------------------------------------------------------


def letter(index: int) -> str:
    """The column letter of a 1-based column number."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def quoted(title: str) -> str:
    """A sheet's name as a formula names it."""
    return "'" + title.replace("'", "''") + "'"


def write_workbook(project: Project, out: Path) -> dict[str, int]:
    """Write the workbook to ``out`` (atomically); the number of rows of each sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    explanation = book.active
    assert explanation is not None
    explanation.title = EXPLANATION
    counts: dict[str, int] = {}
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    top = Alignment(vertical="top", wrap_text=True)
    extent = {kind: len(project.entities(kind)) + 1 + SPARE_ROWS for kind in ID_SHEETS}
    for sheet in SHEETS:
        page = book.create_sheet(sheet.title)
        page.append(list(sheet.headers))
        count = 0
        for row in rows(sheet, project):
            page.append(row)
            count += 1
        counts[sheet.title] = count
        for index, column in enumerate(sheet.columns, start=1):
            cell = page.cell(1, index)
            cell.font, cell.fill, cell.alignment = bold, fill, top
            page.column_dimensions[letter(index)].width = column.width
        frozen = 2 if isinstance(sheet, Sheet) else 3
        page.freeze_panes = f"{letter(frozen)}2"
        _drop_downs(page, sheet, count + 1 + SPARE_ROWS, extent)
    _explain(explanation, counts)
    book.active = 1 + SHEETS.index(EFFECTS)
    book.properties.title = "Speelveld"
    book.properties.creator = "Speelveld"
    _save(book, out)
    return counts


def _drop_downs(page: Any, sheet: Sheet | Relation, last: int, extent: dict[str, int]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(sheet.columns, start=1):
        formula = ""
        if column.kind == CHOICE or is_score(column):
            formula = '"' + ",".join(choices(sheet, column)) + '"'
        elif column.kind == REF:
            source = ID_SHEETS[column.refers_to]
            formula = f"{quoted(source.title)}!$A$2:$A${extent[column.refers_to]}"
        if not formula:
            continue
        allowed = (
            ", ".join(choices(sheet, column))
            if formula.startswith('"')
            else f"een id van het werkblad {ID_SHEETS[column.refers_to].title}"
        )
        check = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=f"Ongeldige {column.header}",
            error=f"Kies voor {column.header}: {allowed}"[:255],
            promptTitle=column.header[:32],
            prompt=column.help[:255],
            showInputMessage=True,
        )
        check.add(f"{letter(index)}2:{letter(index)}{last}")
        page.add_data_validation(check)


def _explain(page: Any, counts: dict[str, int]) -> None:
    from openpyxl.styles import Alignment, Font

    from .render import vocabulary

    lines: list[tuple[str, bool]] = [
        ("Speelveld als werkboek", True),
        (
            "Dit werkboek bevat de gegevens van het project: één werkblad per soort, en één "
            "per lijst binnen een maatregel of instrument. Pas waarden aan, voeg rijen toe of "
            "verwijder ze, en lees het werkboek terug met: speelveld import BESTAND.xlsx. "
            "Speelveld controleert eerst elke cel en schrijft niets zolang er een fout in "
            "staat; de melding noemt het werkblad en de cel, zoals Effecten!C14.",
            False,
        ),
        (
            "Laat de kopjes in de eerste rij staan en verander geen ids van bestaande rijen: "
            "een id is ook de bestandsnaam. Een rij met een nieuwe id wordt een nieuw bestand; "
            "een verwijderde rij wordt gemeld en alleen verwijderd met speelveld import "
            "--delete.",
            False,
        ),
        ("", False),
    ]
    for sheet in SHEETS:
        lines.append((f"{sheet.title} ({counts[sheet.title]} rijen): {sheet.help}", True))
        for column in sheet.columns:
            allowed = ""
            if column.kind == CHOICE or is_score(column):
                allowed = f" Keuzes: {', '.join(choices(sheet, column))}."
            lines.append((f"{column.header}: {column.help}{allowed}", False))
        lines.append(("", False))
    meanings = {
        "status": vocabulary.STATUS,
        "sturing": vocabulary.GOVERNANCE,
        "rol": vocabulary.ROLE,
        "zekerheid": vocabulary.CONFIDENCE,
        "verplaatsing": vocabulary.LEVELS,
        "wanneer": vocabulary.WHEN,
        "waar": vocabulary.WHERE,
        "groepen": vocabulary.BEARS,
        "score": {str(v): f"{v:+d} {name}" if v else f"0 {name}" for v, name in SCALE.items()},
    }
    lines.append(("Wat de keuzes betekenen", True))
    for header, words in meanings.items():
        listed = "; ".join(f"{value} = {word}" for value, word in words.items())
        lines.append((f"{header}: {listed}", False))
    page.column_dimensions["A"].width = 110
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for number, (text, heading) in enumerate(lines, start=1):
        cell = page.cell(number, 1, text or None)
        cell.alignment = wrap
        if heading:
            cell.font = bold


def _save(book: Any, out: Path) -> None:
    """Save beside ``out`` and rename: a failed export leaves no half-written file."""
    folder = out.parent if str(out.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
