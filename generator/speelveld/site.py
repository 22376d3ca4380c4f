"""What any site engine needs from Speelveld: the pages, the assets and the navigation.

:func:`assemble` is the one way from a report to a site, for the MkDocs plugin (and
ProperDocs, which loads it) and for ``speelveld render`` (any engine, Zensical among them).
The MkDocs-specific settings live in the plugin. Front matter and page addresses follow
MkDocs' own rules, through its helpers: the other engines read pages the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from . import plotlyjs
from .codes import INPUT_CODES, is_input_error
from .findings import Finding, Severity
from .formats.base import Output
from .formats.text import render as render_text
from .kinds import IN_SIDEBAR
from .render.pages import SiteOptions, render_pages
from .render.paths import index_page
from .report import Report

ASSET_FOLDER = "assets/speelveld"
#: The site's own style sheet and script (deferred), added to every page by any engine.
EXTRA_CSS = f"{ASSET_FOLDER}/speelveld.css"
EXTRA_JAVASCRIPT = f"{ASSET_FOLDER}/speelveld.js"
#: The Markdown extensions the generated pages need besides the project's own: Markdown
#: inside HTML (figures, captions, the infographic as a list) and attribute lists (the
#: sections that the search leaves out).
MARKDOWN_EXTENSIONS = ("md_in_html", "attr_list")
INTERNAL_VARIABLE = "SPEELVELD_INTERNAL"
_MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
#: Templates that make mkdocs-material's footer and 404 page Dutch and the project's own.
OVERRIDES = Path(str(resources.files("speelveld") / "overrides"))


def sections() -> tuple[tuple[str, str], ...]:
    """The sidebar for readers: main sections only, so that it does not grow with the data.

    The index pages of the kinds stand after Speelveld, as the kinds registry orders them.
    """
    return (
        ("Home", "index.md"),
        ("Rapport", "rapport.md"),
        ("Wijzigingen", "wijzigingen.md"),
        ("Wat als", "wat-als.md"),
        ("Speelveld", "speelveld.md"),
        *((kind.title, index_page(kind.name)) for kind in IN_SIDEBAR),
        ("Matrix", "matrix.md"),
        ("Methode", "methode.md"),
        ("Begrippen", "begrippen.md"),
    )


#: The sidebar's sections, as :func:`sections` gives them.
SECTIONS = sections()
#: The section that is in the sidebar only when there is an earlier version to compare.
CHANGES = "wijzigingen.md"


class InvalidProject(Exception):
    """The data have input errors; the message lists them as ``speelveld check`` does."""


def input_errors(report: Report) -> list[Finding]:
    """The findings that make the data untrustworthy: only these stop a build.

    A policy finding (a rule about a measure or the portfolio) is what the site exists
    to show; an input error means the site would show something other than the files say.
    """
    return [f for f in report.findings if is_input_error(f)]


def policy_findings(report: Report) -> list[Finding]:
    """The plan's findings of the rules: published, never a reason to stop by default.

    Accepted findings are left out: the executive decided on them.
    """
    return [f for f in report.selected("plan") if f.code not in INPUT_CODES and f.counts]


@dataclass(frozen=True, slots=True)
class Asset:
    path: str
    source: Path


def assets() -> list[Asset]:
    """speelveld.js, wat-als.js and .css, and the package's plotly.js under a name after its
    content, with the licence notices of what it holds."""
    package = resources.files("speelveld") / "assets"
    return [
        Asset(f"{ASSET_FOLDER}/speelveld.js", Path(str(package / "speelveld.js"))),
        Asset(f"{ASSET_FOLDER}/wat-als.js", Path(str(package / "wat-als.js"))),
        Asset(f"{ASSET_FOLDER}/speelveld.css", Path(str(package / "speelveld.css"))),
        Asset(f"{ASSET_FOLDER}/{plotlyjs.script_name()}", plotlyjs.bundle_file()),
        Asset(f"{ASSET_FOLDER}/{plotlyjs.LICENCE}", plotlyjs.licence_file()),
    ]


def internal_requested(option: bool) -> bool:
    """The plugin option, or ``SPEELVELD_INTERNAL=1`` in the environment."""
    return option or os.environ.get(INTERNAL_VARIABLE, "").lower() in ("1", "true", "yes")


#: The values of the plugin's ``fail_on``: ``never`` publishes every policy finding.
FAIL_ON = ("never", "error", "warning", "info")


def refuse_on(findings: list[Finding], fail_on: str, *, files: int) -> str:
    """Why the build stops on these policy findings under ``fail_on``; empty if it does not."""
    if fail_on == "never":
        return ""
    failing = [f for f in findings if f.severity >= Severity.parse(fail_on)]
    if not failing:
        return ""
    listing = render_text(Output(failing, Severity.INFO, files=files))
    noun = "bevinding" if len(failing) == 1 else "bevindingen"
    return (
        f"fail_on is '{fail_on}' en het beleid heeft {len(failing)} {noun} op dat niveau of "
        f"hoger; de site is niet bijgewerkt:\n{listing}"
    )


@dataclass(frozen=True, slots=True)
class Assembly:
    """A site of one report, for any engine: the generated pages and the package's assets,
    the hand-written pages it leaves out, and the sidebar for an engine that takes ours."""

    pages: dict[str, str]
    assets: tuple[Asset, ...]
    #: Hand-written pages not published: internal ones in a public site, and those at the
    #: address of a generated page.
    hidden: frozenset[str]
    #: Hand-written pages at the address of a generated page, with that page's path.
    displaced: dict[str, str]
    navigation: list[NavItem]


def assemble(
    report: Report,
    options: SiteOptions,
    written: list[HandWritten],
    *,
    directory_urls: bool = True,
) -> Assembly:
    """The site of ``report`` beside the hand-written pages ``written``; raises
    :class:`InvalidProject` when the data have input errors."""
    pages = publication(report, options)
    moved = displaced(written, pages, directory_urls)
    hidden = frozenset(p.path for p in written if p.internal and not report.internal)
    hidden |= frozenset(moved)
    shown = [p for p in written if p.path not in hidden]
    changes = report.project.config.compare_with is not None
    return Assembly(pages, tuple(assets()), hidden, moved, navigation(shown, changes=changes))


def publication(report: Report, options: SiteOptions) -> dict[str, str]:
    """The pages of the report; :class:`InvalidProject` when the data have input errors."""
    errors = input_errors(report)
    if errors:
        summary = render_text(Output(errors, Severity.ERROR, files=len(report.project.files)))
        raise InvalidProject(f"de gegevens bevatten invoerfouten:\n{summary}")
    return render_pages(report, options)


#: Sidebar groups for hand-written pages, by their folder under docs/. Groups for readers
#: come first, beside the generated sections; then the guides for those who keep the data.
GROUPS = {"over": "Over deze site", "": "Over deze site", "gidsen": "Voor adviseurs en reviewers"}
#: The folders whose pages are for advisors and reviewers rather than for readers.
FOR_MAINTAINERS = ("gidsen",)
#: The group of hand-written pages marked ``visibility: internal`` (internal builds only).
INTERNAL_GROUP = "Intern"

NavItem = dict[str, str | list[str]]


@dataclass(frozen=True, slots=True)
class HandWritten:
    """A page in docs/; an internal one (``visibility: internal``) is left out of a public build."""

    path: str
    internal: bool = False


def hand_written(docs: Path) -> list[HandWritten]:
    """The Markdown pages in ``docs``, with the visibility their front matter gives them."""
    pages = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            _, meta = get_data(page.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            meta = {}
        internal = meta.get("visibility") == "internal"
        pages.append(HandWritten(page.relative_to(docs).as_posix(), internal))
    return pages


def address(path: str, directory_urls: bool = True) -> File:
    """The page at ``path`` in the docs folder as MkDocs places it (``dest_uri``, ``url``)."""
    return File(path, None, "", directory_urls)


def displaced(
    written: list[HandWritten], pages: Iterable[str], directory_urls: bool = True
) -> dict[str, str]:
    """The hand-written pages that another path's generated page would publish over, each
    with that page's path.

    A hand-written page at the very path of a generated one replaces it on purpose; one
    at another path with the same address (``rapport/index.md`` beside ``rapport.md``)
    would leave the site with two pages for one address, so it is left out and reported.
    """
    generated = {address(path, directory_urls).dest_uri: path for path in pages}
    return {
        page.path: generated[place]
        for page in written
        if (place := address(page.path, directory_urls).dest_uri) in generated
        and generated[place] != page.path
    }


def same_address(written: str, generated: str, directory_urls: bool = True) -> str:
    """Why a hand-written page at the address of a generated one is left out."""
    url = address(generated, directory_urls).url or "/"
    return (
        f"docs/{written} heeft hetzelfde adres ({url}) als de gegenereerde pagina {generated} "
        f"en wordt niet gepubliceerd. Noem het bestand docs/{generated} om die pagina bewust "
        "te vervangen, of geef het een ander pad"
    )


def in_asset_folder(written: str) -> str:
    """Why a hand-written file in the folder of the package's scripts is reported."""
    return (
        f"{written} staat in {ASSET_FOLDER}/, de map van de scripts en stijlen van Speelveld; "
        "die map komt helemaal uit het pakket, dus dit bestand wordt niet gepubliceerd. "
        "Zet eigen bestanden in een andere map, zoals assets/eigen/"
    )


