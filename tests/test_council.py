"""The Rapport as a PDF for the council, read back as a reader's software reads it.

One export per project, shared by the module: the Amsterdam project through the command
line with the network denied, a synthetic six-domain project through the functions, and
the small base project with a figure and an internal measure.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import shutil
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from speelveld import council
from speelveld.catalogue import CATALOGUE
from speelveld.cli import main
from speelveld.demo import generate, write
from speelveld.export import read_source
from speelveld.pipeline import check
from speelveld.render import pages as site_pages
from speelveld.report import Report

from .conftest import BASE, INTERNAL_MEASURE, REPOSITORY

A4 = (595.28, 841.89)


@dataclass(frozen=True)
class Exported:
    report: Report
    reader: PdfReader
    text: str
    output: str = ""


def squeezed(text: str) -> str:
    """Text without any whitespace: a line or a cell may break a word anywhere."""
    return re.sub(r"\s+", "", text)


def read(data: bytes, report: Report, output: str = "") -> Exported:
    reader = PdfReader(io.BytesIO(data))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    return Exported(report, reader, text, output)


@pytest.fixture(scope="module")
def amsterdam(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """``speelveld export pdf`` of the Amsterdam project, with every connection refused."""
    out = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("het netwerk is in deze test dicht")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        result = CliRunner().invoke(
            main, ["export", "pdf", "--project", str(REPOSITORY), "--out", str(out)]
        )
    assert result.exit_code == 0, result.output
    assert not attempts
    return read(out.read_bytes(), check(REPOSITORY, internal=False), result.output)


@pytest.fixture(scope="module")
def six_domains(tmp_path_factory: pytest.TempPathFactory) -> tuple[Exported, Any]:
    """A synthetic project with six domains and three scenarios, and its laid-out document."""
    folder = tmp_path_factory.mktemp("six")
    write(generate(24, 6, seed=3, errors=False), folder)
    report = check(folder, internal=False)
    cover = council.Cover("Zes domeinen", datetime.date(2026, 3, 1), "commit abc1234")
    laid_out = council.render(council.document(report, cover))
    return read(council.pdf_bytes(laid_out), report), laid_out


@pytest.fixture(scope="module")
def with_figure(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """The base project with an internal measure, and a Rapport that holds the site's figures."""
    folder = tmp_path_factory.mktemp("base") / "project"
    shutil.copytree(BASE, folder)
    (folder / "measures" / "geheim.yml").write_text(INTERNAL_MEASURE, encoding="utf-8")
    report = check(folder, internal=False)
    pages = site_pages.render_pages(report, site_pages.SiteOptions("Nachtleven"))
    charts = pages["speelveld.md"] + pages["matrix.md"] + pages["index.md"]

    def rapport_with_figures(report: Report, options: Any, scenarios: Any) -> dict[str, str]:
        return {**pages, council.RAPPORT: pages[council.RAPPORT] + charts}

    cover = council.Cover("Nachtleven", datetime.date(2026, 3, 1), "onbekend")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_pages, "render_rapport", rapport_with_figures)
        data, problems = council.write(council.document(report, cover))
    assert not problems
    return read(data, report, pages[council.RAPPORT] + charts)


@pytest.fixture(params=["amsterdam", "six_domains"])
def exported(request: pytest.FixtureRequest) -> Exported:
    value = request.getfixturevalue(request.param)
    return value[0] if isinstance(value, tuple) else value


def test_the_pdf_prints_the_rapport_and_the_options_as_the_site_has_them(
    six_domains: tuple[Exported, Any],
) -> None:
    """What the PDF renders of the site, without the other pages, is what the site shows."""
    report = six_domains[0].report
    options = site_pages.SiteOptions("Zes domeinen")
    scenarios = council.annexes(report, "all")
    assert len(scenarios) == 3
    printed = site_pages.render_rapport(report, options, scenarios)
    site = site_pages.render_pages(report, options)
    assert printed == {path: site[path] for path in printed}
    assert set(printed) == {council.RAPPORT} | {f"scenarios/{s}.md" for s in scenarios}


def test_the_pdf_is_a4_tagged_dutch_titled_with_embedded_fonts(exported: Exported) -> None:
    reader = exported.reader
    root = reader.trailer["/Root"]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert root["/Lang"] == "nl"
    assert reader.metadata is not None
    assert reader.metadata.title
    fonts = list(_fonts(reader))
    assert fonts
    for name, descriptor in fonts:
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


def _fonts(reader: PdfReader) -> Iterator[tuple[str, DictionaryObject]]:
    seen: set[int] = set()

    def walk(resources: Any) -> Iterator[tuple[str, DictionaryObject]]:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            for part in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                if "/FontDescriptor" in part:
                    yield str(font.get("/BaseFont")), part["/FontDescriptor"].get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                yield from walk(xobject["/Resources"])

    for page in reader.pages:
        yield from walk(page.get("/Resources"))


