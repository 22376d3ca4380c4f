"""A municipal site for any project: Dutch footer and 404, navigation by audience,
internal pages left out of a public build, and Wijzigingen only when there is a comparison.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld import cli
from speelveld.site import HandWritten, navigation

from .conftest import MKDOCS_YML, REPOSITORY, build

INTERNAL_PAGE = "---\nvisibility: internal\n---\n\n# Werkafspraken\n\nAlleen voor het team.\n"
#: The sections for readers, in the order of the sidebar.
READER_SECTIONS = [
    "Home",
    "Rapport",
    "Wat als",
    "Speelveld",
    "Maatregelen",
    "Domeinen",
    "Partners",
    "Instrumenten",
    "Matrix",
    "Methode",
    "Begrippen",
]


@pytest.fixture
def project(site_project: Path) -> Path:
    return site_project


def sidebar(page: Path) -> str:
    html = page.read_text("utf-8")
    return html.split('class="md-sidebar md-sidebar--primary"')[1].split("</nav>\n  </div>")[0]


def labels(site: Path) -> list[str]:
    """The entries of the primary sidebar in order, as their text.

    Read from the 404 page: it is in no section, so no table of contents is mixed in.
    """
    found = re.findall(
        r'<(?:a|label)[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</(?:a|label)>',
        sidebar(site / "404.html"),
        flags=re.S,
    )
    texts = [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]
    return [t for t in texts if t]


def footer(page: Path) -> str:
    html = page.read_text("utf-8")
    return html.split('<footer class="md-footer">')[1].split("</footer>")[0]


def test_the_footer_names_the_site_and_not_the_tools(amsterdam: Path) -> None:
    copyright_ = footer(amsterdam / "index.html").split('class="md-copyright"')[1]
    assert "Speelveld seksuele uitbuiting Amsterdam" in copyright_
    for page in amsterdam.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "Made with" not in text, page
        assert "squidfunk.github.io" not in text, page


def test_the_page_for_a_missing_address_is_dutch(amsterdam: Path) -> None:
    page = (amsterdam / "404.html").read_text("utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert "<title>Pagina niet gevonden - Speelveld seksuele uitbuiting Amsterdam</title>" in page
    assert re.search(r'<a href="[^"]*">beginpagina</a>', page)
    assert "Not found" not in page
    assert '<html lang="nl"' in page


def test_search_speaks_dutch_even_when_mkdocs_yml_names_no_language(
    project: Path, tmp_path: Path
) -> None:
    assert "language" not in (project / "mkdocs.yml").read_text("utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text("utf-8")
    assert 'placeholder="Zoeken"' in home
    for label in ("Typ om te beginnen met zoeken", "Geen overeenkomende documenten"):
        assert f'"{label}"' in home  # the theme's search labels, read by its script
    assert '<html lang="nl"' in home
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["nl"]


def test_the_sidebar_lists_the_pages_for_readers_first(amsterdam: Path) -> None:
    entries = labels(amsterdam)
    assert entries[: len(READER_SECTIONS)] == READER_SECTIONS, entries
    rest = entries[len(READER_SECTIONS) :]
    assert rest.index("Over deze site") < rest.index("Het speelveld lezen")
    assert rest.index("Het speelveld lezen") < rest.index("Voor adviseurs en reviewers")
    assert rest.index("Voor adviseurs en reviewers") < rest.index("Een maatregel toevoegen")
    assert rest.index("Voor adviseurs en reviewers") < rest.index("De controle lezen")
    assert "Wijzigingen" not in entries  # Amsterdam compares with no earlier version
    assert "Prestaties" not in entries


def test_the_benchmark_page_is_not_in_the_public_site(amsterdam: Path, tmp_path: Path) -> None:
    assert not (amsterdam / "prestaties").exists()
    for file in ("search/search_index.json", "sitemap.xml", "index.html"):
        assert "prestaties" not in (amsterdam / file).read_text("utf-8").lower(), file
    internal = tmp_path / "intern"
    result = build(REPOSITORY, internal, SPEELVELD_INTERNAL="1")
    assert result.returncode == 0, result.stderr
    assert "Prestaties" in (internal / "prestaties/index.html").read_text("utf-8")
    entries = labels(internal)
    assert entries[-2:] == ["Intern", "Prestaties"], entries


def test_an_internal_page_of_any_project_stays_out_of_a_public_build(
    project: Path, tmp_path: Path
) -> None:
    (project / "docs" / "werkafspraken.md").write_text(INTERNAL_PAGE, "utf-8")
    (project / "docs" / "colofon.md").write_text("# Colofon\n", "utf-8")
    public = tmp_path / "public"
    assert build(project, public).returncode == 0
    assert not (public / "werkafspraken").exists()
    everything = "".join(p.read_text("utf-8") for p in public.rglob("*.html"))
    everything += (public / "search/search_index.json").read_text("utf-8")
    assert "Werkafspraken" not in everything
    assert "Colofon" in labels(public)
    internal = tmp_path / "internal"
    assert build(project, internal, SPEELVELD_INTERNAL="1").returncode == 0
    assert "Alleen voor het team." in (internal / "werkafspraken/index.html").read_text("utf-8")
    assert labels(internal)[-2:] == ["Intern", "Werkafspraken"]


def test_without_a_comparison_the_changes_page_says_so_and_stays_out_of_the_sidebar(
    amsterdam: Path,
) -> None:
    page = (amsterdam / "wijzigingen/index.html").read_text("utf-8")
    article = page.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", article, flags=re.S)
    assert paragraphs == ["Er is geen eerdere versie ingesteld om mee te vergelijken."]
    assert "compare_with" not in page
    assert "Wijzigingen" not in labels(amsterdam)


def test_with_a_comparison_the_changes_page_is_in_the_sidebar(
    project: Path, tmp_path: Path
) -> None:
    (project / "speelveld.yml").write_text("compare_with: bestaat-niet\n", "utf-8")
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    entries = labels(site)
    assert entries.index("Rapport") < entries.index("Wijzigingen") < entries.index("Methode")


def test_the_projects_own_footer_and_templates_win(project: Path, tmp_path: Path) -> None:
    overrides = project / "eigen"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "404.html").write_text(
        '{% extends "main.html" %}{% block content %}<h1>Eigen 404</h1>{% endblock %}', "utf-8"
    )
    (project / "mkdocs.yml").write_text(
        MKDOCS_YML.replace("  name: material\n", "  name: material\n  custom_dir: eigen\n")
        + "copyright: © Gemeente Nachtstad\n",
        "utf-8",
    )
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert "<h1>Eigen 404</h1>" in (site / "404.html").read_text("utf-8")
    bottom = footer(site / "index.html")
    assert "© Gemeente Nachtstad" in bottom
    assert "Made with" not in bottom


def test_navigation_groups_hand_written_pages_by_audience() -> None:
    pages = [
        HandWritten("gidsen/bijdragen.md"),
        HandWritten("over/contact.md"),
        HandWritten("colofon.md"),
        HandWritten("extra/bijlage.md"),
        HandWritten("intern/notities.md", internal=True),
        HandWritten("matrix.md"),  # replaces the generated page; keeps its section
    ]
    nav = navigation(pages, changes=False)
    titles = [next(iter(item)) for item in nav]
    assert titles == [
        *READER_SECTIONS,
        "Over deze site",
        "Extra",
        "Voor adviseurs en reviewers",
        "Intern",
    ]
    assert nav[len(READER_SECTIONS)] == {"Over deze site": ["colofon.md", "over/contact.md"]}
    with_changes = [next(iter(item)) for item in navigation([], changes=True)]
    assert with_changes.index("Wijzigingen") == with_changes.index("Rapport") + 1


def test_a_project_made_by_init_gets_the_municipal_site(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    arguments = ["init", str(folder), "--no-input", "--domain", "a=Aaa", "--domain", "b=Bbb"]
    result = CliRunner().invoke(cli.main, [*arguments, "--domain", "c=Ccc"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    built = build(folder, site)
    assert built.returncode == 0, built.stderr
    title = re.search(r"^site_name: (.+)$", (folder / "mkdocs.yml").read_text("utf-8"), re.M)
    assert title
    name = title.group(1).strip().strip("\"'")
    assert name in footer(site / "index.html").split('class="md-copyright"')[1]
    assert "<h1>Pagina niet gevonden</h1>" in (site / "404.html").read_text("utf-8")
    entries = labels(site)
    assert entries[: len(READER_SECTIONS)] == READER_SECTIONS
    assert entries[len(READER_SECTIONS) :] == ["Over deze site", "Over dit speelveld"]
    speelveld = (site / "speelveld/index.html").read_text("utf-8")
    assert re.search(
        r'<figure class="speelveld-figure">\s*<div [^>]*class="speelveld-chart"', speelveld
    )
    assert "<figcaption>" in speelveld
    assert '<nav aria-label="Het speelveld als lijst"' in speelveld
    for domain in ("a", "b", "c"):
        assert f'href="../domeinen/{domain}/"' in speelveld
