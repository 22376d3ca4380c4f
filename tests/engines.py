"""The Amsterdam site built with each engine, by the commands of reference/site-bouwers.md.

MkDocs builds it with the plugin (``tests/conftest.py``); ProperDocs runs the same plugin;
Zensical runs no plugin and builds what ``speelveld render --zensical`` wrote. Each build
runs in a copy of the repository's project, so that the commands are exactly the reference's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .conftest import REPOSITORY

#: What a user types, after ``speelveld`` / ``properdocs`` / ``zensical``.
PROPERDOCS_BUILD = ("build", "--strict", "-f", "mkdocs.yml")
ZENSICAL_RENDER = ("render", "--out", "build/zensical", "--zensical")
ZENSICAL_BUILD = ("build", "--strict", "-f", "build/zensical/mkdocs.yml")
#: Where the Zensical route leaves the site, relative to the project.
ZENSICAL_SITE = Path("build/zensical/site")
#: What a project is: its data folders, its settings and its hand-written pages.
PROJECT_PARTS = (
    "domains",
    "stakeholders",
    "instruments",
    "measures",
    "scenarios",
    "docs",
    "mkdocs.yml",
    "speelveld.yml",
    "interactions.yml",
)


def run(module: str, args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` in ``cwd``, as the user's command of that name runs it."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def copy_project(target: Path, source: Path = REPOSITORY) -> Path:
    """The project of ``source`` (by default this repository's Amsterdam project) in ``target``."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, target / part)
        elif origin.is_file():
            shutil.copyfile(origin, target / part)
    return target


def properdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``properdocs build --strict -f mkdocs.yml`` in ``project``, into ``site``."""
    return run("properdocs", (*PROPERDOCS_BUILD, "-d", str(site)), project)


def zensical_route(project: Path) -> Path:
    """``speelveld render --out build/zensical --zensical`` then ``zensical build``: the site."""
    for module, args in (("speelveld", ZENSICAL_RENDER), ("zensical", ZENSICAL_BUILD)):
        result = run(module, args, project)
        assert result.returncode == 0, f"{module} {' '.join(args)}:\n{result.stdout}{result.stderr}"
    site = project / ZENSICAL_SITE
    assert (site / "index.html").is_file(), f"zensical build wrote no index.html in {site}"
    return site


class _Reader(HTMLParser):
    """The text of a page's first h1 and of its article, without the themes' permalinks."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.skipping = 0
        self.heading: list[str] = []
        self.article: list[str] = []
        self.headings_seen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "article"):
            self.open.append(tag)
        elif tag == "a" and "headerlink" in (dict(attrs).get("class") or ""):
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "article") and tag in self.open:
            self.open.remove(tag)
            self.headings_seen += tag == "h1"
        elif tag == "a" and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if "h1" in self.open and not self.headings_seen:
            self.heading.append(data)
        if "article" in self.open:
            self.article.append(data)


def read(page: Path) -> tuple[str, str]:
    """The first h1 of a built page and the text of its article, as a reader reads them."""
    reader = _Reader()
    reader.feed(page.read_text(encoding="utf-8"))
    return " ".join("".join(reader.heading).split()), " ".join("".join(reader.article).split())


def address(page: Path, site: Path) -> str:
    """``/maatregelen/x/`` for ``site/maatregelen/x/index.html``; ``/`` for the home page."""
    folder = page.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


def pages(site: Path) -> dict[str, str]:
    """Every page of a built site by its address, with its h1."""
    return {address(page, site): read(page)[0] for page in sorted(site.rglob("index.html"))}


def generator(page: Path) -> str:
    """The engine named in the page's ``<meta name="generator">``."""
    text = page.read_text(encoding="utf-8")
    start = text.index('name="generator" content="') + len('name="generator" content="')
    return text[start : text.index('"', start)]


def sidebar(page: Path, site: Path) -> list[str]:
    """The addresses the page's navigation links to, in order (not its own headings)."""
    here = "http://site" + address(page, site)
    links = re.findall(r'<a href="([^"#]*)" class="md-nav__link', page.read_text("utf-8"))
    return [urlsplit(urljoin(here, href)).path for href in links]
