"""Read a workbook back into the project: every cell checked first, then only what changed.

The workbook is read with the sheets of :mod:`speelveld.workbook`. Each row becomes the
data of its entity: the file's data with the columns of the workbook laid over it, so a
field the workbook does not show (an acceptance, say) is kept as it is. That data goes
through the models and the reference checks of ``speelveld check``; a problem is reported
at its sheet and cell (``Effecten!C14``), in Dutch. Only when no cell is wrong are files
written, and only those whose data changed (:mod:`speelveld.yamledit`).
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import Finding, Severity, Subject
from .kinds import BY_NAME
from .workbook import (
    CHOICE,
    GROUPS,
    ID,
    ID_SHEETS,
    IDS,
    ITEMS,
    LINES,
    MAPPING,
    NUMBER,
    REF,
    REFS,
    SHEETS,
    Column,
    Relation,
    Sheet,
    choices,
    field_annotation,
    item_model,
    letter,
    literal_values,
    model_in,
)
from .yamledit import Ids

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .project import Project

Pointer = tuple[str | int, ...]


class _Absent:
    """An empty cell: the field is left out (or left as the file has it)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()
NO_SUBJECT = Subject()


class Unreadable(Exception):
    """The file is no workbook that can be read (a usage problem)."""


@dataclass(frozen=True, slots=True)
class Place:
    """A cell: its sheet, row and column, and the header of that column."""

    sheet: str
    row: int
    column: int
    header: str

    def __str__(self) -> str:
        return f"{self.sheet}!{letter(self.column)}{self.row}"


@dataclass(slots=True)
class _Entity:
    """What the workbook says of one entity, with the cell of every value."""

    kind: str
    id: str
    row: Place
    values: dict[tuple[str, ...], Any] = field(default_factory=dict)
    #: Per list field: (key, values of the row, places) for each row of its sheet.
    entries: dict[str, list[tuple[str, dict[tuple[str, ...], Any], Place, dict[str, Place]]]] = (
        field(default_factory=dict)
    )
    places: dict[tuple[str, ...], Place] = field(default_factory=dict)

    def place(self, pointer: Pointer) -> Place:
        """The cell of a value, or of the nearest value that holds it, or the row's id."""
        steps = tuple(str(step) for step in pointer)
        for end in range(len(steps), -1, -1):
            found = self.places.get(steps[:end])
            if found is not None:
                return found
        return self.row

    def locate(self, places: dict[Pointer, Place]) -> None:
        self.places.update({tuple(str(s) for s in p): place for p, place in places.items()})


@dataclass(frozen=True, slots=True)
class FileChange:
    """A file to write: its path in the project, and its text before (empty when new)."""

    path: str
    before: str
    after: str


@dataclass(slots=True)
class Plan:
    """What an import would do, and the problems that stop it."""

    findings: list[Finding] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    #: Files whose entity is no longer in the workbook: (kind, id, path).
    removed: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def read_book(path: Path) -> Any:
    """The workbook, opened for reading; :class:`Unreadable` when it is none."""
    import zipfile

    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise Unreadable(
            f"'{path}' is geen Excel-werkboek (.xlsx) dat kan worden gelezen ({error})"
        ) from None
    except OSError as error:
        raise Unreadable(f"'{path}' kan niet worden gelezen: {error.strerror}") from None


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Finding] = []

    def problem(
        self,
        place: Place,
        message: str,
        code: str = "schema",
        severity: Severity = Severity.ERROR,
        subject: Subject = NO_SUBJECT,
    ) -> None:
        self.findings.append(
            Finding(
                self.name,
                place.row,
                place.column,
                code,
                severity,
                f"{place}: {message}",
                subject=subject,
                pointer=str(place),
            )
        )


def _headers(
    reader: _Reader, sheet: Sheet | Relation, header: tuple[Any, ...]
) -> dict[str, int] | None:
    """The column of every header of ``sheet``; None (and a finding) when one is missing."""
    found: dict[str, int] = {}
    for index, value in enumerate(header, start=1):
        text = " ".join(str(value).split()).lower() if value is not None else ""
        if text in sheet.headers and text not in found:
            found[text] = index
        elif text:
            place = Place(sheet.title, 1, index, text)
            reader.problem(
                place,
                f"de kolom '{value}' hoort niet bij dit werkblad en wordt niet gelezen",
                severity=Severity.WARNING,
            )
    missing = [h for h in sheet.headers if h not in found]
    if missing:
        place = Place(sheet.title, 1, len(header) + 1, missing[0])
        listed = ", ".join(f"'{h}'" for h in missing)
        reader.problem(
            place,
            f"de kolom {listed} ontbreekt; zet de kopjes terug zoals speelveld export xlsx "
            "ze schreef, anders gaan die gegevens verloren",
        )
        return None
    return found


