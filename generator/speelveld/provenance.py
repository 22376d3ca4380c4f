"""Which version of the data a site or a document shows, for readers who print it.

The last commit that touched the project's data, with its date, when the project is in a
git repository (and whether the working tree differs from it); otherwise the date of the
newest data file. Never an error: without either, the version is unknown and unsaid.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .kinds import KINDS
from .words import day as dutch_day

#: The files whose history is the history of the data.
_DATA = (*(kind.folder for kind in KINDS), "speelveld.yml")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def data_version(root: Path, files: Iterable[str]) -> str:
    """``versie 45c7126 van 06-12-2026``, with a note when the data differ from it; else
    ``bestanden van 06-12-2026``; empty when neither is known. ``files`` are the data files
    relative to ``root``."""
    present = [name for name in _DATA if (root / name).exists()]
    last = _git(root, "log", "-1", "--format=%h %cs", "--", *present) if present else None
    if last:
        commit, _, day = last.partition(" ")
        changed = _git(root, "status", "--porcelain", "--", *present)
        note = " (met wijzigingen die nog niet zijn vastgelegd)" if changed else ""
        return f"versie {commit} van {dutch_day(datetime.date.fromisoformat(day))}{note}"
    times = []
    for name in files:
        try:
            times.append((root / name).stat().st_mtime)
        except OSError:
            continue
    if not times:
        return ""
    return f"bestanden van {dutch_day(datetime.date.fromtimestamp(max(times)))}"
