"""The site's plotly.js: rebuilt from the repository it is the committed file, byte for byte,
and it holds every trace type that a figure on any page uses.

The rebuild needs Node.js and the packages of scripts/plotly-bundle/package-lock.json
(``scripts/install-browser-deps`` installs both; ``scripts/build-plotly-bundle`` installs the
packages itself when they are missing).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from speelveld import plotlyjs
from speelveld.demo import generate, write
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import REPOSITORY, TESTS

BUILD = REPOSITORY / "scripts" / "build-plotly-bundle"
ENTRY = REPOSITORY / "scripts" / "plotly-bundle" / "entry.js"
#: A figure's JSON beside its chart, as the chart macro writes it.
#: A figure's data in a page; the what-if page's data (``speelveld-wat-als-data``) is none.
FIGURE_DATA = re.compile(
    r'<script type="application/json" id="(?!speelveld-wat-als-)[^"]+-data">(.*?)</script>', re.S
)
#: How every plotly.js trace module declares itself, as it stands in the minified bundle.
TRACE_MODULE = re.compile(r'moduleType:"trace",name:"(\w+)"')


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle and its licence notices, built anew by the repository's script."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing: run scripts/install-browser-deps first", pytrace=False)
    out = tmp_path_factory.mktemp("plotly-bundle")
    result = subprocess.run(
        [str(BUILD), str(out)], cwd=REPOSITORY, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{BUILD} failed:\n{result.stdout}{result.stderr}"
    return out


@pytest.mark.parametrize("name", [plotlyjs.BUNDLE, plotlyjs.LICENCE])
def test_the_committed_bundle_is_what_the_build_script_makes(rebuilt: Path, name: str) -> None:
    committed = REPOSITORY / "generator" / "speelveld" / "assets" / name
    built = (rebuilt / name).read_bytes()
    assert built == committed.read_bytes(), (
        f"{committed.relative_to(REPOSITORY)} is not what scripts/build-plotly-bundle makes from "
        f"the repository ({len(built)} bytes built, {committed.stat().st_size} committed): "
        "run scripts/build-plotly-bundle and commit the result"
    )


def test_the_licence_notices_name_plotly_and_every_bundled_package(rebuilt: Path) -> None:
    notices = (rebuilt / plotlyjs.LICENCE).read_text("utf-8")
    assert re.search(r"^plotly\.js \d+\.\d+\.\d+ \(MIT\)$", notices, re.M)
    assert "Copyright (c) 2016-2024 Plotly Technologies Inc." in notices
    lock = json.loads((ENTRY.parent / "package-lock.json").read_text("utf-8"))
    named = re.findall(r"^(\S+) (\d\S*) \(([^)]+)\)$", notices, re.M)
    assert len(named) > 10
    for package, version, _ in named:
        assert lock["packages"][f"node_modules/{package}"]["version"] == version, package
    assert plotlyjs.LICENCE in (rebuilt / plotlyjs.BUNDLE).read_text("utf-8")[:300]


def bundled_traces() -> set[str]:
    return set(TRACE_MODULE.findall(plotlyjs.bundle_file().read_text("utf-8")))


def figure_traces(project: Path) -> set[str]:
    """The trace types of every figure on every generated page of ``project``."""
    pages = render_pages(check(project), SiteOptions())
    figures = [json.loads(data) for page in pages.values() for data in FIGURE_DATA.findall(page)]
    assert figures, f"no page of {project} has a figure"
    return {trace["type"] for figure in figures for trace in figure["data"]}


@pytest.fixture(scope="module")
def six_domains(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("six") / "project"
    write(generate(30, 6, seed=3, errors=False), folder)
    return folder


def test_the_bundle_holds_every_trace_type_a_figure_uses(six_domains: Path) -> None:
    used: set[str] = set()
    for project in (REPOSITORY, TESTS / "neutral", six_domains):
        used |= figure_traces(project)
    bundled = bundled_traces()
    missing = used - bundled
    assert not missing, (
        f"the figures use the trace types {sorted(missing)}, which the site's plotly.js lacks "
        f"(it has {sorted(bundled)}): add plotly.js/lib/<type> to {ENTRY.relative_to(REPOSITORY)} "
        "and run scripts/build-plotly-bundle"
    )
    # Nor does it carry a trace type that no figure uses: scatter comes with plotly.js's core.
    assert bundled == used | {"scatter"}, (
        f"the site's plotly.js holds {sorted(bundled - used - {'scatter'})}, which no figure "
        f"uses: remove it from {ENTRY.relative_to(REPOSITORY)} and run scripts/build-plotly-bundle"
    )


def test_the_site_names_the_bundle_after_its_content(tmp_path: Path) -> None:
    copy = tmp_path / plotlyjs.BUNDLE
    shutil.copyfile(plotlyjs.bundle_file(), copy)
    name = plotlyjs.script_name(copy)
    assert re.fullmatch(r"plotly-[0-9a-f]{12}\.min\.js", name)
    assert plotlyjs.script_name() == name
    with copy.open("a", encoding="utf-8") as changed:
        changed.write("\n")
    assert plotlyjs.script_name(copy) != name
