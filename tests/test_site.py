"""The published site: built with MkDocs and the plugin, read back as files."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speelveld import plotlyjs
from speelveld.cli import main

from .conftest import BASE, INTERNAL_MEASURE, NEW_MEASURE, REPOSITORY, build, plotly_script
from .conftest import MKDOCS_YML as MKDOCS_YML  # used by test_gaps

HOSTILE_MEASURE = """\
title: "Titel <script>window.pwned=1</script> {{ 7*7 }}"
summary: |
  <img src=x onerror="window.pwned=2"> en <iframe src="https://example.org"></iframe>

  [klik](javascript:window.pwned=3) en ![x](data:text/html;base64,PHNjcmlwdD4=)

  ## Kop { onclick="window.pwned=4" }

  {% raw %} &lt;b&gt; | a | b |
status: proposed
owner: wethouder-zorg
governance: network
stakeholders:
  - {id: ggd, role: lead}
instruments: [voorlichting]
effects:
  veiligheid: {score: 0}
  gezondheid: {score: 1, rationale: "</script><script>window.pwned=5</script>"}
  economie: {score: 0}
"""


def site_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and p.suffix in (".html", ".json", ".xml", ".js", ".css")
        and not p.name.startswith("plotly-")
    )


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(site_project: Path) -> Path:
    return site_project


def test_amsterdam_builds_strict_with_every_page(amsterdam: Path) -> None:
    for page in (
        "index.html",
        "speelveld/index.html",
        "matrix/index.html",
        "rapport/index.html",
        "methode/index.html",
        "maatregelen/index.html",
        "domeinen/normalisering/index.html",
        "partners/politie/index.html",
        "instrumenten/vergunningen/index.html",
        "maatregelen/meldpilot-ondernemers/index.html",
        "over/toegankelijkheid/index.html",
    ):
        assert (amsterdam / page).is_file(), page
    for measure in (REPOSITORY / "measures").glob("*.yml"):
        assert (amsterdam / "maatregelen" / measure.stem / "index.html").is_file()


def test_the_sidebar_holds_sections_not_every_measure(amsterdam: Path) -> None:
    page = (amsterdam / "maatregelen/meldpilot-ondernemers/index.html").read_text("utf-8")
    sidebar = page.split('class="md-sidebar md-sidebar--primary"')[1].split("</nav>")[0]
    assert "Matrix" in sidebar
    assert "Handhavingscontroles" not in sidebar


def test_plotly_is_served_from_the_site_once_and_never_inlined(amsterdam: Path) -> None:
    script = plotly_script(amsterdam)
    # The package's own bundle, under a name after its content, with its licence notices.
    assert script.read_bytes() == plotlyjs.bundle_file().read_bytes()
    assert script.name == plotlyjs.script_name()
    assert (script.parent / plotlyjs.LICENCE).read_bytes() == plotlyjs.licence_file().read_bytes()
    charts = set()
    for page in amsterdam.rglob("*.html"):
        text = page.read_text("utf-8")
        assert len(text) < 400_000, page
        assert "assets/speelveld/speelveld.js" in text
        assert not re.search(r"<script[^>]*plotly", text), page
        # A page with a chart names plotly.js for speelveld.js to load; no other page does.
        has_chart = 'class="speelveld-chart"' in text
        assert (f'data-plotly="{script.name}"' in text) == has_chart, page
        if has_chart:
            charts.add(page.relative_to(amsterdam).as_posix())
    assert {
        "index.html",
        "speelveld/index.html",
        "matrix/index.html",
        "rapport/index.html",
        "wat-als/index.html",
    } <= charts
    # A measure's effects are bars in HTML: no chart library for the most numerous pages.
    assert not {"maatregelen/meldpilot-ondernemers/index.html", "partners/politie/index.html"} & (
        charts
    )


#: The pages of each kind of entity by their folder in the site, with the data's folder and the
#: field that names the entity.
ENTITY_PAGES = {
    "maatregelen": ("measures", "title"),
    "partners": ("stakeholders", "name"),
    "instrumenten": ("instruments", "name"),
    "domeinen": ("domains", "name"),
}


def test_the_search_index_holds_names_and_summaries_not_tables(amsterdam: Path) -> None:
    """Every measure, partner, instrument and domain is in the index by its name; a measure
    and a domain with their first text, a partner and an instrument by name alone; the
    tables and lists of the pages are not, so that the index stays small."""
    index = json.loads((amsterdam / "search" / "search_index.json").read_text("utf-8"))
    entries: dict[str, list[dict[str, str]]] = {}
    for entry in index["docs"]:
        entries.setdefault(entry["location"].split("#")[0], []).append(entry)
    for folder, (data, field) in ENTITY_PAGES.items():
        for file in sorted((REPOSITORY / data).glob("*.yml")):
            entity = yaml.safe_load(file.read_text("utf-8"))
            location = f"{folder}/{file.stem}/"
            # One entry: the page's title and its first text, no section of tables or lists.
            [entry] = entries[location]
            assert entry["location"] == location
            assert " ".join(html.unescape(entry["title"]).split()) == " ".join(
                entity[field].split()
            )
            first = entity.get("summary") or entity["description"]
            indexed = " ".join(first.split()[:3]) in html.unescape(entry["text"])
            assert indexed == (folder in ("maatregelen", "domeinen")), location
            assert "Kenmerk" not in entry["text"], location
    # The overviews name every measure, partner and instrument in a table: not indexed.
    titles = [
        yaml.safe_load(f.read_text("utf-8"))["title"]
        for f in sorted((REPOSITORY / "measures").glob("*.yml"))
    ]
    for overview in ("maatregelen/", "matrix/", "rapport/", "partners/", "instrumenten/"):
        text = " ".join(html.unescape(e["text"]) for e in entries[overview])
        assert not [t for t in titles if t in text], overview


#: A figure's data in a built page, its attributes in either order (Markdown in HTML writes
#: the what-if page's ``id`` first).
FIGURE_DATA = re.compile(
    r'<script\b(?=[^>]*\btype="application/json")[^>]*\bid="([^"]+)-data"[^>]*>(.*?)</script>',
    re.S,
)


def links_in(value: object) -> list[str]:
    """Every page a figure links to: the strings of its traces' ``customdata``."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [link for item in value for link in links_in(item)]
    return []


