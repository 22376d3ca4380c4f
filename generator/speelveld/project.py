"""Load, validate and cross-check a project: the first half of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import interactions
from .codes import is_input_error
from .config import CONFIG_FILE, Config
from .findings import INTERACTIONS, PORTFOLIO, Finding, Severity, Subject
from .ids import INTERACTIONS_FILE
from .kinds import BY_NAME, KINDS
from .loader import Early, ParseCache, config_file, is_project, load, plan, read_document
from .model import Domain, Instrument, Interaction, Interactions, Measure, Scenario, Stakeholder
from .placeholders import placeholder_findings
from .references import check_references
from .validate import validate
from .yamlsource import Document, Mark, Pointer


class NotAProject(Exception):
    """The directory is no Speelveld project (a usage problem, not a finding).

    ``reason`` says what is missing; the message adds how to begin one.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason}. Begin een nieuw project met: speelveld init")
        self.reason = reason


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


def load_config(root: Path) -> tuple[Config, Document | None, list[Finding]]:
    """The configuration, or the defaults with the findings that say why."""
    file, problems = config_file(root)
    if file is None:
        return Config(), None, problems
    doc, findings = read_document(root, file, Config().max_file_bytes)
    if doc is None:
        return Config(), None, findings
    if doc.data is None:
        return Config(), doc, findings
    config, problems = validate(Config, doc)
    return config or Config(), doc, findings + problems


def load_project(
    root: Path, cache: ParseCache | None = None, early: Early | None = None
) -> tuple[Project, list[Finding]]:
    """Everything up to and including cross-references; never raises for bad data.

    ``cache`` keeps parsed files for the next load of the same project (``mkdocs serve``);
    ``early`` is a load begun before the validator was imported (:func:`loader.begin`).
    """
    if not root.is_dir():
        raise NotAProject(f"map '{root}' bestaat niet")
    if not is_project(root):
        raise NotAProject(f"'{root}' is geen Speelveld-project: er is geen map domains/")
    config, config_doc, findings = load_config(root)
    if early is not None and early.plan.max_bytes == config.max_file_bytes:
        loaded = load(early.plan, cache, early.prefetch)
    else:
        if early is not None and early.prefetch is not None:
            early.prefetch.results()  # let the second process finish
        loaded = load(plan(root, config.max_file_bytes), cache)
    findings.extend(loaded.findings)
    project = Project(root, config, reused=loaded.reused)
    # A speelveld.yml counts as checked when it was read, not when it links out of the project.
    checked = config_doc is not None or config_file(root)[0] is not None
    project.files.extend(([CONFIG_FILE] if checked else []) + loaded.files)
    if config_doc is not None:
        project.documents[PORTFOLIO] = config_doc
    for kind in KINDS:
        target = getattr(project, kind.folder)
        for entity_id, path in loaded.unparsed[kind.folder].items():
            project.with_errors[Subject(kind.name, entity_id)] = path
        for entity_id, doc in loaded.documents[kind.folder].items():
            declared = doc.data.get("id") if isinstance(doc.data, dict) else None
            if declared is not None and declared != entity_id:
                mark = doc.mark(("id",))
                message = (
                    f"id '{declared}' wijkt af van de bestandsnaam '{entity_id}'; "
                    "laat het veld id weg of maak het gelijk aan de bestandsnaam"
                )
                findings.append(
                    Finding(doc.path, mark.line, mark.column, "invalid-id", Severity.ERROR, message)
                )
                project.with_errors[Subject(kind.name, entity_id)] = doc.path
                continue
            subject = Subject(kind.name, entity_id)
            entity, problems = validate(kind.model, doc, {"id": entity_id})
            unfinished = placeholder_findings(doc, subject)
            findings.extend(unfinished)
            findings.extend(
                _with_subject(p, subject) for p in problems if not _filled_in(p, unfinished)
            )
            project.documents[subject] = doc
            if entity is not None and not unfinished:
                target[entity_id] = entity
            else:
                project.with_errors[subject] = doc.path
    _sort_domains(project)
    entries, problems = _interactions(project, config.max_file_bytes)
    findings.extend(problems)
    references = check_references(project)
    findings.extend(references)
    unsound = any(is_input_error(f) for f in references if f.path == INTERACTIONS_FILE)
    if entries is not None and not unsound:
        project.interactions.update(((i.source, i.target), i) for i in entries.interactions)
    return project, findings


def _interactions(project: Project, max_bytes: int) -> tuple[Interactions | None, list[Finding]]:
    """``interactions.yml`` read and validated: its entries, or ``None`` with the findings
    that say why. The file is registered, so that references into it are checked."""
    doc, findings = interactions.read(project.root, max_bytes)
    if doc is None:
        if findings and findings[0].severity is Severity.ERROR:
            project.files.append(INTERACTIONS_FILE)
        return None, findings
    project.files.append(INTERACTIONS_FILE)
    project.documents[INTERACTIONS] = doc
    if doc.data is None:  # an empty file: no interactions yet
        return None, findings
    entries, problems = validate(Interactions, doc)
    unfinished = placeholder_findings(doc, INTERACTIONS)
    findings.extend(unfinished)
    findings.extend(
        _with_subject(p, INTERACTIONS) for p in problems if not _filled_in(p, unfinished)
    )
    return (entries if not unfinished else None), findings


def _sort_domains(project: Project) -> None:
    ordered = sorted(project.domains.values(), key=lambda d: (d.order, d.id))
    project.domains.clear()
    project.domains.update((d.id, d) for d in ordered)


def _filled_in(problem: Finding, unfinished: list[Finding]) -> bool:
    """A schema problem with a placeholder is already reported as a placeholder."""
    return any(problem.pointer == p.pointer for p in unfinished)


def _with_subject(finding: Finding, subject: Subject) -> Finding:
    return replace(finding, subject=subject)
