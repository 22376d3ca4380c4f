"""The released package: a wheel and an sdist with every runtime file, and a wheel that
works on its own, from `speelveld init` to a built site, in a fresh virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from speelveld.starter import DEFAULT_TITLE, EXAMPLE_DOMAINS

from .conftest import REPOSITORY

PACKAGE = REPOSITORY / "generator" / "speelveld"


def runtime_files() -> set[str]:
    """Every file of the package folder, as ``speelveld/...``, without compiled files."""
    return {
        f"speelveld/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts
    }


def run(args: list[str | Path], cwd: Path, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**environment, **env},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(map(str, args))}:\n{output}"
    return output


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's packaging files and package, without build leftovers.

    A copy, so that the build neither reads a stale build/ folder nor writes into the
    working tree while other tests run.
    """
    folder = tmp_path_factory.mktemp("source")
    for path in REPOSITORY.iterdir():
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    shutil.copytree(
        REPOSITORY / "generator",
        folder / "generator",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )
    return folder


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    output = run([*command, "-w", out, source], cwd=out)
    assert "eprecat" not in output, output
    [built] = out.glob("speelveld-*.whl")
    return built


def test_the_wheel_holds_every_runtime_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = runtime_files()
    assert any(name.endswith(".jinja") for name in expected)
    assert "speelveld/assets/speelveld.js" in expected
    assert expected - names == set()
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]


def test_the_sdist_holds_every_runtime_file(source: Path, tmp_path: Path) -> None:
    output = run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", tmp_path, source],
        cwd=tmp_path,
    )
    assert "eprecat" not in output, output
    [sdist] = tmp_path.glob("speelveld-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    expected = {f"generator/{name}" for name in runtime_files()}
    assert expected - names == set()


def test_the_wheel_alone_starts_checks_and_builds_a_project(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel], cwd=tmp_path)
    # The dependencies come from the test environment instead of an index.
    site_packages = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path
        ).strip()
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", "utf-8")

    work = tmp_path / "work"
    work.mkdir()
    imported = run([python, "-c", "import speelveld; print(speelveld.__file__)"], work).strip()
    assert Path(imported).resolve().is_relative_to(venv.resolve()), imported
    assert not Path(imported).resolve().is_relative_to(REPOSITORY.resolve())

    run([bin_dir / "speelveld", "init", "--no-input", "proj"], cwd=work)
    project = work / "proj"
    run([bin_dir / "speelveld", "check"], cwd=project)
    run([python, "-m", "mkdocs", "build", "--strict"], cwd=project, NO_MKDOCS_2_WARNING="1")
    site = project / "site"
    assert DEFAULT_TITLE in (site / "index.html").read_text("utf-8")
    assert (site / "rapport/index.html").is_file()
    for domain in EXAMPLE_DOMAINS:
        assert (site / f"domeinen/{domain.id}/index.html").is_file()
    assert (site / "assets/speelveld/speelveld.js").is_file()
