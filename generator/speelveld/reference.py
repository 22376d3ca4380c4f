"""The reference in ``reference/``: hand-written pages whose tables come from the code.

A page marks each generated part with ``<!-- gegenereerd: NAAM -->`` and
``<!-- einde: NAAM -->``. ``python -m speelveld.reference`` fills every part in from the
registries (input codes, rules, configuration fields, the help of every command);
``--check`` writes nothing and exits 1 when a page differs from what the code generates.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import click
from pydantic_core import to_jsonable_python

from .catalogue import CATALOGUE, OPTIONS
from .codes import INPUT_CODES
from .config import Config

#: The folder of the reference, beside the README that points to it.
FOLDER = "reference"
_PART = re.compile(
    r"(<!-- gegenereerd: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- einde: (?P=name) -->)", re.S
)
#: The width of the help screens, the same wherever they are generated.
_WIDTH = 88


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _codes() -> str:
    rows = [
        f"| `{info.code}` | {info.severity.label} | {_cell(info.summary)} | {_cell(info.remedy)} |"
        for info in INPUT_CODES.values()
    ]
    return _table(["Code", "Niveau", "Betekenis", "Wat te doen"], rows)


def _rules(scope: str) -> Callable[[], str]:
    def table() -> str:
        rows = [
            f"| `{rule.id}` | {rule.level.label} | {_cell(rule.summary)} | {_cell(rule.remedy)} |"
            for rule in CATALOGUE.values()
            if rule.scope == scope
        ]
        return _table(["Code", "Niveau", "Betekenis", "Wat te doen"], rows)

    return table


def _configuration() -> str:
    rows = []
    for name, info in Config.model_fields.items():
        if name in OPTIONS:  # where the thresholds used to be: see the rules
            continue
        default = to_jsonable_python(info.get_default(call_default_factory=True))
        shown = "geen" if default is None else f"`{json.dumps(default, ensure_ascii=False)}`"
        rows.append(f"| `{name}` | {shown} | {_cell(info.description or '')} |")
    return _table(["Sleutel", "Standaard", "Betekenis"], rows)


def _thresholds() -> str:
    rows = [
        f"| `{rule.id}` | `{option.name}` | "
        f"{'geen' if option.default is None else f'`{option.default}`'} | "
        f"{_cell(option.description)} |"
        for rule in CATALOGUE.values()
        for option in rule.options
    ]
    return _table(["Regel", "Drempel", "Standaard", "Betekenis"], rows)


def _commands() -> str:
    from .cli import main

    settings = {**main.context_settings, "terminal_width": _WIDTH}
    parent = click.Context(main, info_name="speelveld", **settings)
    parts = [_help(main, parent)]
    for name, command in main.commands.items():
        context = click.Context(command, info_name=name, parent=parent, terminal_width=_WIDTH)
        parts.append(f"### `speelveld {name}`\n\n{_help(command, context)}")
    return "\n".join(parts)


def _overview() -> str:
    from .cli import main

    rows = [
        f"| `speelveld {name}` | {_cell(command.get_short_help_str(limit=200))} |"
        for name, command in main.commands.items()
    ]
    return _table(["Commando", "Wat het doet"], rows)


def _help(command: click.Command, context: click.Context) -> str:
    return f"```text\n{command.get_help(context).rstrip()}\n```\n"


def _table(header: list[str], rows: list[str]) -> str:
    lines = [f"| {' | '.join(header)} |", f"|{' --- |' * len(header)}", *rows]
    return "\n".join(lines) + "\n"


#: Every generated part by its name.
PARTS: dict[str, Callable[[], str]] = {
    "invoerfouten": _codes,
    "regels-per-maatregel": _rules("measure"),
    "regels-over-de-portefeuille": _rules("portfolio"),
    "configuratie": _configuration,
    "drempels": _thresholds,
    "commando-s": _commands,
    "commando-overzicht": _overview,
}


def fill(text: str) -> str:
    """``text`` with every generated part made anew; an unknown name is an error."""

    def part(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in PARTS:
            raise KeyError(f"onbekend gegenereerd deel '{name}'; bekend: {', '.join(PARTS)}")
        return f"{match[1]}\n{PARTS[name]()}\n{match[4]}"

    return _PART.sub(part, text)


def pages(root: Path) -> list[Path]:
    """The pages with generated parts: the README and the pages of the reference."""
    return [root / "README.md", *sorted((root / FOLDER).glob("*.md"))]


def main(argv: list[str] | None = None) -> int:
    """Fill in the reference in the repository (the current folder), or ``--check`` it."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for page in pages(Path.cwd()):
        text = page.read_text("utf-8")
        made = fill(text)
        if made != text:
            stale.append(page.name)
            if not check:
                page.write_text(made, "utf-8")
    verb = "wijkt af van de code" if check else "bijgewerkt"
    for name in stale:
        print(f"{name} {verb}", file=sys.stderr if check else sys.stdout)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
