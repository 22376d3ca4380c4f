"""The MkDocs plugin: with ``theme: material`` and a ``docs/`` folder, ``plugins: [search,
speelveld]`` is all a project needs.

It reads the YAML folders beside ``mkdocs.yml``, stops the build on input errors
before the site folder is touched (under ``mkdocs serve`` it shows them in the browser
instead), and adds the rendered pages and assets to the build in memory. Policy
findings are published, not a reason to stop, unless ``fail_on`` says so. A hand-written
page wins over a generated one; one marked ``visibility: internal`` is only in an
internal build. A build publishes its site whole and alone (:mod:`speelveld.staging`).
"""

from __future__ import annotations

import html
import logging
import time
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .formats.text import tally
from .inputs import Inputs, site_refusal
from .loader import ParseCache
from .oserrors import described
from .pipeline import BaseCache, NotAProject, Report, check
from .preview import TITLE as PREVIEW_TITLE
from .preview import DataWatch, findings_page
from .printable import visible
from .provenance import data_version
from .render.pages import SiteOptions
from .site import (
    ASSET_FOLDER,
    CHANGES,
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    FAIL_ON,
    MARKDOWN_EXTENSIONS,
    OVERRIDES,
    SECTIONS,
    InvalidProject,
    assemble,
    assets,
    hand_written,
    in_asset_folder,
    input_errors,
    internal_requested,
    policy_findings,
    refuse_on,
    same_address,
    theme_defaults,
)
from .staging import PublishError, Staging, WarningCounter, real_site

NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: Settings of mkdocs.yml that mean plain text, and that mkdocs-material places in pages
#: unescaped (``{{ config.site_name }}`` in the header and the browser title).
TEXT_SETTINGS = ("site_name", "site_description", "site_author", "repo_name")
#: Why a site name with < or > is refused rather than escaped.
UNSAFE_SITE_NAME = (
    "site_name in mkdocs.yml bevat < of >. Het thema zet de naam ook in een tooltip die "
    "tekst als HTML leest; daar zou een escape zichtbaar worden of HTML gaan werken. "
    "Schrijf de naam zonder < en >"
)
#: Which audience a published site was built for, so that a dirty build never mixes them.
AUDIENCE_FILE = "assets/speelveld/doelgroep.txt"


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
    dirty: bool = False
    internal: bool = False
    staging: Staging | None = None
    warnings: WarningCounter | None = None
    #: Under serve, while the data have input errors: the page shown instead of the site.
    broken: str | None = None
    #: The generated pages of the last build that succeeded, for the page of input errors.
    known: frozenset[str] = frozenset()
    watch: DataWatch | None = None
    hidden: frozenset[str] = frozenset()
    #: Hand-written pages at the address of a generated page, with that page's path.
    displaced: dict[str, str]

    def __init__(self) -> None:
        super().__init__()
        self.displaced = {}
        #: Parsed files kept between the rebuilds of one ``mkdocs serve``.
        self.cache = ParseCache()
        #: The report of the version ``compare_with`` names, kept while its commit stays.
        self.bases = BaseCache()

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Only `mkdocs build` publishes a folder; serve and gh-deploy manage their own.
        self.command = command
        self.dirty = dirty
        if command == "build":
            self.warnings = WarningCounter()

    def on_shutdown(self) -> None:
        if self.watch is not None:
            self.watch.close()
            self.watch = None
        if self.staging is not None:  # interrupted: leave the old site and free the lock
            self.staging.discard()
            self.staging = None
        if self.warnings is not None:
            self.warnings.close()
            self.warnings = None

    def _root(self, config: MkDocsConfig) -> Path:
        folder = Path(config.config_file_path or ".").parent
        return (folder / (self.config.project_dir or ".")).resolve()

    def _inputs(self, config: MkDocsConfig) -> Inputs:
        """What the build reads, none of which the site may be written over."""
        return Inputs.of(
            self._root(config),
            mkdocs_file=Path(config.config_file_path or "mkdocs.yml"),
            docs_dir=Path(config.docs_dir),
        )

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
        name = config.site_name  # as typed, before it is escaped for the theme
        title = name.unescape() if isinstance(name, Markup) else str(name)
        if "<" in title or ">" in title:
            raise PluginError(f"speelveld: {UNSAFE_SITE_NAME}")
        escape_text_settings(config)
        self.internal = internal_requested(self.config.internal)
        self.broken = None
        refusal = site_refusal(Path(config.site_dir), self._inputs(config))
        if refusal:
            raise PluginError(f"speelveld: {refusal}")
        if self.command == "build":
            if self.warnings is None:  # on_startup was not called: count from here
                self.warnings = WarningCounter()
            try:
                self.staging = Staging(
                    Path(config.site_dir), strict=config.strict, warnings=self.warnings
                )
            except PublishError as problem:
                raise PluginError(f"speelveld: {problem}") from None
        started = time.perf_counter()
        try:
            self.report = check(
                self._root(config),
                internal=self.internal,
                compare_with=True,
                cache=self.cache,
                bases=self.bases,
            )
            root = self.report.project.root
            version = data_version(root, self.report.project.files)
            written = hand_written(Path(config.docs_dir))
            assembly = assemble(
                self.report,
                SiteOptions(title, version),
                written,
                directory_urls=config.use_directory_urls,
            )
            self.pages = assembly.pages
        except (NotAProject, InvalidProject) as problem:
            if not self.serving:
                raise PluginError(f"speelveld: {problem}") from None
            return self._show_errors(config, problem)
        except OSError as error:
            raise PluginError(f"speelveld: {unreadable(error)}") from None
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
        if self.staging is not None and self._needs_staging(config):
            try:
                config.site_dir = str(self.staging.stage())
            except PublishError as problem:
                raise PluginError(f"speelveld: {problem}") from None
        self.displaced = assembly.displaced
        self.hidden = assembly.hidden
        if config.nav is None:
            config.nav = assembly.navigation
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
        self.displaced = {}
        config.nav = [{PREVIEW_TITLE: "index.md"}]
        return config

    def _needs_staging(self, config: MkDocsConfig) -> bool:
        """A full build is staged; a dirty one only when the audience changed.

        A dirty build keeps every file it does not write, so a public build over an
        internal site would keep the internal pages: after a change of audience (or
        when the site does not say its audience) the build is made whole instead.
        """
        if not self.dirty:
            return True
        try:
            built_for = (real_site(Path(config.site_dir)) / AUDIENCE_FILE).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            built_for = ""
        if built_for.strip() == self._audience():
            return False
        log.info(
            "speelveld: de site in %s is niet gebouwd voor dit publiek (%s); deze bouw met "
            "--dirty maakt de site daarom helemaal opnieuw",
            config.site_dir,
            self._audience(),
        )
        return True

    def _audience(self) -> str:
        return "intern" if self.internal else "openbaar"

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.broken is not None:
            return self._error_files(files, config, self.broken)
        for path, generated in self.displaced.items():
            log.warning("speelveld: %s", same_address(path, generated, config.use_directory_urls))
        for path in self.hidden:
            page = files.get_file_from_path(path)
            if page is not None:
                files.remove(page)  # an internal page is not in a public build at all
        in_nav = {path for _, path in SECTIONS}
        if self.report.project.config.compare_with is None:
            in_nav.discard(CHANGES)
        for path, content in self.pages.items():
            if files.get_file_from_path(path) is not None:
                log.info("speelveld: docs/%s vervangt de gegenereerde pagina %s", path, path)
                continue
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

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        """The package's scripts and styles; a hand-written file in their folder is reported
        and, where it has the name of one of them, replaced."""
        for written in [f for f in files if f.src_uri.startswith(f"{ASSET_FOLDER}/")]:
            log.warning("speelveld: %s", in_asset_folder(_docs(written)))
            files.remove(written)
        for asset in assets():
            files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        files.append(File.generated(config, AUDIENCE_FILE, content=f"{self._audience()}\n"))

    @event_priority(-100)  # last, so that other plugins write into the staged site too
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staging is not None:
            config.site_dir = str(self.staging.site_dir)
            staging, self.staging = self.staging, None
            try:
                staging.finish()
            except PublishError as problem:
                raise PluginError(f"speelveld: {problem}") from None
            finally:
                if self.warnings is not None:
                    self.warnings.reset()

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            self.staging.discard()
            self.staging = None
        if self.warnings is not None:
            self.warnings.reset()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        self.watch = DataWatch(server, self._root(config))
        return server


