"""`speelveld init`: a new project that checks clean and builds at once."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel, Field

from speelveld import cli, cli_authoring
from speelveld.catalogue import OPTIONS
from speelveld.config import Config
from speelveld.findings import Severity
from speelveld.loader import id_problem
from speelveld.pipeline import check
from speelveld.reader import load_config
from speelveld.schema import FILES, SCHEMA_FOLDER
from speelveld.starter import (
    DEFAULT_TITLE,
    EXAMPLE_DOMAINS,
    EXAMPLE_MEASURE,
    INSTRUMENT,
    OWNER,
    config_text,
    domains_from_names,
    slug,
)

from .conftest import REPOSITORY, build

EXAMPLE_IDS = [d.id for d in EXAMPLE_DOMAINS]


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def errors(project: Path) -> list[str]:
    return [
        f"{f.path}:{f.line} {f.code} {f.message}"
        for f in check(project).selected("plan")
        if f.severity is Severity.ERROR
    ]


def domain_orders(project: Path) -> dict[str, int]:
    return {
        file.stem: yaml.safe_load(file.read_text("utf-8"))["order"]
        for file in (project / "domains").glob("*.yml")
    }


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project as `speelveld init --no-input` writes it; tests only read it."""
    project = tmp_path_factory.mktemp("init") / "proj"
    status, output = run("init", "--no-input", str(project))
    assert status == 0, output
    return project


@pytest.fixture
def existing(started: Path, tmp_path: Path) -> Path:
    """A copy of the started project, for tests that write into it."""
    folder = tmp_path / "proj"
    shutil.copytree(started, folder)
    return folder


def test_no_input_writes_every_file_of_a_project(started: Path) -> None:
    expected = {
        "mkdocs.yml",
        "speelveld.yml",
        "docs/over.md",
        "README.md",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        *(f"domains/{d}.yml" for d in EXAMPLE_IDS),
        f"stakeholders/{OWNER}.yml",
        f"instruments/{INSTRUMENT}.yml",
        f"measures/{EXAMPLE_MEASURE}.yml",
        *(f"{SCHEMA_FOLDER}/{name}" for name in FILES.values()),
    }
    assert set(snapshot(started)) == expected
    # A hand-written docs/index.md would replace the generated home page.
    assert not (started / "docs/index.md").exists()


def test_the_project_checks_without_errors(started: Path) -> None:
    assert errors(started) == []
    assert run("check", str(started))[0] == 0
    assert run("schema", str(started), "--check")[0] == 0


def test_the_domains_stakeholder_instrument_and_example_measure(started: Path) -> None:
    assert domain_orders(started) == {d: i for i, d in enumerate(EXAMPLE_IDS, 1)}
    owner = yaml.safe_load((started / f"stakeholders/{OWNER}.yml").read_text("utf-8"))
    assert (owner["sector"], owner["domains"]) == ("bestuur", EXAMPLE_IDS)
    instrument = yaml.safe_load((started / f"instruments/{INSTRUMENT}.yml").read_text("utf-8"))
    assert (instrument["governance"], instrument["domains"]) == ("network", EXAMPLE_IDS)
    text = (started / f"measures/{EXAMPLE_MEASURE}.yml").read_text("utf-8")
    measure = yaml.safe_load(text)
    assert (measure["status"], measure["owner"]) == ("proposed", OWNER)
    assert measure["stakeholders"] == [{"id": OWNER, "role": "lead"}]
    assert measure["instruments"] == [INSTRUMENT]
    assert list(measure["effects"]) == EXAMPLE_IDS
    for effect in measure["effects"].values():
        assert effect["score"] == 1
        assert effect["rationale"].startswith("Voorbeeld")
    assert "voorbeeld" in measure["title"].lower()
    assert "voorbeeld" in measure["summary"].lower()
    # speelveld.yml and the schemas repeat the descriptions of the package's models.
    for file in [*started.glob("*/*.yml"), started / "README.md", started / "docs/over.md"]:
        assert not re.search(
            r"seks|prostitu|uitbuiting|politie|amsterdam", file.read_text("utf-8"), re.I
        )


