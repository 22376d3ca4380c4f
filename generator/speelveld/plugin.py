"""The MkDocs plugin: with ``theme: material`` and a ``docs/`` folder, ``plugins: [search,
speelveld]`` is all a project needs.

It reads the YAML folders beside ``mkdocs.yml``, stops the build on input errors
before the site folder is touched, and adds the rendered pages and assets to the
build in memory. Policy findings are published, not a reason to stop, unless
``fail_on`` says so. A hand-written page wins over a generated one.
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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .formats.text import tally
from .kinds import KINDS
from .loader import ParseCache
from .pipeline import NotAProject, Report, check
from .render.pages import SiteOptions
from .site import (
    FAIL_ON,
    SECTIONS,
    InvalidProject,
    assets,
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
    staging: Staging | None = None

    def __init__(self) -> None:
        super().__init__()
        #: Parsed files kept between the rebuilds of one ``mkdocs serve``.
        self.cache = ParseCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Only a full `mkdocs build` publishes a folder; serve and gh-deploy manage their own.
        self.command = "build" if command == "build" and not dirty else None

    def _root(self, config: MkDocsConfig) -> Path:
        folder = Path(config.config_file_path or ".").parent
        return (folder / (self.config.project_dir or ".")).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name != "material":
            log.warning(
                "speelveld: de site is ontworpen voor het thema material (mkdocs-material); "
                "met thema '%s' kunnen opmaak, taal en figuren afwijken",
                config.theme.name,
            )
        municipal_defaults(config)
        started = time.perf_counter()
        try:
            self.report = check(
                self._root(config),
                internal=internal_requested(self.config.internal),
                compare_with=True,
                cache=self.cache,
            )
            self.pages = publication(self.report, SiteOptions(config.site_name))
        except (NotAProject, InvalidProject) as problem:
            raise PluginError(f"speelveld: {problem}") from None
        findings = policy_findings(self.report)
        log.info("speelveld: bevindingen over het beleid: %s", tally(findings))
        refusal = refuse_on(findings, self.config.fail_on, files=len(self.report.project.files))
        if refusal:
            raise PluginError(f"speelveld: {refusal}")
        project = self.report.project
        log.debug(
            "speelveld: %d bestanden (%d ongewijzigd uit de cache), %d pagina's in %.3f s",
            len(project.files),
            project.reused,
            len(self.pages),
            time.perf_counter() - started,
        )
        if self.command == "build":
            self.staging = Staging(Path(config.site_dir), strict=config.strict)
            config.site_dir = str(self.staging.folder)
        if config.nav is None:
            docs = Path(config.docs_dir)
            written = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
            config.nav = navigation(written)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        sections = {path for _, path in SECTIONS}
        for path, content in self.pages.items():
            if files.get_file_from_path(path) is None:
                # Entity pages are reached through the index pages, not the sidebar.
                inclusion = InclusionLevel.UNDEFINED if path in sections else NOT_IN_NAV
                files.append(File.generated(config, path, content=content, inclusion=inclusion))
        for asset in assets():
            files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staging is not None:
            config.site_dir = str(self.staging.site_dir)
            self.staging.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            self.staging.discard()
            self.staging = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        root = self._root(config)
        for watched in [*(root / kind.folder for kind in KINDS), root / "speelveld.yml"]:
            if watched.exists():
                server.watch(str(watched))
        return server
