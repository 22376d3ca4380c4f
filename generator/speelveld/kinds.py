"""The kinds of entity, described once: folder, subject name, model, pages and Dutch nouns."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Domain, Entity, Instrument, Measure, Scenario, Stakeholder


@dataclass(frozen=True, slots=True)
class Kind:
    #: The name in subjects and schemas: ``measure``.
    name: str
    #: The data folder in a project: ``measures``.
    folder: str
    model: type[Entity]
    #: The folder of its pages on the site: ``maatregelen``.
    pages: str
    #: The Dutch noun, singular and plural, for readers.
    noun: str
    nouns: str
    #: Whether the infographic and the coverage place it on the speelveld.
    on_field: bool = True


KINDS: tuple[Kind, ...] = (
    Kind("domain", "domains", Domain, "domeinen", "domein", "domeinen"),
    Kind("stakeholder", "stakeholders", Stakeholder, "partners", "partner", "partners"),
    Kind("instrument", "instruments", Instrument, "instrumenten", "instrument", "instrumenten"),
    Kind("measure", "measures", Measure, "maatregelen", "maatregel", "maatregelen"),
    Kind("scenario", "scenarios", Scenario, "scenarios", "scenario", "scenario's", False),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