def test_mkdocs_yml_is_the_municipal_setup(started: Path) -> None:
    config = yaml.safe_load((started / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == DEFAULT_TITLE
    theme = config["theme"]
    assert (theme["name"], theme["language"], theme["font"]) == ("material", "nl", False)
    assert theme["features"] == ["navigation.sections", "navigation.top", "search.highlight"]
    assert config["plugins"] == ["search", "speelveld"]
    repository = yaml.safe_load((REPOSITORY / "mkdocs.yml").read_text("utf-8"))
    assert config["markdown_extensions"] == repository["markdown_extensions"]


def test_readme_gitignore_and_editor_settings(started: Path) -> None:
    readme = (started / "README.md").read_text("utf-8")
    assert readme.startswith(f"# {DEFAULT_TITLE}\n")
    assert f'pip install "speelveld=={metadata.version("speelveld")}"' in readme
    for command in ("speelveld check", "speelveld new", "speelveld diff", "mkdocs serve"):
        assert command in readme
    assert "mkdocs build" in readme
    assert "docs/over.md" in readme
    assert "docs/index.md" in readme
    ignored = (started / ".gitignore").read_text("utf-8").splitlines()
    for pattern in ("/site/", "/.site.speelveld-*/", ".venv/", "__pycache__/"):
        assert pattern in ignored
    settings = json.loads((started / ".vscode/settings.json").read_text("utf-8"))
    assert settings == json.loads((REPOSITORY / ".vscode/settings.json").read_text("utf-8"))
    about = (started / "docs/over.md").read_text("utf-8")
    assert about.startswith("# Over dit speelveld\n")


def test_the_site_builds_strictly(started: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(started, site)
    assert result.returncode == 0, result.stderr
    assert DEFAULT_TITLE in (site / "index.html").read_text("utf-8")
    assert "Over dit speelveld" in (site / "over/index.html").read_text("utf-8")
    for domain in EXAMPLE_DOMAINS:
        assert domain.name in (site / f"domeinen/{domain.id}/index.html").read_text("utf-8")


def test_six_domains_from_options(tmp_path: Path) -> None:
    names = {
        "werk": "Werk en inkomen",
        "zorg": "Zorg en welzijn",
        "wonen": "Wonen",
        "onderwijs": "Onderwijs en jeugd",
        "veilig": 'Veilige wijken: "samen" # sterk',
        "cultuur": "Cultuur, sport en recreatie",
    }
    options = [f"--domain={key}={name}" for key, name in names.items()]
    project = tmp_path / "zes"
    status, output = run("init", str(project), "--title", "Zes domeinen", *options)
    assert status == 0, output
    assert domain_orders(project) == {key: i for i, key in enumerate(names, 1)}
    for key, name in names.items():
        assert yaml.safe_load((project / f"domains/{key}.yml").read_text("utf-8"))["name"] == name
    measure = yaml.safe_load((project / f"measures/{EXAMPLE_MEASURE}.yml").read_text("utf-8"))
    assert list(measure["effects"]) == list(names)
    assert errors(project) == []
    assert (
        yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))["site_name"] == "Zes domeinen"
    )


#: Ids that YAML 1.1 reads as something other than text when they are not quoted.
AMBIGUOUS_IDS = ("no", "on", "off", "yes", "true", "null", "404", "010", "0x1f", "2024-01-01")


@pytest.fixture(scope="module")
def ambiguous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project begun with a domain for every id YAML would misread, and a new file of
    every kind."""
    project = tmp_path_factory.mktemp("ambiguous") / "proj"
    options = [f"--domain={key}=Domein {key}" for key in AMBIGUOUS_IDS]
    status, output = run("init", str(project), "--no-input", *options)
    assert status == 0, output
    for kind, entity_id in (("measure", "true"), ("stakeholder", "no"), ("scenario", "010")):
        status, output = run("new", kind, entity_id, "--project", str(project), "--no-input")
        assert status == 0, output
    return project


def test_ids_yaml_would_misread_are_written_as_text(ambiguous: Path) -> None:
    for path in (f"measures/{EXAMPLE_MEASURE}.yml", "measures/true.yml"):
        measure = yaml.safe_load((ambiguous / path).read_text("utf-8"))
        assert list(measure["effects"]) == list(AMBIGUOUS_IDS), path
    for path in (f"stakeholders/{OWNER}.yml", f"instruments/{INSTRUMENT}.yml"):
        member = yaml.safe_load((ambiguous / path).read_text("utf-8"))
        assert member["domains"] == list(AMBIGUOUS_IDS), path


def test_a_project_with_ids_yaml_would_misread_checks_clean_and_builds(
    ambiguous: Path, tmp_path: Path
) -> None:
    project = tmp_path / "proj"
    shutil.copytree(ambiguous, project)
    for new in ("measures/true.yml", "stakeholders/no.yml", "scenarios/010.yml"):
        (project / new).unlink()  # their placeholders are for the advisor to fill in
    assert errors(project) == []
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for key in AMBIGUOUS_IDS:
        assert f"Domein {key}" in (site / f"domeinen/{key}/index.html").read_text("utf-8")


def test_the_new_files_report_only_their_placeholders(ambiguous: Path) -> None:
    found = check(ambiguous).findings
    new = ("measures/true.yml", "stakeholders/no.yml", "scenarios/010.yml")
    about_new = [f for f in found if f.path in new and f.severity is Severity.ERROR]
    assert about_new
    assert {f.code for f in about_new} == {"placeholder"}


@pytest.mark.parametrize("reserved", ["plan", "all", "in-force"])
def test_new_refuses_the_name_of_a_fixed_portfolio(started: Path, reserved: str) -> None:
    before = snapshot(started)
    status, output = run("new", "scenario", reserved, "--project", str(started), "--no-input")
    assert status == 2
    assert "vaste portefeuille" in output
    assert snapshot(started) == before


def test_in_a_terminal_it_asks_for_title_and_domains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_authoring, "_interactive", lambda: True)
    project = tmp_path / "gevraagd"
    answers = "Armoede: samen sterker\nWerk en inkomen\nZorg & welzijn\nÉén loket\n\n"
    status, output = run("init", str(project), input=answers)
    assert status == 0, output
    assert "Titel van het speelveld" in output
    assert domain_orders(project) == {"werk-en-inkomen": 1, "zorg-welzijn": 2, "een-loket": 3}
    domain = yaml.safe_load((project / "domains/een-loket.yml").read_text("utf-8"))
    assert domain["name"] == "Één loket"
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == "Armoede: samen sterker"
    assert errors(project) == []


def test_options_answer_the_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_authoring, "_interactive", lambda: True)
    project = tmp_path / "opties"
    status, output = run("init", str(project), "--title", "Gegeven", "--domain", "a=Alfa")
    assert status == 0, output
    assert "Titel van het speelveld" not in output
    assert "Domein 1" not in output
    assert domain_orders(project) == {"a": 1}


def test_no_domains_named_in_the_terminal_gives_the_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_authoring, "_interactive", lambda: True)
    project = tmp_path / "leeg"
    status, output = run("init", str(project), input="\n\n")
    assert status == 0, output
    assert domain_orders(project) == {d: i for i, d in enumerate(EXAMPLE_IDS, 1)}
    assert yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))["site_name"] == DEFAULT_TITLE


@pytest.mark.parametrize("marker", ["domains/", "mkdocs.yml", "speelveld.yml"])
def test_it_refuses_a_folder_with_a_project(tmp_path: Path, marker: str) -> None:
    folder = tmp_path / "bestaand"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs/index.md").write_text("# Eigen\n", "utf-8")
    if marker.endswith("/"):
        (folder / marker).mkdir()
    else:
        (folder / marker).write_text("site_name: Eigen\n", "utf-8")
    before = snapshot(folder)
    folders_before = sorted(p for p in folder.rglob("*") if p.is_dir())
    status, output = run("init", "--no-input", str(folder))
    assert status == 2
    assert "bevat al een project" in output
    assert "speelveld init --ci github" in output
    assert marker.rstrip("/") in output
    assert snapshot(folder) == before
    assert sorted(p for p in folder.rglob("*") if p.is_dir()) == folders_before


def test_a_folder_with_other_files_is_fine_and_nothing_is_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git/HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    (folder / "README.md").write_text("# Eigen README\n", "utf-8")
    status, output = run("init", "--no-input", str(folder))
    assert status == 0, output
    assert (folder / "README.md").read_text("utf-8") == "# Eigen README\n"
    assert "niet overschreven: README.md" in output
    assert (folder / ".git/HEAD").read_text("utf-8") == "ref: refs/heads/main\n"
    assert (folder / "mkdocs.yml").is_file()
    assert errors(folder) == []


def test_it_prints_what_it_wrote_and_what_comes_next(tmp_path: Path) -> None:
    status, output = run("init", "--no-input", str(tmp_path / "p"))
    assert status == 0
    for path in ("mkdocs.yml", "docs/over.md", f"{SCHEMA_FOLDER}/{FILES['measures']}"):
        assert f"  {path}\n" in output
    assert "Volgende stappen" in output
    assert f"cd {tmp_path / 'p'}" in output
    assert "speelveld check" in output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--domain", "werk"], "mist een '='"),
        (["--domain", "Werk en inkomen=Werk en inkomen"], "geen geldige id"),
        (["--domain", "werk="], "mist de naam"),
        (["--domain", "werk=Werk", "--domain", "werk=Arbeid"], "meer dan eens"),
        (["--title", " "], "--title is leeg"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, options: list[str], message: str) -> None:
    folder = tmp_path / "niets"
    status, output = run("init", "--no-input", str(folder), *options)
    assert status == 2
    assert message in output
    assert not folder.exists()


def test_not_a_project_points_to_init(tmp_path: Path) -> None:
    for args in (["check", str(tmp_path)], ["check", str(tmp_path / "nergens")]):
        status, output = run(*args)
        assert status == 2
        assert "Begin een nieuw project met: speelveld init" in output


def test_ids_are_derived_from_names() -> None:
    assert slug("Werk en inkomen") == "werk-en-inkomen"
    assert slug("  Zorg & Welzijn!  ") == "zorg-welzijn"
    assert slug("Één loket") == "een-loket"
    long = "Een heel lange naam " * 10
    domains = domains_from_names(["Zorg", "zorg", "?!", long, long])
    ids = [d.id for d in domains]
    assert ids[:3] == ["zorg", "zorg-2", "domein-3"]
    assert len(set(ids)) == 5
    assert all(id_problem(i) == "" for i in ids)
    assert domains[3].short == "Een"
    assert domains_from_names(["Gezondheid-en-welzijn-van-jongeren"])[0].short == (
        "Gezondheid-en-welzi…"
    )
    assert domains[0].short == "Zorg"


# The configuration file ------------------------------------------------------------


def _comments(text: str) -> str:
    return " ".join(line.lstrip("# ").strip() for line in text.splitlines())


def _uncomment_block(text: str, key: str) -> str:
    """The option ``key`` and its commented sub-lines, with one "# " removed."""
    lines = text.splitlines()
    start = lines.index(f"# {key}:") if f"# {key}:" in lines else None
    if start is None:
        start = next(i for i, line in enumerate(lines) if line.startswith(f"# {key}: "))
    end = start + 1
    while end < len(lines) and lines[end].startswith("#  "):
        end += 1
    return "\n".join(line[2:] for line in lines[start:end])


def _reference(node: dict[str, Any]) -> str | None:
    """The model a JSON Schema node stands for (also when it may be null), if any."""
    options = node.get("anyOf", [node])
    refs = [o["$ref"] for o in options if "$ref" in o]
    return refs[0].rsplit("/", 1)[-1] if len(refs) == 1 else None


def _item_reference(node: dict[str, Any]) -> str | None:
    """The model of the entries of a JSON Schema array node, if any."""
    items = [o.get("items", {}) for o in node.get("anyOf", [node]) if o.get("type") == "array"]
    return _reference(items[0]) if items else None


def _shorthand(node: dict[str, Any]) -> bool:
    """Whether a model option may also be one word: a rule's level."""
    return any("enum" in option for option in node.get("anyOf", []))


def _has_keys(definitions: dict[str, Any], model: dict[str, Any], value: Any) -> None:
    """Every property of ``model`` is a key of ``value``, recursively for nested models."""
    assert isinstance(value, dict)
    assert set(value) == set(model["properties"])
    for key, node in model["properties"].items():
        nested = _reference(node)
        item = _item_reference(node)
        if nested is not None and not (_shorthand(node) and isinstance(value[key], str)):
            _has_keys(definitions, definitions[nested], value[key])
        elif item is not None:
            assert isinstance(value[key], list)
            _has_keys(definitions, definitions[item], value[key][0])


def test_speelveld_yml_documents_every_option_and_loads_to_the_defaults(started: Path) -> None:
    text = (started / "speelveld.yml").read_text("utf-8")
    assert text == config_text()
    words = _comments(text)
    schema = Config.model_json_schema()
    definitions = schema.get("$defs", {})
    for name, info in Config.model_fields.items():
        if name in OPTIONS:  # where the thresholds used to be: only under rules now
            assert not re.search(rf"^# {name}:", text, re.M), name
            continue
        assert re.search(rf"^# {name}:", text, re.M), name
        assert " ".join((info.description or "").split()) in words, name
        data = yaml.safe_load(_uncomment_block(text, name))
        assert set(data) == {name}
        node = schema["properties"][name]
        nested, item = _reference(node), _item_reference(node)
        if nested is not None:  # an option with parts: every part is there, commented
            _has_keys(definitions, definitions[nested], data[name])
        elif item is not None:  # a list of entries with parts: one example entry
            _has_keys(definitions, definitions[item], data[name][0])
        else:
            assert Config.model_validate(data) == Config(), name
    config, doc, findings = load_config(started)
    assert (config, findings) == (Config(), [])
    assert doc is not None
    assert doc.data is None


class _Part(BaseModel):
    label: str = Field("eerste", description="Het label van een onderdeel.")
    weight: float = Field(0.5, description="Het gewicht.")


class _Group(BaseModel):
    name: str = Field(description="De naam van de groep.")
    part: _Part | None = Field(None, description="Een onderdeel.")
    parts: list[_Part] = Field(default_factory=list, description="Meer onderdelen.")


class _Settings(BaseModel):
    limit: int = Field(3, description="Een grens.")
    group: _Group | None = Field(None, description="Een groep met onderdelen.")
    fixed: _Part = Field(default_factory=_Part, description="Een onderdeel met een standaard.")


def test_nested_options_become_commented_sub_keys() -> None:
    text = config_text(_Settings)
    group = yaml.safe_load(_uncomment_block(text, "group"))["group"]
    assert group == {
        "name": None,
        "part": {"label": "eerste", "weight": 0.5},
        "parts": [{"label": "eerste", "weight": 0.5}],
    }
    assert "# De naam van de groep. Verplicht." in text
    assert "#   # Een onderdeel. Standaard: leeg (null)." in text
    fixed = yaml.safe_load(_uncomment_block(text, "fixed"))
    assert _Settings.model_validate(fixed) == _Settings()
    assert yaml.safe_load(text) is None


def test_pre_commit_config_is_valid_and_pinned(started: Path) -> None:
    path = started / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(path.read_text("utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    released = yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert set(hooks) == {hook["id"] for hook in released}
    for hook in released:
        local = hooks[hook["id"]]
        assert local["entry"] == hook["entry"]
        assert local["files"] == hook["files"]
        assert (local["language"], local["pass_filenames"]) == ("python", hook["pass_filenames"])
        assert local["additional_dependencies"] == [f"speelveld=={metadata.version('speelveld')}"]
        assert local["language"] == "python"


def test_ci_github_writes_the_workflows_that_install_the_released_package(tmp_path: Path) -> None:
    from speelveld.ci import ci_files

    version = metadata.version("speelveld")
    status, output = run("init", str(tmp_path / "p"), "--no-input", "--ci", "github")
    assert status == 0, output
    expected = ci_files(f"speelveld=={version}")
    assert {".github/workflows/pr.yml", ".github/workflows/pages.yml"} <= set(expected)
    for path, text in expected.items():
        assert (tmp_path / "p" / path).read_text("utf-8") == text, path
        workflow = path.startswith(".github/workflows/")
        assert f'SPEELVELD: "speelveld=={version}"' in text or not workflow
    assert "pip install -e" not in (tmp_path / "p/.github/workflows/pr.yml").read_text("utf-8")


def _installed(folder: Path) -> set[str]:
    """What the README, the hooks and each workflow of a project install."""
    found = set(re.findall(r'SPEELVELD: "([^"]+)"', _text_of(folder, ".github/workflows/*.yml")))
    config = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text("utf-8"))
    found |= {d for hook in config["repos"][0]["hooks"] for d in hook["additional_dependencies"]}
    found |= set(re.findall(r'pip install "([^"]+)"', _text_of(folder, "README.md")))
    return found


def _text_of(folder: Path, pattern: str) -> str:
    return "".join(p.read_text("utf-8") for p in sorted(folder.glob(pattern)))


@pytest.mark.parametrize(
    ("given", "installed"),
    [
        ("0.2.0", "speelveld==0.2.0"),
        ("speelveld>=0.2,<0.3", "speelveld>=0.2,<0.3"),
        ("speelveld[zensical]==0.2.0", "speelveld[zensical]==0.2.0"),
        (
            "https://example.org/speelveld-0.2.0-py3-none-any.whl",
            "https://example.org/speelveld-0.2.0-py3-none-any.whl",
        ),
        (
            "git+https://example.org/speelveld.git@v0.2.0",
            "git+https://example.org/speelveld.git@v0.2.0",
        ),
        ("speelveld @ git+https://example.org/s.git", "speelveld @ git+https://example.org/s.git"),
    ],
)
def test_install_says_what_every_file_installs(tmp_path: Path, given: str, installed: str) -> None:
    folder = tmp_path / "p"
    status, output = run("init", str(folder), "--no-input", "--ci", "github", "--install", given)
    assert status == 0, output
    assert _installed(folder) == {installed}
    assert "Let op" not in output  # a runner can install each of these


def test_install_of_a_wheel_path_is_that_wheel_wherever_pip_runs(tmp_path: Path) -> None:
    wheel = tmp_path / "wheels" / "speelveld-0.2.0-py3-none-any.whl"
    wheel.parent.mkdir()
    wheel.write_bytes(b"")
    folder = tmp_path / "p"
    relative = Path("wheels") / wheel.name
    result = CliRunner().invoke(
        cli.main, ["init", str(folder), "--no-input", "--ci", "github", "--install", str(relative)]
    )
    assert result.exit_code == 2  # relative to where init runs, not to the test's folder
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        status, output = run(
            "init", "p", "--no-input", "--ci", "github", "--install", str(relative)
        )
    assert status == 0, output
    assert _installed(folder) == {str(wheel.resolve())}
    # The hooks here can use the file; a runner of GitHub Actions cannot, and init says so.
    assert f"Let op: de workflows installeren {wheel.resolve()}" in output
    assert "runner van GitHub Actions" in output
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        status, output = run("init", "zonder-ci", "--no-input", "--install", str(relative))
    assert status == 0, output
    assert "Let op" not in output


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ('0.2.0" && curl x', "niet te gebruiken"),
        ("$(curl x)", "niet te gebruiken"),
        ("latest", "geen vereiste"),
        ("requests==2.0", "geen vereiste"),
        ("-e .", "geen vereiste"),
        ("missing/speelveld-0.2.0-py3-none-any.whl", "bestaat niet"),
        ("", "niet te gebruiken"),
    ],
)
def test_an_install_that_is_no_requirement_for_speelveld_is_refused(
    tmp_path: Path, given: str, message: str
) -> None:
    status, output = run("init", str(tmp_path / "p"), "--no-input", "--install", given)
    assert status == 2
    assert message in output
    assert not (tmp_path / "p").exists()


