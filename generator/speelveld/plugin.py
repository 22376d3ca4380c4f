"""The MkDocs plugin: with ``theme: material`` and a ``docs/`` folder, ``plugins: [search,
speelveld]`` is all a project needs.

It reads the YAML folders beside ``mkdocs.yml``, stops the build on input errors
before the site folder is touched (under ``mkdocs serve`` it shows them in the browser
instead), and adds the rendered pages and assets to the build in memory. Policy
findings are published, not a reason to stop, unless ``fail_on`` says so. A hand-written
page wins over a generated one; one marked ``visibility: internal`` is only in an
internal build.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .formats.text import tally
from .loader import ParseCache
from .pipeline import NotAProject, Report, check
from .preview import TITLE as PREVIEW_TITLE
from .preview import DataWatch, findings_page
from .render.pages import SiteOptions
from .site import (
    CHANGES,
    FAIL_ON,
    SECTIONS,
    InvalidProject,
    assets,
    hand_written,
    input_errors,
    internal_requested,
    municipal_defaults,
    navigation,
    policy_findings,
    publication,
    refuse_on,
)
from .staging import Staging

NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class SpeelveldConfig(base.Config):
    project_dir = c.Optional(c.Type(str))
    """The project folder, relative to mkdocs.yml; by default the folder of mkdocs.yml."""
    internal = c.Type(bool, default=False)
    """Include ``visibility: internal`` measures (also: ``SPEELVELD_INTERNAL=1``)."""
    fail_on = c.Choice(FAIL_ON, default="never")
    """The lowest level of policy finding that stops the build; ``never`` publishes them all."""


class SpeelveldPlugin(BasePlugin[SpeelveldConfig]):
    report: Report
    pages: dict[str, str]
    command: str | None = None
    serving: bool = False
    staging: Staging | None = None
    #: Under serve, while the data have input errors: the page shown instead of the site.
    broken: str | None = None
    #: The generated pages of the last build that succeeded, for the page of input errors.
    known: frozenset[str] = frozenset()
    watch: DataWatch | None = None
    hidden: frozenset[str] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        #: Parsed files kept between the rebuilds of one ``mkdocs serve``.
        self.cache = ParseCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Only a full `mkdocs build` publishes a folder; serve and gh-deploy manage their own.
        self.command = "build" if command == "build" and not dirty else None
        self.serving = command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        folder = Path(config.config_file_path or ".").parent
        return (folder / (self.config.project_dir or ".")).resolve()

    # Before the search plugin, which reads the theme's language in its own on_config.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name != "material":
            log.warning(
                "speelveld: de site is ontworpen voor het thema material (mkdocs-material); "
                "met thema '%s' kunnen opmaak, taal en figuren afwijken",
                config.theme.name,
            )
        municipal_defaults(config)
        started = time.perf_counter()
        self.broken = None
        internal = internal_requested(self.config.internal)
        try:
            self.report = check(
                self._root(config), internal=internal, compare_with=True, cache=self.cache
            )
            self.pages = publication(self.report, SiteOptions(config.site_name))
        except (NotAProject, InvalidProject) as problem:
            if not self.serving:
                raise PluginError(f"speelveld: {problem}") from None
            return self._show_errors(config, problem)
        findings = policy_findings(self.report)
        log.info("speelveld: bevindingen over het beleid: %s", tally(findings))
        refusal = refuse_on(findings, self.config.fail_on, files=len(self.report.project.files))
        if refusal and self.serving:
            log.warning("speelveld: %s", refusal)  # the preview shows the findings anyway
        elif refusal:
            raise PluginError(f"speelveld: {refusal}")
        project = self.report.project
        log.debug(
            "speelveld: %d bestanden (%d ongewijzigd uit de cache), %d pagina's in %.3f s",
            len(project.files),
            project.reused,
            len(self.pages),
            time.perf_counter() - started,
        )
        self.known = frozenset(self.pages)
        if self.command == "build":
            self.staging = Staging(Path(config.site_dir), strict=config.strict)
            config.site_dir = str(self.staging.folder)
        written = hand_written(Path(config.docs_dir))
        self.hidden = frozenset(p.path for p in written if p.internal and not internal)
        if config.nav is None:
            shown = [p for p in written if p.path not in self.hidden]
            changes = project.config.compare_with is not None
            config.nav = navigation(shown, changes=changes)
        return config

    def _show_errors(self, config: MkDocsConfig, problem: Exception) -> MkDocsConfig:
        """Under serve: the page of input errors instead of the site, until they are fixed."""
        if isinstance(problem, NotAProject):
            self.broken = findings_page([], str(problem))
        else:
            self.broken = findings_page(input_errors(self.report))
        # Not a warning under --strict: that would abort the build and stall the browser.
        report = log.info if config.strict else log.warning
        report("speelveld: %s\nDe voorvertoning toont deze fouten in de browser.", problem)
        self.pages = {}
        self.hidden = frozenset()
        config.nav = [{PREVIEW_TITLE: "index.md"}]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.broken is not None:
            return self._error_files(files, config, self.broken)
        for path in self.hidden:
            page = files.get_file_from_path(path)
            if page is not None:
                files.remove(page)  # an internal page is not in a public build at all
        in_nav = {path for _, path in SECTIONS}
        if self.report.project.config.compare_with is None:
            in_nav.discard(CHANGES)
        for path, content in self.pages.items():
            if files.get_file_from_path(path) is None:
                # Entity pages are reached through the index pages, not the sidebar.
                inclusion = InclusionLevel.UNDEFINED if path in in_nav else NOT_IN_NAV
                files.append(File.generated(config, path, content=content, inclusion=inclusion))
        self._add_assets(files, config)
        return files

    def _error_files(self, files: Files, config: MkDocsConfig, page: str) -> Files:
        """Every page the reader may have open shows the input errors."""
        paths = {f.src_uri for f in files.documentation_pages()} | self.known | {"index.md"}
        for existing in list(files.documentation_pages()):
            files.remove(existing)
        for path in sorted(paths):
            inclusion = InclusionLevel.UNDEFINED if path == "index.md" else NOT_IN_NAV
            files.append(File.generated(config, path, content=page, inclusion=inclusion))
        self._add_assets(files, config)
        return files

    @staticmethod
    def _add_assets(files: Files, config: MkDocsConfig) -> None:
        for asset in assets():
            files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staging is not None:
            config.site_dir = str(self.staging.site_dir)
            self.staging.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            self.staging.discard()
            self.staging = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        self.watch = DataWatch(server, self._root(config))
        return server
