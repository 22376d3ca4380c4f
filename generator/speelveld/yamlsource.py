"""Parse one YAML file into plain data, keeping where every node stood.

PyYAML's C composer builds the node tree; this module constructs the values
itself so that it can record line marks in the same pass, report duplicate
keys (PyYAML keeps the last one silently), and refuse anchors, aliases and
non-standard tags instead of expanding or executing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .findings import Finding, Severity
from .yamlerrors import syntax_finding

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Pointer = tuple[str | int, ...]
#: Text that ``speelveld new`` leaves for an advisor to fill in starts with this.
PLACEHOLDER = "INVULLEN"

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_SCALAR_TAGS = {_TAG + name for name in ("null", "bool", "int", "float", "timestamp")}
_NULL = _TAG + "null"
_TIMESTAMP = _TAG + "timestamp"
_READ_AS = {_TAG + "timestamp": "een datum", _TAG + "int": "een getal", _TAG + "float": "een getal"}
_constructor = SafeConstructor()
#: Characters a reader cannot see (C0 but tab and line breaks, DEL, C1), which YAML lets a
#: double-quoted text hold as escapes ("\0", "\e", "\x85").
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC"}
_CONTROL_NAMES |= {0x7F: "DEL", 0x85: "NEL"}


def _control_message(text: str, where: str) -> str:
    """What an unseen character in a text or key is, and what to do."""
    found = _CONTROL.search(text)
    assert found is not None
    code = ord(found.group())
    name = f"U+{code:04X}" + (f" ({_CONTROL_NAMES[code]})" if code in _CONTROL_NAMES else "")
    return (
        f"{where} bevat het stuurteken {name}, dat een lezer niet ziet en dat een pagina niet "
        "kan tonen; haal het weg (in YAML staat het meestal als escape tussen dubbele "
        'aanhalingstekens, zoals "\\e" of "\\x1b")'
    )


def _tag_message(tag: str) -> str:
    written = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return f"de YAML-tag {written} wordt niet ondersteund; laat de tag weg"


class Mark(NamedTuple):
    """1-based line and column, as editors show them."""

    line: int
    column: int


#: A mark as stored while parsing: (line, column), made into a :class:`Mark` when read.
_Raw = tuple[int, int]


@dataclass(slots=True)
class Document:
    """The data of one file with the marks of its nodes."""

    path: str
    data: Any = None
    values: dict[Pointer, _Raw] = field(default_factory=dict)
    keys: dict[Pointer, _Raw] = field(default_factory=dict)
    #: Source text of plain scalars that YAML read as something other than text.
    retyped: dict[Pointer, str] = field(default_factory=dict)
    #: Where a text starts with :data:`PLACEHOLDER`, noted while building.
    placeholders: list[Pointer] = field(default_factory=list)

    def mark(self, pointer: Pointer, *, key: bool = False) -> Mark:
        """The mark of ``pointer`` or of its nearest recorded ancestor.

        With ``key`` the mark of the key is preferred, as for an unknown field.
        Otherwise the value's mark is used when the value stands on the key's
        line (``owner: politie``) and the key's when it is a block below it.
        """
        while pointer:
            key_mark, value_mark = self.keys.get(pointer), self.values.get(pointer)
            if key_mark and (key or not value_mark or value_mark[0] > key_mark[0]):
                return Mark(*key_mark)
            if value_mark:
                return Mark(*value_mark)
            pointer = pointer[:-1]
        return Mark(*self.values.get((), (1, 1)))


class _Refused(Exception):
    def __init__(self, mark: _Raw, message: str) -> None:
        super().__init__(message)
        self.mark = Mark(*mark)
        self.message = message


def _mark(node: Node) -> _Raw:
    start = node.start_mark
    return (start.line + 1, start.column + 1)


class _Builder:
    def __init__(self, doc: Document, *, aliases_possible: bool) -> None:
        self.doc = doc
        #: Without a ``*`` in the text there is no alias, and no node to look for twice.
        self.seen: set[int] | None = set() if aliases_possible else None
        self.duplicates: list[Finding] = []
        #: Texts and keys holding a character no reader can see.
        self.unseen: list[Finding] = []

    def refuse_controls(self, text: str, mark: _Raw, pointer: Pointer, where: str) -> None:
        if _CONTROL.search(text):
            self.unseen.append(
                Finding(
                    self.doc.path,
                    mark[0],
                    mark[1],
                    "schema",
                    Severity.ERROR,
                    _control_message(text, where),
                    pointer=".".join(map(str, pointer)),
                )
            )

    def build(self, node: Node, pointer: Pointer) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                raise _Refused(
                    self.doc.keys.get(pointer, _mark(node)),
                    "ankers en verwijzingen (&naam en *naam) worden niet ondersteund; "
                    "schrijf de waarde voluit",
                )
            self.seen.add(id(node))
        start = node.start_mark
        self.doc.values[pointer] = (start.line + 1, start.column + 1)
        if isinstance(node, ScalarNode):
            if node.tag != _STR:
                return self.scalar(node, pointer)
            if node.value.startswith(PLACEHOLDER):
                self.doc.placeholders.append(pointer)
            self.refuse_controls(node.value, _mark(node), pointer, "de tekst")
            return node.value
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            return [self.build(item, (*pointer, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode) and node.tag == _MAP:
            return self.mapping(node, pointer)
        raise _Refused(_mark(node), _tag_message(node.tag))

    def scalar(self, node: ScalarNode, pointer: Pointer) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise _Refused(_mark(node), _tag_message(node.tag))
        try:
            value = _constructor.construct_object(node)
        except (ConstructorError, ValueError) as error:
            if node.tag == _TIMESTAMP:  # 2026-02-30: no date, so the text it is
                return node.value
            read_as = _READ_AS.get(node.tag, "iets anders dan tekst")
            raise _Refused(
                _mark(node),
                f"YAML leest {node.value} als {read_as}, maar die waarde bestaat niet; "
                f'bedoelt u tekst, zet die dan tussen aanhalingstekens: "{node.value}"',
            ) from error
        if node.tag != _NULL:
            self.doc.retyped[pointer] = node.value
        return value

    def mapping(self, node: MappingNode, pointer: Pointer) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, _Raw] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(_mark(key_node), "een sleutel moet een eenvoudige naam zijn")
            key = str(key_node.value)
            start = key_node.start_mark
            key_mark = (start.line + 1, start.column + 1)
            if key in first_seen:
                self.duplicates.append(
                    Finding(
                        self.doc.path,
                        key_mark[0],
                        key_mark[1],
                        "duplicate-key",
                        Severity.ERROR,
                        f"sleutel '{key}' staat twee keer in hetzelfde blok (eerst op regel "
                        f"{first_seen[key][0]}); YAML zou de eerste stilzwijgend negeren. "
                        "Voeg ze samen of verwijder er één",
                        pointer=".".join(map(str, (*pointer, key))),
                    )
                )
                continue
            first_seen[key] = key_mark
            self.doc.keys[(*pointer, key)] = key_mark
            self.refuse_controls(key, key_mark, (*pointer, key), "de sleutel")
            result[key] = self.build(value_node, (*pointer, key))
        return result


def parse(text: str, path: str) -> tuple[Document | None, list[Finding]]:
    """Parse ``text``; on failure return ``None`` and the findings that say why."""
    doc = Document(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, [syntax_finding(path, text, error)]
    if root is None:
        return doc, []
    builder = _Builder(doc, aliases_possible="*" in text)
    try:
        doc.data = builder.build(root, ())
    except _Refused as refused:
        finding = Finding(
            path,
            refused.mark.line,
            refused.mark.column,
            "yaml-unsupported",
            Severity.ERROR,
            refused.message,
        )
        return None, [*builder.duplicates, *builder.unseen, finding]
    except RecursionError:
        finding = Finding(
            path, 1, 1, "yaml-unsupported", Severity.ERROR, "de YAML is te diep genest"
        )
        return None, [finding]
    return doc, [*builder.duplicates, *builder.unseen]
