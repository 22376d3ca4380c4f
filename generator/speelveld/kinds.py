"""The kinds of entity, described once: subject name, data folder, model and page folder.

Cheap to import: the loader reads the folders before the validator (pydantic) is loaded,
so a kind names its model and imports it only when it is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Entity


@dataclass(frozen=True, slots=True)
class Kind:
    #: The name in subjects and schemas: ``measure``.
    name: str
    #: The data folder in a project: ``measures``.
    folder: str
    #: The name of its model in :mod:`speelveld.model`.
    model_name: str
    #: The folder of its pages on the site: ``maatregelen``.
    pages: str
    #: What an advisor calls it, accepted wherever a kind is named: ``maatregel``.
    word: str

    @property
    def model(self) -> type[Entity]:
        module = importlib.import_module(".model", __package__)
        model: type[Entity] = getattr(module, self.model_name)
        return model


KINDS: tuple[Kind, ...] = (
    Kind("domain", "domains", "Domain", "domeinen", "domein"),
    Kind("stakeholder", "stakeholders", "Stakeholder", "partners", "partner"),
    Kind("instrument", "instruments", "Instrument", "instrumenten", "instrument"),
    Kind("measure", "measures", "Measure", "maatregelen", "maatregel"),
    Kind("scenario", "scenarios", "Scenario", "scenarios", "scenario"),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
#: The Dutch word of each kind, for the name it stands for.
ALIASES: dict[str, str] = {kind.word: kind.name for kind in KINDS if kind.word != kind.name}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
