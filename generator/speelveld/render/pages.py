"""The site as Markdown pages: a pure function of the analysed project.

No page needs a MkDocs hook: charts are a ``<div>`` with their figure as JSON
beside it, drawn by ``speelveld.js``; links are relative Markdown links.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..analysis import Report
from ..codes import INPUT_CODES, CodeInfo
from ..coverage import summarise
from ..findings import Finding, Severity
from ..model import Measure
from ..rules import REGISTRY
from . import environment, figures, text
from .paths import FOLDERS, page_path, relative
from .publication import Changes, public
from .vocabulary import STATUS


@dataclass(frozen=True, slots=True)
class SiteOptions:
    title: str = "Speelveld"
    #: Include measures marked ``visibility: internal`` (an internal build).
    internal: bool = False


class _Pages:
    def __init__(self, report: Report, options: SiteOptions, changes: Changes) -> None:
        self.report = report
        self.options = options
        self.changes = changes
        self.project = report.project
        self.env = environment.build()
        self.counted = [m for m in self.project.measures.values() if m.counted]
        #: Whether police hours are part of this project at all (capacity-exceeded can apply).
        self.police_hours = self.project.config.police_hours_available is not None or any(
            m.capacity is not None for m in self.project.measures.values()
        )
        self.by_subject: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            self.by_subject[finding.subject].append(finding)

    def render(self, template: str, path: str, title: str, **context: Any) -> str:
        """``template`` rendered as page ``path``, with ``title`` as its front matter."""
        return text.front_matter(title) + self._body(template, path, title=title, **context)

    def _body(self, template: str, path: str, **context: Any) -> str:
        def link(folder: str, entity_id: str) -> str:
            return relative(path, page_path(folder, entity_id))

        def rule_link(code: str) -> str:
            anchor = code if code in REGISTRY else "invoerfouten"
            return relative(path, f"methode.md#{anchor}")

        def name_of(entities: dict[str, Any]) -> Callable[[str], str]:
            return lambda entity_id: getattr(entities.get(entity_id), "name", entity_id)

        project = self.project
        domain_name = name_of(project.domains)
        defaults: dict[str, Any] = {
            "domains": list(project.domains.values()),
            "stakeholders": list(project.stakeholders.values()),
            "instruments": list(project.instruments.values()),
        }
        return self.env.get_template(template).render(
            **(defaults | context),
            link=link,
            rule_link=rule_link,
            domain_name=domain_name,
            stakeholder_name=name_of(project.stakeholders),
            instrument_name=name_of(project.instruments),
            uses=lambda use, entity_id: len(use.get(entity_id, [])),
            percent=lambda part, whole: f"{part / whole:.0%}" if whole else "—",
            coverage=self.report.coverage,
            config=project.config,
            police_hours=self.police_hours,
        )

    def all(self) -> dict[str, str]:
        env = self.env
        env.filters["domain_names"] = lambda ids: ", ".join(
            text.inline(getattr(self.project.domains.get(d), "short", d)) for d in ids
        )
        pages = {
            "index.md": self.home(),
            "speelveld.md": self.render(
                "speelveld.md.jinja",
                "speelveld.md",
                "Speelveld",
                figure=figures.speelveld(self.report),
            ),
            "matrix.md": self.matrix(),
            "rapport.md": self.rapport(),
            "methode.md": self.render(
                "methode.md.jinja",
                "methode.md",
                "Methode",
                rules=[r for r in REGISTRY.values() if self.police_hours or r.id != CAPACITY],
                input_codes=list(INPUT_CODES.values()),
            ),
            "domeinen/index.md": self.render(
                "domains_index.md.jinja", "domeinen/index.md", "Domeinen"
            ),
            "maatregelen/index.md": self.measures_index(),
            "wijzigingen.md": self.render(
                "wijzigingen.md.jinja",
                "wijzigingen.md",
                "Wijzigingen",
                diff=self.changes.comparison,
                note=self.changes.note,
            ),
        }
        pages.update(self.members_index("partners"))
        pages.update(self.members_index("instrumenten"))
        for domain in self.project.domains:
            pages[page_path("domeinen", domain)] = self.domain(domain)
        for kind, entities in (
            ("partners", self.project.stakeholders),
            ("instrumenten", self.project.instruments),
        ):
            for entity in entities.values():
                pages[page_path(kind, entity.id)] = self.member(kind, entity)
        for measure in self.project.measures.values():
            pages[page_path("maatregelen", measure.id)] = self.measure(measure)
        return pages

    def home(self) -> str:
        counts: Counter[str] = Counter(m.status for m in self.project.measures.values())
        important = [f for f in self.report.findings if f.severity >= Severity.WARNING]
        shown = sorted(important, key=lambda f: -f.severity)
        errors = sum(f.severity is Severity.ERROR for f in shown)
        shown = shown[: max(errors, HOME_FINDINGS)]
        return self.render(
            "index.md.jinja",
            "index.md",
            "Home",  # the theme adds the site name to the browser title itself
            heading=self.options.title,
            measures=list(self.project.measures.values()),
            status_counts=[(s, counts[s]) for s in STATUS if counts[s]],
            figure=figures.speelveld(self.report),
            open_findings=[self.finding_view(f, "index.md") for f in shown],
            open_more=len(important) - len(shown),
            open_errors=errors,
            open_warnings=len(important) - errors,
        )

    def matrix(self) -> str:
        ids = [m.id for m in self.counted]
        return self.render(
            "matrix.md.jinja",
            "matrix.md",
            "Matrix",
            measures=self.counted,
            figure=figures.matrix(self.report, ids),
            row_sum=lambda m: sum(
                e.score for d, e in m.effects.items() if d in self.project.domains
            ),
        )

    def rapport(self) -> str:
        levels = []
        for level in sorted(Severity, reverse=True):
            groups: dict[str, list[Any]] = defaultdict(list)
            for finding in self.report.findings:
                if finding.severity == level:
                    groups[finding.code].append(self.subject_view(finding, "rapport.md"))
            if groups:
                levels.append((level.label, [(self.info(c), fs) for c, fs in groups.items()]))
        use = self.report.coverage
        in_force = {m: v for m, v in self.project.measures.items() if v.status in IN_FORCE}
        return self.render(
            "rapport.md.jinja",
            "rapport.md",
            "Rapport",
            measures=self.counted,
            in_force=len(in_force),
            in_force_coverage=summarise(replace(self.project, measures=in_force)).domains,
            findings_by_level=levels,
            idle_partners=[
                s for s in self.project.stakeholders.values() if not use.stakeholder_use.get(s.id)
            ],
            idle_instruments=[
                i for i in self.project.instruments.values() if not use.instrument_use.get(i.id)
            ],
        )

    def info(self, code: str) -> CodeInfo:
        rule = REGISTRY.get(code)
        if rule is None:
            return INPUT_CODES[code]
        return CodeInfo(rule.id, rule.level, rule.summary, rule.remedy)

    def entity(self, kind: str, entity_id: str) -> Any:
        """The entity a subject such as ``domain:x`` names, or ``None``."""
        project = self.project
        tables: dict[str, dict[str, Any]] = {
            "domain": project.domains,
            "stakeholder": project.stakeholders,
            "instrument": project.instruments,
            "measure": project.measures,
        }
        return tables.get(kind, {}).get(entity_id)

    def subject_view(self, finding: Finding, current: str) -> dict[str, str]:
        kind, _, entity_id = finding.subject.partition(":")
        entity = self.entity(kind, entity_id)
        if entity is None:
            return {"message": finding.message, "subject_link": "", "subject_name": ""}
        return {
            "message": finding.message,
            "subject_link": relative(current, page_path(FOLDERS[kind], entity_id)),
            "subject_name": str(getattr(entity, "name", None) or entity.title),
        }

    def finding_view(self, finding: Finding, current: str) -> dict[str, str]:
        """A finding for readers: its level, what it concerns, the rule's summary, a link."""
        anchor = finding.code if finding.code in REGISTRY else "invoerfouten"
        return self.subject_view(finding, current) | {
            "level": finding.severity.label,
            "summary": self.info(finding.code).summary,
            "rule_link": relative(current, f"methode.md#{anchor}"),
        }

    def domain(self, domain_id: str) -> str:
        path = page_path("domeinen", domain_id)
        scored = [(m, m.effects[domain_id]) for m in self.counted if domain_id in m.effects]
        return self.render(
            "domain.md.jinja",
            path,
            self.project.domains[domain_id].name,
            domain=self.project.domains[domain_id],
            entity=self.project.domains[domain_id],
            serving=sorted([p for p in scored if p[1].score > 0], key=lambda p: -p[1].score),
            harming=sorted([p for p in scored if p[1].score < 0], key=lambda p: p[1].score),
            partners=[s for s in self.project.stakeholders.values() if domain_id in s.domains],
            domain_instruments=[
                i for i in self.project.instruments.values() if domain_id in i.domains
            ],
            findings=self.by_subject[f"domain:{domain_id}"],
        )

    def member(self, kind: str, entity: Any) -> str:
        singular = "stakeholder" if kind == "partners" else "instrument"
        coverage = self.report.coverage
        use = coverage.stakeholder_use if kind == "partners" else coverage.instrument_use
        measures = []
        for measure_id in use.get(entity.id, []):
            measure = self.project.measures[measure_id]
            if kind == "partners":
                roles: list[str] = [i.role for i in measure.stakeholders if i.id == entity.id]
                if measure.owner == entity.id:
                    roles.insert(0, "owner")
                measures.append((measure, ", ".join(_ROLE[r] for r in roles)))
            else:
                measures.append((measure, STATUS[measure.status]))
        return self.render(
            "member.md.jinja",
            page_path(kind, entity.id),
            entity.name,
            kind=kind,
            entity=entity,
            measures=measures,
            findings=self.by_subject[f"{singular}:{entity.id}"],
        )

    def members_index(self, kind: str) -> dict[str, str]:
        partners = kind == "partners"
        path = f"{kind}/index.md"
        content = self.render(
            "members_index.md.jinja",
            path,
            "Partners" if partners else "Instrumenten",
            kind=kind,
            noun="Partner" if partners else "Instrument",
            intro=(
                "De partners in de middelste ring van het speelveld."
                if partners
                else "De instrumenten in de buitenste ring van het speelveld."
            ),
            entities=list(
                (self.project.stakeholders if partners else self.project.instruments).values()
            ),
            use=(
                self.report.coverage.stakeholder_use
                if partners
                else self.report.coverage.instrument_use
            ),
        )
        return {path: content}

    def measures_index(self) -> str:
        measures = list(self.project.measures.values())
        return self.render(
            "measures_index.md.jinja",
            "maatregelen/index.md",
            "Maatregelen",
            measures=measures,
            internal_build=self.options.internal,
            by_status=[
                (s, [m for m in measures if m.status == s])
                for s in STATUS
                if any(m.status == s for m in measures)
            ],
        )

    def measure(self, measure: Measure) -> str:
        return self.render(
            "measure.md.jinja",
            page_path("maatregelen", measure.id),
            measure.title,
            measure=measure,
            figure=figures.effect_profile(self.report, measure.id),
            findings=self.by_subject[f"measure:{measure.id}"],
        )


#: The rule that needs police hours; without them its explanation is left out.
CAPACITY = "capacity-exceeded"

#: Warnings shown on the home page beside every error; the rapport lists them all.
HOME_FINDINGS = 5

#: The statuses of policy that is in force today, as against proposals.
IN_FORCE = ("adopted", "running", "evaluated")

_ROLE = {"owner": "eigenaar", "lead": "trekker", "partner": "partner", "informed": "geïnformeerd"}


def render_pages(
    report: Report, options: SiteOptions, changes: Changes | None = None
) -> dict[str, str]:
    """Every generated page by its path under the docs folder."""
    shown = report if options.internal else public(report)
    return _Pages(shown, options, changes or Changes()).all()
