"""The site's pages, links and sidebar come from the kinds registry, never from a folder
name written elsewhere: move every kind's pages in the registry and the whole site follows."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from importlib import resources
from typing import Any

import pytest

from speelveld.coverage import Coverage
from speelveld.kinds import BY_NAME, IN_SIDEBAR, KINDS
from speelveld.pipeline import Report, check
from speelveld.render import figures
from speelveld.render.pages import ENTITY_VIEWS, INDEX_VIEWS, SiteOptions, render_pages
from speelveld.site import navigation

from .conftest import BASE, REPOSITORY

#: Every kind's pages in a folder of another name, and the partners under another title.
MOVED = {
    "domain": ("velden", "Velden"),
    "stakeholder": ("spelers", "Spelers"),
    "instrument": ("middelen", "Middelen"),
    "measure": ("acties", "Acties"),
    "scenario": ("keuzes", "Keuzes"),
}
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")
SCRIPT_JSON = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)


@contextmanager
def moved(renames: dict[str, tuple[str, str]]) -> Iterator[None]:
    """The registry with other page folders and titles, while the block runs.

    The kinds are changed in place, so that every module sees them however it imported the
    registry: a folder written anywhere else would show as a link to a page that is not there.
    """
    kept = {name: (BY_NAME[name].pages, BY_NAME[name].title) for name in renames}
    try:
        for name, (folder, title) in renames.items():
            object.__setattr__(BY_NAME[name], "pages", folder)
            object.__setattr__(BY_NAME[name], "title", title)
        yield
    finally:
        for name, (folder, title) in kept.items():
            object.__setattr__(BY_NAME[name], "pages", folder)
            object.__setattr__(BY_NAME[name], "title", title)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The base project with scenarios: an entity of every kind."""
    folder = shutil.copytree(BASE, tmp_path_factory.mktemp("table") / "project")
    shutil.copytree(REPOSITORY / "tests" / "scenarios", folder, dirs_exist_ok=True)
    return check(folder, internal=False)


@pytest.fixture(scope="module")
def site(report: Report) -> tuple[dict[str, str], list[Any]]:
    """The pages and the sidebar with every kind's pages moved; a ring shows one member
    per domain, so that every ring has its "en N andere" segment too."""
    with pytest.MonkeyPatch.context() as patch, moved(MOVED):
        patch.setattr(figures, "RING_LIMIT", 1)
        return render_pages(report, SiteOptions("T")), navigation([], changes=True)


def _links(page: str, text: str) -> Iterator[str]:
    """The pages that ``page`` links to, as paths under the docs folder."""
    for match in LINK.finditer(text):
        link = (match.group(1) or match.group(2)).partition("#")[0]
        if link and not re.match(r"[a-z]+:", link):
            yield posixpath.normpath(posixpath.join(posixpath.dirname(page), link))


def _figure_links(value: Any) -> Iterator[str]:
    """Every page a figure's segment or cell opens, as speelveld.js finds it."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("link", "customdata"):
                yield from (t for t in _strings(item) if t)
            else:
                yield from _figure_links(item)
    elif isinstance(value, list):
        for item in value:
            yield from _figure_links(item)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_every_entity_and_index_page_lies_where_the_registry_says(
    site: tuple[dict[str, str], list[Any]], report: Report
) -> None:
    pages, _ = site
    expected = set()
    for kind in KINDS:
        folder, title = MOVED[kind.name]
        expected |= {f"{folder}/{i}.md" for i in report.project.entities(kind.name)}
        if kind.index_template is not None:
            expected.add(f"{folder}/index.md")
            heading = f'---\ntitle: "{title}"\n---\n\n# {title}\n'
            assert pages[f"{folder}/index.md"].startswith(heading)
    in_folders = {path for path in pages if "/" in path}
    assert in_folders == expected
    assert {p.split("/")[0] for p in in_folders} == {folder for folder, _ in MOVED.values()}
    # Every kind has entities in this project, so each folder above holds pages.
    assert all(report.project.entities(kind.name) for kind in KINDS)


def test_every_link_of_every_page_follows_the_registry(
    site: tuple[dict[str, str], list[Any]],
) -> None:
    pages, _ = site
    linked: set[str] = set()
    for path, text in pages.items():
        for target in _links(path, text):
            assert target in pages, f"{path} links to {target}, which is not a page"
            linked.add(target)
        for blob in SCRIPT_JSON.findall(text):
            data = json.loads(blob)
            for target in _figure_links(data):
                assert f"{target}.md" in pages, f"a figure on {path} opens {target}"
                linked.add(f"{target}.md")
            if isinstance(data, dict) and "pages" in data:
                assert data["pages"] == {name: folder for name, (folder, _) in MOVED.items()}
    # The links reach every kind's pages and the partners' index from a ring's "others".
    for folder, _ in MOVED.values():
        assert any(t.startswith(f"{folder}/") and t != f"{folder}/index.md" for t in linked)
    assert "spelers/index.md" in linked
    assert "middelen/index.md" in linked


def test_the_sidebar_lists_the_kinds_index_pages_from_the_registry(
    site: tuple[dict[str, str], list[Any]],
) -> None:
    pages, nav = site
    titles = [next(iter(item)) for item in nav]
    start, end = titles.index("Speelveld") + 1, titles.index("Matrix")
    assert nav[start:end] == [
        {MOVED[k.name][1]: f"{MOVED[k.name][0]}/index.md"} for k in IN_SIDEBAR
    ]
    assert all(path in pages for item in nav[start:end] for path in item.values())


def test_the_sidebar_keeps_the_kinds_in_their_order_after_speelveld() -> None:
    entries = [next(iter(item.items())) for item in navigation([], changes=True)]
    assert entries[4:9] == [
        ("Speelveld", "speelveld.md"),
        ("Maatregelen", "maatregelen/index.md"),
        ("Domeinen", "domeinen/index.md"),
        ("Partners", "partners/index.md"),
        ("Instrumenten", "instrumenten/index.md"),
    ]
    assert [kind.name for kind in IN_SIDEBAR] == ["measure", "domain", "stakeholder", "instrument"]


def test_each_kind_names_what_its_pages_need() -> None:
    templates = resources.files("speelveld") / "render" / "templates"
    uses = {field.name for field in fields(Coverage)}
    for kind in KINDS:
        assert (templates / kind.template).is_file(), kind.name
        if kind.index_template is not None:
            assert (templates / kind.index_template).is_file(), kind.name
        if kind.sidebar is not None:
            assert kind.index_template is not None, f"{kind.name} is in the sidebar, no index"
        if kind.ring is not None:
            assert kind.ring.use in uses, kind.name
    assert set(ENTITY_VIEWS) <= set(BY_NAME)
    assert {name for name in INDEX_VIEWS if BY_NAME[name].index_template} == set(INDEX_VIEWS)


def test_the_pages_of_an_unchanged_registry_are_where_they_were(report: Report) -> None:
    pages = render_pages(report, SiteOptions("T"))
    assert {p.split("/")[0] for p in pages if "/" in p} == {k.pages for k in KINDS}
    assert "partners/burgemeester.md" in pages
    assert "partners/index.md" in pages
    assert "scenarios/zonder-camera.md" in pages
    assert "scenarios/index.md" not in pages
