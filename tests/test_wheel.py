"""The released package: a wheel and an sdist with every runtime file, and a wheel that
works on its own, from `speelveld init` to a built site, in a fresh virtual environment."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from speelveld.starter import DEFAULT_TITLE, EXAMPLE_DOMAINS, EXAMPLE_MEASURE

from .conftest import REPOSITORY

#: The virtual environments here are laid out as on POSIX (bin/, not Scripts/).
pytestmark = pytest.mark.posix

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
    # The site's own plotly.js goes with its licence notice.
    assert {"speelveld/assets/plotly.min.js", "speelveld/assets/plotly.LICENSE.txt"} <= names
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


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel; its dependencies come from the test
    environment instead of an index."""
    folder = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    python = folder / "bin" / "python"
    run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel], folder)
    site_packages = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder
        ).strip()
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", "utf-8")
    return folder


def test_the_wheel_alone_starts_checks_and_builds_a_project(venv: Path, tmp_path: Path) -> None:
    python, bin_dir = venv / "bin" / "python", venv / "bin"
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


def _dependencies_without_speelveld(folder: Path) -> Path:
    """The test environment's packages, all but Speelveld itself, as one folder of links."""
    folder.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.lower().startswith(("speelveld", "__editable__")):
            (folder / entry.name).symlink_to(entry)
    return folder


def test_a_project_installed_from_a_wheel_stays_green_after_a_measure_added_by_hand(
    venv: Path, wheel: Path, tmp_path: Path
) -> None:
    """init --install WHEEL, a measure copied by hand: the check, the schemas and the
    pre-commit hooks (which install exactly that wheel) all pass."""
    speelveld = venv / "bin" / "speelveld"
    run([speelveld, "init", "--no-input", "proj", "--install", wheel], cwd=tmp_path)
    project = tmp_path / "proj"
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text("utf-8"))
    assert {d for h in config["repos"][0]["hooks"] for d in h["additional_dependencies"]} == {
        str(wheel.resolve())
    }
    example = (project / "measures" / f"{EXAMPLE_MEASURE}.yml").read_text("utf-8")
    (project / "measures" / "tweede-maatregel.yml").write_text(
        example.replace("Voorbeeldmaatregel (vervangen)", "Tweede maatregel"), "utf-8"
    )
    run([speelveld, "check"], cwd=project)
    run([speelveld, "schema", "--check"], cwd=project)

    run(["git", "init", "--quiet"], cwd=project)
    run(["git", "add", "--all"], cwd=project)
    home = tmp_path / "pre-commit"
    # The hook environment gets the wheel alone (no index); its dependencies are the test
    # environment's, without the Speelveld of this working copy.
    hooks = run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=project,
        PRE_COMMIT_HOME=str(home),
        PIP_NO_DEPS="1",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip: "0" turns the isolation off; no index needed
        PYTHONPATH=str(_dependencies_without_speelveld(tmp_path / "dependencies")),
    )
    assert re.search(r"speelveld check\.+Passed", hooks), hooks
    assert re.search(r"speelveld schema --check\.+Passed", hooks), hooks
    installed = list(home.glob("*/py_env-*/lib/python*/site-packages/speelveld-*.dist-info"))
    assert [p.name for p in installed] == [f"{wheel.name.split('-py3')[0]}.dist-info"]


@pytest.mark.parametrize(
    "path", ["build/lib/speelveld/cli.py", "generator/speelveld.egg-info/PKG-INFO", "dist/x.whl"]
)
def test_what_packaging_leaves_behind_is_ignored(path: str) -> None:
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", path], cwd=REPOSITORY, check=False
    )  # pip wheel . leaves build/ and an .egg-info folder in the source
    assert result.returncode == 0, f"{path} staat niet in .gitignore"
