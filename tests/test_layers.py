"""The layers hold in the imports: what reads the report imports none of the code that makes
it, rules are described apart from their checks, and no module waits for another in a cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import speelveld
from speelveld import rules
from speelveld.catalogue import CATALOGUE, OPTIONS
from speelveld.config import Config

PACKAGE = Path(speelveld.__file__).parent

#: What makes a report: reading, validating, cross-checking, analysing, comparing.
MAKERS = (
    "speelveld.loader",
    "speelveld.reader",
    "speelveld.validate",
    "speelveld.references",
    "speelveld.analysis",
    "speelveld.pipeline",
    "speelveld.compare",
    "speelveld.rules",
)
#: What only reads a report, or is the data contract that every part reads.
READERS = (
    "speelveld.render.pages",
    "speelveld.formats.sarif",
    "speelveld.formats.junit",
    "speelveld.site",
    "speelveld.model",
)


@pytest.mark.parametrize("module", READERS)
def test_a_reader_of_the_report_imports_nothing_that_makes_it(module: str) -> None:
    script = (
        f"import sys, {module}\n"
        f"makers = {MAKERS!r}\n"
        "print('\\n'.join(sorted(name for name in sys.modules\n"
        "    if any(name == m or name.startswith(m + '.') for m in makers))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.stmt) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import that runs, at the top or inside a function; not those for mypy only."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            if not (isinstance(child, ast.stmt) and _type_checking(child)):
                stack.append(child)
    return found


def import_graph() -> dict[str, set[str]]:
    """Per module of the package, the modules of the package it imports."""
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets = set()
        for node in _imports(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level else []
                stem = ".".join([*base, node.module] if node.module else base)
                names = [f"{stem}.{alias.name}" for alias in node.names] + [stem]
            for name in names:
                while name and name not in files:
                    name = name.rpartition(".")[0]
                if name and name != module and not module.startswith(name + "."):
                    targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_module_of_the_package_imports_another_in_a_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_search_finds_a_cycle_through_an_import_inside_a_function() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .hidden import X\n"
        "def late():\n    from .rules import REGISTRY\n"
    )
    assert sorted(getattr(node, "module", "") for node in _imports(tree)) == ["rules", "typing"]


def test_every_rule_of_the_catalogue_has_one_check_in_the_folder_of_its_scope() -> None:
    modules = {module.ID: module for module in rules.MODULES}
    assert set(modules) == set(CATALOGUE)
    assert len(rules.MODULES) == len(modules)
    on_disk = {path.stem for path in (PACKAGE / "rules").glob("*/*.py") if path.stem != "__init__"}
    assert on_disk == {module.__name__.rpartition(".")[2] for module in rules.MODULES}
    for rule_id, info in CATALOGUE.items():
        assert modules[rule_id].__name__.split(".")[-2] == info.scope
        assert rules.REGISTRY[rule_id].check is modules[rule_id].check


def test_the_rules_setting_of_the_configuration_is_made_from_the_catalogue() -> None:
    schema = Config.model_json_schema(mode="validation")
    definitions = schema["$defs"]
    properties = definitions["Rules"]["properties"]
    assert list(properties) == list(CATALOGUE)
    for rule_id, info in CATALOGUE.items():
        choices = properties[rule_id]["anyOf"]
        settings = next(
            definitions[ref.rpartition("/")[2]]
            for choice in choices
            for option in choice.get("anyOf", [choice])
            if (ref := option.get("$ref"))
        )
        assert list(settings["properties"]) == ["level", *info.settings]
    old = [name for name, field in Config.model_fields.items() if name in OPTIONS]
    assert old == list(OPTIONS)
