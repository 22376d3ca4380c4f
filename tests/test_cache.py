"""A process that loads a project again parses only the files that changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from speelveld.project import load_project

from .conftest import BASE


def test_only_changed_files_are_parsed_again(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    first, _ = load_project(project)
    assert first.reused == 0
    again, _ = load_project(project)
    assert again.reused == len(first.files)

    measure = project / "measures" / "testservice.yml"
    measure.write_text(
        measure.read_text("utf-8").replace("Testservice voor drugs", "Testservice"), "utf-8"
    )
    stat = measure.stat()
    os.utime(measure, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed, _ = load_project(project)
    assert changed.reused == len(first.files) - 1
    assert changed.measures["testservice"].title == "Testservice"
