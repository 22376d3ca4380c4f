"""Turn parsed documents into typed entities, with findings an advisor can act on.

pydantic does the checking; this module only translates its errors into
Dutch sentences located at the node that caused them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core.core_schema import ErrorType

from .findings import Finding, Severity
from .model import MAX_LINE_CHARS, MAX_NAME_CHARS, date_advice
from .suggest import Suggestions
from .words import number, plural
from .yamlsource import Document, Pointer

M = TypeVar("M", bound=BaseModel)

#: The findings listed for one file; the rest are counted in one more. A file full of
#: mistakes (or made to be) would otherwise bury every other finding and cost time.
MAX_FINDINGS_PER_FILE = 100

_KIND_OF_VALUE = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "float_type": "een getal",
    "bool_type": "true of false",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "dict_type": "een mapping (regels 'sleutel: waarde')",
    "model_type": "een mapping (regels 'sleutel: waarde')",
}
#: pydantic's own error types: their messages are English, so each gets a Dutch one here.
#: Any other type is one of Speelveld's validators, whose message is Dutch already.
_PYDANTIC_ERRORS = frozenset(get_args(ErrorType))
_DATE_ERRORS = frozenset(t for t in _PYDANTIC_ERRORS if t.startswith(("date", "datetime")))


def validate(
    model: type[M], doc: Document, extra: dict[str, Any] | None = None
) -> tuple[M | None, list[Finding]]:
    """Validate ``doc.data`` (plus ``extra`` keys such as the id) against ``model``."""
    if not isinstance(doc.data, dict):
        what = "leeg" if doc.data is None else f"{_shown(doc.data)}, geen mapping"
        message = (
            f"het bestand is {what}; verwacht worden regels 'sleutel: waarde' met velden als "
            f"{_field_list(model)}"
        )
        return None, [Finding(doc.path, 1, 1, "schema", Severity.ERROR, message)]
    data = {**doc.data, **(extra or {})}
    # Unknown keys past the limit are counted, not validated: pydantic would describe each.
    known = fields(model)
    unknown = [key for key in data if key not in known]
    dropped = unknown[MAX_FINDINGS_PER_FILE:] if model.model_config.get("extra") == "forbid" else []
    for key in dropped:
        del data[key]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        details = error.errors()
    hints = _Hints()
    listed = [_finding(model, doc, detail, hints) for detail in details[:MAX_FINDINGS_PER_FILE]]
    rest = [tuple(d["loc"]) for d in details[MAX_FINDINGS_PER_FILE:]]
    return None, listed + _more(doc, rest + [(key,) for key in dropped])


def _more(doc: Document, rest: list[Pointer]) -> list[Finding]:
    """One finding for the problems beyond the limit, where the first of them is."""
    if not rest:
        return []
    mark = doc.mark(rest[0], key=True)
    message = (
        f"en nog {plural(len(rest), 'fout', 'fouten')} tegen het schema in dit bestand, de "
        f"eerste hier, die niet apart worden gemeld (hoogstens {MAX_FINDINGS_PER_FILE} per "
        "bestand); los eerst de gemelde op"
    )
    return [Finding(doc.path, mark.line, mark.column, "schema", Severity.ERROR, message)]


def at_most_per_file(findings: list[Finding]) -> list[Finding]:
    """The input findings with at most :data:`MAX_FINDINGS_PER_FILE` per file, and one more.

    The schema caps its own findings; duplicate keys, references and placeholders are
    capped here, so that no file, however broken, floods a report. A file with more keeps
    its first :data:`MAX_FINDINGS_PER_FILE`, and the next one says how many more there are.
    """
    total = Counter(f.path for f in findings if f.path)
    seen: Counter[str] = Counter()
    kept: list[Finding] = []
    for finding in findings:
        path = finding.path
        seen[path] += 1
        if (
            not path
            or total[path] <= MAX_FINDINGS_PER_FILE + 1
            or seen[path] <= MAX_FINDINGS_PER_FILE
        ):
            kept.append(finding)
        elif seen[path] == MAX_FINDINGS_PER_FILE + 1:
            more = total[path] - MAX_FINDINGS_PER_FILE
            message = (
                f"en nog {plural(more, 'invoerfout', 'invoerfouten')} in dit bestand, de eerste "
                f"hier, die niet apart worden gemeld (hoogstens {MAX_FINDINGS_PER_FILE} per "
                "bestand); los eerst de gemelde op"
            )
            kept.append(replace(finding, message=message))
    return kept


class _Hints:
    """Suggestions per set of allowed keys, each word looked up once per file."""

    def __init__(self) -> None:
        self._by_keys: dict[tuple[str, ...], Suggestions] = {}

    def hint(self, word: str, allowed: list[str]) -> str:
        key = tuple(allowed)
        if key not in self._by_keys:
            self._by_keys[key] = Suggestions(allowed)
        return self._by_keys[key].hint(word)


def _finding(model: type[BaseModel], doc: Document, detail: Any, hints: _Hints) -> Finding:
    pointer: Pointer = tuple(detail["loc"])
    kind = detail["type"]
    mark = doc.mark(pointer, key=kind in ("extra_forbidden", "missing"))
    message = _message(model, doc, pointer, kind, detail, hints)
    return Finding(
        doc.path,
        mark.line,
        mark.column,
        "schema",
        Severity.ERROR,
        message,
        pointer=".".join(map(str, pointer)),
    )


def describe(pointer: Pointer) -> str:
    """``stakeholders.0.role`` as an advisor counts: ``stakeholders nr. 1, role``."""
    text = ""
    for step in pointer:
        if isinstance(step, int):
            text += f" nr. {step + 1}"
        elif text and text[-1].isdigit():
            text += f", {step}"
        else:
            text += f".{step}" if text else step
    return text


def _message(
    model: type[BaseModel], doc: Document, pointer: Pointer, kind: str, detail: Any, hints: _Hints
) -> str:
    field = describe(pointer if kind == "missing" else _written(doc, pointer))
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    allowed = _allowed_keys(model, pointer[:-1])
    if kind == "missing":
        return f"verplicht veld '{field}' ontbreekt"
    if kind == "extra_forbidden":
        name = str(pointer[-1])
        return (
            f"onbekend veld '{field}'.{hints.hint(name, allowed)} "
            f"Toegestane velden hier: {', '.join(allowed)}"
        )
    if kind == "literal_error":
        choices = ", ".join(_literal_values(model, pointer)) or ctx.get("expected", "")
        return f"'{field}' is {_shown(value)}; toegestaan zijn: {choices}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "minstens", "less_than_equal": "hoogstens"}.get(kind, "")
        limit = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"'{field}' is {_shown(value)}; de waarde moet {bound} {limit} zijn".replace(
            "  ", " "
        )
    if kind in ("too_short", "string_too_short"):
        return f"'{field}' mag niet leeg zijn"
    if kind in _KIND_OF_VALUE:
        if value is None:
            return f"'{field}' mag niet leeg zijn; vul {_KIND_OF_VALUE[kind]} in"
        hint = _quote_hint(doc, pointer, value, kind)
        source = doc.retyped.get(pointer)
        shown = f"{_cut(source)} (YAML leest dat als {_shown(value)})" if source else _shown(value)
        return f"'{field}' moet {_KIND_OF_VALUE[kind]} zijn, maar is {shown}.{hint}"
    if kind in _DATE_ERRORS:
        if value is None:
            return f"'{field}' mag niet leeg zijn; {date_advice(value)}"
        return f"'{field}' is {_shown(value)}, geen datum; {date_advice(value)}"
    if kind == "string_too_long" and isinstance(value, str):
        limit = ctx.get("max_length", 0)
        where = {
            MAX_NAME_CHARS: "als naam of titel, in koppen, links en tabellen. Kort de naam in; "
            "uitleg hoort in de beschrijving (summary of description)",
            MAX_LINE_CHARS: "in een regel of een tabelcel. Kort de tekst in; een langere uitleg "
            "hoort in de beschrijving (summary of description)",
        }.get(limit, "binnen haar eigen tekst. Kort de tekst in")
        return (
            f"'{field}' is {number(len(value))} tekens lang; hier passen er hoogstens "
            f"{number(limit)}, want een pagina toont deze tekst {where}"
        )
    if kind in ("too_long", "string_too_long"):
        return f"'{field}' is te lang: hoogstens {ctx.get('max_length', '')}".rstrip(": ")
    if kind == "int_from_float":
        return f"'{field}' moet een geheel getal zijn, maar is {_shown(value)}"
    if kind == "finite_number":
        return f"'{field}' moet een gewoon getal zijn, maar is {_shown(value)}"
    if kind in _PYDANTIC_ERRORS:  # never pydantic's English
        return f"'{field}' heeft een waarde die hier niet kan: {_shown(value)}"
    return f"'{field}': {detail['msg']}"


def _quote_hint(doc: Document, pointer: Pointer, value: Any, kind: str) -> str:
    source = doc.retyped.get(pointer)
    if kind == "string_type" and source is not None:
        return (
            f" YAML leest {source} niet als tekst; zet de waarde tussen aanhalingstekens: "
            f'"{source}"'
        )
    if kind in ("int_type", "float_type") and isinstance(value, str):
        example = "0.7" if kind == "float_type" else "2 of -1"
        return f" Schrijf een getal, zonder aanhalingstekens, bijvoorbeeld {example}"
    return ""


def _shown(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, str):
        return f"'{_cut(value)}'"
    return _cut(str(value))


def _cut(text: str, limit: int = 60) -> str:
    """Long values are shown by their start, never past their first line: the location
    points at the rest."""
    line = text.split("\n", 1)[0]
    if len(line) <= limit and line == text:
        return text
    return f"{line[: limit - 3]}..."


def _allowed_keys(model: type[BaseModel], pointer: Pointer) -> list[str]:
    """The field names of the (sub)model that ``pointer`` leads to."""
    annotation: Any = model
    for step in pointer:
        annotation = _step(annotation, step)
    inner = _as_model(annotation)
    if inner is None:
        return []
    # The top-level id comes from the file name; it is not a field to suggest.
    return [name for name in fields(inner) if pointer or name != "id"]


def fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The fields of ``model`` as a file writes them: by alias (``from``) where there is one."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _step(annotation: Any, step: str | int) -> Any:
    """The annotation one step (field name, list index or dict key) further in."""
    inner = _as_model(annotation)
    if inner is not None:
        field = fields(inner).get(str(step))
        return field.annotation if field else None
    origin = get_origin(annotation)
    if origin in (list, dict):
        return get_args(annotation)[-1]
    return None


def _written(doc: Document, pointer: Pointer) -> Pointer:
    """The part of ``pointer`` the file writes: ``rules.no-lead`` for ``no-lead: of``, which
    the model reads as ``{level: of}``."""
    while pointer and pointer not in doc.values and pointer not in doc.keys:
        pointer = pointer[:-1]
    return pointer


def _bare(annotation: Any) -> Any:
    """``X`` for ``Annotated[X, …]``: what the validators add does not change the type."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _as_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``annotation`` (``X``, ``X | None``), if there is one."""
    annotation = _bare(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType):
        for arg in get_args(annotation):
            found = _as_model(arg)
            if found is not None:
                return found
    return None


def _literal_values(model: type[BaseModel], pointer: Pointer) -> list[str]:
    annotation: Any = model
    for step in pointer:
        annotation = _step(annotation, step)
    values = [
        a for arg in _flatten(annotation) if get_origin(arg) is Literal for a in get_args(arg)
    ]
    return [str(v) for v in values if isinstance(v, str)]


def _flatten(annotation: Any) -> list[Any]:
    annotation = _bare(annotation)
    if get_origin(annotation) in (Union, UnionType):
        return [a for arg in get_args(annotation) for a in _flatten(arg)]
    return [annotation]


def _field_list(model: type[BaseModel]) -> str:
    """The required fields, or every field where none is required."""
    known = fields(model)
    names = [n for n in known if n != "id"]
    required = [n for n in names if known[n].is_required()]
    return ", ".join(required or names)