def navigation(pages: list[HandWritten], *, changes: bool = True) -> list[NavItem]:
    """The sections for readers, then the hand-written pages grouped by folder and audience.

    The page Wijzigingen is only listed when ``changes`` (an earlier version is configured).
    Internal pages get a group of their own, last; leave them out of ``pages`` for a public
    build. Pages are listed by path alone, so that each keeps the title of its own heading.
    """
    shown = sections()
    nav: list[NavItem] = [{title: path} for title, path in shown if changes or path != CHANGES]
    taken = {path for _, path in shown}
    readers: dict[str, list[str]] = {}
    maintainers: dict[str, list[str]] = {}
    internal: list[str] = []
    for page in sorted(pages, key=lambda p: p.path):
        if page.path in taken:
            continue
        folder = page.path.rpartition("/")[0].split("/")[0]
        if page.internal:
            internal.append(page.path)
            continue
        groups = maintainers if folder in FOR_MAINTAINERS else readers
        groups.setdefault(GROUPS.get(folder, folder.capitalize()), []).append(page.path)
    nav.extend({title: paths} for title, paths in readers.items())
    nav.extend({title: paths} for title, paths in maintainers.items())
    if internal:
        nav.append({INTERNAL_GROUP: internal})
    return nav


def theme_defaults(name: str | None, font: Any, language: Any) -> dict[str, Any]:
    """The theme settings the municipal defaults change: no font from Google, Dutch.

    ``font`` and ``language`` are the theme's values, ``None`` when unset. A project that
    chose a font or a language of its own keeps it.
    """
    changes: dict[str, Any] = {}
    if name in ("material", "zensical") and font in (None, _MATERIAL_DEFAULT_FONT):
        changes["font"] = False
    if language in (None, "en"):
        changes["language"] = "nl"
    return changes
