"""Every case folder under tests/cases: the findings must match exactly.

Exactly means both ways: every expected finding at its code, path, line and
column, and nothing else, so a rule that fires too often fails here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speelveld.analysis import check

from .conftest import BASE, CASES, Case, case_folders


def _key(finding: dict[str, object]) -> tuple[object, ...]:
    return (finding["code"], finding["path"], finding["line"], finding["column"])


def test_base_project_is_clean() -> None:
    assert check(BASE).findings == []


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
            "severity": f.severity.label,
            "message": f.message,
        }
        for f in check(project).findings
    ]
    assert sorted(map(_key, found)) == sorted(map(_key, case.expected)), case.description
    for expected in case.expected:
        if "severity" in expected or "message_contains" in expected:
            match = next(f for f in found if _key(f) == _key(expected))
            assert match["severity"] == expected.get("severity", match["severity"])
            assert expected.get("message_contains", "") in match["message"]


def test_there_are_cases_for_every_code() -> None:
    from speelveld.codes import INPUT_CODES
    from speelveld.rules import REGISTRY

    expected_codes = {
        finding["code"] for folder in case_folders() for finding in Case.read(folder).expected
    }
    assert set(REGISTRY) | set(INPUT_CODES) <= expected_codes
