"""The theme's search on a large site: a reader who types a name finds its page.

The search index holds the titles, summaries and names of the generated pages, not their
tables and lists (so that it does not grow with every cell). On a generated project of 1,000
measures a search for a measure's title, a partner's, an instrument's and a domain's name
shows that page among the first results, and the result opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from speelveld.demo import generate, write

from .conftest import Site, SitePage, build_site, serve
from .test_site import HEADING, normalise

MEASURES = 1000
#: The results a reader sees at once, without scrolling the list.
SHOWN = 5
MKDOCS_YML = "site_name: Groot\ntheme:\n  name: material\nplugins:\n  - search\n  - speelveld\n"
#: What is searched for: the entity's folder, the field with its name, and its pages' folder.
KINDS = {
    "measure": ("measures", "title", "maatregelen"),
    "partner": ("stakeholders", "name", "partners"),
    "instrument": ("instruments", "name", "instrumenten"),
    "domain": ("domains", "name", "domeinen"),
}

#: The address of each search result's page, in the order shown, once the results are there.
RESULTS = """
() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
  .map((link) => new URL(link.href).pathname)
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large") / "project"
    write(generate(MEASURES, 4, seed=1, errors=False), folder)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Overrides the harness's ``site``: its ``site_page`` opens the large site instead."""
    folder = build_site(project, tmp_path_factory.mktemp("large-site") / "site")
    with serve(folder) as served:
        yield served


def searched(project: Path, kind: str) -> tuple[str, str]:
    """A name to search for and the address of its page: the middle one of its kind."""
    folder, field, pages = KINDS[kind]
    files = sorted((project / folder).glob("*.yml"))
    assert len(files) > 3, f"the generated project has too few {folder}"
    chosen = files[len(files) // 2]
    name = yaml.safe_load(chosen.read_text("utf-8"))[field]
    return name, f"/{pages}/{chosen.stem}/"


def search(site_page: SitePage, query: str) -> list[str]:
    """``query`` in the theme's search box of a fresh page, whole (the theme searches on a key
    released: End, after the query is in), so that no result of a part of it shows; the
    addresses of the results."""
    page = site_page.page
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"({RESULTS})().length > 0")
    results: list[str] = page.evaluate(RESULTS)
    return results


@pytest.mark.parametrize("kind", KINDS)
def test_searching_a_name_finds_its_page(site_page: SitePage, project: Path, kind: str) -> None:
    name, address = searched(project, kind)
    site_page.goto("/methode/")  # a page without charts
    results = search(site_page, name)
    assert address in results[:SHOWN], (
        f"searching for the {kind} {name!r} should show its page {address} among the first "
        f"{SHOWN} results; they are {results[:SHOWN]}"
    )
    result = site_page.page.locator(".md-search-result__item > a.md-search-result__link")
    result.nth(results.index(address)).click()
    site_page.page.wait_for_url(f"**{address}**")
    site_page.settle()
    heading: Any = site_page.page.evaluate(HEADING)
    assert normalise(heading) == normalise(name)
    site_page.assert_clean()
