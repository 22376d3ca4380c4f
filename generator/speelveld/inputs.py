"""What a run reads, so that nothing it writes lands on it; and files written whole.

MkDocs empties its ``site_dir`` before every build and ``speelveld render`` replaces its
``--out`` folder, so either pointed at a data folder, ``docs/`` or the project itself would
wipe what the advisors typed. A report written with ``--output`` over ``speelveld.yml``
would replace the configuration. So every command that writes asks first whether the
target is, holds or lies inside something the run reads, and refuses in Dutch before
anything is touched. Files are written beside their place and renamed over it, so a
failed write leaves the old file whole.

Paths are compared as the system resolves them (links followed), so a link to a data
folder is that data folder. Imports nothing heavy: the commands check before they load.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .ids import CONFIG_FILE
from .kinds import KINDS

MKDOCS_CONFIG = "mkdocs.yml"


def real(path: Path | str) -> Path:
    """Where ``path`` leads, links followed, as an absolute path."""
    return Path(os.path.realpath(path))


@dataclass(frozen=True, slots=True)
class Inputs:
    """The paths one run reads: the project root, its folders and its single files."""

    root: Path
    #: The data folders, each with how a message names it.
    data: tuple[tuple[Path, str], ...]
    #: Single files that are input: speelveld.yml, mkdocs.yml and every data file.
    files: frozenset[Path]
    #: The folder of hand-written pages, when the run builds a site.
    docs: tuple[tuple[Path, str], ...] = ()

    @property
    def folders(self) -> tuple[tuple[Path, str], ...]:
        """Folders whose whole content is input: the data folders and the docs folder."""
        return self.data + self.docs

    @classmethod
    def of(
        cls,
        root: Path,
        *,
        mkdocs_file: Path | None = None,
        docs_dir: Path | None = None,
        data_files: Iterable[str] = (),
    ) -> Inputs:
        """The inputs of the project in ``root``; ``data_files`` are paths from the root.

        Without ``mkdocs_file`` the ``mkdocs.yml`` beside the data is taken.
        """
        folders = {kind.folder: real(root / kind.folder) for kind in KINDS}
        data = tuple((folders[kind.folder], f"de datamap {kind.folder}/") for kind in KINDS)
        docs = () if docs_dir is None else ((real(docs_dir), f"de map {Path(docs_dir).name}/"),)
        files = {real(root / CONFIG_FILE), real(mkdocs_file or root / MKDOCS_CONFIG)}
        files |= {_real_in(folders, root, name) for name in data_files}
        return cls(real(root), data, frozenset(files), docs)


def _real_in(folders: dict[str, Path], root: Path, name: str) -> Path:
    """``real(root / name)`` for a file of a data folder, whose folder is resolved already:
    only the file itself may still be a link (a thousand files: one ``lstat`` each, not
    one per part of the path)."""
    folder, _, file = name.partition("/")
    if folder not in folders or not file or "/" in file:
        return real(root / name)
    path = folders[folder] / file
    return real(path) if os.path.islink(path) else path


def _holds(folder: Path, path: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it."""
    return path == folder or path.is_relative_to(folder)


def site_refusal(
    site_dir: Path, inputs: Inputs, option: str = "site_dir", *, into_docs: bool = False
) -> str:
    """Why a folder that is emptied and rewritten whole may not be ``site_dir``; or nothing.

    Refused: the project root or a folder above it, a data folder or the docs folder, a
    folder inside one of those (inside the docs folder only without ``into_docs``: pages
    written there are sources too), and a folder that holds an input file.
    """
    target = real(site_dir)
    relation = ""
    inside_allowed = {folder for folder, _ in inputs.docs} if into_docs else set()
    if _holds(target, inputs.root):
        relation = "is de projectmap" if target == inputs.root else "bevat de projectmap"
    else:
        for folder, name in inputs.folders:
            if _holds(folder, target) and not (folder in inside_allowed and target != folder):
                relation = f"is {name}" if target == folder else f"ligt in {name}"
                break
            if _holds(target, folder):
                relation = f"bevat {name}"
                break
        else:
            held = sorted(f for f in inputs.files if _holds(target, f))
            if held:
                relation = f"bevat {held[0].name}, dat het project leest"
    if not relation:
        return ""
    return (
        f"{option} '{site_dir}' {relation}. Die map wordt bij het schrijven helemaal geleegd "
        "en vervangen, en moet dus los staan van alles wat het project leest. Kies een eigen "
        "map voor de site, zoals site/; er is niets geschreven of verwijderd"
    )


def output_refusal(out: Path, inputs: Inputs, option: str = "--output") -> str:
    """Why a file may not be written at ``out``: it is an input or lies in a data folder."""
    target = real(out)
    if target in inputs.files:
        return (
            f"{option} '{out}' is een bestand dat het project leest ({target.name}); kies een "
            "ander bestand, zodat er niets van het project wordt overschreven"
        )
    for folder, name in inputs.data:
        if _holds(folder, target):
            return (
                f"{option} '{out}' ligt in {name}, waar alleen gegevens van het project staan; "
                "kies een bestand buiten de datamappen"
            )
    return ""


def write_file(out: Path, data: bytes | str) -> None:
    """Write ``data`` beside ``out`` and rename it into place: never half a file.

    A link at ``out`` stays a link: the file it leads to is replaced. The new file gets
    the mode of the one it replaces, else the usual mode under the umask. Raises OSError.
    """
    target = real(out) if os.path.islink(out) else Path(os.path.abspath(out))
    content = data.encode("utf-8") if isinstance(data, str) else data
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
