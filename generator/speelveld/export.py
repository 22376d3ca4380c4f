"""The site as files for any site engine, in a folder that is replaced whole.

``speelveld render --out MAP`` writes the generated pages and their scripts. With
``--zensical`` the folder is a project of its own for Zensical, which runs no MkDocs plugin:
``MAP/docs`` holds the generated pages with the project's hand-written pages (a hand-written
page wins, as in the plugin), and ``MAP/mkdocs.yml`` holds what the plugin adds at build time
under MkDocs: the navigation, the styles and scripts of the charts and the municipal defaults.
It inherits everything else from the project's own ``mkdocs.yml`` (``INHERIT``), so that the
site's name, theme and Markdown settings are set in one place for every engine.

The folder is written beside its place and swapped in only when it is complete, so nothing of
an earlier render survives it (no page of an internal measure after a public render), and a
folder that render did not make is never emptied: it is refused.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .site import (
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    MARKDOWN_EXTENSIONS,
    Asset,
    NavItem,
    theme_defaults,
)
from .staging import PublishError, Staging

#: The file that marks a folder as made by ``speelveld render``: only such a folder is replaced.
MARKER = ".speelveld-render"
MARKER_TEXT = (
    "Deze map is gemaakt door speelveld render en wordt bij elke render helemaal vervangen.\n"
    "Zet hier geen eigen bestanden neer.\n"
)
MKDOCS_CONFIG = "mkdocs.yml"
#: The folders of the Zensical project in ``--out``: its sources and the site it builds.
ZENSICAL_DOCS = "docs"
ZENSICAL_SITE = "site"
#: How deep ``INHERIT`` may chain in a project's mkdocs.yml before it is taken as a loop.
_MAX_INHERIT = 8

#: A file's content: text to write, or a file to copy.
Content = str | Path


class FolderRefused(Exception):
    """The folder holds files that render did not write; the message says what to do."""


def page_files(pages: Mapping[str, str], assets: Iterable[Asset]) -> dict[str, Content]:
    """The generated pages and the scripts, by their path in the site's sources."""
    return {**pages, **{asset.path: asset.source for asset in assets}}


def replace_folder(out: Path, files: Mapping[str, Content]) -> None:
    """Write ``files`` into a fresh folder beside ``out`` and swap it in, as a build
    publishes a site (:mod:`speelveld.staging`): under the lock of ``out``, so that two
    renders one after the other each leave a whole folder, and atomically, so that there is
    never a moment without one.

    :class:`FolderRefused` when ``out`` is a file, or a folder with content and no marker,
    or when it cannot be locked or swapped.
    """
    refusal = folder_refusal(out)
    if refusal:
        raise FolderRefused(refusal)
    try:
        staging = Staging(Path(os.path.abspath(out)), strict=False)
        folder = staging.stage()
    except PublishError as problem:
        raise FolderRefused(str(problem)) from None
    try:
        for path, content in {MARKER: MARKER_TEXT, **files}.items():
            _write(folder, path, content)
    except BaseException:
        staging.discard()
        raise
    try:
        staging.finish()
    except PublishError as problem:
        raise FolderRefused(str(problem)) from None


def folder_refusal(out: Path) -> str:
    """Why render may not replace ``out``; empty when it may (it is new, empty or render's)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        return f"'{out}' is geen map; geef met --out een (nieuwe) map op"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        return (
            f"de map '{out}' is niet leeg en is niet door speelveld render gemaakt; render "
            "vervangt de map --out helemaal, dus kies een nieuwe of lege map"
        )
    return ""


def _write(folder: Path, path: str, content: Content) -> None:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"not a path inside the folder: {path!r}")
    target = folder.joinpath(*relative.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copyfile(content, target)
    else:
        target.write_text(content, encoding="utf-8")


# --- the project's own settings ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SiteSource:
    """What the project's mkdocs.yml says about its site, read without running MkDocs."""

    config_file: Path | None
    site_name: str | None
    docs_dir: Path
    has_nav: bool
    theme: Mapping[str, Any] = field(default_factory=dict)
    #: The names of the Markdown extensions the project turns on.
    extensions: frozenset[str] = frozenset()

    def hand_written(self) -> dict[str, Path]:
        """Every file of the docs folder by its path there; hidden files are no part of it."""
        if not self.docs_dir.is_dir():
            return {}
        found: dict[str, Path] = {}
        for path in sorted(self.docs_dir.rglob("*")):
            relative = path.relative_to(self.docs_dir)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                found[relative.as_posix()] = path
        return found


