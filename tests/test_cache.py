"""A rebuild parses only the files that changed, and only when its caller keeps a cache."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from speelveld.loader import ParseCache
from speelveld.reader import load_project

from .conftest import BASE


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_only_changed_files_are_parsed_again(tmp_path: Path) -> None:
    project = shutil.copytree(BASE, tmp_path / "project")
    cache = ParseCache()
    first, _ = load_project(project, cache)
    assert first.reused == 0
    again, _ = load_project(project, cache)
    assert again.reused == len(first.files)

    measure = project / "measures" / "testservice.yml"
    measure.write_text(
        measure.read_text("utf-8").replace("Testservice voor drugs", "Testservice"), "utf-8"
    )
    _touch_later(measure)
    changed, _ = load_project(project, cache)
    assert changed.reused == len(first.files) - 1
    assert changed.measures["testservice"].title == "Testservice"


def test_a_file_replaced_with_the_same_size_and_time_is_parsed_again(tmp_path: Path) -> None:
    """An editor that saves by renaming a new file over the old one changes the inode."""
    project = shutil.copytree(BASE, tmp_path / "project")
    cache = ParseCache()
    load_project(project, cache)
    measure = project / "measures" / "testservice.yml"
    stat = measure.stat()
    replacement = measure.with_name(".testservice.tmp")
    replacement.write_text(
        measure.read_text("utf-8").replace("Testservice voor drugs", "Testservice voor drank"),
        "utf-8",
    )
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(replacement, measure)
    assert measure.stat().st_size == stat.st_size
    changed, _ = load_project(project, cache)
    assert changed.measures["testservice"].title == "Testservice voor drank"


def test_without_a_cache_nothing_is_kept_between_loads(tmp_path: Path) -> None:
    project = shutil.copytree(BASE, tmp_path / "project")
    load_project(project)
    again, _ = load_project(project)
    assert again.reused == 0


def test_the_cache_is_bounded_and_holds_one_project(tmp_path: Path) -> None:
    one = shutil.copytree(BASE, tmp_path / "one")
    other = shutil.copytree(BASE, tmp_path / "other")
    cache = ParseCache(capacity=4)
    loaded, _ = load_project(one, cache)
    assert len(loaded.files) > 4
    assert len(cache) == 4
    load_project(other, cache)
    again, _ = load_project(one, cache)
    assert again.reused == 0  # the other project took its place


def test_a_check_pauses_the_cyclic_collector_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsing runs without the cyclic collector; afterwards it is as the caller had it."""
    from speelveld import loader
    from speelveld.pipeline import check

    states: list[bool] = []
    read_file = loader.read_file

    def spy(*args: Any) -> Any:
        states.append(gc.isenabled())
        return read_file(*args)

    monkeypatch.setattr(loader, "read_file", spy)
    project = shutil.copytree(BASE, tmp_path / "project")
    assert gc.isenabled()
    check(project)
    assert states
    assert not any(states)
    assert gc.isenabled()
    gc.disable()
    try:
        check(project)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _large(tmp_path: Path, measures: int = 150) -> Path:
    from speelveld.demo import generate, write

    root = tmp_path / "large"
    write(generate(measures, 3, seed=2, errors=False), root)
    return root


def _parent_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the calling process itself reads from now on."""
    from speelveld import loader

    read: list[str] = []
    original = loader.read_file

    def spy(path: str, *args: Any) -> Any:
        read.append(path)
        return original(path, *args)

    monkeypatch.setattr(loader, "read_file", spy)
    return read


def test_a_large_check_parses_the_later_files_in_a_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speelveld import loader
    from speelveld.pipeline import check

    root = _large(tmp_path)
    monkeypatch.setattr(loader, "usable_cores", lambda: 2)
    early = loader.begin(root)
    assert early.prefetch is not None
    assert len(early.plan.jobs) >= 200
    read = _parent_reads(monkeypatch)  # after the fork: the second process reads unobserved
    report = check(root, early=early)
    assert len(read) == len(early.plan.jobs) - len(early.prefetch.keys)
    assert not set(read) & early.prefetch.keys
    alone = check(root)
    assert report.findings == alone.findings
    assert report.project.measures == alone.project.measures


def test_when_the_second_process_fails_the_first_parses_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speelveld import loader
    from speelveld.pipeline import check
    from speelveld.prefetch import Prefetch

    root = _large(tmp_path)
    planned = loader.plan(root, loader.configured_max_bytes(root))
    keys = {job.path for job in planned.jobs[100:]}
    broken = loader.Early(planned, Prefetch(lambda: {"x": 1 // 0}, keys))
    read = _parent_reads(monkeypatch)
    report = check(root, early=broken)
    assert len(read) == len(planned.jobs)
    assert report.findings == check(root).findings


def test_a_small_project_is_read_in_one_process(tmp_path: Path) -> None:
    from speelveld import loader

    project = shutil.copytree(BASE, tmp_path / "project")
    assert loader.begin(project).prefetch is None


#: ``speelveld check`` on an interpreter without ``os.fork``, as on Windows.
WITHOUT_FORK = (
    "import os, sys; os.__dict__.pop('fork', None); "
    "from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"
)


def test_without_fork_a_large_check_reads_everything_in_one_process(tmp_path: Path) -> None:
    """Windows has no fork: the same findings, read by the one process there is."""
    root = _large(tmp_path, measures=300)
    assert sum(1 for _ in root.glob("*/*.yml")) >= 500
    command = ["check", str(root), "--format", "json"]
    forked = subprocess.run(
        [sys.executable, "-m", "speelveld", *command], capture_output=True, text=True
    )
    unforked = subprocess.run(
        [sys.executable, "-c", WITHOUT_FORK, *command], capture_output=True, text=True
    )
    assert "Traceback" not in unforked.stderr, unforked.stderr
    assert unforked.returncode == forked.returncode
    assert json.loads(unforked.stdout)["findings"] == json.loads(forked.stdout)["findings"]
    assert len(json.loads(forked.stdout)["findings"]) > 0


def test_an_unchanged_earlier_version_is_read_once_between_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``compare_with: v1`` under serve: the base is exported, parsed and analysed again only
    when v1 names another commit."""
    from speelveld import pipeline

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    for args in (
        ["init", "-q"],
        ["config", "user.email", "t@example.org"],
        ["config", "user.name", "T"],
        ["add", "-A"],
        ["commit", "-qm", "v1"],
        ["tag", "v1"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    (root / "speelveld.yml").write_text("compare_with: v1\n", "utf-8")
    exported: list[str] = []
    real = pipeline.version

    def counted(spec: str, project: Path) -> Any:
        exported.append(spec)
        return real(spec, project)

    monkeypatch.setattr(pipeline, "version", counted)
    bases = pipeline.BaseCache()
    first = pipeline.check(root, compare_with=True, bases=bases)
    second = pipeline.check(root, compare_with=True, bases=bases)
    assert exported == ["v1"]
    assert first.comparison is not None
    assert second.comparison is not None
    assert second.comparison.base is first.comparison.base
    # v1 moves to a new commit: the base is read again.
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "v2"], check=True)
    subprocess.run(["git", "-C", str(root), "tag", "-f", "v1"], check=True, capture_output=True)
    pipeline.check(root, compare_with=True, bases=bases)
    assert exported == ["v1", "v1"]
    # Without a cache every check reads the base, as a one-off check should.
    pipeline.check(root, compare_with=True)
    assert exported == ["v1", "v1", "v1"]
