"""Find and parse the project's YAML files; nothing is skipped without a word.

Hidden files and editor backups are passed over quietly, as every editor user
expects; anything else that is not read gets an ``ignored-file`` finding.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, Severity
from .model import KINDS, MAX_ID_LENGTH, SLUG_PATTERN
from .yamlsource import Document, parse

SUFFIXES = (".yml", ".yaml")
_SLUG = re.compile(SLUG_PATTERN)
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp")


@dataclass(slots=True)
class Loaded:
    """Every parsed document, by kind and id."""

    root: Path
    documents: dict[str, dict[str, Document]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: Every data file that was opened, readable or not.
    files: list[str] = field(default_factory=list)
    #: How many of them came unchanged from the cache of an earlier load.
    reused: int = 0


_Result = tuple[Document | None, list[Finding]]
#: Parsed files by path, so that a process that loads the project again (``mkdocs serve``
#: after an edit) parses only the files whose size or modification time changed.
_PARSED: dict[tuple[str, str], tuple[tuple[int, int, int], _Result]] = {}


def is_project(root: Path) -> bool:
    return (root / "domains").is_dir()


def read_document(
    root: Path, file: Path, max_bytes: int, size: int | None = None
) -> tuple[Document | None, list[Finding]]:
    """Read and parse one file; size and encoding problems become findings."""
    path = file.relative_to(root).as_posix()
    size = file.stat().st_size if size is None else size
    if size > max_bytes:
        message = (
            f"het bestand is {size} bytes, meer dan de grens van {max_bytes} bytes "
            "(max_file_bytes); het wordt niet gelezen"
        )
        return None, [Finding(path, 1, 1, "file-too-large", Severity.ERROR, message)]
    raw = file.read_bytes()
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = body.rfind(b"\n", 0, error.start) + 1
        line = body.count(b"\n", 0, error.start) + 1
        column = len(body[line_start : error.start].decode("utf-8", errors="replace")) + 1
        message = (
            f"het bestand is geen UTF-8 (byte 0x{body[error.start]:02x}); "
            "sla het op als UTF-8 in je editor"
        )
        return None, [Finding(path, line, column, "yaml-syntax", Severity.ERROR, message)]
    return parse(text, path)


def load(root: Path, max_bytes: int) -> Loaded:
    loaded = Loaded(root)
    for kind in KINDS:
        loaded.documents[kind] = _load_folder(root, kind, max_bytes, loaded)
    return loaded


def _load_folder(root: Path, kind: str, max_bytes: int, loaded: Loaded) -> dict[str, Document]:
    findings = loaded.findings
    folder = root / kind
    documents: dict[str, Document] = {}
    if not folder.is_dir():
        return documents
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if _is_hidden_or_backup(entry.name):
            continue
        path = f"{kind}/{entry.name}"
        reason = _reason_to_ignore(root, entry)
        if reason:
            findings.append(Finding(path, 1, 1, "ignored-file", Severity.INFO, reason))
            continue
        stem = entry.name.rsplit(".", 1)[0]
        problem = id_problem(stem)
        if problem:
            findings.append(Finding(path, 1, 1, "invalid-id", Severity.ERROR, problem))
            continue
        if stem in documents:
            message = (
                f"id '{stem}' bestaat al als {documents[stem].path}; "
                "verwijder of hernoem een van de twee"
            )
            findings.append(Finding(path, 1, 1, "duplicate-id", Severity.ERROR, message))
            continue
        loaded.files.append(path)
        stat = entry.stat()
        version = (stat.st_size, stat.st_mtime_ns, max_bytes)
        cached = _PARSED.get((str(root), path))
        if cached is not None and cached[0] == version:
            loaded.reused += 1
            doc, problems = cached[1]
        else:
            doc, problems = read_document(root, Path(entry.path), max_bytes, stat.st_size)
            _PARSED[(str(root), path)] = (version, (doc, problems))
        findings.extend(problems)
        if doc is not None:
            documents[stem] = doc
    return documents


def _is_hidden_or_backup(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES)


def _reason_to_ignore(root: Path, entry: os.DirEntry[str]) -> str:
    suffix = os.path.splitext(entry.name)[1]
    if entry.is_symlink() and not Path(entry.path).resolve().is_relative_to(root.resolve()):
        return "symbolische link naar buiten het project; die wordt niet gevolgd"
    if entry.is_dir():
        return "submappen worden niet gelezen; zet het bestand direct in de map"
    if suffix.lower() in SUFFIXES and suffix not in SUFFIXES:
        return f"de extensie {suffix} wordt niet gelezen; schrijf die met kleine letters"
    if suffix not in SUFFIXES:
        kind = suffix or "zonder extensie"
        return f"geen YAML-bestand ({kind}); alleen .yml en .yaml worden gelezen"
    if not entry.is_file():
        return "geen gewoon bestand"
    return ""


def id_problem(stem: str) -> str:
    """Why ``stem`` is no valid id, or nothing."""
    if len(stem) > MAX_ID_LENGTH:
        return f"de bestandsnaam is {len(stem)} tekens; een id is hoogstens {MAX_ID_LENGTH} tekens"
    if not _SLUG.match(stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
        hint = f"; bijvoorbeeld '{suggestion}'" if suggestion else ""
        return f"'{stem}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens{hint}"
    return ""