def _rows(
    book: Any, reader: _Reader, sheet: Sheet | Relation
) -> Iterator[tuple[int, dict[str, Any], dict[str, int]]]:
    if sheet.title not in book.sheetnames:
        reader.problem(
            Place(sheet.title, 1, 1, ""),
            "het werkblad ontbreekt; exporteer het werkboek opnieuw met speelveld export xlsx",
        )
        return
    lines = book[sheet.title].iter_rows(values_only=True)
    header = next(lines, ())
    columns = _headers(reader, sheet, tuple(header))
    if columns is None:
        return
    for number, line in enumerate(lines, start=2):
        cells = {h: line[i - 1] if i - 1 < len(line) else None for h, i in columns.items()}
        if all(_empty(v) for v in cells.values()):
            continue
        yield number, cells, columns


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_SEPARATORS = re.compile(r"[,;\s]+")


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def convert(column: Column, value: Any) -> tuple[Any, str]:
    """The cell's value as data for ``column``, or the problem with it (in Dutch)."""
    if _empty(value):
        return ABSENT, ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if column.kind == NUMBER:
        return _number(column, value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value).replace("\r\n", "\n")
    if column.kind in (ID, REF, CHOICE):
        return " ".join(text.split()), ""
    if column.kind == REFS:
        return [ref for ref in _SEPARATORS.split(text) if ref], ""
    if column.kind == LINES:
        return [line.strip() for line in text.split("\n") if line.strip()], ""
    if column.kind == GROUPS:
        return _groups(column, text)
    return text, ""


def _groups(column: Column, text: str) -> tuple[Any, str]:
    """``sekswerkers: cost`` per line as ``[{group, bears}]``; bears is checked by the model."""
    groups = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        group, colon, bears = line.rpartition(":")
        if not colon or not group.strip():
            return ABSENT, (
                f"{column.header} {_shown(line)} noemt niet wat de groep draagt; schrijf één "
                "groep per regel, als 'groep: cost' of 'groep: benefit'"
            )
        groups.append({"group": " ".join(group.split()), "bears": bears.strip()})
    return groups, ""


def _number(column: Column, value: Any) -> tuple[Any, str]:
    if isinstance(value, bool):
        return ABSENT, f"{column.header} {_shown(value)} is geen geheel getal"
    if isinstance(value, int):
        return value, ""
    text = str(value).strip().replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text), ""
    return ABSENT, f"{column.header} {_shown(value)} is geen geheel getal"


def _read(book: Any, reader: _Reader) -> dict[tuple[str, str], _Entity]:
    """Every entity in the workbook, by kind and id, with its values and their cells."""
    from .loader import id_problem

    entities: dict[tuple[str, str], _Entity] = {}
    for sheet in SHEETS:
        if not isinstance(sheet, Sheet):
            continue
        for number, cells, columns in _rows(book, reader, sheet):
            place = Place(sheet.title, number, columns["id"], "id")
            entity_id, _ = convert(sheet.columns[0], cells["id"])
            if entity_id is ABSENT:
                reader.problem(place, "id is leeg; geef elke rij een id")
                continue
            problem = id_problem(entity_id)
            if problem:
                reader.problem(place, problem, "invalid-id")
                continue
            key = (sheet.kind, entity_id)
            if key in entities:
                first = entities[key].row
                reader.problem(
                    place,
                    f"id '{entity_id}' staat al op rij {first.row}; geef elke rij een eigen id",
                    "duplicate-id",
                )
                continue
            entity = _Entity(sheet.kind, entity_id, place)
            entity.places[()] = place
            for column in sheet.columns[1:]:
                cell = Place(sheet.title, number, columns[column.header], column.header)
                value, problem = convert(column, cells[column.header])
                if problem:
                    reader.problem(cell, problem, subject=Subject(sheet.kind, entity_id))
                entity.values[column.field] = value
                entity.places[column.field] = cell
            entities[key] = entity
    for sheet in SHEETS:
        if isinstance(sheet, Relation):
            _read_relation(book, reader, sheet, entities)
    return entities