def read_source(project: Path) -> SiteSource:
    """The settings of ``project/mkdocs.yml``; without one, a docs/ folder and nothing else."""
    config_file = project / MKDOCS_CONFIG
    if not config_file.is_file():
        return SiteSource(None, None, project / "docs", has_nav=False)
    config = _load_config(config_file, _MAX_INHERIT)
    docs_dir = config.get("docs_dir")
    theme = config.get("theme")
    if isinstance(theme, str):
        theme = {"name": theme}
    site_name = config.get("site_name")
    return SiteSource(
        config_file=config_file,
        site_name=site_name if isinstance(site_name, str) else None,
        docs_dir=project / (docs_dir if isinstance(docs_dir, str) else "docs"),
        has_nav=bool(config.get("nav")),
        theme=theme if isinstance(theme, dict) else {},
        extensions=_extension_names(config.get("markdown_extensions")),
    )


def _extension_names(value: Any) -> frozenset[str]:
    """``[tables, {toc: {...}}]`` as ``{"tables", "toc"}``."""
    entries = value if isinstance(value, list) else [value] if value else []
    names = [e for e in entries if isinstance(e, str)]
    names += [key for e in entries if isinstance(e, dict) for key in e]
    return frozenset(names)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its tags (``!ENV``, ``!!python/name:``) as their plain values."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("", _untagged)


def _load_config(path: Path, depth: int) -> dict[str, Any]:
    """The mapping in ``path`` laid over the file it inherits from, as MkDocs reads it."""
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str) and depth > 0 and (path.parent / parent).is_file():
        return _merged(_load_config(path.parent / parent, depth - 1), config)
    return config


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


# --- Zensical --------------------------------------------------------------------------------


def zensical_files(
    pages: Mapping[str, str],
    assets: Iterable[Asset],
    navigation: list[NavItem],
    source: SiteSource,
    out: Path,
    title: str,
    *,
    hidden: frozenset[str] = frozenset(),
) -> dict[str, Content]:
    """A Zensical project for ``out``: the sources in docs/ and the settings in mkdocs.yml.

    ``navigation`` is used only when the project's mkdocs.yml has no ``nav`` of its own;
    ``hidden`` are hand-written pages left out (internal ones in a public render).
    """
    written = {path: c for path, c in source.hand_written().items() if path not in hidden}
    docs: dict[str, Content] = {**page_files(pages, assets), **written}
    files: dict[str, Content] = {f"{ZENSICAL_DOCS}/{path}": c for path, c in docs.items()}
    files[MKDOCS_CONFIG] = zensical_config(source, navigation, out, title)
    return files


def zensical_config(source: SiteSource, navigation: list[NavItem], out: Path, title: str) -> str:
    """The mkdocs.yml that Zensical reads in ``out``: the project's, plus what the plugin adds.

    Zensical merges it over the inherited file as MkDocs' ``INHERIT`` does, with lists
    appended: the styles and scripts come after the project's own.
    """
    config: dict[str, Any] = {}
    theme = dict(source.theme)
    if source.config_file is None:
        config["site_name"] = title
        theme.setdefault("name", "material")
        changes = {"name": theme["name"]}
    else:
        out = Path(os.path.abspath(out))
        config["INHERIT"] = Path(os.path.relpath(source.config_file.absolute(), out)).as_posix()
        changes = {}
    changes |= theme_defaults(
        theme.get("name", "material"), theme.get("font"), theme.get("language")
    )
    config["docs_dir"] = ZENSICAL_DOCS
    config["site_dir"] = ZENSICAL_SITE
    if changes:
        config["theme"] = changes
    missing = [e for e in MARKDOWN_EXTENSIONS if e not in source.extensions]
    if missing:
        config["markdown_extensions"] = missing
    config["extra_css"] = [EXTRA_CSS]
    config["extra_javascript"] = [{"path": EXTRA_JAVASCRIPT, "defer": True}]
    if not source.has_nav:
        config["nav"] = navigation
    header = (
        "# Gemaakt door speelveld render --zensical; wordt bij elke render vervangen.\n"
        "# Pas de instellingen aan in het mkdocs.yml van het project (INHERIT).\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
