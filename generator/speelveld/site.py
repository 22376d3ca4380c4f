"""What any site engine needs from Speelveld: the pages, the assets and the navigation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import plotly
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

from .codes import INPUT_CODES, is_input_error
from .findings import Finding, Severity
from .formats.base import Output
from .formats.text import render as render_text
from .render.pages import SiteOptions, render_pages
from .report import Report

ASSET_FOLDER = "assets/speelveld"
#: The site's own style sheet and script (deferred), added to every page by any engine.
EXTRA_CSS = f"{ASSET_FOLDER}/speelveld.css"
EXTRA_JAVASCRIPT = f"{ASSET_FOLDER}/speelveld.js"
INTERNAL_VARIABLE = "SPEELVELD_INTERNAL"
_MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}

#: The sidebar: main sections only, so that it does not grow with the data.
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


def publication(report: Report, options: SiteOptions) -> dict[str, str]:
    """The pages of the report; :class:`InvalidProject` when the data have input errors."""
    errors = input_errors(report)
    if errors:
        summary = render_text(Output(errors, Severity.ERROR, files=len(report.project.files)))
        raise InvalidProject(f"de gegevens bevatten invoerfouten:\n{summary}")
    return render_pages(report, options)


#: Sidebar groups for hand-written pages, by their folder under docs/.
GROUPS = {"gidsen": "Handleidingen", "over": "Over deze site", "": "Over deze site"}

NavItem = dict[str, str | list[str]]


def navigation(hand_written: list[str]) -> list[NavItem]:
    """The main sections, then the hand-written pages grouped by folder.

    Pages are listed by path alone, so that each keeps the title of its own heading.
    """
    nav: list[NavItem] = [{title: path} for title, path in SECTIONS]
    taken = {path for _, path in SECTIONS}
    groups: dict[str, list[str]] = {}
    for path in sorted(hand_written):
        if path not in taken:
            folder = path.rpartition("/")[0].split("/")[0]
            groups.setdefault(GROUPS.get(folder, folder.capitalize()), []).append(path)
    nav.extend({title: pages} for title, pages in groups.items())
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


def municipal_defaults(config: MkDocsConfig) -> None:
    """No font requests to Google, Dutch, and the scripts and styles of the charts."""
    theme = config.theme
    for key, value in theme_defaults(theme.name, theme.get("font"), theme.get("language")).items():
        theme[key] = value
    config.extra_css.append(EXTRA_CSS)
    script = ExtraScriptValue(EXTRA_JAVASCRIPT)
    script.defer = True
    config.extra_javascript.append(script)