def escape_text_settings(config: MkDocsConfig) -> None:
    """The plain-text settings, escaped once for the theme's unescaped templates.

    As :class:`~markupsafe.Markup` they are escaped where a template prints them as they
    are and not escaped twice where it adds ``| e`` itself: a site name ``Zorg & "Wel"``
    shows as typed in the header, the browser title and the tooltips. A ``title``
    attribute is read back as HTML by the theme's tooltips, so the site name may hold no
    ``<`` or ``>`` at all (see :data:`UNSAFE_SITE_NAME`).
    """
    for name in TEXT_SETTINGS:
        value = config.get(name)
        if isinstance(value, str) and not isinstance(value, Markup):
            config[name] = Markup(html.escape(value, quote=True))


def _docs(file: File) -> str:
    """A hand-written file as the advisor knows it: its path in the docs folder."""
    return f"docs/{file.src_uri}" if file.src_dir else file.src_uri


def unreadable(error: OSError) -> str:
    """An OS error while reading the project, in Dutch."""
    return f"het project kan niet worden gelezen: {visible(described(error))}"


def municipal_defaults(config: MkDocsConfig) -> None:
    """A Dutch municipal site: no font requests to Google, Dutch, the project's own footer
    and a Dutch page for a missing address, and the scripts and styles of the charts.

    A project that chose a font or a language of its own keeps it; a template in its own
    ``custom_dir`` wins over the one here.
    """
    theme = config.theme
    for key, value in theme_defaults(theme.name, theme.get("font"), theme.get("language")).items():
        theme[key] = value
    if theme.name == "material":
        overrides = str(OVERRIDES)
        if overrides not in theme.dirs:
            theme.dirs.insert(1 if theme.custom_dir else 0, overrides)
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    config.extra_css.append(EXTRA_CSS)
    script = ExtraScriptValue(EXTRA_JAVASCRIPT)
    script.defer = True
    config.extra_javascript.append(script)
