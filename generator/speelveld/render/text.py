"""Advisor text into page text: Markdown stays Markdown, everything else stays text.

Raw HTML, entities, attribute lists (``{ onclick=... }``) and links with
schemes other than http, https and mailto are shown as typed, never
interpreted. Template syntax needs no care: values are never template source.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

_SAFE_SCHEMES = ("http", "https", "mailto")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})
# The target of an inline link or image: ](target
_LINK_TARGET = re.compile(r"\]\(\s*(?P<target>[^)\s]*)")
# A reference definition: [label]: target
_REFERENCE = re.compile(r"^(?P<indent> {0,3})\[(?P<rest>[^\]]*\]:\s*(?P<target>\S+))", re.M)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _unsafe(target: str) -> bool:
    match = _SCHEME.match(html.unescape(target).replace("\\", ""))
    return match is not None and match.group(1).lower() not in _SAFE_SCHEMES


def markdown(text: str) -> str:
    """A block of advisor Markdown, safe to place in a page."""
    escaped = text.translate(_ESCAPES)
    escaped = _LINK_TARGET.sub(
        lambda m: ("]\\(" + m.group("target")) if _unsafe(m.group("target")) else m.group(0),
        escaped,
    )
    return _REFERENCE.sub(
        lambda m: (
            (m.group("indent") + "\\[" + m.group("rest"))
            if _unsafe(m.group("target"))
            else m.group(0)
        ),
        escaped,
    )


def inline(text: str) -> str:
    """Advisor text for one line or a table cell: no line breaks, no column breaks."""
    one_line = " ".join(text.split())
    return markdown(one_line).replace("|", "\\|")


def plain(text: str) -> str:
    """Text with no Markdown at all: every character shows as typed."""
    one_line = " ".join(text.split())
    escaped = re.sub(r"([\\`*_\[\]()#+\-.!|])", r"\\\1", one_line)
    return escaped.translate(_ESCAPES)


def label(text: str) -> str:
    """Text for a chart label: plotly reads a little HTML, so escape it all."""
    return html.escape(" ".join(text.split()), quote=False)


def script_json(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element without closing it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter(title: str) -> str:
    """The page title as front matter, HTML-escaped: themes place it unescaped."""
    escaped = html.escape(" ".join(title.split()), quote=True)
    return f"---\ntitle: {json.dumps(escaped, ensure_ascii=False)}\n---\n\n"
