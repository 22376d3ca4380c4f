"""Cross-references between entities: every id named must exist and fit.

The checks read the parsed data rather than the validated models, so that a
file with a schema error still gets its broken references reported in the
same run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .findings import Finding, Severity
from .placeholders import is_placeholder
from .suggest import Suggestions, did_you_mean

if TYPE_CHECKING:
    from .project import Project

_NOUN = {
    "domain": "onbekend domein",
    "stakeholder": "onbekende partner",
    "instrument": "onbekend instrument",
}


def check_references(project: Project) -> list[Finding]:
    return [*_domain_order(project), *_entity_references(project), *_measure_references(project)]


def _raw(project: Project, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for subject, doc in project.documents.items():
        if subject.startswith(prefix) and isinstance(doc.data, dict):
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
        self.known: dict[str, Mapping[str, Any]] = {
            "domain": project.documents_of("domain"),
            "stakeholder": project.documents_of("stakeholder"),
            "instrument": project.documents_of("instrument"),
        }
        self._suggestions: dict[str, Suggestions] = {}

    def unknown(
        self,
        subject: str,
        pointer: tuple[str | int, ...],
        kind: str,
        ref: str,
        candidates: Mapping[str, Any] | None = None,
    ) -> Iterator[Finding]:
        known = self.known[kind]
        if ref in known or is_placeholder(ref):
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
        if kind == "stakeholder" and f"measure:{ref}" in self.project.documents:
            hint = f" '{ref}' is een maatregel, geen partner.{hint}"
        message = f"{_NOUN[kind]} '{ref}'.{hint}"
        yield self.project.finding(subject, pointer, "unknown-reference", Severity.ERROR, message)


def _domain_order(project: Project) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for domain in project.domains.values():
        if domain.order in first:
            message = (
                f"order {domain.order} is ook de volgorde van domein '{first[domain.order]}'; "
                "geef elk domein een eigen plek"
            )
            yield project.finding(
                f"domain:{domain.id}", ("order",), "schema", Severity.ERROR, message
            )
        first.setdefault(domain.order, domain.id)


def _entity_references(project: Project) -> Iterator[Finding]:
    check = _Checker(project)
    for prefix in ("stakeholder:", "instrument:"):
        for subject, data in _raw(project, prefix):
            for index, ref in _refs(data.get("domains")):
                yield from check.unknown(subject, ("domains", index), "domain", ref)
            if prefix == "instrument:":
                for key, ref in _refs(data.get("side_effects")):
                    yield from check.unknown(subject, ("side_effects", key), "domain", ref)


def _measure_references(project: Project) -> Iterator[Finding]:
    check = _Checker(project)
    bestuur = {k: v for k, v in project.stakeholders.items() if v.sector == "bestuur"}
    for subject, data in _raw(project, "measure:"):
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


def _involvements(check: _Checker, subject: str, value: Any) -> Iterator[Finding]:
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
