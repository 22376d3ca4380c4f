"""The Jinja environment for Markdown pages: filters that keep advisor text as text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import jinja2

from .. import plotlyjs
from ..model import SCALE, Effect
from ..words import day, plural
from . import text, vocabulary
from .paths import page_path, relative

__all__ = ["build", "page_path", "relative"]

#: The attribute list that keeps a heading's section out of mkdocs-material's search index.
#: A block is kept out with ``<section data-search-exclude markdown>``, not a ``<div>``:
#: the index ends an excluded element at the first end tag of the same name, so an
#: excluded ``<div>`` would end at the first ``</div>`` of a description inside it.
NOT_IN_SEARCH = "{ data-search-exclude }"


def _signed(value: Effect | int | None) -> str:
    """A score, or the score of an effect, as the scale writes it; a dash where none."""
    if value is None:
        return "—"
    return vocabulary.signed(value if isinstance(value, int) else value.score)


#: The longest first sentence a table shows; the page of the entity has the whole text.
FIRST_SENTENCE_CHARS = 300


def _first_sentence(value: str) -> str:
    """The first sentence of a description, cut at a word after a few lines of text."""
    sentence = " ".join(value[: FIRST_SENTENCE_CHARS * 4].split()).split(". ")[0].rstrip(".")
    if len(sentence) <= FIRST_SENTENCE_CHARS:
        return sentence + "."
    cut = sentence[:FIRST_SENTENCE_CHARS].rsplit(" ", 1)[0] or sentence[:FIRST_SENTENCE_CHARS]
    return cut.rstrip(" ,;:") + " …"


def _rst_examples(value: str) -> str:
    """Rule docstrings mark examples with ``Goed::``; Markdown wants a plain colon."""
    return re.sub(r"::$", ":", value, flags=re.M)


def _attribute(value: str) -> str:
    return text.label(value).replace('"', "&quot;")


#: How many escaped names and short texts one environment keeps.
NAMES_KEPT = 4096


def build() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("speelveld", "render/templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates ship with the package; no stat per page
    )
    filters: dict[str, Callable[..., Any]] = {
        # Blocks of advisor Markdown become HTML here, in linear time (see text.Blocks);
        # inside a quote or a list item, where the page's Markdown goes on around it, a
        # short text of the configuration stays Markdown.
        "markdown": text.Blocks().block,
        "nested_markdown": text.markdown,
        # A site names the same domains, partners and measures on thousands of pages.
        "inline": functools.lru_cache(maxsize=NAMES_KEPT)(text.inline),
        "plain": functools.lru_cache(maxsize=NAMES_KEPT)(text.plain),
        "attr": _attribute,
        "script_json": text.script_json,
        "signed": _signed,
        "first_sentence": _first_sentence,
        "rst_examples": _rst_examples,
        "day": day,
    }
    environment.filters.update(filters)
    environment.globals.update(
        SCALE=SCALE,
        signed=_signed,
        plural=plural,
        # The name of plotly.js in the site's assets, for the pages that draw a chart.
        PLOTLY_SCRIPT=plotlyjs.script_name(),
        # After a heading whose section the site's search leaves out: lists and tables that
        # grow with the data. The index keeps titles, summaries and names (attr_list).
        NOT_IN_SEARCH=NOT_IN_SEARCH,
        **{name: getattr(vocabulary, name) for name in dir(vocabulary) if name.isupper()},
    )
    return environment
