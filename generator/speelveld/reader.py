"""Read, validate and cross-check a project folder: the first half of the pipeline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .catalogue import OPTIONS
from .codes import DEPRECATED_SETTING, is_input_error
from .config import CONFIG_FILE, Config
from .findings import INTERACTIONS, PORTFOLIO, Finding, Severity, Subject
from .ids import INTERACTIONS_FILE
from .kinds import KINDS
from .loader import (
    Early,
    ParseCache,
    config_file,
    is_project,
    load,
    plan,
    read_document,
    read_interactions,
)
from .model import Interactions
from .placeholders import placeholder_findings
from .project import Project
from .references import check_references
from .validate import validate
from .yamlsource import Document


class NotAProject(Exception):
    """The directory is no Speelveld project (a usage problem, not a finding).

    ``reason`` says what is missing; the message adds how to begin one.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason}. Begin een nieuw project met: speelveld init")
        self.reason = reason


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
    if config is None:
        return Config(), doc, findings + problems
    return config, doc, findings + problems + _deprecated(config, doc)


def _deprecated(config: Config, doc: Document) -> list[Finding]:
    """A note at every threshold set where ``speelveld.yml`` used to hold it: it still
    counts, unless the rule's own entry sets it too."""
    notes = []
    for name in config.deprecated():
        rule, _ = OPTIONS[name]
        value = getattr(config, name)
        counts = (
            "onder rules staat al een waarde, en die telt"
            if config.threshold_pointer(name) != (name,)
            else "de waarde telt nog"
        )
        mark = doc.mark((name,), key=True)
        notes.append(
            Finding(
                doc.path,
                mark.line,
                mark.column,
                DEPRECATED_SETTING,
                Severity.INFO,
                f"'{name}' hoort nu onder de regel die de drempel gebruikt; schrijf "
                f"rules: {{{rule.id}: {{{name}: {value}}}}} ({counts})",
                pointer=name,
            )
        )
    return notes


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
    doc, findings = read_interactions(project.root, max_bytes)
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