def test_ci_in_an_existing_project_adds_only_the_ci_files(existing: Path) -> None:
    from speelveld.ci import SERVICES

    before = snapshot(existing)
    status, output = run("init", str(existing), "--ci", "github", "--install", "0.2.0")
    assert status == 0, output
    after = snapshot(existing)
    assert sorted(set(after) - set(before)) == sorted(SERVICES["github"].files)
    assert {path: after[path] for path in before} == before
    # Each workflow on its own installs the requirement given, and nothing else.
    workflows = sorted(existing.glob(".github/workflows/*.yml"))
    assert [p.name for p in workflows] == ["pages.yml", "pr.yml"]
    for workflow in workflows:
        text = workflow.read_text("utf-8")
        assert re.findall(r'SPEELVELD: "([^"]+)"', text) == ["speelveld==0.2.0"], workflow.name
        assert re.findall(r"pip install (.+)", text) == ['"$SPEELVELD"'], workflow.name
    assert errors(existing) == []


def test_ci_in_an_existing_project_replaces_a_ci_file_only_with_force(existing: Path) -> None:
    own = existing / ".github/workflows/pr.yml"
    own.parent.mkdir(parents=True)
    own.write_text("# eigen workflow\n", "utf-8")
    before = snapshot(existing)
    status, output = run("init", str(existing), "--ci", "github")
    assert status == 2
    assert ".github/workflows/pr.yml bestaat al" in output
    assert "--force" in output
    assert snapshot(existing) == before
    status, output = run("init", str(existing), "--ci", "github", "--force", "--install", "0.3.0")
    assert status == 0, output
    assert "pr.yml (vervangen)" in output
    assert 'SPEELVELD: "speelveld==0.3.0"' in own.read_text("utf-8")
    assert (existing / "measures" / f"{EXAMPLE_MEASURE}.yml").read_bytes() == before[
        f"measures/{EXAMPLE_MEASURE}.yml"
    ]


def test_an_existing_project_gets_no_new_title_or_domains(existing: Path) -> None:
    before = snapshot(existing)
    status, output = run("init", str(existing), "--ci", "github", "--title", "Nieuw")
    assert status == 2
    assert "alleen voor een nieuw project" in output
    assert snapshot(existing) == before
    assert run("init", str(existing), "--force")[0] == 2


def test_without_ci_no_workflows_and_an_unknown_ci_is_a_usage_error(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "a"), "--no-input")[0] == 0
    assert not (tmp_path / "a/.github").exists()
    status, output = run("init", str(tmp_path / "b"), "--no-input", "--ci", "gitlab")
    assert status == 2
    assert "github" in output
    assert not (tmp_path / "b").exists()


def test_a_title_the_site_would_refuse_is_refused_up_front(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli.main, ["init", str(tmp_path / "p"), "--no-input", "--title", "Zorg <en> welzijn"]
    )
    assert result.exit_code == 2
    assert "< of >" in result.output
    assert not (tmp_path / "p").exists()
