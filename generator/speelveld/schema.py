"""JSON Schemas for editors, generated from the same models the loader validates with.

A schema holds the shape of one kind of file: its fields, their Dutch descriptions and the
values the format fixes (statuses, sectors, rule codes). It names no id of the project:
a list of ids would be stale the moment an advisor adds, renames or removes a file by
hand, and ``speelveld check`` reports every unknown id with a suggestion anyway. So the
schemas change only with the version of Speelveld, and ``speelveld schema --check`` fails
only after an upgrade that changed the data format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .config import Config
from .ids import INTERACTIONS_FILE
from .kinds import KINDS
from .model import Interactions

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Schema file per entity folder, plus the configuration file and the interactions.
FILES = {kind.folder: f"{kind.name}.schema.json" for kind in KINDS} | {
    "config": "speelveld.schema.json",
    "interactions": "interactions.schema.json",
}


def _without_titles(node: Any) -> Any:
    """pydantic derives English titles from field names; the Dutch descriptions suffice."""
    if isinstance(node, dict):
        return {
            k: _without_titles(v)
            for k, v in node.items()
            if not (k == "title" and isinstance(v, str) and "properties" not in node)
        }
    if isinstance(node, list):
        return [_without_titles(v) for v in node]
    return node


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by file name under ``schemas/``."""
    result: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        schema = _without_titles(kind.model.model_json_schema())
        # The id is the file name; a file may leave it out.
        schema["required"] = [r for r in schema.get("required", []) if r != "id"]
        schema["title"] = f"Speelveld: {kind.folder}"
        result[FILES[kind.folder]] = {"$schema": DIALECT, **schema}
    config = _without_titles(Config.model_json_schema())
    config["title"] = "Speelveld: speelveld.yml"
    result[FILES["config"]] = {"$schema": DIALECT, **config}
    interactions = _without_titles(Interactions.model_json_schema())
    interactions["title"] = f"Speelveld: {INTERACTIONS_FILE}"
    result[FILES["interactions"]] = {"$schema": DIALECT, **interactions}
    return result


def text(schema: dict[str, Any]) -> str:
    """A schema as it is written to its file."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def stale(folder: Path) -> list[str]:
    """The schema files in ``folder`` that are missing or differ from this version's."""
    found = []
    for name, schema in schemas().items():
        try:
            current = json.loads((folder / name).read_text("utf-8")) == schema
        except (OSError, ValueError):
            current = False
        if not current:
            found.append(name)
    return found


def write(folder: Path) -> list[Path]:
    """Every schema into ``folder``, each file whole (:func:`~speelveld.inputs.write_file`)."""
    from .inputs import write_file

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        target = folder / name
        write_file(target, text(schema))
        written.append(target)
    return written
