"""The project as read: validated entities, configuration and where each came from.

Data only: :mod:`speelveld.reader` makes one from a folder; the report, the rules and the
pages read it without the code that loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .findings import Finding, Severity, Subject
from .kinds import BY_NAME
from .model import Domain, Instrument, Interaction, Measure, Scenario, Stakeholder
from .yamlsource import Document, Mark, Pointer


@dataclass(frozen=True, slots=True)
class Project:
    """The validated entities, with the documents that say where each came from."""

    root: Path
    config: Config
    domains: dict[str, Domain] = field(default_factory=dict)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    documents: dict[Subject, Document] = field(default_factory=dict)
    #: Every file that was read, parsed or not (configuration included).
    files: list[str] = field(default_factory=list)
    #: How many data files came unchanged from an earlier load in the same process.
    reused: int = 0
    #: Every entity whose file exists but has input errors, with the path of that file: it
    #: is known by its id, but not among the valid entities above.
    with_errors: dict[Subject, str] = field(default_factory=dict)
    #: The interactions between domains by ordered pair (from, to), from
    #: ``interactions.yml``; empty without that file or while it has input errors.
    interactions: dict[tuple[str, str], Interaction] = field(default_factory=dict)

    @property
    def interaction_scores(self) -> dict[tuple[str, str], int]:
        """The score of every interaction by ordered pair (from, to)."""
        return {pair: interaction.score for pair, interaction in self.interactions.items()}

    def where(
        self, subject: Subject, pointer: Pointer = (), *, key: bool = False
    ) -> tuple[str, Mark]:
        """Path and mark of ``pointer`` inside ``subject``'s file."""
        doc = self.documents.get(subject)
        if doc is None:
            return "", Mark(0, 0)
        return doc.path, doc.mark(pointer, key=key)

    def documents_of(self, kind: str) -> dict[str, Document]:
        """The parsed documents of one kind (``measure``) by id, valid or not."""
        return {s.id: d for s, d in self.documents.items() if s.kind == kind}

    def entities(self, kind: str) -> dict[str, Any]:
        """The valid entities of one kind (``measure``) by id."""
        return getattr(self, BY_NAME[kind].folder)  # type: ignore[no-any-return]

    def name_of(self, subject: Subject) -> str:
        """What readers call the subject: a name or title, else its id."""
        entity = self.entities(subject.kind).get(subject.id) if subject.kind in BY_NAME else None
        if entity is None:
            return subject.id
        return str(getattr(entity, "name", None) or entity.title)

    def finding(
        self,
        subject: Subject,
        pointer: Pointer,
        code: str,
        severity: Severity,
        message: str,
        *,
        key: bool = False,
        domain: str = "",
        portfolio: str = "",
    ) -> Finding:
        """A finding at ``pointer`` in ``subject``; ``key`` points at the key, not its value."""
        path, mark = self.where(subject, pointer, key=key)
        return Finding(
            path,
            mark.line,
            mark.column,
            code,
            severity,
            message,
            subject=subject,
            pointer=".".join(map(str, pointer)),
            portfolio=portfolio,
            domain=domain,
        )
