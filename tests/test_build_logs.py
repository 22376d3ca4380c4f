"""Every case of the corpus built as a site: the log speaks Dutch to the advisor, and holds
no Python warning and no traceback, whether the build succeeds or stops on an input error.

The builds run through MkDocs' own build function in two forked processes, each build with
a logging handler and a record of every Python warning.
"""

from __future__ import annotations

import logging
import warnings
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .conftest import CASES, MKDOCS_YML, Case, case_folders

#: What Python prints for a warning or an uncaught exception.
PYTHON_NOISE = ("Traceback (most recent call last)", "Warning:", "Warning(", "warnings.warn")


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


def build_log(project: Path) -> tuple[str, bool]:
    """The log of ``mkdocs build`` of ``project``, its Python warnings, and whether it built."""
    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    built = True
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
            try:
                build(config)
            except MkDocsException as stopped:  # a refused build says why, in the log
                handler.lines.append(f"ERROR {stopped}")
                built = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    shown = [f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught]
    return "\n".join([*handler.lines, *shown]), built


def _case_site(case_folder: Path, project: Path) -> Path:
    """The case's project with a site to build."""
    Case.read(case_folder).build(project)
    (project / "docs").mkdir(exist_ok=True)
    (project / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    return project


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, bool]]:
    """The build log of every case, built once, two at a time."""
    folder = tmp_path_factory.mktemp("logs")
    cases = case_folders()
    projects = [_case_site(case, folder / str(i)) for i, case in enumerate(cases)]
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("fork")) as pool:
        built = list(pool.map(build_log, projects))
    return {case.relative_to(CASES).as_posix(): log for case, log in zip(cases, built, strict=True)}


def test_no_build_log_of_the_corpus_holds_a_python_warning_or_a_traceback(
    logs: dict[str, tuple[str, bool]],
) -> None:
    noisy = {name: log for name, (log, _) in logs.items() if any(n in log for n in PYTHON_NOISE)}
    assert noisy == {}


def test_the_corpus_builds_where_it_has_no_input_error_and_says_why_where_it_has(
    logs: dict[str, tuple[str, bool]],
) -> None:
    """The logs above are of real builds: those of valid data publish a site, the others
    stop with the input errors in Dutch."""
    built = [name for name, (_, ok) in logs.items() if ok]
    stopped = {name: log for name, (log, ok) in logs.items() if not ok}
    assert "rules/domain-uncovered/fires" in built
    assert "input/schema/partner-unknown-key" in stopped
    assert len(built) > 50
    for name, log in stopped.items():
        assert "speelveld: de gegevens bevatten invoerfouten" in log, name
