"""The same site from every engine, and a render folder that carries nothing old.

MkDocs builds the site with the plugin; ProperDocs, the maintained fork of MkDocs 1.x, runs
the same plugin; Zensical runs no plugin and builds the folder that
``speelveld render --zensical`` writes. What a page must say is taken from the YAML files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speelveld import plotlyjs
from speelveld.cli import main
from speelveld.export import MARKER
from speelveld.plugin import SpeelveldPlugin
from speelveld.staging import SiteLock

from .conftest import BASE, INTERNAL_MEASURE, MKDOCS_YML, REPOSITORY, plotly_script
from .engines import (
    address,
    copy_project,
    generator,
    pages,
    properdocs_build,
    read,
    run,
    sidebar,
    zensical_route,
)

GOOGLE_FONTS = "fonts.googleapis.com"


def titles(folder: str, key: str) -> dict[str, str]:
    """The name or title of every entity in one of the repository's data folders, by id."""
    return {
        path.stem: " ".join(yaml.safe_load(path.read_text("utf-8"))[key].split())
        for path in sorted((REPOSITORY / folder).glob("*.yml"))
    }


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Amsterdam site as ProperDocs builds it."""
    folder = tmp_path_factory.mktemp("properdocs")
    project = copy_project(folder / "project")
    result = properdocs_build(project, folder / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Amsterdam site as Zensical builds it from ``speelveld render --zensical``."""
    return zensical_route(copy_project(tmp_path_factory.mktemp("zensical") / "project"))


@pytest.fixture
def project(site_project: Path) -> Path:
    """The base project with a docs folder and a plain mkdocs.yml: no language, no font."""
    return site_project


# --- the same pages from every engine ----------------------------------------------------------


def test_every_engine_builds_the_same_pages_with_the_same_headings(
    amsterdam: Path, properdocs_site: Path, zensical_site: Path
) -> None:
    expected = pages(amsterdam)
    measures = titles("measures", "title")
    domains = titles("domains", "name")
    partners = titles("stakeholders", "name")
    assert {f"/maatregelen/{m}/": t for m, t in measures.items()}.items() <= expected.items()
    assert {f"/domeinen/{d}/": n for d, n in domains.items()}.items() <= expected.items()
    assert {f"/partners/{p}/": n for p, n in partners.items()}.items() <= expected.items()
    site_name = yaml.safe_load((REPOSITORY / "mkdocs.yml").read_text("utf-8"))["site_name"]
    assert expected["/"] == site_name
    assert {"/over/speelveld-lezen/", "/over/toegankelijkheid/"} <= expected.keys()
    assert "/prestaties/" not in expected  # an internal page: not in a public build
    assert pages(properdocs_site) == expected
    assert pages(zensical_site) == expected


def without_version(page: tuple[str, str]) -> tuple[str, str]:
    heading, text = page
    return heading, re.sub(r"Stand van de gegevens: [^;]*;", "", text)


def test_the_plugin_is_registered_for_properdocs() -> None:
    (entry,) = entry_points(group="properdocs.plugins", name="speelveld")
    assert entry.load() is SpeelveldPlugin


def test_properdocs_builds_every_page_with_the_text_mkdocs_builds(
    amsterdam: Path, properdocs_site: Path
) -> None:
    assert generator(properdocs_site / "index.html").startswith("mkdocs-ProperDocs")
    assert generator(amsterdam / "index.html").startswith("mkdocs-1.")
    compared = 0
    for page in sorted(amsterdam.rglob("index.html")):
        other = properdocs_site / page.relative_to(amsterdam)
        # The version of the data differs: one project is a git checkout, the other a copy.
        assert without_version(read(other)) == without_version(read(page)), address(page, amsterdam)
        compared += 1
    assert compared == len(pages(amsterdam))
    home = (properdocs_site / "index.html").read_text("utf-8")
    assert '<html lang="nl"' in home
    assert 'src="assets/speelveld/speelveld.js" defer' in home
    assert plotly_script(properdocs_site).name == plotly_script(amsterdam).name
    assert (properdocs_site / "search/search_index.json").is_file()


def test_a_properdocs_build_that_fails_late_keeps_the_old_site(
    project: Path, tmp_path: Path
) -> None:
    """ProperDocs logs its own warnings; a strict build that aborts on one changes nothing."""
    site = tmp_path / "site"
    assert properdocs_build(project, site).returncode == 0
    (site / "vorige-bouw.txt").write_text("van de vorige bouw", "utf-8")
    (project / "docs" / "kapot.md").write_text("# Kapot\n\n[weg](bestaat-niet.md)\n", "utf-8")
    result = properdocs_build(project, site)
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stderr
    assert (site / "vorige-bouw.txt").is_file()
    assert not (site / "kapot").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


# --- the Zensical route ------------------------------------------------------------------------


