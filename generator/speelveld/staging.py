"""Build into a staging folder; replace the published site only when the build succeeded.

MkDocs cleans the site folder before it builds, so a build that fails halfway
(or a strict build that aborts on a warning after writing every page) would
leave the old site destroyed. Building beside it and swapping at the end
keeps the previous site byte for byte until a complete one is ready.

The warnings that make a strict build abort are counted on the loggers of both engines
that run the plugin: ``mkdocs`` and ``properdocs`` (which logs its own warnings there).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

#: The loggers whose warnings abort a strict build, under MkDocs and under ProperDocs.
ENGINE_LOGGERS = ("mkdocs", "properdocs")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    """One build's staging folder beside the real site folder."""

    def __init__(self, site_dir: Path, *, strict: bool) -> None:
        self.site_dir = site_dir
        self.folder = site_dir.with_name(f".{site_dir.name}.speelveld-bouw")
        self.strict = strict
        self._warnings = _WarningCounter()
        shutil.rmtree(self.folder, ignore_errors=True)
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).addHandler(self._warnings)

    def finish(self) -> None:
        """Publish the staged site, unless a strict build is about to abort on a warning."""
        self._detach()
        if self.strict and self._warnings.count:
            return  # MkDocs raises next; discard() follows from on_build_error
        backup = self.site_dir.with_name(f".{self.site_dir.name}.speelveld-oud")
        shutil.rmtree(backup, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(backup)
        self.folder.rename(self.site_dir)
        shutil.rmtree(backup, ignore_errors=True)

    def discard(self) -> None:
        self._detach()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _detach(self) -> None:
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).removeHandler(self._warnings)
