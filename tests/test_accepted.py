"""A finding accepted knowingly, as every format and the site show it.

The case ``accepted/measure``: the testservice harms economie (-1) without mitigation,
and the wethouder Zorg accepted that on 15 January 2026. ``accepted/expired`` has the
same decision, valid until 1 March 2026, which has passed.
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from speelveld.cli import main
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

CODE = "unmitigated-side-effect"


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(project), *args])
    return result.exit_code, result.output


def test_json_marks_it_accepted_and_counts_it_apart(project_from) -> None:
    status, output = run(project_from("accepted/measure"), "--format", "json", "--fail-on", "info")
    report = json.loads(output)
    assert status == 0  # the only finding is accepted: nothing fails
    (finding,) = report["findings"]
    assert finding["code"] == CODE
    assert finding["severity"] == "warning"
    assert finding["accepted"]["by"] == "wethouder-zorg"
    assert finding["accepted"]["date"] == "2026-01-15"
    assert finding["accepted"]["path"] == "measures/testservice.yml"
    assert report["counts"] == {"error": 0, "warning": 0, "info": 0, "accepted": 1}
    assert report["failed"] is False


def test_an_expired_acceptance_counts_again(project_from) -> None:
    project = project_from("accepted/expired")
    status, output = run(project, "--format", "json")
    report = json.loads(output)
    (finding,) = report["findings"]
    assert finding["accepted"] is None
    assert "die aanvaarding is verlopen" in finding["message"]
    assert report["counts"]["warning"] == 1
    assert status == 0  # a warning, below the default --fail-on error
    assert run(project, "--fail-on", "warning")[0] == 1


def test_sarif_suppresses_it_with_the_decision_as_justification(project_from) -> None:
    _, output = run(project_from("accepted/measure"), "--format", "sarif")
    (result,) = json.loads(output)["runs"][0]["results"]
    (suppression,) = result["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert suppression["justification"].startswith("Het college aanvaardt het omzetverlies")


def test_junit_skips_the_case_with_the_reason(project_from) -> None:
    _, output = run(project_from("accepted/measure"), "--format", "junit")
    root = ET.fromstring(output)
    case = next(c for c in root.iter("testcase") if c.get("name") == "testservice")
    skipped = case.find("skipped")
    assert skipped is not None
    assert "bewust aanvaard: Het college aanvaardt" in (skipped.get("message") or "")
    assert case.find("failure") is None
    suite = next(s for s in root if s.get("name") == "maatregelen")
    assert suite.get("skipped") == "1"


def test_text_and_github_show_who_accepted_it(project_from) -> None:
    project = project_from("accepted/measure")
    _, text = run(project)
    assert "(bewust aanvaard door wethouder-zorg op 15-01-2026)" in text
    assert "0 fouten, 0 waarschuwingen, 0 meldingen, 1 bewust aanvaard" in text
    _, github = run(project, "--format", "github")
    assert github.startswith("::notice ")
    assert "(bewust aanvaard)" in github


def test_a_portfolio_finding_accepted_in_speelveld_yml(project_from) -> None:
    project = project_from("accepted/portfolio")
    _, output = run(project, "--format", "json", "--portfolio", "in-force")
    accepted = [f for f in json.loads(output)["findings"] if f["accepted"]]
    assert [(f["code"], f["subject"], f["portfolio"]) for f in accepted] == [
        ("domain-uncovered", "domain:gezondheid", "in-force")
    ]
    assert accepted[0]["accepted"]["path"] == "speelveld.yml"


def test_the_rapport_lists_it_under_bewust_aanvaard(project_from) -> None:
    report = check(project_from("accepted/measure"), today=datetime.date(2026, 6, 1))
    rapport = render_pages(report, SiteOptions())["rapport.md"]
    section = rapport.split("## Bewust aanvaard")[1].split("\n## ")[0]
    assert "[Testservice voor drugs](maatregelen/testservice.md)" in section
    assert "Aanvaard door [Wethouder Zorg](partners/wethouder-zorg.md) op 15-01-2026" in section
    assert "gezondheid gaat voor" in section
    home = render_pages(report, SiteOptions())["index.md"]
    assert "Bewust aanvaard: 1 punt." in home