def _read_relation(
    book: Any, reader: _Reader, sheet: Relation, entities: dict[tuple[str, str], _Entity]
) -> None:
    seen: dict[tuple[str, str], int] = {}
    owner_sheet = ID_SHEETS[sheet.kind]
    for number, cells, columns in _rows(book, reader, sheet):

        def place(column: Column, number: int = number, columns: dict[str, int] = columns) -> Place:
            return Place(sheet.title, number, columns[column.header], column.header)

        owner, _ = convert(sheet.owner, cells[sheet.owner.header])
        key, _ = convert(sheet.key, cells[sheet.key.header])
        if owner is ABSENT or key is ABSENT:
            empty = sheet.owner if owner is ABSENT else sheet.key
            reader.problem(place(empty), f"{empty.header} is leeg; vul een id in")
            continue
        entity = entities.get((sheet.kind, owner))
        if entity is None:
            reader.problem(
                place(sheet.owner),
                f"{sheet.owner.header} '{owner}' staat niet op het werkblad {owner_sheet.title}; "
                f"voeg daar een rij toe of verbeter de id",
                "unknown-reference",
            )
            continue
        if sheet.shape != ITEMS and (owner, key) in seen:
            reader.problem(
                place(sheet.key),
                f"{sheet.key.header} '{key}' staat voor {sheet.owner.header} '{owner}' al op rij "
                f"{seen[(owner, key)]}; noem elk één keer",
                "duplicate-key",
                subject=Subject(sheet.kind, owner),
            )
            continue
        seen[(owner, key)] = number
        values: dict[tuple[str, ...], Any] = {}
        places: dict[str, Place] = {}
        for column in sheet.values:
            value, problem = convert(column, cells[column.header])
            if problem:
                reader.problem(place(column), problem, subject=Subject(sheet.kind, owner))
            values[column.field] = value
            places[".".join(column.field)] = place(column)
        entity.entries.setdefault(sheet.field, []).append((key, values, place(sheet.key), places))


# --- from rows to data ------------------------------------------------------------------------


