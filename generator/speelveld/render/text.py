"""Advisor text into page text: Markdown stays Markdown, everything else stays text.

A block of advisor Markdown (a description, a summary) becomes HTML here, with
markdown-it-py, in time linear in its length, and is placed in the page as one raw HTML
block that the site engine passes through as it is; Python-Markdown would take minutes
over one long paragraph. Shorter text inside a line or a table cell stays Markdown.

Raw HTML, entities, attribute lists (``{ onclick=... }``) show as typed, in code spans
too (a code span becomes a ``<code>`` element whose every sign is a character
reference, so Markdown can neither escape it twice nor read syntax in it). Links work
only to absolute http, https and mailto addresses (anything else, a relative path
included, would break or escape the site) and images become links, so a page never
loads anything from elsewhere. Bidirectional override characters are dropped, so a
right-to-left name cannot reverse the text around it. Template syntax needs no care:
values are never template source.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_SAFE_TARGET = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})
#: Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): dropped.
_BIDI_CONTROLS: dict[int, int | None] = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
#: Control characters a reader cannot see (C0 but tab and line breaks, DEL, C1): shown as
#: the replacement character, as a browser shows a NUL.
_CONTROLS: dict[int, int | None] = dict.fromkeys(
    [*(c for c in range(0x20) if chr(c) not in "\t\n\r"), *range(0x7F, 0xA0)], 0xFFFD
)
_UNSEEN = {**_BIDI_CONTROLS, **_CONTROLS}
_C1 = re.compile("[\x7f-\x9f]")
# The target of an inline link: ](target ... up to the closing parenthesis
_LINK_TARGET = re.compile(r"\]\((?P<target>[^)]*)")
# A reference definition, anywhere (list items and quotes hold them too): [label]: target
_REFERENCE = re.compile(r"\[(?P<rest>[^\]]*\]:[ \t]*\n?[ \t]*(?P<target>\S+))")
# Browsers drop these from URLs; a target is judged as the browser will read it.
_URL_IGNORED = re.compile(r"[\s\x00-\x1f<>\\]")


# A code span as Python-Markdown reads one, within a line: a run of backticks, text, the
# same run. Where Markdown would read the line otherwise the text still shows, never runs.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
# Stand-ins for code spans while the rest is escaped: private-use characters, which
# are dropped from the text first so that no text can forge one.
_HOLD, _END = "\ue000", "\ue001"
_HELD = re.compile(f"{_HOLD}(\\d+){_END}")
_PRIVATE = str.maketrans(dict.fromkeys(map(ord, _HOLD + _END)))


def _code(content: str) -> str:
    """A code span as HTML: letters, digits and spaces as they are, every other ASCII sign
    as a character reference, so that nothing in it is Markdown or HTML."""
    typed = content.strip()
    return "<code>" + re.sub(r"[^A-Za-z0-9 \u0080-\U0010ffff]", _reference, typed) + "</code>"


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _unsafe(target: str) -> bool:
    cleaned = _URL_IGNORED.sub("", html.unescape(target))
    return bool(cleaned) and not _SAFE_TARGET.match(cleaned)


def _drop_bidi(text: str) -> str:
    """Without bidirectional overrides, and with every control character replaced."""
    return text.translate(_UNSEEN)


def markdown(text: str) -> str:
    """A block of advisor Markdown, safe to place in a page."""
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        spans.append(_code(match.group(2)))
        return f"{_HOLD}{len(spans) - 1}{_END}"

    held = _CODE_SPAN.sub(hold, _drop_bidi(text).translate(_PRIVATE))
    escaped = held.translate(_ESCAPES).replace("![", "\\![")
    escaped = _LINK_TARGET.sub(
        lambda m: ("]\\(" + m.group("target")) if _unsafe(m.group("target")) else m.group(0),
        escaped,
    )
    escaped = _REFERENCE.sub(
        lambda m: ("\\[" + m.group("rest")) if _unsafe(m.group("target")) else m.group(0),
        escaped,
    )
    return _HELD.sub(lambda m: spans[int(m.group(1))], escaped)


#: What HTML needs escaped, and what Python-Markdown would read as syntax where a page
#: places the block inside a quote or a list item: as character references it is text.
_HTML_TEXT = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        **{sign: f"&#{ord(sign)};" for sign in "\\`*_{}[]!"},
    }
)
#: The class of the element around a block of advisor text.
BLOCK_CLASS = "speelveld-tekst"


def _text(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return tokens[idx].content.translate(_HTML_TEXT)


def _code_inline(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f"<code>{tokens[idx].content.translate(_HTML_TEXT)}</code>"


def _code_block(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A code block on one line: its line breaks as references, so no blank line ends it."""
    code = tokens[idx].content.translate(_HTML_TEXT).replace("\n", "&#10;")
    return f"<pre><code>{code}</code></pre>"


