"""Where each page lives, and links between pages."""

from __future__ import annotations


def page_path(folder: str, entity_id: str) -> str:
    """The page of an entity; ``index`` is a valid id but the folder's index page."""
    return f"{folder}/{entity_id if entity_id != 'index' else 'index_'}.md"


def target(folder: str, entity_id: str) -> str:
    """The page of an entity without suffix, for scripts that build its URL."""
    return page_path(folder, entity_id).removesuffix(".md")


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
