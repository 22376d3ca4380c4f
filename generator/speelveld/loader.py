"""Find and parse the project's YAML files; nothing is skipped without a word.

Hidden files and editor backups are passed over quietly, as every editor user
expects; anything else that is not read gets an ``ignored-file`` finding.

Loading happens in two steps: :func:`plan` lists the files, then :func:`load` parses
them, taking unchanged files from a :class:`ParseCache` when the caller keeps one.
Between the two, :func:`begin` may parse the later files in a forked process, so that a
second core parses while this one imports the validator; this module imports nothing
heavy for that reason.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, Severity
from .ids import (
    CONFIG_FILE,
    DEFAULT_MAX_FILE_BYTES,
    INTERACTIONS_FILE,
    MAX_ID_LENGTH,
    SLUG_PATTERN,
)
from .kinds import KINDS
from .oserrors import reason
from .prefetch import Prefetch, possible, usable_cores
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
    #: Files that could not be parsed, by kind and id: the entity exists, with errors.
    unparsed: dict[str, dict[str, str]] = field(default_factory=dict)


_Result = tuple[Document | None, list[Finding]]


#: What a file or folder that is read must not be: a link that leaves the project.
LINK_OUTSIDE = "symbolische link naar buiten het project; die wordt niet gevolgd"
#: The code of a file or folder that cannot be read: like a file that is no YAML, the
#: data it holds cannot be trusted, so the error stops a build.
UNREADABLE = "yaml-syntax"
#: Open without waiting for a writer (a FIFO) and without inheriting into child processes.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def is_project(root: Path) -> bool:
    return os.path.isdir(root / "domains")


def leaves(root: Path, path: Path | str) -> bool:
    """Whether ``path`` (a link, or in a linked folder) resolves outside the project."""
    real = Path(os.path.realpath(path))
    return not real.is_relative_to(Path(os.path.realpath(root)))


def unreadable(path: str, error: OSError, what: str = "het bestand") -> Finding:
    """The error finding for a file or folder that the system would not let us read."""
    message = f"{what} kan niet worden gelezen: {reason(error)}; controleer de rechten"
    return Finding(path, 1, 1, UNREADABLE, Severity.ERROR, message)


def config_file(root: Path) -> tuple[Path | None, list[Finding]]:
    """The configuration file to read, if there is one that may be read, and why not.

    A link that leaves the project is not followed (an ``ignored-file`` note); anything
    else that is no regular file, or cannot be looked at, is an error: the project
    would otherwise be checked with settings other than the ones it declares.
    """
    file = root / CONFIG_FILE
    try:
        link = file.is_symlink()
        if not link and not os.path.lexists(file):
            return None, []
        if link and leaves(root, file):
            return None, [Finding(CONFIG_FILE, 1, 1, "ignored-file", Severity.INFO, LINK_OUTSIDE)]
        mode = file.stat().st_mode
    except OSError as error:
        if error.errno == errno.ENOENT and file.is_symlink():  # a link to nothing
            message = (
                "symbolische link naar een bestand dat niet bestaat; de configuratie ontbreekt"
            )
            return None, [Finding(CONFIG_FILE, 1, 1, UNREADABLE, Severity.ERROR, message)]
        return None, [unreadable(CONFIG_FILE, error)]
    if not stat.S_ISREG(mode):
        message = (
            f"{CONFIG_FILE} is {_file_type(mode)}, geen gewoon bestand, en wordt niet gelezen; "
            "maak er een YAML-bestand van of verwijder het"
        )
        return None, [Finding(CONFIG_FILE, 1, 1, UNREADABLE, Severity.ERROR, message)]
    return file, []


_FILE_TYPES = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een named pipe (FIFO)"),
    (stat.S_ISSOCK, "een socket"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
)


def _file_type(mode: int) -> str:
    return next((name for test, name in _FILE_TYPES if test(mode)), "een bijzonder bestand")


def read_document(root: Path, file: Path, max_bytes: int) -> _Result:
    """Read and parse one file; size, encoding and access problems become findings."""
    path = file.relative_to(root).as_posix()
    return read_file(path, str(file), max_bytes, 0)


def read_file(path: str, file: str, max_bytes: int, size: int) -> _Result:
    """:func:`read_document` for a file whose project path is known.

    ``size`` is what the plan saw; the limit is checked against the file as it is
    opened, and never more than the limit is read, even from a file that grows.
    """
    try:
        handle = os.open(file, _OPEN_FLAGS)
    except OSError as error:
        return None, [unreadable(path, error)]
    try:
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                message = (
                    f"{_file_type(status.st_mode)}, geen gewoon bestand; het wordt niet gelezen"
                )
                return None, [Finding(path, 1, 1, UNREADABLE, Severity.ERROR, message)]
            size = status.st_size
            raw = b"" if size > max_bytes else stream.read(max_bytes + 1)
    except OSError as error:
        return None, [unreadable(path, error)]
    if size > max_bytes or len(raw) > max_bytes:
        size = max(size, len(raw))
        message = (
            f"het bestand is {size} bytes, meer dan de grens van {max_bytes} bytes "
            "(max_file_bytes); het wordt niet gelezen"
        )
        return None, [Finding(path, 1, 1, "file-too-large", Severity.ERROR, message)]
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
        entries = _folder_entries(root, kind, result.skipped)
        stems: dict[str, str] = {}
        for entry in entries:
            if _is_hidden_or_backup(entry.name):
                continue
            path = f"{kind}/{entry.name}"
            try:
                special = _special(root, entry)
                reason = "" if special else _reason_to_ignore(root, entry)
                version = None if special or reason else _version(entry, max_bytes)
            except OSError as error:  # it vanished or cannot be looked at
                result.skipped.append(unreadable(path, error))
                continue
            if special:
                result.skipped.append(Finding(path, 1, 1, UNREADABLE, Severity.ERROR, special))
                continue
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
            elif version is not None:
                stems[stem] = path
                result.jobs.append(Job(kind, stem, path, entry.path, version))
    return result


def _folder_entries(root: Path, kind: str, skipped: list[Finding]) -> list[os.DirEntry[str]]:
    """The entries of one data folder, sorted; a folder that may not be read adds a finding."""
    folder = root / kind
    path = f"{kind}/"
    try:
        if not os.path.lexists(folder):
            return []
        if folder.is_symlink() and leaves(root, folder):
            skipped.append(Finding(path, 1, 1, "ignored-file", Severity.INFO, LINK_OUTSIDE))
            return []
        if not folder.is_dir():
            message = f"{kind} is geen map; de gegevens staan in een map {kind}/"
            skipped.append(Finding(path, 1, 1, "ignored-file", Severity.INFO, message))
            return []
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda e: e.name)
    except OSError as error:
        skipped.append(unreadable(path, error, "de map"))
        return []


def _version(entry: os.DirEntry[str], max_bytes: int) -> tuple[int, int, int, int]:
    status = entry.stat()
    return (status.st_size, status.st_mtime_ns, status.st_ino, max_bytes)


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


#: Below this many files a second process costs more than it saves.
_WORTH_PREFETCHING = 200
#: The share of the files the second process parses: the first also imports and validates.
_PREFETCHED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Early:
    """A load begun before the validator is imported: the plan and the work ahead."""

    plan: Plan
    prefetch: Prefetch | None


def configured_max_bytes(root: Path) -> int:
    """``max_file_bytes`` as the configuration file gives it, read without the validator.

    The configuration is validated later; a wrong value here only means the plan is
    made again with the validated one.
    """
    file, _ = config_file(root)
    if file is None:
        return DEFAULT_MAX_FILE_BYTES
    doc, _ = read_document(root, file, DEFAULT_MAX_FILE_BYTES)
    value = doc.data.get("max_file_bytes") if doc and isinstance(doc.data, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_MAX_FILE_BYTES


def begin(root: Path) -> Early:
    """Plan the load and, where it pays, parse the later files in a second process.

    For a one-off check of a large project only: ``benchmarks/run.py`` measures the gain
    (a second core parses while the first imports the validator).
    """
    work = plan(root, configured_max_bytes(root))
    if len(work.jobs) < _WORTH_PREFETCHING or usable_cores() < 2 or not possible():
        return Early(work, None)
    ahead = work.jobs[int(len(work.jobs) * (1 - _PREFETCHED_SHARE)) :]
    prefetched = Prefetch(lambda: {job.path: _read(job) for job in ahead}, {j.path for j in ahead})
    return Early(work, prefetched)


def _read(job: Job) -> _Result:
    return read_file(job.path, job.file, job.version[3], job.version[0])


def load(work: Plan, cache: ParseCache | None = None, prefetched: Prefetch | None = None) -> Loaded:
    """Parse every planned file into documents by kind.

    Unchanged files come from ``cache``, those a second process parsed from ``prefetched``.
    """
    loaded = Loaded(work.root, findings=list(work.skipped))
    loaded.documents = {kind.folder: {} for kind in KINDS}
    loaded.unparsed = {kind.folder: {} for kind in KINDS}
    ready: dict[str, _Result] = {}
    for job in work.jobs:
        loaded.files.append(job.path)
        if prefetched is not None and job.path in prefetched.keys and not ready:
            ready = prefetched.results()  # by now the second process is done or nearly
        result = cache.get(work.root, job) if cache is not None else ready.get(job.path)
        if result is None:
            result = _read(job)
            if cache is not None:
                cache.put(work.root, job, result)
        elif cache is not None:
            loaded.reused += 1
        doc, problems = result
        loaded.findings.extend(problems)
        if doc is not None:
            loaded.documents[job.kind][job.stem] = doc
        else:
            loaded.unparsed[job.kind][job.stem] = job.path
    return loaded


def _is_hidden_or_backup(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES)


#: Why a data folder holds only files: what else an entry is, it is not data.
_NOT_DATA = "; in een datamap staan alleen YAML-bestanden: verwijder het of zet het elders"


def _special(root: Path, entry: os.DirEntry[str]) -> str:
    """The error for an entry that is neither a file nor a folder, naming what it is.

    A link out of the project is not followed, so not judged here (see
    :func:`_reason_to_ignore`); a link that leads nowhere, or round in a loop, is.
    """
    if entry.is_symlink():
        if leaves(root, entry.path):
            return ""
        try:
            os.stat(entry.path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return (
                    "dit is een symbolische link die via andere links naar zichzelf wijst (een "
                    "kring), "
                    f"geen gewoon bestand{_NOT_DATA}"
                )
            if error.errno in (errno.ENOENT, errno.ENOTDIR):
                target = os.readlink(entry.path)
                return (
                    f"dit is een symbolische link naar '{target}', dat niet bestaat; geen gewoon "
                    f"bestand{_NOT_DATA}"
                )
            raise
    mode = entry.stat().st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    return f"dit is {_file_type(mode)}, geen gewoon bestand{_NOT_DATA}"


def _reason_to_ignore(root: Path, entry: os.DirEntry[str]) -> str:
    suffix = os.path.splitext(entry.name)[1]
    if entry.is_symlink() and leaves(root, entry.path):
        return LINK_OUTSIDE
    if entry.is_dir():
        return "submappen worden niet gelezen; zet het bestand direct in de map"
    if suffix.lower() in SUFFIXES and suffix not in SUFFIXES:
        return f"de extensie {suffix} wordt niet gelezen; schrijf die met kleine letters"
    if suffix not in SUFFIXES:
        kind = suffix or "zonder extensie"
        return f"geen YAML-bestand ({kind}); alleen .yml en .yaml worden gelezen"
    return ""


def id_problem(stem: str) -> str:
    """Why ``stem`` is no valid id, or nothing."""
    if len(stem) > MAX_ID_LENGTH:
        return f"de bestandsnaam is {len(stem)} tekens; een id is hoogstens {MAX_ID_LENGTH} tekens"
    if not _SLUG.match(stem):
        # Accents dropped rather than the letter: café suggests cafe, not caf.
        plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
        suggestion = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
        hint = f"; bijvoorbeeld '{suggestion}'" if suggestion else ""
        return f"'{stem}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens{hint}"
    return ""


def read_interactions(root: Path, max_bytes: int) -> tuple[Document | None, list[Finding]]:
    """The parsed ``interactions.yml``, if the project has one that may be read, and why not.

    A link that leaves the project is not followed (an ``ignored-file`` note); a file that
    cannot be read or parsed is an error, as for any data file.
    """
    file = root / INTERACTIONS_FILE
    try:
        if not os.path.lexists(file):
            return None, []
        if file.is_symlink() and leaves(root, file):
            note = Finding(INTERACTIONS_FILE, 1, 1, "ignored-file", Severity.INFO, LINK_OUTSIDE)
            return None, [note]
        mode = file.stat().st_mode
    except OSError as error:
        if error.errno == errno.ENOENT:  # a link to nothing
            message = "symbolische link naar een bestand dat niet bestaat; verwijder de link"
            return None, [Finding(INTERACTIONS_FILE, 1, 1, UNREADABLE, Severity.ERROR, message)]
        return None, [unreadable(INTERACTIONS_FILE, error)]
    if not stat.S_ISREG(mode):
        message = (
            f"{INTERACTIONS_FILE} is geen gewoon bestand (een map of een bijzonder bestand) en "
            "wordt niet gelezen; maak er een YAML-bestand van of verwijder het"
        )
        return None, [Finding(INTERACTIONS_FILE, 1, 1, UNREADABLE, Severity.ERROR, message)]
    return read_document(root, file, max_bytes)