def test_every_link_in_every_figure_leads_to_a_page(amsterdam: Path) -> None:
    """What speelveld.js opens on a click: ``kind/id`` is a page, ``kind/index`` its index."""
    followed = 0
    charts = set()
    for page in amsterdam.rglob("index.html"):
        for chart, data in FIGURE_DATA.findall(page.read_text("utf-8")):
            figure = json.loads(data)
            if chart == "speelveld-wat-als":
                continue  # the data of the what-if page, not a figure
            charts.add(chart)
            for trace in figure["data"]:
                for target in links_in(trace.get("customdata", [])):
                    folder = target.removesuffix("index") if target.endswith("index") else target
                    assert (amsterdam / folder / "index.html").is_file(), (page, chart, target)
                    followed += 1
    assert followed > 100
    # The rings on Home, on the Speelveld page and on the what-if page, and the matrix.
    assert {"speelveld-home", "speelveld", "wat-als-speelveld", "matrix"} <= charts, charts
    others = [
        link
        for link in links_in(
            [t.get("customdata", []) for t in figure_of(amsterdam / "speelveld/index.html")]
        )
        if link.endswith("/index")
    ]
    assert others, "the Amsterdam rings group some partners as 'en N andere'"


def figure_of(page: Path) -> list[dict[str, object]]:
    _, data = FIGURE_DATA.findall(page.read_text("utf-8"))[0]
    traces: list[dict[str, object]] = json.loads(data)["data"]
    return traces


def test_nothing_loads_from_another_site(amsterdam: Path) -> None:
    loads = re.compile(
        r"<(?:script|img|iframe|source)\b[^>]*\bsrc=[\"']?(https?:)?//|"
        r"<link\b[^>]*\bhref=[\"']?(https?:)?//|url\(\s*[\"']?(https?:)?//|@import\s+[\"']?https?:"
    )
    for file in amsterdam.rglob("*"):
        if file.suffix in (".html", ".css"):
            assert not loads.search(file.read_text("utf-8", errors="replace")), file
    assert "fonts.googleapis" not in site_text(amsterdam)


