"""Every case folder under tests/cases: the findings must match exactly.

Exactly means both ways: every expected finding at its code, path, line and
column, and nothing else, so a rule that fires too often fails here too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speelveld.pipeline import check
from speelveld.rules import REGISTRY

from .conftest import BASE, CASES, Case, case_folders


def _key(finding: dict[str, object]) -> tuple[object, ...]:
    return (
        finding["code"],
        finding["path"],
        finding["line"],
        finding["column"],
        finding.get("portfolio", ""),
    )


def _expected(case: Case) -> list[dict[str, object]]:
    """The expected findings; a portfolio rule's are in the case's portfolio unless named."""
    default = "" if case.portfolio == "all" else case.portfolio
    return [
        {**e, "portfolio": e.get("portfolio", default if _portfolio_rule(e["code"]) else "")}
        for e in case.expected
    ]


def _portfolio_rule(code: str) -> bool:
    rule = REGISTRY.get(code)
    return rule is not None and rule.scope == "portfolio"


def test_base_project_plan_is_clean() -> None:
    """The base project's plan has no findings; its policy in force has (see the cases)."""
    assert check(BASE).selected("plan") == []


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.relative_to(CASES).as_posix())
def test_case(folder: Path, tmp_path: Path) -> None:
    case = Case.read(folder)
    project = case.build(tmp_path / "project")
    found = [
        {
            "code": f.code,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "portfolio": f.portfolio,
            "severity": f.severity.label,
            "message": f.message,
            "accepted": f.accepted is not None,
        }
        for f in check(project, today=case.today).selected(case.portfolio)
    ]
    expected = _expected(case)
    assert sorted(map(_key, found)) == sorted(map(_key, expected)), case.description
    for wanted in expected:
        match = next(f for f in found if _key(f) == _key(wanted))
        assert match["severity"] == wanted.get("severity", match["severity"])
        assert wanted.get("message_contains", "") in str(match["message"])
        assert match["accepted"] == wanted.get("accepted", False), wanted


def test_there_are_cases_for_every_code() -> None:
    from speelveld.codes import INPUT_CODES

    expected_codes = {
        finding["code"] for folder in case_folders() for finding in Case.read(folder).expected
    }
    assert set(REGISTRY) | set(INPUT_CODES) <= expected_codes


def test_messages_name_things_and_get_their_plurals_right(tmp_path: Path) -> None:
    """No "maatregel(en)", and no option of speelveld.yml quoted in a rule's message."""
    from speelveld.config import Config

    options = set(Config.model_fields)
    for index, folder in enumerate(case_folders()):
        case = Case.read(folder)
        report = check(case.build(tmp_path / str(index)), today=case.today)
        for finding in report.findings:
            assert not re.search(r"\w\((en|s)\)", finding.message), finding.message
            if finding.code in REGISTRY:
                assert not options & set(re.findall(r"\w+", finding.message)), finding.message
