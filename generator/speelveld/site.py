"""What any site engine needs from Speelveld: the pages, the assets and the navigation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import plotly
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from .analysis import Report, check
from .codes import INPUT_CODES, is_input_error
from .compare import VersionNotFound, compare, version
from .findings import Finding, Severity
from .formats.base import Output
from .formats.text import render as render_text
from .project import NotAProject
from .render.pages import SiteOptions, render_pages
from .render.publication import Changes, public

ASSET_FOLDER = "assets/speelveld"
INTERNAL_VARIABLE = "SPEELVELD_INTERNAL"
_MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}
#: Templates that make mkdocs-material's footer and 404 page Dutch and the project's own.
OVERRIDES = Path(str(resources.files("speelveld") / "overrides"))

#: The sidebar for readers: main sections only, so that it does not grow with the data.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("Home", "index.md"),
    ("Speelveld", "speelveld.md"),
    ("Maatregelen", "maatregelen/index.md"),
    ("Domeinen", "domeinen/index.md"),
    ("Partners", "partners/index.md"),
    ("Instrumenten", "instrumenten/index.md"),
    ("Matrix", "matrix.md"),
    ("Rapport", "rapport.md"),
    ("Wijzigingen", "wijzigingen.md"),
    ("Methode", "methode.md"),
)
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
    """The findings of the rules: published on the site, never a reason to stop by default."""
    return [f for f in report.findings if f.code not in INPUT_CODES]


@dataclass(frozen=True, slots=True)
class Asset:
    path: str
    source: Path


def assets() -> list[Asset]:
    """speelveld.js and .css from this package; plotly.js from the installed plotly."""
    package = resources.files("speelveld") / "assets"
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return [
        Asset(f"{ASSET_FOLDER}/speelveld.js", Path(str(package / "speelveld.js"))),
        Asset(f"{ASSET_FOLDER}/speelveld.css", Path(str(package / "speelveld.css"))),
        Asset(f"{ASSET_FOLDER}/plotly.min.js", plotly_js),
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


def shown(report: Report, internal: bool) -> Report:
    """The report as the site shows it: without internal measures unless ``internal``."""
    return report if internal else public(report)


def pages_for(report: Report, options: SiteOptions) -> dict[str, str]:
    """The pages, or :class:`InvalidProject` when the data have input errors."""
    return publication(report, options)[1]


def publication(report: Report, options: SiteOptions) -> tuple[Report, dict[str, str]]:
    """The report as the site shows it and its pages; :class:`InvalidProject` on input errors."""
    errors = input_errors(report)
    if errors:
        summary = render_text(Output(errors, Severity.ERROR, files=len(report.project.files)))
        raise InvalidProject(f"de gegevens bevatten invoerfouten:\n{summary}")
    report = shown(report, options.internal)
    return report, render_pages(report, options, changes_since(report, options))


def changes_since(report: Report, options: SiteOptions) -> Changes:
    """The comparison with the configured earlier version, or a note why there is none."""
    spec = report.project.config.compare_with
    if spec is None:
        return Changes(None, "Er is geen eerdere versie ingesteld om mee te vergelijken.")
    beside = report.project.root / spec  # a folder is read relative to the project
    try:
        with version(str(beside) if beside.is_dir() else spec, report.project.root) as folder:
            base = check(folder)
    except (VersionNotFound, NotAProject) as problem:
        reason = problem.reason if isinstance(problem, NotAProject) else str(problem)
        return Changes(None, f"De vergelijking met '{spec}' kon niet worden gemaakt: {reason}.")
    if not options.internal:
        base, report = public(base), public(report)
    return Changes(compare(base, report, spec, "deze versie"), "")


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


def navigation(pages: list[HandWritten], *, changes: bool = True) -> list[NavItem]:
    """The sections for readers, then the hand-written pages grouped by folder and audience.

    The page Wijzigingen is only listed when ``changes`` (an earlier version is configured).
    Internal pages get a group of their own, last; leave them out of ``pages`` for a public
    build. Pages are listed by path alone, so that each keeps the title of its own heading.
    """
    nav: list[NavItem] = [{title: path} for title, path in SECTIONS if changes or path != CHANGES]
    taken = {path for _, path in SECTIONS}
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


def municipal_defaults(config: MkDocsConfig) -> None:
    """A Dutch municipal site: no font requests to Google, Dutch, the project's own footer
    and a Dutch page for a missing address, and the scripts and styles of the charts.

    A project that chose a font or a language of its own keeps it; a template in its own
    ``custom_dir`` wins over the one here.
    """
    theme = config.theme
    if theme.name == "material":
        if theme.get("font") == _MATERIAL_DEFAULT_FONT:
            theme["font"] = False
        overrides = str(OVERRIDES)
        if overrides not in theme.dirs:
            theme.dirs.insert(1 if theme.custom_dir else 0, overrides)
    if theme.get("language") == "en":
        theme["language"] = "nl"
    if "md_in_html" not in config.markdown_extensions:
        # Figures, their captions and the infographic as a list are Markdown inside HTML.
        config.markdown_extensions.append("md_in_html")
    config.extra_css.append(f"{ASSET_FOLDER}/speelveld.css")
    script = ExtraScriptValue(f"{ASSET_FOLDER}/speelveld.js")
    script.defer = True
    config.extra_javascript.append(script)
