"""Change a YAML file only where its data changed: comments, key order and quoting stay.

ruamel.yaml reads the file as a round-trip tree; only the values that differ between the
old and the new data are replaced in it, each in the style of the value it replaces, so a
changed score changes one line. What Speelveld writes new is quoted wherever YAML 1.1 (the
loader's) would read it as something other than text: an id such as ``no`` or ``2024-01-01``
stays an id. Files are written beside their place and renamed over it, all of them only
when all of them could be written.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
#: Longest line of text that a new folded scalar is wrapped at.
WRAP = 88
_BOM = "\ufeff"


def misread(text: str) -> bool:
    """Whether YAML 1.1 reads ``text``, written plain, as something other than this text."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag != _STR


def _scalar(value: str, *, quote: bool) -> Any:
    """A new text: quoted when it is an id or would be misread, folded when long."""
    if quote or misread(value) or value != value.strip():
        return DoubleQuotedScalarString(value)
    if "\n" in value:
        return LiteralScalarString(value)
    return value


def _indents(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as the file indents them; Speelveld's own by default."""
    mapping, offset = 2, 2
    lines = text.splitlines()
    for index, line in enumerate(lines):
        dash = re.match(r"^( *)- ", line)
        if dash is None or index == 0:
            continue
        above = next(
            (p for p in reversed(lines[:index]) if p.strip() and not p.lstrip().startswith("#")),
            "",
        )
        parent = re.match(r"^( *)[^ #-][^:]*:\s*$", above)
        if parent is not None:
            offset = len(dash.group(1)) - len(parent.group(1))
            break
    for index, line in enumerate(lines[1:], start=1):
        key = re.match(r"^( +)[^ #-][^:]*:", line)
        above = lines[index - 1]
        parent = re.match(r"^( *)[^ #-][^:]*:\s*$", above)
        if key and parent and len(key.group(1)) > len(parent.group(1)):
            mapping = len(key.group(1)) - len(parent.group(1))
            break
    return mapping, max(offset, 0) + 2, max(offset, 0)


def _yaml(text: str) -> YAML:
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.width = 4096  # never fold a line that the file has on one line
    mapping, sequence, offset = _indents(text)
    handler.indent(mapping=mapping, sequence=sequence, offset=offset)
    return handler


def _dump(handler: YAML, tree: Any) -> str:
    out = io.StringIO()
    handler.dump(tree, out)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Ids:
    """Which new values are ids, so that they are quoted: by the path of their field.

    A path is a tuple of field names where ``*`` stands for any key or index:
    ``("effects", "*")`` are the domain ids that key the effects.
    """

    values: frozenset[tuple[str, ...]]
    keys: frozenset[tuple[str, ...]]

    def value(self, path: tuple[str, ...]) -> bool:
        return _matches(self.values, path)

    def key(self, path: tuple[str, ...]) -> bool:
        return _matches(self.keys, path)


def _matches(patterns: frozenset[tuple[str, ...]], path: tuple[str, ...]) -> bool:
    return any(
        len(p) == len(path) and all(a in ("*", b) for a, b in zip(p, path, strict=True))
        for p in patterns
    )


def updated(text: str, new: Mapping[str, Any], ids: Ids) -> str:
    """``text`` with its data changed into ``new``, every unchanged line kept as it was."""
    bom = text.startswith(_BOM)
    body = text.removeprefix(_BOM)
    crlf = "\r\n" in body
    body = body.replace("\r\n", "\n")
    handler = _yaml(body)
    tree = handler.load(body)
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    _merge_map(tree, new, (), ids)
    out = _dump(handler, tree)
    if crlf:
        out = out.replace("\n", "\r\n")
    return (_BOM if bom else "") + out


def created(new: Mapping[str, Any], ids: Ids) -> str:
    """A new file for ``new``, in the style of ``speelveld new``."""
    handler = _yaml("")
    tree = CommentedMap()
    _merge_map(tree, new, (), ids)
    return _dump(handler, tree)


def _merge_map(node: CommentedMap, new: Mapping[str, Any], path: tuple[str, ...], ids: Ids) -> None:
    for key in [k for k in node if k not in new]:
        del node[key]
    previous = -1
    for key, value in new.items():
        here = (*path, str(key))
        if key in node:
            node[key] = _merged(node[key], value, here, ids)
            previous = list(node).index(key)
        else:
            name = DoubleQuotedScalarString(key) if ids.key(here) or misread(key) else key
            previous += 1
            node.insert(previous, name, _fresh(value, here, ids))


def _merged(old: Any, new: Any, path: tuple[str, ...], ids: Ids) -> Any:
    """The old node with the new value: in place where both are mappings or lists."""
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        _merge_map(old, new, path, ids)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new[: len(old)]):
            old[index] = _merged(old[index], value, (*path, str(index)), ids)
        for index, value in enumerate(new[len(old) :], start=len(old)):
            old.append(_fresh(value, (*path, str(index)), ids))
        del old[len(new) :]
        return old
    if _same(old, new):
        return old
    if isinstance(new, str):
        return _restyled(old, new, path, ids)
    return _fresh(new, path, ids)


def _same(old: Any, new: Any) -> bool:
    """Whether the node already holds the value: a quoted text equals the same plain text."""
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, int) and isinstance(new, int):
        return int(old) == new
    return False


def _restyled(old: Any, new: str, path: tuple[str, ...], ids: Ids) -> Any:
    """A changed text in the style of the text it replaces."""
    if isinstance(old, FoldedScalarString) and "\n" not in new.strip("\n"):
        folded = FoldedScalarString(new)
        folded.fold_pos = _folds(new, WRAP - 2 * len(path) - 2)
        return folded
    if isinstance(old, ScalarString) and not isinstance(old, FoldedScalarString):
        return type(old)(new)
    return _scalar(new, quote=ids.value(path))


def _folds(text: str, width: int) -> list[int]:
    """Where a folded scalar breaks its lines: at spaces, about ``width`` apart."""
    positions, start = [], 0
    for line in textwrap.wrap(text, max(width, 40), break_long_words=False)[:-1]:
        start = text.index(line, start) + len(line)
        positions.append(start)
    return positions


def _fresh(value: Any, path: tuple[str, ...], ids: Ids) -> Any:
    if isinstance(value, Mapping):
        node = CommentedMap()
        _merge_map(node, value, path, ids)
        return node
    if isinstance(value, list):
        return CommentedSeq(_fresh(v, (*path, str(i)), ids) for i, v in enumerate(value))
    if isinstance(value, str):
        return _scalar(value, quote=ids.value(path))
    return value


# --- writing ---------------------------------------------------------------------------------


class WriteFailed(Exception):
    """A file could not be written; none of the files was changed."""


def write_all(files: Mapping[Path, str]) -> None:
    """Write every file beside its place first, then rename them all into place.

    A file keeps its permissions. When a file cannot be written, the temporary files are
    removed and no file has changed: the renames only start once every file is written.
    """
    staged: list[tuple[Path, str]] = []
    try:
        for target, text in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            staged.append((target, temporary))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            if target.exists():
                os.chmod(temporary, target.stat().st_mode & 0o7777)
        for target, temporary in staged:
            os.replace(temporary, target)
    except OSError as error:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        raise WriteFailed(f"{error.filename or ''}: {error.strerror}") from error