def test_zensical_gets_what_the_plugin_adds_under_mkdocs(zensical_site: Path) -> None:
    assert generator(zensical_site / "index.html").startswith("zensical-")
    built = sorted(zensical_site.rglob("index.html"))
    assert len(built) == len(pages(zensical_site)) > 40
    for page in built:
        html = page.read_text("utf-8")
        where = address(page, zensical_site)
        assert '<html lang="nl"' in html, where
        assert GOOGLE_FONTS not in html, where
        stylesheet = r'<link rel="stylesheet" href="[./]*assets/speelveld/speelveld\.css">'
        assert re.search(stylesheet, html), where
        assert re.search(r'<script src="[./]*assets/speelveld/speelveld\.js" defer>', html), where
    assert plotly_script(zensical_site).read_bytes() == plotlyjs.bundle_file().read_bytes()


@pytest.mark.parametrize("page", ["index.html", "maatregelen/meldpilot-ondernemers/index.html"])
def test_zensical_has_the_navigation_of_the_plugin(
    amsterdam: Path, zensical_site: Path, page: str
) -> None:
    expected = sidebar(amsterdam / page, amsterdam)
    assert expected[:4] == ["/", "/rapport/", "/wat-als/", "/speelveld/"]
    assert "/over/toegankelijkheid/" in expected
    assert sidebar(zensical_site / page, zensical_site) == expected


def test_zensical_sets_the_municipal_defaults_a_project_did_not_set(project: Path) -> None:
    """Zensical's own defaults are English and fonts from Google; the route sets nl and none."""
    site = zensical_route(project)
    home = (site / "index.html").read_text("utf-8")
    assert '<html lang="nl"' in home
    assert GOOGLE_FONTS not in home
    assert read(site / "index.html")[0] == "Nachtleven"
    measure = yaml.safe_load((BASE / "measures/testservice.yml").read_text("utf-8"))
    assert read(site / "maatregelen/testservice/index.html")[0] == measure["title"]


def test_zensical_route_for_a_project_without_mkdocs_yml(tmp_path: Path) -> None:
    project = shutil.copytree(BASE, tmp_path / "project")
    site = zensical_route(project)
    home = (site / "index.html").read_text("utf-8")
    assert '<html lang="nl"' in home
    assert GOOGLE_FONTS not in home
    assert read(site / "index.html")[0] == "Speelveld"
    assert sidebar(site / "index.html", site)[:4] == ["/", "/rapport/", "/wat-als/", "/speelveld/"]


def test_zensical_keeps_a_language_font_and_navigation_the_project_chose(project: Path) -> None:
    (project / "docs" / "over.md").write_text("# Over ons\n\nWie wij zijn.\n", "utf-8")
    (project / "mkdocs.yml").write_text(
        MKDOCS_YML.replace(
            "  name: material\n",
            "  name: material\n  language: de\n  font:\n    text: Lato\n",
        )
        + "nav:\n  - Start: index.md\n  - Über uns: over.md\n",
        "utf-8",
    )
    site = zensical_route(project)
    home = (site / "index.html").read_text("utf-8")
    assert '<html lang="de"' in home
    assert f"{GOOGLE_FONTS}/css?family=Lato" in home
    config = yaml.safe_load((project / "build/zensical/mkdocs.yml").read_text("utf-8"))
    assert "nav" not in config
    assert sidebar(site / "index.html", site) == ["/", "/over/"]
    assert "Über uns" in home


def test_a_hand_written_page_wins_over_a_generated_one_in_zensical(project: Path) -> None:
    page = project / "docs" / "wijzigingen.md"
    page.write_text("# Onze wijzigingen\n\nZo gaat het.\n", "utf-8")
    site = zensical_route(project)
    assert read(site / "wijzigingen/index.html") == (
        "Onze wijzigingen",
        "Onze wijzigingen Zo gaat het.",
    )


def test_a_page_at_a_generated_address_or_in_the_scripts_is_left_out_of_zensical(
    project: Path, tmp_path: Path
) -> None:
    (project / "docs" / "rapport").mkdir()
    (project / "docs" / "rapport" / "index.md").write_text("# Eigen rapport\n", "utf-8")
    scripts = project / "docs" / "assets" / "speelveld"
    scripts.mkdir(parents=True)
    (scripts / "speelveld.js").write_text("window.eigen = 1;\n", "utf-8")
    out = tmp_path / "zensical"
    result = CliRunner().invoke(main, ["render", str(project), "--out", str(out), "--zensical"])
    assert result.exit_code == 0, result.output
    assert "waarschuwing: docs/rapport/index.md heeft hetzelfde adres (rapport/)" in result.output
    assert "waarschuwing: docs/assets/speelveld/speelveld.js staat in assets/speelveld/" in (
        result.output
    )
    assert (out / "docs" / "rapport.md").is_file()
    assert not (out / "docs" / "rapport" / "index.md").exists()
    assert "window.eigen" not in (out / "docs/assets/speelveld/speelveld.js").read_text("utf-8")


