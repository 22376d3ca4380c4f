"""Find and parse the project's YAML files; nothing is skipped without a word.

Hidden files and editor backups are passed over quietly, as every editor user
expects; anything else that is not read gets an ``ignored-file`` finding.

Loading happens in two steps: :func:`plan` lists the files, then :func:`load` parses
them, taking unchanged files from a :class:`ParseCache` when the caller keeps one.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, Severity
from .ids import MAX_ID_LENGTH, SLUG_PATTERN
from .kinds import KINDS
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


def is_project(root: Path) -> bool:
    return (root / "domains").is_dir()


def read_document(root: Path, file: Path, max_bytes: int) -> _Result:
    """Read and parse one file; size and encoding problems become findings."""
    path = file.relative_to(root).as_posix()
    return read_file(path, str(file), max_bytes, file.stat().st_size)


def read_file(path: str, file: str, max_bytes: int, size: int) -> _Result:
    """:func:`read_document` for a file whose project path and size are known."""
    if size > max_bytes:
        message = (
            f"het bestand is {size} bytes, meer dan de grens van {max_bytes} bytes "
            "(max_file_bytes); het wordt niet gelezen"
        )
        return None, [Finding(path, 1, 1, "file-too-large", Severity.ERROR, message)]
    with open(file, "rb") as stream:
        raw = stream.read()
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


@dataclass(frozen=True, slots=True)
class Job:
    """One data file to parse."""

    kind: str
    stem: str
    path: str
    file: str
    #: What tells an unchanged file: size, modification time, inode, and the size limit.
    version: tuple[int, int, int, int]


@dataclass(slots=True)
class Plan:
    root: Path
    max_bytes: int
    jobs: list[Job] = field(default_factory=list)
    #: Files that will not be parsed, and why; in folder order with the jobs.
    skipped: list[Finding] = field(default_factory=list)


def plan(root: Path, max_bytes: int) -> Plan:
    """Every data file to parse, and a finding for every file that will not be."""
    result = Plan(root, max_bytes)
    for kind in (k.folder for k in KINDS):
        folder = root / kind
        if not folder.is_dir():
            continue
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        stems: dict[str, str] = {}
        for entry in entries:
            if _is_hidden_or_backup(entry.name):
                continue
            path = f"{kind}/{entry.name}"
            reason = _reason_to_ignore(root, entry)
            stem = entry.name.rsplit(".", 1)[0]
            problem = "" if reason else id_problem(stem)
            if reason:
                result.skipped.append(Finding(path, 1, 1, "ignored-file", Severity.INFO, reason))
            elif problem:
                result.skipped.append(Finding(path, 1, 1, "invalid-id", Severity.ERROR, problem))
            elif stem in stems:
                message = (
                    f"id '{stem}' bestaat al als {stems[stem]}; "
                    "verwijder of hernoem een van de twee"
                )
                result.skipped.append(Finding(path, 1, 1, "duplicate-id", Severity.ERROR, message))
            else:
                stems[stem] = path
                stat = entry.stat()
                version = (stat.st_size, stat.st_mtime_ns, stat.st_ino, max_bytes)
                result.jobs.append(Job(kind, stem, path, entry.path, version))
    return result


class ParseCache:
    """Parsed files of one project, kept between loads by whoever rebuilds (``mkdocs serve``).

    A file is taken from the cache only when its size, modification time, inode and
    the size limit are as they were. The cache holds one project at a time and at most
    ``capacity`` files; the least recently used go first. Nothing else keeps parsed files,
    so a one-off load (``speelveld check``, an earlier version) leaves nothing behind.
    """

    def __init__(self, capacity: int = 20_000) -> None:
        self.capacity = capacity
        self._root: Path | None = None
        self._entries: OrderedDict[str, tuple[tuple[int, int, int, int], _Result]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, root: Path, job: Job) -> _Result | None:
        if root != self._root:
            return None
        entry = self._entries.get(job.path)
        if entry is None or entry[0] != job.version:
            return None
        self._entries.move_to_end(job.path)
        return entry[1]

    def put(self, root: Path, job: Job, result: _Result) -> None:
        if root != self._root:
            self._root = root
            self._entries.clear()
        self._entries[job.path] = (job.version, result)
        self._entries.move_to_end(job.path)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)


def load(work: Plan, cache: ParseCache | None = None) -> Loaded:
    """Parse every planned file (unchanged ones from ``cache``) into documents by kind."""
    loaded = Loaded(work.root, findings=list(work.skipped))
    loaded.documents = {kind.folder: {} for kind in KINDS}
    for job in work.jobs:
        loaded.files.append(job.path)
        result = cache.get(work.root, job) if cache is not None else None
        if result is None:
            result = read_file(job.path, job.file, job.version[3], job.version[0])
            if cache is not None:
                cache.put(work.root, job, result)
        else:
            loaded.reused += 1
        doc, problems = result
        loaded.findings.extend(problems)
        if doc is not None:
            loaded.documents[job.kind][job.stem] = doc
    return loaded


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
