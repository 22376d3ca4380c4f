"""Shared helpers: the case folders and a project built from the base project."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

TESTS = Path(__file__).parent
BASE = TESTS / "base"
CASES = TESTS / "cases"
REPOSITORY = TESTS.parent
CASE_FILE = "case.yml"

#: A valid measure for the base project, to add in tests of changes between versions.
NEW_MEASURE = """\
title: Nachtburgemeester
summary: Een aanspreekpunt voor de nacht.
status: proposed
owner: wethouder-economie
governance: network
stakeholders:
  - {id: horeca, role: lead}
instruments: [keurmerk]
effects:
  veiligheid: {score: 1, rationale: Snel contact bij incidenten.}
  gezondheid: {score: 0}
  economie: {score: 1, rationale: Betere afstemming met ondernemers.}
"""


@dataclass(frozen=True)
class Case:
    """A small change to the base project and the findings it must produce, exactly."""

    folder: Path
    description: str
    remove: tuple[str, ...]
    expected: tuple[dict[str, Any], ...]
    #: Whose portfolio findings the case checks: ``plan`` unless it says otherwise.
    portfolio: str = "plan"
    #: The day the case is checked on, for acceptances that expire.
    today: datetime.date = datetime.date(2026, 6, 1)

    @classmethod
    def read(cls, folder: Path) -> Case:
        spec = yaml.safe_load((folder / CASE_FILE).read_text(encoding="utf-8"))
        return cls(
            folder=folder,
            description=spec["description"],
            remove=tuple(spec.get("remove", ())),
            expected=tuple(spec.get("findings") or ()),
            portfolio=spec.get("portfolio", "plan"),
            today=spec.get("today", datetime.date(2026, 6, 1)),
        )

    def build(self, target: Path) -> Path:
        """The base project with this case's files laid over it, in ``target``."""
        shutil.copytree(BASE, target, symlinks=True)
        for relative in self.remove:
            (target / relative).unlink()
        for source in sorted(self.folder.rglob("*")):
            relative = source.relative_to(self.folder)
            if relative.as_posix() == CASE_FILE or source.is_dir():
                continue
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            if destination.exists() or destination.is_symlink():
                destination.unlink()
            shutil.copyfile(source, destination, follow_symlinks=False)
        return target


def case_folders() -> list[Path]:
    return sorted(p.parent for p in CASES.rglob(CASE_FILE))


@pytest.fixture
def project_from(tmp_path: Path):
    """Build a case (given as a folder under tests/cases) into a fresh directory."""

    def build(name: str) -> Path:
        return Case.read(CASES / name).build(tmp_path / "project")

    return build


#: The mkdocs.yml of a small site built from the base project.
MKDOCS_YML = """\
site_name: Nachtleven
theme:
  name: material
plugins:
  - search
  - speelveld
"""


#: A measure marked internal, for the base project: it must stay out of a public site.
INTERNAL_MEASURE = """\
title: Geheime proef nachtcontrole
summary: Alleen voor intern gebruik.
status: proposed
owner: burgemeester
governance: hierarchical
visibility: internal
stakeholders:
  - {id: politie, role: lead}
instruments: [apv]
effects:
  veiligheid: {score: 1, rationale: Meer zicht.}
  gezondheid: {score: 0}
  economie: {score: -1, rationale: Omzet.,  mitigation: Overleg.}
"""


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    """The base project with an empty docs/ and a mkdocs.yml: a small site to build."""
    folder = tmp_path / "project"
    shutil.copytree(BASE, folder)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


def build(project: Path, site: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` into ``site``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
    )


@pytest.fixture(scope="session")
def amsterdam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the Amsterdam project in this repository, built once."""
    site = tmp_path_factory.mktemp("amsterdam") / "site"
    result = build(REPOSITORY, site)
    assert result.returncode == 0, result.stderr
    return site


def plotly_script(site: Path) -> Path:
    """The site's one plotly.js, ``assets/speelveld/plotly-<hash>.min.js``."""
    found = sorted((site / "assets" / "speelveld").glob("plotly-*.min.js"))
    assert len(found) == 1, f"one plotly.js in {site}/assets/speelveld, found {found}"
    return found[0]