def test_zensical_needs_its_folder_outside_the_hand_written_pages(project: Path) -> None:
    result = run("speelveld", ("render", "--out", "docs/zensical", "--zensical"), project)
    assert result.returncode == 2
    assert "buiten" in result.stderr
    assert not (project / "docs" / "zensical").exists()


# --- render --out: a folder of its own, replaced whole -----------------------------------------


def render(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", *args])
    return result.exit_code, result.output


def test_a_public_render_leaves_nothing_of_an_internal_one(project: Path, tmp_path: Path) -> None:
    (project / "measures" / "geheime-proef.yml").write_text(INTERNAL_MEASURE, "utf-8")
    out = tmp_path / "R"
    assert render(str(project), "--internal", "--out", str(out))[0] == 0
    assert (out / "maatregelen/geheime-proef.md").is_file()
    (out / "notitie.md").write_text("# Van de vorige keer\n", "utf-8")
    code, output = render(str(project), "--out", str(out))
    assert code == 0, output
    assert not (out / "maatregelen/geheime-proef.md").exists()
    assert not (out / "notitie.md").exists()
    assert "Geheime proef" not in "".join(p.read_text("utf-8") for p in out.rglob("*.md"))
    assert (out / "maatregelen/testservice.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["R", "project"]


def test_a_public_zensical_render_leaves_nothing_of_an_internal_one(project: Path) -> None:
    (project / "measures" / "geheime-proef.yml").write_text(INTERNAL_MEASURE, "utf-8")
    internal = run("speelveld", ("render", "--internal", "--out", "Z", "--zensical"), project)
    assert internal.returncode == 0, internal.stderr
    assert (project / "Z/docs/maatregelen/geheime-proef.md").is_file()
    public = run("speelveld", ("render", "--out", "Z", "--zensical"), project)
    assert public.returncode == 0, public.stderr
    assert not (project / "Z/docs/maatregelen/geheime-proef.md").exists()
    assert (project / "Z/docs/maatregelen/cameratoezicht.md").is_file()


def test_render_refuses_a_folder_it_did_not_make(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "eigen"
    out.mkdir()
    (out / "notities.txt").write_text("van de gebruiker", "utf-8")
    code, output = render(str(project), "--out", str(out))
    assert code == 2
    assert "niet door speelveld render gemaakt" in output
    assert [p.name for p in out.iterdir()] == ["notities.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eigen", "project"]


def test_render_refuses_a_file(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "bestand"
    out.write_text("geen map", "utf-8")
    code, output = render(str(project), "--out", str(out))
    assert code == 2
    assert "geen map" in output
    assert out.read_text("utf-8") == "geen map"


def test_render_into_a_subfolder_of_docs_replaces_only_that_subfolder(project: Path) -> None:
    docs = project / "docs"
    (docs / "eigen.md").write_text("# Eigen pagina\n", "utf-8")
    out = docs / "gegenereerd"
    out.mkdir()  # an empty folder is no one's work
    assert render(str(project), "--out", str(out))[0] == 0
    (out / "verouderd.md").write_text("# Oud\n", "utf-8")
    assert render(str(project), "--out", str(out))[0] == 0
    assert not (out / "verouderd.md").exists()
    assert (out / "index.md").is_file()
    assert (out / MARKER).is_file()
    assert (docs / "eigen.md").read_text("utf-8") == "# Eigen pagina\n"
    assert sorted(p.name for p in docs.iterdir()) == ["eigen.md", "gegenereerd"]


def test_a_render_that_fails_keeps_the_previous_folder(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "R"
    assert render(str(project), "--out", str(out))[0] == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    broken = project / "measures" / "cameratoezicht.yml"
    broken.write_text(broken.read_text("utf-8") + "onbekend_veld: 1\n", "utf-8")
    code, output = render(str(project), "--out", str(out))
    assert code == 1
    assert "invoerfouten" in output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_two_renders_at_once_leave_one_whole_folder_and_never_none(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "R"
    assert render(str(project), "--out", str(out))[0] == 0
    single = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    index = out / "index.md"
    missing: list[float] = []
    stop = threading.Event()

    def watch() -> None:  # a reader of the folder, as an engine building from it is
        while not stop.is_set():
            if not index.exists():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    # The test holds the lock, so that both renders certainly overlap and wait.
    lock = SiteLock(out)
    lock.acquire(5)
    command = [sys.executable, "-m", "speelveld", "render", str(project), "--out", str(out)]
    renders = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    time.sleep(1.5)
    assert [r.poll() for r in renders] == [None, None]
    lock.release()
    results = [r.communicate(timeout=300) for r in renders]
    stop.set()
    watcher.join()
    assert [r.returncode for r in renders] == [0, 0], results
    assert not [err for _, err in results if "Traceback" in err]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == single
    assert missing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["R", "project"]
