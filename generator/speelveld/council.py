"""The Rapport as an A4 PDF for the council: tagged, in Dutch, readable without the site.

The PDF is made from the pages the site generates (:func:`render.pages.render_rapport`):
the Rapport, and the page of each option chosen as an annex. Whatever the Rapport comes to
hold, the PDF holds too. Its Markdown becomes HTML through markdown-it-py (linear in any input);
a figure becomes a vector drawing (:mod:`speelveld.charts`) with its alternative text and
caption; a link to another page of the site becomes plain text, one within the PDF a
reference; details for reviewers are left out. WeasyPrint lays the HTML out as PDF/UA-1:
tagged, with the language and the title set and every font embedded. It fetches nothing:
every resource is in the document itself.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import html
import json
import logging
import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .render.paths import entity_page

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from .report import Report

#: The page the PDF is made of; the scenarios' pages are its annexes.
RAPPORT = "rapport.md"
#: What to install when the PDF libraries are missing, in the words of the error.
INSTALL = "pip install 'speelveld[pdf]'"
#: The Python packages of the ``pdf`` extra, by the name they are imported as.
PDF_MODULES = ("weasyprint", "markdown_it", "matplotlib")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_DETAILS = re.compile(r"^<details\b[^>]*>.*?^</details>\s*$", re.DOTALL | re.MULTILINE)
#: The attribute list at the end of a heading (``## Titel { data-search-exclude }``), which
#: the site's attr_list reads and removes: the PDF drops it too, so that text and anchor match.
_HEADING_ATTRIBUTES = re.compile(r"^(#{1,6} .*?)[ \t]*\{[^}\n]*\}[ \t]*$", re.MULTILINE)
_CHART = re.compile(
    r'<script type="application/json" id="(?P<id>[^"]+)-data">(?P<data>.*?)</script>\s*'
    r'<figure class="speelveld-figure"[^>]*>(?P<body>.*?)</figure>',
    re.DOTALL,
)
_LABEL = re.compile(r'aria-label="(?P<label>[^"]*)"')
_CAPTION = re.compile(r"<figcaption[^>]*>(?P<caption>.*?)</figcaption>", re.DOTALL)
_LEGEND = re.compile(r'<ul class="speelveld-legend".*?</ul>', re.DOTALL)
_SWATCH = re.compile(r'<span class="speelveld-swatch" style="background-color: (#[0-9a-fA-F]+)"')


class PdfUnavailable(Exception):
    """The ``pdf`` extra, or the system libraries it needs, are not installed."""


def require_pdf() -> None:
    """:class:`PdfUnavailable`, in Dutch, unless every library of the PDF can be loaded."""
    import importlib

    for name in PDF_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            raise PdfUnavailable(
                f"voor een PDF is het onderdeel 'pdf' van Speelveld nodig ({name} ontbreekt); "
                f"installeer het met: {INSTALL}"
            ) from None
        except OSError as error:  # WeasyPrint loads Pango from the system
            raise PdfUnavailable(
                f"de PDF-bibliotheek kan de systeembibliotheken niet laden ({error}); installeer "
                "op Debian of Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
                "libharfbuzz-subset0 fonts-dejavu-core"
            ) from None


@dataclass(frozen=True, slots=True)
class Cover:
    """What the title page says: the title, the day it was made and the data's version."""

    title: str
    date: datetime.date
    version: str


def dutch_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def annexes(report: Report, portfolio: str) -> list[str]:
    """The options that get an annex: every scenario with ``all``, else the one named."""
    scenarios = list(report.project.scenarios)
    return scenarios if portfolio == "all" else [s for s in scenarios if s == portfolio]


@dataclass(slots=True)
class _Page:
    """One page of the site in the PDF: its path there, and the prefix of its anchors."""

    path: str
    markdown: str
    prefix: str
    #: The anchor of the page as a whole.
    anchor: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)


def document(report: Report, cover: Cover, portfolio: str = "all") -> str:
    """The PDF's HTML: title page, contents, the Rapport and an annex per option."""
    from .render.pages import SiteOptions, render_rapport

    scenarios = annexes(report, portfolio)
    pages = render_rapport(report, SiteOptions(cover.title), scenarios)
    paths = [RAPPORT] + [entity_page("scenario", s) for s in scenarios]
    chosen = [
        _Page(
            path,
            pages[path],
            f"bijlage-{index}-" if index else "",
            f"bijlage-{index}" if index else "rapport",
        )
        for index, path in enumerate(paths)
    ]
    converter = _Converter(chosen)
    bodies = [
        converter.page(page, f"Bijlage {index}: " if index else "")
        for index, page in enumerate(chosen)
    ]
    return _html(cover, chosen, bodies)