def test_the_pdf_names_every_domain_option_and_finding(exported: Exported) -> None:
    report = exported.report
    for domain in report.project.domains.values():
        assert squeezed(domain.name) in exported.text, domain.name
    for portfolio in report.portfolios.values():
        assert squeezed(portfolio.title) in exported.text, portfolio.title
    for finding in report.findings:
        if CATALOGUE.get(finding.code) and CATALOGUE[finding.code].listed:
            # Its message says no more than the name: readers see the names as one list.
            name = report.project.name_of(finding.subject)
            assert squeezed(name) in exported.text, finding.message
        else:
            assert squeezed(finding.message) in exported.text, finding.message
    assert "Inhoud" in exported.text
    assert "Pagina1van" not in exported.text[:200]


def test_the_pdf_holds_here_and_now_later_elsewhere(exported: Exported) -> None:
    """The Rapport's section on where and when the effects land, with its table."""
    assert "Hierennu,later,elders" in exported.text
    assert "Hierennu" + "Hier,later" + "Elders,nu" + "Elders,later" in exported.text
    assert "Wiedekostendraagt" in exported.text
    assert squeezed("Nuloptie (geldend beleid)") in exported.text


def test_the_amsterdam_pdf_totals_the_nuloptie_by_hand(amsterdam: Exported) -> None:
    """The policy in force: +1 and +2 (the hierarchical approach), +2 and +1 (the meldpilot),
    +1 (the zorgtaken) and -1 (the B8/3 practice, now and here): +7 and -1, of which five
    effects say neither when nor where."""
    assert "+7/-1" + "0/0" * 3 + "5van6" in amsterdam.text
    assert squeezed("de betrokken medewerkers van de politie") in amsterdam.text


def test_the_amsterdam_title_page_says_title_date_and_version(amsterdam: Exported) -> None:
    title = read_source(REPOSITORY).site_name
    assert title
    assert squeezed(title) in amsterdam.text
    assert "Datum:" in amsterdam.text
    assert "Versievandegegevens:" in amsterdam.text
    assert amsterdam.reader.metadata is not None
    assert title in str(amsterdam.reader.metadata.title)
    assert not re.search("waarschuwing bij het opmaken", amsterdam.output)


def test_every_page_but_the_first_is_numbered(amsterdam: Exported) -> None:
    pages = amsterdam.reader.pages
    for number, page in enumerate(pages, start=1):
        numbered = f"Pagina {number} van {len(pages)}" in page.extract_text()
        assert numbered == (number > 1), number


def test_tables_fit_the_page(six_domains: tuple[Exported, Any]) -> None:
    """No box, a table cell included, reaches past the right margin of its page."""
    _, laid_out = six_domains
    tables = 0
    for page in laid_out.pages:
        box = page._page_box
        right = box.margin_width() - box.margin_right - box.padding_right - box.border_right_width
        for child in _descendants(box):
            if getattr(child, "element_tag", None) == "table":
                tables += 1
            if getattr(child, "element_tag", "") in ("table", "td", "th", "p", "li"):
                assert child.position_x + child.margin_width() <= right + 0.5
    assert tables


def _descendants(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", []):
        yield child
        yield from _descendants(child)


def test_figures_are_tagged_with_their_alternative_text_and_caption(with_figure: Exported) -> None:
    labels = [
        html.unescape(m) for m in re.findall(r'role="img" aria-label="([^"]*)"', with_figure.output)
    ]
    # The Rapport's own chart of the options, and the three added to it.
    assert len(labels) == 4
    alternatives = [str(e["/Alt"]) for e in _struct(with_figure.reader) if e.get("/S") == "/Figure"]
    assert sorted(alternatives) == sorted(labels)
    assert squeezed("Per domein het aantal maatregelen met een positief effect") in with_figure.text
    assert "Geheimeproefnachtcontrole" not in with_figure.text


def _struct(reader: PdfReader) -> Iterator[DictionaryObject]:
    pending = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while pending:
        element = pending.pop()
        yield element
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject):
                pending.append(kid)


def test_without_the_pdf_extra_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = CliRunner().invoke(
        main, ["export", "pdf", "--project", str(BASE), "--out", str(tmp_path / "r.pdf")]
    )
    assert result.exit_code == 2
    assert "pip install 'speelveld[pdf]'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_an_unknown_option_is_a_usage_problem(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["export", "pdf", "--project", str(REPOSITORY), "--portfolio", "geen", "--out", "x.pdf"],
    )
    assert result.exit_code == 2
    assert "onbekende optie 'geen'" in result.output


def test_the_kept_page_references_are_pydyfs_and_follow_every_new_page() -> None:
    """The speed-up of :func:`council.pdf_bytes` returns what pydyf would, also after a
    page is added, for each document apart, and puts pydyf's own property back."""
    import pydyf

    original = pydyf.PDF.page_references

    def add_page(pdf: pydyf.PDF) -> None:
        page = pydyf.Dictionary({"Type": "/Page", "Parent": pdf.pages.reference})
        pdf.add_object(page)
        pdf.add_page(page)

    first, second = pydyf.PDF(), pydyf.PDF()
    with council._page_references_kept():
        assert pydyf.PDF.page_references is not original
        for pages in (1, 2, 3):
            add_page(first)
            assert first.page_references == original.fget(first)
            assert len(first.page_references) == pages
        add_page(second)
        assert second.page_references == original.fget(second)
        assert len(second.page_references) == 1
        assert first.page_references == original.fget(first)
    assert pydyf.PDF.page_references is original
