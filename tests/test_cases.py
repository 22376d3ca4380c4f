"""Every case folder under tests/cases: the findings must match exactly.

Exactly means both ways: every expected finding at its code, path, line and
column, and nothing else, so a rule that fires too often fails here too.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic_core import PydanticKnownError
from pydantic_core.core_schema import ErrorType

from speelveld.catalogue import CATALOGUE
from speelveld.findings import Finding
from speelveld.pipeline import check

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
    rule = CATALOGUE.get(code)
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
    assert set(CATALOGUE) | set(INPUT_CODES) <= expected_codes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Case, list[Finding]]]:
    """Every case of the corpus with the findings of its project, checked once."""
    folder = tmp_path_factory.mktemp("corpus")
    return [
        (case, check(case.build(folder / str(index)), today=case.today).findings)
        for index, case in enumerate(map(Case.read, case_folders()))
    ]


def test_messages_name_things_and_get_their_plurals_right(
    corpus: list[tuple[Case, list[Finding]]],
) -> None:
    """No "maatregel(en)", and no option of speelveld.yml quoted in a rule's message."""
    from speelveld.config import Config

    options = set(Config.model_fields)
    for _, findings in corpus:
        for finding in findings:
            assert not re.search(r"\w\((en|s)\)", finding.message), finding.message
            if finding.code in CATALOGUE:
                assert not options & set(re.findall(r"\w+", finding.message)), finding.message


#: What pydantic's message templates need to be made; unused keys are ignored.
_CONTEXT = dict.fromkeys(
    (
        *("error", "expected", "ge", "gt", "le", "lt", "multiple_of", "min_length", "max_length"),
        *("pattern", "tag", "discriminator", "expected_tags", "class_name", "attribute"),
        *("field_name", "function_name", "max_digits", "decimal_places", "whole_digits"),
        *("reason", "unexpected_value", "expected_plural", "field_type", "method_name"),
        *("encoding", "tz_expected", "class", "expected_schemes", "expected_version"),
    ),
    "x",
)


def _pydantic_word_pairs() -> set[tuple[str, str]]:
    """Every pair of adjacent words in pydantic's own error messages, which are English."""
    pairs: set[tuple[str, str]] = set()
    for error_type in get_args(ErrorType):
        try:
            template = PydanticKnownError(error_type, _CONTEXT).message_template
        except (KeyError, TypeError, ValueError):
            continue
        for part in re.split(r"\{[^}]*\}", template):
            # Words, not formats such as YYYY-MM-DD (the Dutch say JJJJ-MM-DD).
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", part) if not w.isupper()]
            pairs.update(itertools.pairwise(words))
    return pairs


def _word_pairs(message: str) -> set[tuple[str, str]]:
    """Adjacent words of a message, leaving out what it quotes (a key, a value, a file)."""
    plain = re.sub(r"'[^']*'|`[^`]*`|\S+/\S+", " ", message)
    words = re.findall(r"[a-zà-ÿ]+", plain.lower())
    return set(itertools.pairwise(words))


def test_no_message_of_the_corpus_speaks_pydantic_english(
    corpus: list[tuple[Case, list[Finding]]],
) -> None:
    """Every message an advisor reads, and every one a case expects, is Dutch."""
    english = _pydantic_word_pairs()
    assert ("should", "be") in english  # the vocabulary is there: "Input should be ..."
    assert _word_pairs("Input should be a valid date") & english
    for case, findings in corpus:
        messages = [f.message for f in findings]
        messages += [str(e.get("message_contains", "")) for e in case.expected]
        for message in messages:
            found = _word_pairs(message) & english
            assert not found, f"{case.folder.name}: {message!r} ({sorted(found)})"