class _Converter:
    """Markdown of the site's pages into HTML for print, links resolved across the pages."""

    def __init__(self, pages: list[_Page]) -> None:
        from markdown_it import MarkdownIt

        self.pages = {page.path: page for page in pages}
        self.markdown: MarkdownIt = MarkdownIt("commonmark", {"html": True}).enable("table")
        rules = {
            "link_open": self._link_open,
            "link_close": self._link_close,
            "heading_open": self._heading_open,
            "table_open": self._table_open,
        }
        for name, rule in rules.items():
            # markdown-it binds a rule to its renderer; the converter's own is passed on.
            self.markdown.add_render_rule(name, _bound(rule))
        self.current: _Page = pages[0]
        self._open_links: list[bool] = []
        self._ids: set[str] = set()

    def page(self, page: _Page, heading: str = "") -> str:
        """The page as HTML; ``heading`` goes before the text of its first heading."""
        self.current = page
        text = _FRONT_MATTER.sub("", page.markdown, count=1)
        if heading:
            text = re.sub(r"^# ", f"# {heading}", text, count=1, flags=re.MULTILINE)
        text = _DETAILS.sub("", text)
        text = _HEADING_ATTRIBUTES.sub(r"\1", text)
        text = _CHART.sub(self._figure, text)
        tokens = self.markdown.parse(text)
        self._name_headings(tokens, page)
        return str(self.markdown.renderer.render(tokens, self.markdown.options, {}))

    # --- headings and links ------------------------------------------------------------

    def _name_headings(self, tokens: list[Token], page: _Page) -> None:
        """Give every heading the anchor the site gives it, prefixed per page."""
        from markdown.extensions.toc import slugify, unique

        seen: set[str] = set()
        for index, token in enumerate(tokens):
            if token.type != "heading_open":
                continue
            inline = tokens[index + 1]
            text = "".join(_text(child) for child in inline.children or [])
            anchor = unique(slugify(text, "-"), seen)
            identifier = f"{page.prefix}{anchor}"
            while identifier in self._ids:
                identifier += "-"
            self._ids.add(identifier)
            token.attrSet("id", identifier)
            page.headings.append((int(token.tag[1]), " ".join(text.split()), identifier))

    def _target(self, href: str) -> str | None:
        """Where a link points in the PDF: an anchor, the address itself, or nowhere."""
        if re.match(r"^(https?:|mailto:)", href, re.IGNORECASE):
            return href
        path, _, anchor = href.partition("#")
        if path:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(self.current.path), path))
        page = self.pages.get(path) if path else self.current
        if page is None:
            return None
        if anchor:
            return f"#{page.prefix}{anchor}"
        return f"#{page.anchor}"

    def _link_open(self, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        target = self._target(str(tokens[index].attrGet("href") or ""))
        self._open_links.append(target is not None)
        if target is None:
            return ""
        return f'<a href="{html.escape(target)}">'

    def _link_close(self, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        return "</a>" if self._open_links.pop() else ""

    def _heading_open(self, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        token = tokens[index]
        return f'<{token.tag} id="{html.escape(str(token.attrGet("id")))}">'

    def _table_open(self, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
        """A table with many columns gets a smaller type, so that it fits the page."""
        columns = 0
        for token in tokens[index:]:
            if token.type in ("th_open",):
                columns += 1
            if token.type == "tr_close":
                break
        return '<table class="wide">' if columns > 5 else "<table>"

    # --- figures ---------------------------------------------------------------------------

    def _figure(self, match: re.Match[str]) -> str:
        """A chart as a figure: the drawing with its alternative text, legend and caption."""
        from . import charts

        body = match.group("body")
        found = _LABEL.search(body)
        label = html.unescape(found.group("label")) if found else ""
        figure = json.loads(match.group("data"))
        drawing = charts.svg(figure, label)
        source = "data:image/svg+xml;base64," + base64.b64encode(drawing.encode()).decode()
        caption = _CAPTION.search(body)
        rendered = self.markdown.renderInline(caption.group("caption").strip()) if caption else ""
        parts = [
            '<figure class="chart">',
            f'<img src="{source}" alt="{html.escape(label)}">',
            self._legend(body),
            f"<figcaption>{rendered}</figcaption>" if rendered else "",
            "</figure>",
        ]
        return "".join(parts) + "\n\n"

    @staticmethod
    def _legend(body: str) -> str:
        legend = _LEGEND.search(body)
        if legend is None:
            return ""
        text = _SWATCH.sub(
            lambda m: f'<span class="swatch" style="background-color: {m.group(1)}"', legend.group()
        )
        return text.replace("speelveld-legend", "legend").replace("\n", "")


_Rule = Callable[[Sequence["Token"], int, Any, Any], str]


def _bound(rule: _Rule) -> Callable[..., str]:
    def on_renderer(
        renderer: Any, tokens: Sequence[Token], index: int, options: Any, env: Any
    ) -> str:
        return rule(tokens, index, options, env)

    return on_renderer


def _text(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    return "".join(_text(child) for child in token.children or [])


STYLE = """
@page {
  size: A4;
  margin: 2.2cm 2cm 2.4cm 2cm;
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font-size: 8.5pt; }
}
@page :first { @bottom-center { content: none; } }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt;
       line-height: 1.4; color: #1a1a1a; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; }
h1 { font-size: 18pt; break-before: page; margin: 0 0 10pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
p, li { orphans: 2; widows: 2; overflow-wrap: break-word; }
a { color: #0b4f8a; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 6pt 0 10pt;
        font-size: 8.5pt; }
table.wide { font-size: 7.5pt; }
th:first-child { width: 30%; }
th, td { border: 0.5pt solid #8c8c8c; padding: 2pt 4pt; vertical-align: top;
         overflow-wrap: anywhere; hyphens: manual; }
th { background: #e8e8e8; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure.chart { margin: 8pt 0 12pt; break-inside: avoid; }
figure.chart img { width: 100%; max-height: 21cm; object-fit: contain; }
figcaption { font-size: 8.5pt; font-style: italic; margin-top: 4pt; }
ul.legend { list-style: none; padding: 0; margin: 4pt 0; font-size: 8pt; }
ul.legend li { display: inline-block; margin-right: 8pt; }
.swatch { display: inline-block; width: 8pt; height: 8pt; border: 0.5pt solid #555; }
section.cover { page: cover; padding-top: 7cm; }
section.cover h1 { break-before: auto; font-size: 24pt; margin-bottom: 18pt; }
section.cover p { font-size: 11pt; margin: 4pt 0; }
section.cover p.kind { font-size: 13pt; color: #444; }
nav.toc { break-before: page; }
nav.toc h2 { font-size: 16pt; margin-top: 0; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 3pt 0; }
nav.toc li.sub { margin-left: 14pt; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader(". ") target-counter(attr(href), page); }
"""


def _html(cover: Cover, pages: list[_Page], bodies: list[str]) -> str:
    title = html.escape(cover.title)
    entries = []
    for number, page in enumerate(pages):
        for level, text, identifier in page.headings:
            if level == 1 or (level == 2 and not number):  # an annex by its title only
                kind = "" if level == 1 else ' class="sub"'
                entries.append(
                    f'<li{kind}><a href="#{html.escape(identifier)}">{html.escape(text)}</a></li>'
                )
    annex = "".join(
        f'<section class="annex" id="{page.anchor}">{body}</section>'
        for page, body in zip(pages[1:], bodies[1:], strict=True)
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}: rapport</title>\n"
        '<meta name="generator" content="Speelveld">\n'
        f'<meta name="dcterms.created" content="{cover.date.isoformat()}">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        '<section class="cover">\n'
        f'<p class="kind">Rapport</p>\n<h1 id="titel">{title}</h1>\n'
        f"<p>Datum: {html.escape(dutch_date(cover.date))}</p>\n"
        f"<p>Versie van de gegevens: {html.escape(cover.version)}</p>\n"
        "</section>\n"
        '<nav class="toc">\n<h2 id="inhoud">Inhoud</h2>\n<ol>\n'
        + "\n".join(entries)
        + "\n</ol>\n</nav>\n"
        f'<main id="{pages[0].anchor}">\n{bodies[0]}\n</main>\n{annex}\n</body>\n</html>\n'
    )


class _Offline:
    """WeasyPrint's fetcher that fetches nothing but the data: URLs in the document."""

    @staticmethod
    def make() -> Any:
        from weasyprint.urls import URLFetcher

        class Fetcher(URLFetcher):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                if not url.startswith("data:"):
                    raise ValueError(f"no resource is fetched from outside the document: {url}")
                return super().fetch(url, headers)

        return Fetcher()


class _Problems(logging.Handler):
    """What WeasyPrint logs as an error while it lays out the document."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(markup: str) -> Any:
    """The laid-out document (a ``weasyprint.Document``) of ``markup``."""
    from weasyprint import HTML

    return HTML(string=markup, url_fetcher=_Offline.make()).render()


def pdf_bytes(laid_out: Any) -> bytes:
    """The document as PDF/UA-1: tagged, language and title set, fonts embedded."""
    with _page_references_kept():
        data: bytes = laid_out.write_pdf(pdf_variant="pdf/ua-1")
    return data


@contextlib.contextmanager
def _page_references_kept() -> Iterator[None]:
    """pydyf's list of page references, made once per page count instead of once per use.

    WeasyPrint's tagging asks for it for every tagged box, and pydyf builds it anew from
    every page each time: quadratic in the pages (a tenth of the export of a 300-page
    report, see ``benchmarks/run.py``). The list only changes when a page is added.
    """
    import pydyf

    built = pydyf.PDF.page_references
    kept: dict[int, tuple[int, Any]] = {}

    def page_references(pdf: Any) -> Any:
        count = len(pdf.pages["Kids"])
        known = kept.get(id(pdf))
        if known is None or known[0] != count:
            known = (count, built.fget(pdf))
            kept[id(pdf)] = known
        return known[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = built


def write(markup: str) -> tuple[bytes, list[str]]:
    """The PDF of ``markup``, and the errors WeasyPrint logged while making it."""
    problems = _Problems()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(problems)
    try:
        data = pdf_bytes(render(markup))
    finally:
        logger.removeHandler(problems)
    return data, problems.messages
