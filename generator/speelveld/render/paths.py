"""Where each page lives, and links between pages.

An entity's page and its kind's index page are found through the kinds registry
(:mod:`speelveld.kinds`), by the kind's name: no page folder is written anywhere else.
"""

from __future__ import annotations

from ..kinds import BY_NAME


def page_path(folder: str, entity_id: str) -> str:
    """The page of an entity; ``index`` is a valid id but the folder's index page."""
    return f"{folder}/{entity_id if entity_id != 'index' else 'index_'}.md"


def target(folder: str, entity_id: str) -> str:
    """The page of an entity without suffix, for scripts that build its URL."""
    return page_path(folder, entity_id).removesuffix(".md")


def entity_page(kind: str, entity_id: str) -> str:
    """The page of an entity of ``kind``, by the kind's name: ``measure``."""
    return page_path(BY_NAME[kind].pages, entity_id)


def index_page(kind: str) -> str:
    """The index page of ``kind``'s entities."""
    return f"{BY_NAME[kind].pages}/index.md"


def relative(current: str, target_page: str) -> str:
    """A Markdown link from page ``current`` to ``target_page`` (with an optional anchor).

    Both are paths under the docs folder; no file system is consulted.
    """
    path, _, anchor = target_page.partition("#")
    here = current.split("/")[:-1]
    there = path.split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    link = "/".join([".."] * (len(here) - shared) + there[shared:])
    return f"{link}#{anchor}" if anchor else link
