"""Every report format stays readable and parseable whatever a file name, key or value holds.

A file name can hold an escape sequence that recolours a terminal or moves its cursor, a
newline that splits a finding in two, a bidi control that shows a reader other text than
what is there, or a byte that is not UTF-8; XML cannot hold most control characters at all.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speelveld.catalogue import CATALOGUE
from speelveld.cli import main
from speelveld.codes import INPUT_CODES
from speelveld.findings import Finding, Severity
from speelveld.formats import Output, renderer
from speelveld.printable import visible
from speelveld.render import text

from . import strategies as s
from .conftest import BASE, MKDOCS_YML, build
from .test_formats import assert_uploadable

CODES = (*INPUT_CODES, *CATALOGUE)
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
GITHUB_LINE = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")


def hidden(text: str) -> list[str]:
    """The characters in ``text`` that a terminal or an editor would not show as they are."""
    return [
        c
        for c in text
        if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in BIDI or c in "\ufffe\uffff"
    ]


def assert_one_line_each(rendered: str, count: int) -> list[str]:
    """``count`` lines, each free of hidden characters, and valid UTF-8 as a whole."""
    rendered.encode("utf-8")  # no lone surrogate
    if count == 0:
        assert rendered == ""
        return []
    assert rendered.endswith("\n")
    lines = rendered[:-1].split("\n")
    assert len(lines) == count, lines
    assert rendered.splitlines() == lines  # no other line break (\x0b, \x85, \u2028)
    for line in lines:
        assert not hidden(line), line
    return lines


def _unescape_github(text: str) -> str:
    for escaped, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ",")):
        text = text.replace(escaped, char)
    return text.replace("%25", "%")


def check_every_format(output: Output) -> None:
    findings = output.findings

    report = json.loads(renderer("json")(output))
    assert [(f["path"], f["subject"], f["message"]) for f in report["findings"]] == [
        (f.path, str(f.subject), f.message) for f in findings
    ]

    log = json.loads(renderer("sarif")(output))
    assert_uploadable(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(findings)
    for finding, result in zip(findings, results, strict=True):
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        path = output.anchor(finding)[0]
        if not re.search("[\ud800-\udc7f\udd00-\udfff]", path):  # none from a file name
            assert unquote(uri, errors="surrogateescape") == path
        assert result["message"]["text"] == finding.message

    root = ET.fromstring(renderer("junit")(output))
    listed = "\n".join(
        e.text or "" for e in root.iter() if e.tag in ("failure", "system-out")
    ).splitlines()
    assert len(listed) == len(findings)

    lines = assert_one_line_each(renderer("text")(output), len(findings) + 1)
    for finding, line in zip(findings, lines[:-1], strict=True):
        assert line.endswith(visible(finding.message))

    lines = assert_one_line_each(renderer("github")(output), len(findings))
    for finding, line in zip(findings, lines, strict=True):
        match = GITHUB_LINE.fullmatch(line)
        assert match, line
        properties = dict(p.split("=", 1) for p in match.group(2).split(","))
        assert set(properties) <= {"file", "line", "col", "title"}, properties
        assert _unescape_github(properties["title"]) == visible(finding.code)
        if finding.path:
            assert _unescape_github(properties["file"]) == visible(output.path(finding))
        assert _unescape_github(match.group(3)) == visible(finding.message)


@settings(
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    findings=st.lists(s.wild_findings(CODES), max_size=6),
    measures=st.lists(s.wild_texts, max_size=3),
    prefix=st.one_of(st.just(""), s.relative_paths.filter(bool).map(lambda t: f"{t}/")),
    known=st.booleans(),
)
def test_any_text_in_findings_gives_parseable_one_line_output(
    findings: list[Finding], measures: list[str], prefix: str, known: bool
) -> None:
    sources = {str(f.subject): f"bron/{f.subject}.yml" for f in findings} if known else {}
    output = Output(
        sorted(findings),
        Severity.WARNING,
        measures=tuple(measures),
        files=len(findings),
        prefix=prefix,
        sources=sources,
        has_config=known,
    )
    check_every_format(output)


def test_visible_escapes_what_would_be_hidden() -> None:
    assert visible("a\x1b[31mb\x07\nc\td\r") == "a\\x1b[31mb\\x07\\nc\\td\\r"
    assert visible("\x9b2J \x7f \u202egnp.exe \u2066x\u2069") == (
        "\\x9b2J \\x7f \\u202egnp.exe \\u2066x\\u2069"
    )
    assert visible("naïve 😀 שלום \\") == "naïve 😀 שלום \\"
    assert visible("\udcff\u2028\ufffe") == "\\udcff\\u2028\\ufffe"


# --- Through the command line, with a real file and a real key ------------------------------

NAME = "wrong\x1b[2J\x07\nname"
#: A measure whose unknown key holds ESC, BEL and a newline (YAML escapes in a quoted key).
KEYED = (BASE / "measures" / "testservice.yml").read_text(encoding="utf-8") + (
    '"ti\\etle\\a\\nx": waarde\n'
)


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    (root / "measures" / f"{NAME}.yml").write_text("title: x\n", encoding="utf-8")
    (root / "measures" / "testservice.yml").write_text(KEYED, encoding="utf-8")
    return root


def _check(root: Path, format_: str) -> str:
    result = CliRunner().invoke(main, ["check", str(root), "--format", format_])
    assert result.exit_code == 1, result.output
    return result.output


def test_control_characters_in_a_file_name_and_a_key(tmp_path: Path) -> None:
    root = _project(tmp_path)
    report = json.loads(_check(root, "json"))
    paths = {f["path"] for f in report["findings"]}
    messages = " ".join(f["message"] for f in report["findings"])
    assert f"measures/{NAME}.yml" in paths
    assert "ti\x1btle\x07\nx" in messages  # the key as it is, for machines

    text = _check(root, "text")
    lines = assert_one_line_each(text, len(report["findings"]) + 1)
    assert any(line.startswith("measures/wrong\\x1b[2J\\x07\\nname.yml:") for line in lines)
    assert any("ti\\x1btle\\x07\\nx" in line for line in lines)

    github = _check(root, "github")
    assert_one_line_each(github, len(report["findings"]))
    assert "file=measures/wrong\\x1b[2J\\x07\\nname.yml," in github

    junit = ET.fromstring(_check(root, "junit"))
    names = {case.get("name") for case in junit.iter("testcase")}
    assert "measures/wrong\\x1b[2J\\x07\\nname.yml" in names
    texts = "".join(e.text or "" for e in junit.iter())
    assert "ti\\x1btle\\x07\\nx" in texts
    assert not hidden(texts.replace("\n", ""))

    log = json.loads(_check(root, "sarif"))
    assert_uploadable(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert "measures/wrong%1B%5B2J%07%0Aname.yml" in uris


def test_json_escapes_control_characters(tmp_path: Path) -> None:
    rendered = _check(_project(tmp_path), "json")
    assert not hidden(rendered.replace("\n", ""))
    assert "\\u001b" in rendered


# --- Control characters in the data: refused where typed, and never on a page ----------------

#: Every control character a reader cannot see: C0 but tab and line breaks, DEL and C1.
CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r")


def _with_name(tmp_path: Path, name: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    partner = root / "stakeholders" / "politie.yml"
    text = partner.read_text("utf-8")
    partner.write_text(re.sub(r"(?m)^name: .*$", lambda _: f"name: {name}", text), "utf-8")
    return root


@pytest.mark.parametrize(
    ("escape", "said"), [("\\0", "U+0000 (NUL)"), ("\\e", "U+001B (ESC)"), ("\\x85", "U+0085")]
)
def test_a_control_character_in_a_text_is_an_error_where_it_is_typed(
    tmp_path: Path, escape: str, said: str
) -> None:
    root = _with_name(tmp_path, f'"Politie {escape}[31m"')
    report = json.loads(_check(root, "json"))
    [finding] = [f for f in report["findings"] if f["path"] == "stakeholders/politie.yml"]
    assert (finding["code"], finding["severity"], finding["line"], finding["column"]) == (
        "schema",
        "error",
        1,
        7,
    )
    assert f"het stuurteken {said}" in finding["message"]
    assert not hidden(finding["message"])


def test_a_control_character_in_a_key_is_an_error_at_the_key(tmp_path: Path) -> None:
    root = _project(tmp_path)
    report = json.loads(_check(root, "json"))
    at_key = [
        f
        for f in report["findings"]
        if f["path"] == "measures/testservice.yml" and "stuurteken" in f["message"]
    ]
    assert [(f["code"], f["message"].split(",")[0]) for f in at_key] == [
        ("schema", "de sleutel bevat het stuurteken U+001B (ESC)")
    ]


def test_a_build_with_nul_and_esc_in_a_name_writes_neither_anywhere(tmp_path: Path) -> None:
    """The name holds NUL and ESC as YAML escapes: the build stops at the name, and no file
    it leaves (site, staging folder, project) holds either character."""
    root = _with_name(tmp_path, '"Politie \\0 \\e[31m eind"')
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    result = build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "stakeholders/politie.yml:1:7: fout schema" in result.stderr
    assert "stuurteken U+0000 (NUL)" in result.stderr
    assert not hidden(result.stderr.replace("\n", ""))
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 10
    assert [p for p in files if b"\x00" in p.read_bytes() or b"\x1b" in p.read_bytes()] == []


def test_no_control_character_reaches_a_page(tmp_path: Path) -> None:
    """Were the error ignored, the pages still hold no control character: not in a
    title, a heading, a text, a table, a chart's JSON or a script's data."""
    from speelveld.pipeline import check
    from speelveld.render.pages import SiteOptions, render_pages
    from speelveld.render.text import Blocks

    root = _with_name(tmp_path, json.dumps(f"Politie {CONTROLS} eind"))
    report = check(root)
    assert any(f.code == "schema" for f in report.findings)
    assert CONTROLS in report.project.stakeholders["politie"].name
    pages = render_pages(report, SiteOptions())
    for path, page in pages.items():
        assert not [c for c in page if c in CONTROLS], path
    assert "Politie \ufffd" in pages["partners/politie.md"]
    for helper in (Blocks().block, text.markdown, text.inline, text.plain, text.label):
        assert not [c for c in helper(f"a {CONTROLS} b") if c in CONTROLS], helper
    assert not [c for c in text.front_matter(CONTROLS) if c in CONTROLS]
    assert not [c for c in text.script_json({"x": CONTROLS}) if c in CONTROLS]