def _default(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The value a field has when the file leaves it out; ABSENT when it must be given."""
    from pydantic_core import PydanticUndefined

    parent = field_annotation(model, path[:-1]) if len(path) > 1 else model

    inner = model_in(parent)
    if inner is None:
        return ABSENT
    info = inner.model_fields.get(path[-1])
    if info is None:
        return ABSENT
    if info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return ABSENT if info.default is PydanticUndefined else info.default


def _assign(
    data: dict[str, Any], path: tuple[str, ...], value: Any, model: type[BaseModel]
) -> None:
    """Lay one cell over the data: an empty cell removes the field, an equal one keeps it."""
    parents = [data]
    for step in path[:-1]:
        inner = parents[-1].get(step)
        if not isinstance(inner, dict):
            if value is ABSENT:
                return
            inner = {}
            parents[-1][step] = inner
        parents.append(inner)
    holder, name = parents[-1], path[-1]
    if value is ABSENT:
        if name in holder and holder[name] not in ("", [], None):
            del holder[name]
        for depth in range(len(path) - 1, 0, -1):  # a mapping left empty goes too
            if parents[depth]:
                break
            del parents[depth - 1][path[depth - 1]]
        return
    if name in holder:
        if holder[name] != value or type(holder[name]) is not type(value):
            holder[name] = value
    elif value != _default(model, path):
        holder[name] = value


def _entries(entity: _Entity, sheet: Relation, old: Any) -> tuple[Any, dict[Pointer, Place]]:
    """The list or mapping of one list field, from its rows, and the cell of each value."""
    model = item_model(sheet)
    places: dict[Pointer, Place] = {}
    rows = entity.entries.get(sheet.field, [])
    if sheet.shape == MAPPING:
        previous = old if isinstance(old, dict) else {}
        mapping: dict[str, Any] = {}
        for key, values, key_place, cells in rows:
            earlier = previous.get(key)
            entry = copy.deepcopy(earlier) if isinstance(earlier, dict) else {}
            for column in sheet.values:
                _assign(entry, column.field, values[column.field], model)
                places[(sheet.field, key, *column.field)] = cells[".".join(column.field)]
            places[(sheet.field, key)] = key_place
            mapping[key] = entry
        return mapping, places
    items: list[Any] = []
    earlier = {
        item.get("id"): item
        for item in (old if isinstance(old, list) else [])
        if isinstance(item, dict)
    }
    for index, (key, values, key_place, cells) in enumerate(rows):
        places[(sheet.field, index)] = key_place
        if sheet.shape == IDS:
            items.append(key)
            continue
        entry = copy.deepcopy(earlier.get(key, {}))
        entry["id"] = key
        places[(sheet.field, index, "id")] = key_place
        for column in sheet.values:
            _assign(entry, column.field, values[column.field], model)
            places[(sheet.field, index, *column.field)] = cells[".".join(column.field)]
        items.append(entry)
    return items, places


def _data(entity: _Entity, old: Mapping[str, Any] | None) -> dict[str, Any]:
    """The entity's data after the import: the file's, with the workbook's values laid over."""
    model = BY_NAME[entity.kind].model
    data: dict[str, Any] = copy.deepcopy(dict(old)) if old is not None else {}
    for path, value in entity.values.items():
        _assign(data, path, value, model)
    for sheet in SHEETS:
        if not isinstance(sheet, Relation) or sheet.kind != entity.kind:
            continue
        value, places = _entries(entity, sheet, data.get(sheet.field))
        entity.locate(places)
        if value or sheet.field in data or _default(model, (sheet.field,)) is ABSENT:
            data[sheet.field] = value
    if old is None:
        data = _in_model_order(data, model)
    return data


def _in_model_order(data: dict[str, Any], model: Any) -> dict[str, Any]:
    """A new entity's fields in the order of its model, as ``speelveld new`` writes them."""

    ordered: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in data or name == "id":
            continue
        value = data[name]
        inner = model_in(info.annotation)
        if inner is not None and isinstance(value, dict):
            value = _in_model_order(value, inner)
        ordered[name] = value
    return ordered


# --- checking ---------------------------------------------------------------------------------


def _signed(value: int) -> str:
    return (f"{value:+d}" if value else "0").replace("-", "\u2212")


def _bounds(model: type[BaseModel], pointer: Pointer) -> tuple[Any, Any]:
    """The lower and upper bound of the numeric field at ``pointer``, where it has them."""
    names = tuple(str(step) for step in pointer if isinstance(step, str))
    if names and names[-1] == "score":
        from .model import SCALE

        return min(SCALE), max(SCALE)
    low = high = None
    holder = field_annotation(model, names[:-1]) if len(names) > 1 else model

    inner = model_in(holder)
    info = inner.model_fields.get(names[-1]) if inner is not None and names else None
    for rule in info.metadata if info is not None else []:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def _message(model: type[BaseModel], detail: Any, place: Place | None, allowed: list[str]) -> str:
    """A pydantic error in the words of the workbook: the column, the value, what is allowed."""
    header = place.header if place is not None else ".".join(map(str, detail["loc"]))
    kind, value = detail["type"], detail.get("input")
    if kind in ("missing", "too_short", "string_too_short"):
        return f"{header} is leeg; vul het in"
    if kind == "literal_error":
        return f"{header} {_shown(value)} is geen van: {', '.join(allowed)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(model, tuple(detail["loc"]))
        if low is not None and high is not None:
            return f"{header} {value} ligt niet tussen {_signed(low)} en {_signed(high)}"
        limit = detail.get("ctx", {}).get("ge", detail.get("ctx", {}).get("le"))
        word = "minstens" if kind == "greater_than_equal" else "hoogstens"
        return f"{header} {value} moet {word} {limit} zijn"
    if kind in ("int_type", "int_parsing"):
        return f"{header} {_shown(value)} is geen geheel getal"
    if kind == "string_type":
        return f"{header} moet tekst zijn"
    return f"{header}: {detail['msg']}"


def _validate(entity: _Entity, data: dict[str, Any], reader: _Reader) -> BaseModel | None:
    from pydantic import ValidationError

    model = BY_NAME[entity.kind].model
    try:
        return model.model_validate({**data, "id": entity.id})
    except ValidationError as error:
        details = error.errors()
    subject = Subject(entity.kind, entity.id)
    for detail in details:
        pointer = tuple(detail["loc"])
        place = entity.place(pointer)
        names = tuple(str(step) for step in pointer if isinstance(step, str))
        allowed = _allowed(entity.kind, names)
        reader.problem(place, _message(model, detail, place, allowed), subject=subject)
    return None


def _allowed(kind: str, names: tuple[str, ...]) -> list[str]:
    for sheet in SHEETS:
        if sheet.kind != kind:
            continue
        if isinstance(sheet, Relation) and names[:1] == (sheet.field,):
            rest = names[1:]
        elif isinstance(sheet, Sheet):
            rest = names
        else:
            continue
        for column in sheet.columns:
            if column.kind == GROUPS and rest[-2:] == (*column.field, "bears"):
                from .model import Group

                return literal_values(Group.model_fields["bears"].annotation)
            if (
                column.kind == CHOICE
                and column.field
                and rest[-len(column.field) :] == column.field
            ):
                return choices(sheet, column)
    return []


def ids() -> Ids:
    """Which values the workbook writes are ids, from the sheets: these are quoted."""
    values: set[tuple[str, ...]] = set()
    keys: set[tuple[str, ...]] = set()
    for sheet in SHEETS:
        if isinstance(sheet, Sheet):
            for column in sheet.columns:
                if column.kind == REF:
                    values.add(column.field)
                elif column.kind == REFS:
                    values.add((*column.field, "*"))
        elif sheet.shape == MAPPING:
            keys.add((sheet.field, "*"))
        elif sheet.shape == ITEMS:
            values.add((sheet.field, "*", "id"))
        else:
            values.add((sheet.field, "*"))
    return Ids(frozenset(values), frozenset(keys))


def plan(book: Any, name: str, project: Project, *, delete: bool = False) -> Plan:
    """What importing ``book`` (shown as ``name``) into ``project`` would change."""
    from .findings import PORTFOLIO
    from .project import Project as ProjectType
    from .references import check_references
    from .yamlsource import Document

    reader = _Reader(name)
    entities = _read(book, reader)
    result = Plan()
    documents: dict[Subject, Document] = {}
    validated: dict[str, dict[str, Any]] = {kind: {} for kind in ID_SHEETS}
    new_data: dict[tuple[str, str], dict[str, Any]] = {}
    for (kind, entity_id), entity in entities.items():
        old = project.documents.get(Subject(kind, entity_id))
        data = _data(entity, old.data if old is not None else None)
        new_data[(kind, entity_id)] = data
        model = _validate(entity, data, reader)
        if model is not None:
            validated[kind][entity_id] = model
        path = old.path if old is not None else f"{BY_NAME[kind].folder}/{entity_id}.yml"
        documents[Subject(kind, entity_id)] = Document(path, data)
    for subject, doc in project.documents.items():
        if subject == PORTFOLIO:
            documents[subject] = doc
        elif subject.kind in ID_SHEETS and (subject.kind, subject.id) not in entities:
            result.removed.append((subject.kind, subject.id, doc.path))
            if not delete:
                documents[subject] = doc
                kept = project.entities(subject.kind).get(subject.id)
                if kept is not None:
                    validated[subject.kind][subject.id] = kept
    after = ProjectType(
        project.root,
        project.config,
        domains=validated["domain"],
        stakeholders=validated["stakeholder"],
        instruments=validated["instrument"],
        measures=validated["measure"],
        scenarios=validated["scenario"],
        documents=documents,
    )
    for finding in check_references(after):
        found = entities.get((finding.subject.kind, finding.subject.id))
        if found is None:
            reader.findings.append(finding)
            continue
        pointer = tuple(step for step in finding.pointer.split(".") if step)
        reader.problem(
            found.place(pointer),
            finding.message,
            finding.code,
            finding.severity,
            finding.subject,
        )
    _new_files(project, entities, reader)
    result.findings = sorted(reader.findings, key=lambda f: (-f.severity, f.line, f.column))
    if result.errors:
        return result
    result.changes = _changes(project, new_data)
    return result


def _new_files(project: Project, entities: dict[tuple[str, str], _Entity], reader: _Reader) -> None:
    """A new row whose file exists (unread: ignored or broken) would overwrite it: refused."""
    for (kind, entity_id), entity in entities.items():
        if Subject(kind, entity_id) in project.documents:
            continue
        folder = project.root / BY_NAME[kind].folder
        for suffix in (".yml", ".yaml"):
            if (folder / f"{entity_id}{suffix}").exists():
                reader.problem(
                    entity.row,
                    f"{BY_NAME[kind].folder}/{entity_id}{suffix} bestaat al maar is niet gelezen; "
                    "los eerst de fout in dat bestand op (speelveld check)",
                    "duplicate-id",
                )


def _changes(project: Project, new_data: dict[tuple[str, str], dict[str, Any]]) -> list[FileChange]:
    from .yamledit import created, updated

    quoting = ids()
    changes = []
    for (kind, entity_id), data in new_data.items():
        old = project.documents.get(Subject(kind, entity_id))
        if old is None:
            path = f"{BY_NAME[kind].folder}/{entity_id}.yml"
            changes.append(FileChange(path, "", created(data, quoting)))
            continue
        if data == old.data:
            continue
        before = (project.root / old.path).read_bytes().decode("utf-8")
        after = updated(before, data, quoting)
        if after != before:
            changes.append(FileChange(old.path, before, after))
    return changes
