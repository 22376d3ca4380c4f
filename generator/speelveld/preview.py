"""What ``mkdocs serve`` adds: input errors shown in the browser, and data that appears later.

A build stops on input errors, and ``mkdocs serve`` then leaves every browser request
waiting until a build succeeds. Under serve the plugin builds a page with the findings
instead, so the advisor sees in the browser what to fix, and the preview goes back to the
site by itself once the data are valid. MkDocs watches only folders that exist when the
server starts; :class:`DataWatch` also picks up a ``speelveld.yml`` or a data folder made
while it runs.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .findings import Finding
from .ids import CONFIG_FILE, INTERACTIONS_FILE
from .kinds import BY_FOLDER, KINDS
from .render import environment, text

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: The page title of the findings page, also its entry in the navigation.
TITLE = "Invoerfouten"


def findings_page(errors: list[Finding], reason: str = "") -> str:
    """The page that replaces the site while the data have input errors.

    ``reason`` is for a folder that is no project at all (it has no findings).
    """
    template = environment.build().get_template("invoerfouten.md.jinja")
    return text.front_matter(TITLE) + template.render(errors=errors, reason=reason)


def watched(root: Path) -> list[Path]:
    """The data folders, the configuration file and the interactions of the project at
    ``root``."""
    return [*(root / kind.folder for kind in KINDS), root / CONFIG_FILE, root / INTERACTIONS_FILE]


class RebuildSignal:
    """A file of the plugin's own, in a folder the server watches through its public
    ``watch``: writing the file is a change, and on a change the server rebuilds."""

    def __init__(self, server: Any) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="speelveld-voorvertoning-"))
        self.file = self.folder / "herbouw"
        self.file.write_text("0\n", encoding="utf-8")
        server.watch(str(self.folder))

    def fire(self) -> None:
        self.file.write_text(f"{time.time_ns()}\n", encoding="utf-8")

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class DataWatch:
    """Watches the project folder itself, not its subfolders, for data that appears later.

    A new data folder is watched from then on, and a rebuild is asked for, because the
    files copied into it arrived before its watch began. A new, changed or removed
    ``speelveld.yml`` or ``interactions.yml`` asks for a rebuild too. The server's observer
    (watchdog) calls :meth:`dispatch` with each event.
    """

    def __init__(self, server: Any, root: Path) -> None:
        self.server = server
        self.root = root
        self.rebuild = RebuildSignal(server)
        self.folders: set[Path] = set()
        for path in watched(root):
            if path.is_dir():
                self._watch(path)
        server.observer.schedule(self, str(root), recursive=False)

    def _watch(self, folder: Path) -> None:
        self.server.watch(str(folder))
        self.folders.add(folder)

    def dispatch(self, event: Any) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        for changed in (Path(str(p)) for p in paths if p):
            if changed.parent != self.root:
                continue
            if changed.name in BY_FOLDER:
                self._folder_changed(changed)
            elif changed.name in (CONFIG_FILE, INTERACTIONS_FILE):
                self.rebuild.fire()

    def close(self) -> None:
        self.rebuild.close()

    def _folder_changed(self, folder: Path) -> None:
        if folder.is_dir() and folder not in self.folders:
            log.info("speelveld: nieuwe map %s; die wordt voortaan bewaakt", folder.name)
            self._watch(folder)
            self.rebuild.fire()
        elif not folder.exists() and folder in self.folders:
            self.server.unwatch(str(folder))
            self.folders.discard(folder)
            self.rebuild.fire()
