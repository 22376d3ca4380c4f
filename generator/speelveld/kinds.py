"""The kinds of entity, described once: subject name, data folder, model and pages.

Cheap to import: the loader reads the folders before the validator (pydantic) is loaded,
so a kind names its model and imports it only when it is asked for. The site's pages,
its sidebar and the rings of the speelveld are drawn from this table (see
:mod:`speelveld.render.paths`), so a kind's pages live where its entry says.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Entity


@dataclass(frozen=True, slots=True)
class Ring:
    """How a kind is drawn as a ring of the speelveld around the domains."""

    #: What readers call more than one, in the figure's texts: ``partners``.
    plural: str
    #: The field of :class:`speelveld.coverage.Coverage` that holds, per entity, the
    #: measures that use it: ``stakeholder_use``.
    use: str


@dataclass(frozen=True, slots=True)
class Kind:
    #: The name in subjects and schemas: ``measure``.
    name: str
    #: The data folder in a project, and the field of the project that holds its
    #: entities by id: ``measures``.
    folder: str
    #: The name of its model in :mod:`speelveld.model`.
    model_name: str
    #: The folder of its pages on the site: ``maatregelen``.
    pages: str
    #: What an advisor calls it, accepted wherever a kind is named: ``maatregel``.
    word: str
    #: What readers call them all: the title of its index page and its sidebar section.
    title: str
    #: The template of each entity's page, in ``speelveld/render/templates``.
    template: str
    #: The template of its index page; ``None``: it has none.
    index_template: str | None = None
    #: Where its index page stands among the kinds' sections of the sidebar, which come
    #: after Speelveld (lowest first); ``None``: not in the sidebar.
    sidebar: int | None = None
    #: How it is drawn around the domains in the speelveld; ``None``: not a ring.
    ring: Ring | None = None

    @property
    def model(self) -> type[Entity]:
        module = importlib.import_module(".model", __package__)
        model: type[Entity] = getattr(module, self.model_name)
        return model


KINDS: tuple[Kind, ...] = (
    Kind(
        "domain",
        "domains",
        "Domain",
        "domeinen",
        "domein",
        title="Domeinen",
        template="domain.md.jinja",
        index_template="domains_index.md.jinja",
        sidebar=2,
    ),
    Kind(
        "stakeholder",
        "stakeholders",
        "Stakeholder",
        "partners",
        "partner",
        title="Partners",
        template="member.md.jinja",
        index_template="members_index.md.jinja",
        sidebar=3,
        ring=Ring(plural="partners", use="stakeholder_use"),
    ),
    Kind(
        "instrument",
        "instruments",
        "Instrument",
        "instrumenten",
        "instrument",
        title="Instrumenten",
        template="member.md.jinja",
        index_template="members_index.md.jinja",
        sidebar=4,
        ring=Ring(plural="instrumenten", use="instrument_use"),
    ),
    Kind(
        "measure",
        "measures",
        "Measure",
        "maatregelen",
        "maatregel",
        title="Maatregelen",
        template="measure.md.jinja",
        index_template="measures_index.md.jinja",
        sidebar=1,
    ),
    # No index page: the Rapport compares the scenarios, each links to its own page.
    Kind(
        "scenario",
        "scenarios",
        "Scenario",
        "scenarios",
        "scenario",
        title="Scenario's",
        template="scenario.md.jinja",
    ),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
#: The Dutch word of each kind, for the name it stands for.
ALIASES: dict[str, str] = {kind.word: kind.name for kind in KINDS if kind.word != kind.name}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
#: The kinds drawn around the domains, from the inside out.
RINGS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.ring is not None)
#: The kinds whose index page is a section of the sidebar, in the sidebar's order.
IN_SIDEBAR: tuple[Kind, ...] = tuple(
    sorted((k for k in KINDS if k.sidebar is not None), key=lambda k: k.sidebar or 0)
)
