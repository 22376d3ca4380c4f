"""Cross-references between entities: every id named must exist and fit.

The checks read the parsed data rather than the validated models, so that a
file with a schema error still gets its broken references reported in the
same run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .codes import DEPENDS_ON_ERROR
from .findings import INTERACTIONS, PORTFOLIO, Finding, Severity, Subject
from .model import IN_FORCE, reserved_problem
from .placeholders import is_placeholder
from .suggest import Suggestions, did_you_mean

if TYPE_CHECKING:
    from .project import Project

_NOUN = {
    "domain": "onbekend domein",
    "stakeholder": "onbekende partner",
    "instrument": "onbekend instrument",
    "measure": "onbekende maatregel",
}
#: The kind as a message names one that exists.
_KIND = {"domain": "het domein", "stakeholder": "de partner", "instrument": "het instrument"}
_KIND["measure"] = "de maatregel"


def check_references(project: Project) -> list[Finding]:
    check = _Checker(project)  # the known ids, gathered once for every kind of reference
    return [
        *_domain_order(project),
        *_entity_references(check),
        *_measure_references(check),
        *_scenario_references(check),
        *_acceptances(check),
        *_framework_measures(check),
        *_interactions(check),
    ]


def _raw(project: Project, kind: str) -> Iterator[tuple[Subject, dict[str, Any]]]:
    for subject, doc in project.documents.items():
        if subject.kind == kind and isinstance(doc.data, dict):
            yield subject, doc.data


def _refs(value: Any) -> Iterator[tuple[int | str, str]]:
    """(index or key, id) for each text entry of a list, or each key of a mapping."""
    if isinstance(value, list):
        yield from ((i, ref) for i, ref in enumerate(value) if isinstance(ref, str))
    elif isinstance(value, dict):
        yield from ((key, key) for key in value)


class _Checker:
    def __init__(self, project: Project) -> None:
        self.project = project
        # An entity whose file has errors is known too: by its id, for every reference.
        self.known: dict[str, Mapping[str, Any]] = {
            kind: project.documents_of(kind)
            | {s.id: path for s, path in project.with_errors.items() if s.kind == kind}
            for kind in _NOUN
        }
        self._suggestions: dict[str, Suggestions] = {}

    def unknown(
        self,
        subject: Subject,
        pointer: tuple[str | int, ...],
        kind: str,
        ref: str,
        candidates: Mapping[str, Any] | None = None,
    ) -> Iterator[Finding]:
        known = self.known[kind]
        if is_placeholder(ref):
            return
        if ref in known:
            yield from self.with_errors(subject, pointer, kind, ref)
            return
        if candidates is None:
            candidates = known
            if kind not in self._suggestions:
                self._suggestions[kind] = Suggestions(known)
            hint = self._suggestions[kind].hint(ref)
        else:
            hint = did_you_mean(ref, candidates)
        if not hint and len(candidates) <= 8:
            hint = f" Bekend: {', '.join(candidates) or 'geen'}."
        if kind == "stakeholder" and Subject("measure", ref) in self.project.documents:
            hint = f" '{ref}' is een maatregel, geen partner.{hint}"
        message = f"{_NOUN[kind]} '{ref}'.{hint}"
        yield self.project.finding(subject, pointer, "unknown-reference", Severity.ERROR, message)

    def with_errors(
        self, subject: Subject, pointer: tuple[str | int, ...], kind: str, ref: str
    ) -> Iterator[Finding]:
        """A note where a reference names an entity whose own file has input errors."""
        path = self.project.with_errors.get(Subject(kind, ref))
        if path is None or Subject(kind, ref) == subject:
            return
        message = (
            f"{_KIND[kind]} '{ref}' bestaat, maar {path} heeft invoerfouten; wat hiervan "
            "afhangt, wordt getoetst zodra dat bestand klopt"
        )
        yield self.project.finding(subject, pointer, DEPENDS_ON_ERROR, Severity.INFO, message)


def _domain_order(project: Project) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for domain in project.domains.values():
        if domain.order in first:
            message = (
                f"order {domain.order} is ook de volgorde van domein '{first[domain.order]}'; "
                "geef elk domein een eigen plek"
            )
            yield project.finding(
                Subject("domain", domain.id), ("order",), "schema", Severity.ERROR, message
            )
        first.setdefault(domain.order, domain.id)


def _entity_references(check: _Checker) -> Iterator[Finding]:
    project = check.project
    for kind in ("stakeholder", "instrument"):
        for subject, data in _raw(project, kind):
            for index, ref in _refs(data.get("domains")):
                yield from check.unknown(subject, ("domains", index), "domain", ref)
            if kind == "instrument":
                for key, ref in _refs(data.get("side_effects")):
                    yield from check.unknown(subject, ("side_effects", key), "domain", ref)


def _measure_references(check: _Checker) -> Iterator[Finding]:
    project = check.project
    bestuur = {k: v for k, v in project.stakeholders.items() if v.sector == "bestuur"}
    for subject, data in _raw(project, "measure"):
        owner = data.get("owner")
        if isinstance(owner, str):
            yield from check.unknown(subject, ("owner",), "stakeholder", owner, bestuur)
            partner = project.stakeholders.get(owner)
            if partner is not None and partner.sector != "bestuur":
                choices = ", ".join(bestuur) or "geen (voeg een partner met sector bestuur toe)"
                message = (
                    f"eigenaar '{owner}' is geen bestuurlijke partner (sector bestuur); "
                    f"kies uit: {choices}"
                )
                yield project.finding(
                    subject, ("owner",), "invalid-reference", Severity.ERROR, message
                )
        yield from _involvements(check, subject, data.get("stakeholders"))
        for index, ref in _refs(data.get("instruments")):
            yield from check.unknown(subject, ("instruments", index), "instrument", ref)
        for key, ref in _refs(data.get("effects")):
            yield from check.unknown(subject, ("effects", key), "domain", ref)


def _involvements(check: _Checker, subject: Subject, value: Any) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(value if isinstance(value, list) else []):
        ref = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ref, str):
            continue
        pointer = ("stakeholders", index, "id")
        yield from check.unknown(subject, pointer, "stakeholder", ref)
        if ref in seen:
            message = (
                f"partner '{ref}' staat twee keer bij deze maatregel; "
                "noem elke partner één keer, met één rol"
            )
            yield check.project.finding(
                subject, pointer, "invalid-reference", Severity.ERROR, message
            )
        seen.add(ref)


def _scenario_references(check: _Checker) -> Iterator[Finding]:
    """Each id in ``adopt`` a proposed measure, in ``stop`` one in force, and none twice."""
    project = check.project
    statuses = {
        measure_id: doc.data.get("status") if isinstance(doc.data, dict) else None
        for measure_id, doc in project.documents_of("measure").items()
    }
    wanted = {"adopt": ("proposed",), "stop": IN_FORCE}
    for subject, data in _raw(project, "scenario"):
        reserved = reserved_problem(subject.kind, subject.id)
        if reserved:
            yield project.finding(subject, (), "invalid-id", Severity.ERROR, reserved)
        seen: dict[str, str] = {}
        for field, statuses_wanted in wanted.items():
            for index, ref in _refs(data.get(field)):
                pointer = (field, index)
                if ref not in statuses:  # unknown, or a file that could not be read
                    yield from check.unknown(subject, pointer, "measure", ref)
                    continue
                yield from check.with_errors(subject, pointer, "measure", ref)
                status = statuses[ref]
                message = ""
                if ref in seen:
                    message = f"maatregel '{ref}' staat al onder {seen[ref]}; noem elke één keer"
                elif isinstance(status, str) and status not in statuses_wanted:
                    message = _status_message(field, ref, status)
                seen.setdefault(ref, field)
                if message:
                    yield project.finding(
                        subject, pointer, "invalid-reference", Severity.ERROR, message
                    )


def _status_message(field: str, ref: str, status: str) -> str:
    if field == "adopt":
        return (
            f"maatregel '{ref}' heeft status {status}; onder adopt staan alleen voorgestelde "
            "maatregelen (status proposed)"
        )
    return (
        f"maatregel '{ref}' heeft status {status}; onder stop staan alleen geldende maatregelen "
        f"(status {', '.join(IN_FORCE)})"
    )


def _acceptances(check: _Checker) -> Iterator[Finding]:
    """Who accepted must hold a portfolio; a domain or subject named must exist."""
    project = check.project
    bestuur = {k: v for k, v in project.stakeholders.items() if v.sector == "bestuur"}
    entries = [
        (subject, ("accepted", index), entry)
        for subject, data in _raw(project, "measure")
        for index, entry in _items(data.get("accepted"))
    ]
    config = project.documents.get(PORTFOLIO)
    if config is not None and isinstance(config.data, dict):
        entries += [
            (PORTFOLIO, ("accepted", index), entry)
            for index, entry in _items(config.data.get("accepted"))
        ]
    for subject, pointer, entry in entries:
        by = entry.get("by")
        if isinstance(by, str):
            yield from check.unknown(subject, (*pointer, "by"), "stakeholder", by, bestuur)
            partner = project.stakeholders.get(by)
            if partner is not None and partner.sector != "bestuur":
                message = (
                    f"'{by}' is geen bestuurlijke partner (sector bestuur); alleen het bestuur "
                    f"aanvaardt een bevinding. Kies uit: {', '.join(bestuur) or 'geen'}"
                )
                yield project.finding(
                    subject, (*pointer, "by"), "invalid-reference", Severity.ERROR, message
                )
        domain = entry.get("domain")
        if isinstance(domain, str):
            yield from check.unknown(subject, (*pointer, "domain"), "domain", domain)
        named = entry.get("subject")
        if isinstance(named, str):
            yield from _named_subject(check, subject, (*pointer, "subject"), named)


def _framework_measures(check: _Checker) -> Iterator[Finding]:
    """The measures a governance point names must exist."""
    config = check.project.documents.get(PORTFOLIO)
    if config is None or not isinstance(config.data, dict):
        return
    framework = config.data.get("framework")
    points = framework.get("governance_points") if isinstance(framework, dict) else None
    for index, point in _items(points):
        for position, ref in _refs(point.get("measures")):
            pointer = ("framework", "governance_points", index, "measures", position)
            yield from check.unknown(PORTFOLIO, pointer, "measure", ref)


def _interactions(check: _Checker) -> Iterator[Finding]:
    """Each interaction joins two known domains that differ, and no ordered pair comes twice."""
    project = check.project
    doc = project.documents.get(INTERACTIONS)
    if doc is None or not isinstance(doc.data, dict):
        return
    first: dict[tuple[str, str], int] = {}
    for index, entry in _items(doc.data.get("interactions")):
        pointer = ("interactions", index)
        ends = (entry.get("from"), entry.get("to"))
        for key, ref in zip(("from", "to"), ends, strict=True):
            if isinstance(ref, str):
                yield from check.unknown(INTERACTIONS, (*pointer, key), "domain", ref)
        source, target = ends
        if not isinstance(source, str) or not isinstance(target, str):
            continue
        if is_placeholder(source) or is_placeholder(target):
            continue
        if source == target:
            message = (
                f"from en to zijn allebei '{source}': een interactie gaat van een domein naar "
                "een ander domein; kies bij to een ander domein, of verwijder deze interactie"
            )
            yield project.finding(
                INTERACTIONS, (*pointer, "to"), "invalid-reference", Severity.ERROR, message
            )
            continue
        if (source, target) in first:
            line = doc.mark(("interactions", first[(source, target)])).line
            message = (
                f"de interactie van '{source}' naar '{target}' staat al op regel {line}; "
                "noem elk paar één keer, met één score"
            )
            yield project.finding(
                INTERACTIONS, pointer, "invalid-reference", Severity.ERROR, message
            )
        first.setdefault((source, target), index)


def _named_subject(
    check: _Checker, subject: Subject, pointer: tuple[str | int, ...], named: str
) -> Iterator[Finding]:
    target = Subject.parse(named)
    if target == PORTFOLIO:
        return
    if target.kind not in ("domain", "stakeholder", "instrument") or not target.id:
        message = (
            f"onderwerp '{named}' is onbekend; schrijf domain:ID, stakeholder:ID, "
            "instrument:ID of portfolio"
        )
        yield check.project.finding(subject, pointer, "schema", Severity.ERROR, message)
        return
    yield from check.unknown(subject, pointer, target.kind, target.id)


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))
