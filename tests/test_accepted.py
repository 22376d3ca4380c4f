"""A finding accepted knowingly, as every format and the site show it.

The case ``accepted/measure``: the testservice harms economie (-1) without mitigation,
and the wethouder Zorg accepted that on 15 January 2026. ``accepted/expired`` has the
same decision, valid until 1 March 2026, which has passed.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zoneinfo
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld.cli import main
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import CASES, Case

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
    assert "(bewust aanvaard door Wethouder Zorg op 15-01-2026)" in text
    assert "0 fouten, 0 waarschuwingen, 0 meldingen, 1 bewust aanvaard" in text
    _, github = run(project, "--format", "github")
    assert github.startswith("::notice ")
    assert "(bewust aanvaard)" in github


def test_an_acceptance_names_who_decided_alike_whether_in_force_or_expired(
    tmp_path: Path,
) -> None:
    said = []
    for name in ("measure", "expired"):
        project = Case.read(CASES / "accepted" / name).build(tmp_path / name)
        _, text = run(project)
        said.append(re.search(r"aanvaard door (.+?) op \d\d-\d\d-\d{4}", text))
    assert [m.group(1) if m else None for m in said] == ["Wethouder Zorg"] * 2


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


def _verdict(project: Path, machine_zone: str) -> bool:
    """Whether ``speelveld check`` on a machine in ``machine_zone`` finds the decision in force."""
    result = subprocess.run(
        [sys.executable, "-m", "speelveld", "check", str(project), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TZ": machine_zone},
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == CODE, result.stdout
    return finding["accepted"] is not None


def _date_in(zone: str) -> datetime.date:
    return datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()


#: Machines at either end of the day: whatever the hour, their dates differ.
WEST, EAST = "Etc/GMT+12", "Etc/GMT-14"


def _until(project: Path, until: datetime.date) -> None:
    """The case's decision, taken and holding until ``until``."""
    case = CASES / "accepted" / "measure" / "measures" / "testservice.yml"
    text = case.read_text("utf-8").replace("date: 2026-01-15", f"date: {until.isoformat()}")
    (project / "measures" / "testservice.yml").write_text(
        text + f"  until: {until.isoformat()}\n", "utf-8"
    )


def test_expiry_is_decided_in_the_project_time_zone_on_every_machine(project_from) -> None:
    """A decision that holds until the date it is now at the west end of the day: a machine
    there would find it in force, one at the east end expired. Both decide as Amsterdam."""
    project = project_from("accepted/measure")
    for _ in range(3):  # again if a date changed between the runs
        west = _date_in(WEST)
        _until(project, west)
        verdicts = {zone: _verdict(project, zone) for zone in (WEST, EAST)}
        amsterdam = _date_in("Europe/Amsterdam")
        if _date_in(WEST) == west and _date_in("Europe/Amsterdam") == amsterdam:
            break
    assert verdicts == dict.fromkeys((WEST, EAST), west >= amsterdam)


@pytest.mark.parametrize(("zone", "in_force"), [(WEST, True), (EAST, False)])
def test_the_project_may_name_its_own_time_zone(project_from, zone: str, in_force: bool) -> None:
    project = project_from("accepted/measure")
    (project / "speelveld.yml").write_text(f"timezone: {zone}\n", "utf-8")
    for _ in range(3):
        west = _date_in(WEST)
        _until(project, west)
        found = _verdict(project, "Europe/Amsterdam")
        if _date_in(WEST) == west:
            break
    assert found is in_force


def test_dates_print_with_every_digit_of_the_year(project_from) -> None:
    project = project_from("accepted/measure")
    file = project / "measures" / "testservice.yml"
    text = file.read_text("utf-8").replace("date: 2026-01-15", "date: 0202-03-05")
    file.write_text(text + "  until: 0999-12-31\n", "utf-8")
    _, output = run(project)
    assert "(aanvaard door Wethouder Zorg op 05-03-0202 tot 31-12-0999;" in output
    file.write_text(text, "utf-8")
    _, output = run(project)
    assert "(bewust aanvaard door Wethouder Zorg op 05-03-0202)" in output
    report = check(project, today=datetime.date(2026, 6, 1))
    assert "op 05-03-0202:" in render_pages(report, SiteOptions())["rapport.md"]