def _image(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """An image as a link to it: a page loads nothing from elsewhere."""
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or ()) or str(token.attrGet("src"))
    target = html.escape(str(token.attrGet("src")), quote=True)
    return f'<a href="{target}">{alt.translate(_HTML_TEXT)}</a>'


def _break(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return " "


def _hard_break(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "<br>"


class Blocks:
    """Blocks of advisor Markdown as HTML: CommonMark with tables, nothing raw.

    Raw HTML and entities show as typed, links work only to http, https, mailto and
    anchors (anything else shows as typed), images become links, and bidirectional
    overrides and control characters never reach the page. The result is one line: one
    raw HTML block wherever the page starts it on a line of its own.
    """

    def __init__(self) -> None:
        engine = MarkdownIt("commonmark", {"html": False}).enable("table").disable("entity")
        engine.validateLink = lambda url: bool(_SAFE_TARGET.match(url))  # type: ignore[method-assign]
        rules = {
            "text": _text,
            "code_inline": _code_inline,
            "code_block": _code_block,
            "fence": _code_block,
            "image": _image,
            "softbreak": _break,
            "hardbreak": _hard_break,
        }
        for name, rule in rules.items():
            engine.add_render_rule(name, rule)
        self.engine = engine

    def block(self, text: str) -> str:
        """A block of advisor Markdown as one HTML element on one line."""
        rendered = self.engine.render(_drop_bidi(text)).replace("\n", "")
        return f'<div class="{BLOCK_CLASS}">{rendered}</div>'


def inline(text: str) -> str:
    """Advisor text for one line or a table cell: no line breaks, no column breaks."""
    one_line = " ".join(text.split())
    return markdown(one_line).replace("|", "\\|")


def plain(text: str) -> str:
    """Text with no Markdown at all: every character shows as typed."""
    one_line = " ".join(_drop_bidi(text).split())
    escaped = re.sub(r"([\\`*_\[\]()#+\-.!|])", r"\\\1", one_line)
    return escaped.translate(_ESCAPES)


def display(text: str) -> str:
    """Text for a script to show as text (``textContent``): one line, no bidi overrides."""
    return " ".join(_drop_bidi(text).split())


def label(text: str) -> str:
    """Text for a chart label: plotly reads a little HTML, so escape it all."""
    return html.escape(" ".join(_drop_bidi(text).split()), quote=False)


def script_json(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element without closing it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # JSON escapes C0 itself; DEL and C1 too, as escapes, so no control character is raw.
    return _C1.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def front_matter(title: str, hide: tuple[str, ...] = ()) -> str:
    """The page title as front matter, HTML-escaped: themes place it unescaped.

    ``hide`` names parts of the theme's page to leave out, such as ``toc``.
    """
    escaped = html.escape(" ".join(_drop_bidi(title).split()), quote=True)
    hidden = "".join(f"\n  - {part}" for part in hide)
    return f"---\ntitle: {json.dumps(escaped, ensure_ascii=False)}\n" + (
        f"hide:{hidden}\n---\n\n" if hide else "---\n\n"
    )
