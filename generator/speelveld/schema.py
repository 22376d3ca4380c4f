"""JSON Schemas for editors, generated from the same models the loader validates with.

Each schema also lists the ids of this project (domains, partners, instruments), so an
editor can complete them and mark a typo before ``speelveld check`` runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .config import Config
from .kinds import KINDS
from .project import Project

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Schema file per entity folder, plus the configuration file.
FILES = {kind.folder: f"{kind.name}.schema.json" for kind in KINDS} | {
    "config": "speelveld.schema.json"
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


def _ids(values: list[str], description: str) -> dict[str, Any]:
    return {"type": "string", "enum": values, "description": description}


def schemas(project: Project) -> dict[str, dict[str, Any]]:
    """Every schema by file name under ``schemas/``."""
    domains = list(project.domains)
    stakeholders = sorted(project.stakeholders)
    bestuur = sorted(s for s, v in project.stakeholders.items() if v.sector == "bestuur")
    instruments = sorted(project.instruments)
    proposed = sorted(m for m, v in project.measures.items() if v.status == "proposed")
    in_force = sorted(m for m, v in project.measures.items() if v.in_force)
    result: dict[str, dict[str, Any]] = {}
    for entity_kind in KINDS:
        kind = entity_kind.folder
        schema = _without_titles(entity_kind.model.model_json_schema())
        schema["required"] = [r for r in schema.get("required", []) if r != "id"]
        properties = schema["properties"]
        if "domains" in properties:
            properties["domains"]["items"] = _ids(domains, "Id van een domein.")
        if kind == "instruments":
            properties["side_effects"]["propertyNames"] = _ids(domains, "Id van een domein.")
        if kind == "measures":
            properties["owner"] = _ids(bestuur, "Bestuurlijk eigenaar (sector bestuur).")
            properties["instruments"]["items"] = _ids(instruments, "Id van een instrument.")
            properties["effects"]["propertyNames"] = _ids(domains, "Id van een domein.")
            properties["effects"]["required"] = domains
            involvement = schema["$defs"]["Involvement"]["properties"]
            involvement["id"] = _ids(stakeholders, "Id van een partner.")
            _accepted(schema["$defs"]["Accepted"]["properties"], domains, bestuur)
        if kind == "scenarios":
            properties["adopt"]["items"] = _ids(proposed, "Id van een voorgestelde maatregel.")
            properties["stop"]["items"] = _ids(in_force, "Id van een geldende maatregel.")
        schema["title"] = f"Speelveld: {kind}"
        result[FILES[kind]] = {"$schema": DIALECT, **schema}
    config = _without_titles(Config.model_json_schema())
    _accepted(config["$defs"]["AcceptedInPortfolio"]["properties"], domains, bestuur)
    config["title"] = "Speelveld: speelveld.yml"
    result[FILES["config"]] = {"$schema": DIALECT, **config}
    return result


def _accepted(properties: dict[str, Any], domains: list[str], bestuur: list[str]) -> None:
    properties["domain"] = {"anyOf": [_ids(domains, "Id van een domein."), {"type": "null"}]}
    properties["by"] = _ids(bestuur, "Wie besloot: een partner met sector bestuur.")


def write(project: Project, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(project).items():
        target = folder / name
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(target)
    return written