def test_a_hand_written_page_wins(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "matrix.md").write_text("# Eigen matrix\n\nHandgeschreven.\n", "utf-8")
    (project / "docs" / "colofon.md").write_text("# Colofon\n", "utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert "Handgeschreven." in (site / "matrix/index.html").read_text("utf-8")
    assert "Over deze site" in (site / "index.html").read_text("utf-8")
    assert (site / "colofon/index.html").is_file()


def test_a_page_at_the_address_of_a_generated_one_is_reported_never_lost(
    project: Path, tmp_path: Path
) -> None:
    """``docs/rapport/index.md`` is published at rapport/, where the Rapport is: the build
    says so (a strict build stops), and the site and its search index hold one page there."""
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = fingerprint(site)
    (project / "docs" / "rapport").mkdir()
    (project / "docs" / "rapport" / "index.md").write_text("# Eigen rapport\n\nHand.\n", "utf-8")
    strict = build(project, site)
    assert strict.returncode == 1
    said = "docs/rapport/index.md heeft hetzelfde adres (rapport/) als de gegenereerde pagina"
    assert said in strict.stderr
    assert fingerprint(site) == before
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert f"WARNING -  speelveld: {said}" in result.stderr
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    at_rapport = [d["title"] for d in index["docs"] if d["location"] == "rapport/"]
    assert at_rapport == ["Rapport"]
    assert "Eigen rapport" not in site_text(site)


def test_a_file_in_the_folder_of_the_scripts_is_reported_and_the_script_kept(
    project: Path, tmp_path: Path
) -> None:
    from speelveld.site import assets

    mine = project / "docs" / "assets" / "speelveld"
    mine.mkdir(parents=True)
    (mine / "speelveld.js").write_text("window.eigen = 1;\n", "utf-8")
    site = tmp_path / "site"
    strict = build(project, site)
    assert strict.returncode == 1
    assert "docs/assets/speelveld/speelveld.js staat in assets/speelveld/" in strict.stderr
    assert not site.exists()
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "mkdocs", "build", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr  # no DeprecationWarning of a replaced file
    [script] = [a for a in assets() if a.path.endswith("/speelveld.js")]
    assert (site / "assets/speelveld/speelveld.js").read_bytes() == script.source.read_bytes()


def test_input_errors_stop_the_build_and_keep_the_old_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = fingerprint(site)
    broken = project / "measures" / "testservice.yml"
    broken.write_text(
        broken.read_text("utf-8").replace("status: proposed", "status: bezig"), "utf-8"
    )
    result = build(project, site)
    assert result.returncode != 0
    assert "measures/testservice.yml:3:9: fout schema 'status' is 'bezig'" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before


def test_internal_measures_appear_nowhere_in_a_public_build(project: Path, tmp_path: Path) -> None:
    (project / "measures" / "geheime-proef.yml").write_text(INTERNAL_MEASURE, "utf-8")
    public = tmp_path / "public"
    assert build(project, public).returncode == 0
    everything = site_text(public)
    assert "Geheime proef" not in everything
    assert "geheime-proef" not in everything
    assert not (public / "maatregelen/geheime-proef").exists()
    internal = tmp_path / "internal"
    assert build(project, internal, SPEELVELD_INTERNAL="1").returncode == 0
    page = (internal / "maatregelen/geheime-proef/index.html").read_text("utf-8")
    assert "Geheime proef nachtcontrole" in page
    assert "Intern." in page


def test_hostile_text_stays_text(project: Path, tmp_path: Path) -> None:
    (project / "measures" / "vijandig.yml").write_text(HOSTILE_MEASURE, "utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "maatregelen/vijandig/index.html").read_text("utf-8")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page
    assert "49" not in page.split("<h1")[1].split("</h1>")[0]
    for hostile in (
        "<script>window.pwned",
        "<img src=x",
        "<iframe",
        'href="javascript:',
        'src="data:',
    ):
        assert hostile not in page, hostile
    assert not re.search(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", page)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)
    assert not any("window.pwned" in s for s in scripts)


#: One sentence of advisor Markdown with emphasis, a link and code, about 80 characters.
SENTENCE = "Een zin met *nadruk* en een [link](https://example.org/pad) en `code` erbij. "


def test_a_description_of_a_megabyte_in_one_paragraph_builds(project: Path, tmp_path: Path) -> None:
    """A megabyte in one paragraph: Python-Markdown would take many minutes over it."""
    count = 1_000_000 // len(SENTENCE)
    domain = project / "domains" / "economie.yml"
    data = yaml.safe_load(domain.read_text("utf-8"))
    data["description"] = SENTENCE * count + "Tot slot."
    domain.write_text(yaml.safe_dump(data, allow_unicode=True, width=10**7), "utf-8")
    assert 1_000_000 <= domain.stat().st_size < 1_048_576  # under the default max_file_bytes
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    page = (site / "domeinen/economie/index.html").read_text("utf-8")
    [body] = re.findall(r'<div class="speelveld-tekst"><p>(.*?)</p></div>', page, flags=re.S)
    assert body.count("<em>nadruk</em>") == count
    assert body.count('<a href="https://example.org/pad">link</a>') == count
    assert body.count("<code>code</code>") == count
    assert body.endswith("Tot slot.")
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert any(
        "Tot slot." in d["text"]
        for d in index["docs"]
        if d["location"].startswith("domeinen/economie/")
    )


def test_render_writes_the_pages_the_plugin_builds(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    result = CliRunner().invoke(main, ["render", str(BASE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    assert {
        "index.md",
        "speelveld.md",
        "matrix.md",
        "rapport.md",
        "methode.md",
        "maatregelen/testservice.md",
        "domeinen/economie.md",
    } <= pages
    assert plotly_script(out).read_bytes() == plotlyjs.bundle_file().read_bytes()
    measure = (out / "maatregelen/testservice.md").read_text("utf-8")
    assert "[GGD](../partners/ggd.md): trekker" in measure


def test_a_build_that_fails_late_keeps_the_old_site(project: Path, tmp_path: Path) -> None:
    """A strict build aborts on a broken link after writing every page: nothing changes."""
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = fingerprint(site)
    (project / "docs" / "kapot.md").write_text("# Kapot\n\n[weg](bestaat-niet.md)\n", "utf-8")
    result = build(project, site)
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_a_successful_build_replaces_the_site_whole(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    (site / "oud-bestand.txt").write_text("van de vorige bouw", "utf-8")
    camera = project / "measures" / "cameratoezicht.yml"
    camera.write_text(camera.read_text("utf-8").replace("op pleinen", "op markten"), "utf-8")
    assert build(project, site).returncode == 0
    assert not (site / "oud-bestand.txt").exists()
    assert "Cameratoezicht op markten" in (
        site / "maatregelen/cameratoezicht/index.html"
    ).read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_the_changes_page_compares_with_the_tagged_version(project: Path, tmp_path: Path) -> None:
    git(project, "init", "-q")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=T", "add", "-A")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-qm", "v1")
    git(project, "tag", "raadsbesluit-2025")
    (project / "measures" / "nachtburgemeester.yml").write_text(NEW_MEASURE, "utf-8")
    (project / "measures" / "geheime-proef.yml").write_text(INTERNAL_MEASURE, "utf-8")
    (project / "speelveld.yml").write_text("compare_with: raadsbesluit-2025\n", "utf-8")
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    page = (site / "wijzigingen/index.html").read_text("utf-8")
    assert "raadsbesluit-2025" in page
    assert 'Nieuw: <a href="../maatregelen/nachtburgemeester/">Nachtburgemeester</a>' in page
    assert '<td>Economie van de nacht</td>\n<td style="text-align: right;">1 → 2</td>' in page
    assert "Geheime proef" not in page


@pytest.mark.parametrize("spec", ["bestaat-niet", None])
def test_the_changes_page_explains_when_there_is_nothing_to_compare(
    project: Path, tmp_path: Path, spec: str | None
) -> None:
    if spec:
        (project / "speelveld.yml").write_text(f"compare_with: {spec}\n", "utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "wijzigingen/index.html").read_text("utf-8")
    expected = "kon niet worden gemaakt" if spec else "Er is geen eerdere versie ingesteld"
    assert expected in page
