"""The site as Markdown pages: a pure function of the report.

No page needs a MkDocs hook: charts are a ``<div>`` with their figure as JSON
beside it, drawn by ``speelveld.js``; links are relative Markdown links. Nothing here
loads, analyses or compares: the report holds all of it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .. import codes, words
from ..catalogue import CATALOGUE, OPTIONS
from ..codes import INPUT_CODES, CodeInfo
from ..findings import Assumption, Finding, Severity, Subject
from ..interactions import Indirect, incoming, indirect_effects, positions
from ..kinds import BY_NAME, KINDS, RINGS, Kind
from ..model import (
    IN_FORCE_PORTFOLIO,
    PLAN_PORTFOLIO,
    Domain,
    Effect,
    Instrument,
    Measure,
    Scenario,
    Stakeholder,
)
from ..report import Portfolio, Report
from . import decisions, environment, figures, horizons, text, vocabulary, whatif
from .paths import entity_page, index_page, relative
from .vocabulary import STATUS

#: What the Wijzigingen page says when no earlier version is configured.
NO_COMPARISON = "Er is geen eerdere versie ingesteld om mee te vergelijken."


@dataclass(frozen=True, slots=True)
class SiteOptions:
    title: str = "Speelveld"
    #: Which version of the data the site shows: a commit, a date; printed on the Rapport.
    version: str = ""


class _Pages:
    def __init__(self, report: Report, options: SiteOptions) -> None:
        self.report = report
        self.options = options
        self.project = report.project
        self.env = environment.build()
        self.env.filters["domain_names"] = lambda ids: ", ".join(
            text.inline(getattr(self.project.domains.get(d), "short", d)) for d in ids
        )
        self.counted = [m for m in self.project.measures.values() if m.counted]
        #: Whether police hours are part of this project at all (capacity-exceeded can apply).
        self.police_hours = self.project.config.threshold(POLICE_HOURS) is not None or any(
            m.capacity is not None for m in self.project.measures.values()
        )
        #: The rules that judge this project: on, with every setting they need.
        self.tested = [r.id for r in CATALOGUE.values() if self.project.config.judges(r)]
        #: What the pages show by default: the plan's findings and those of single measures.
        self.shown = report.selected("plan")
        #: Per domain, the domains that work through in it: a measure's indirect effects.
        self.into = incoming(self.project.interaction_scores)
        self.by_subject: dict[Subject, list[Finding]] = defaultdict(list)
        for finding in self.shown:
            self.by_subject[finding.subject].append(finding)

    def render(
        self, template: str, path: str, title: str, hide: tuple[str, ...] = (), **context: Any
    ) -> str:
        """``template`` rendered as page ``path``, with ``title`` (and the parts of the theme's
        page to ``hide``) as its front matter."""
        front = text.front_matter(title, hide)
        return front + self._body(template, path, title=title, **context)

    def _body(self, template: str, path: str, **context: Any) -> str:
        def link(kind: str, entity_id: str) -> str:
            return relative(path, entity_page(kind, entity_id))

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
            index_link=lambda kind: relative(path, index_page(kind)),
            page=lambda target: relative(path, target),
            kinds=BY_NAME,
            ring_kinds=RINGS,
            rule_link=lambda code: self.rule_link(code, path),
            rule_title=lambda code: self.info(code).summary.rstrip("."),
            portfolio_title=lambda portfolio: self.report.portfolios[portfolio].title,
            domain_name=domain_name,
            stakeholder_name=name_of(project.stakeholders),
            instrument_name=name_of(project.instruments),
            uses=lambda use, entity_id: len(use.get(entity_id, [])),
            assumed=lambda finding: self.assumed(finding.rests_on),
            origin=self.origin,
            percent=self.percent,
            coverage=self.report.coverage,
            config=project.config,
            police_hours=self.police_hours,
        )

    def all(self) -> dict[str, str]:
        rings = figures.speelveld(self.report)
        pages = {
            "index.md": self.home(rings),
            "speelveld.md": self.render(
                "speelveld.md.jinja", "speelveld.md", "Speelveld", figure=rings
            ),
            "wat-als.md": self.render(
                "wat-als.md.jinja",
                "wat-als.md",
                "Wat als",
                hide=("toc",),
                data=whatif.data(self.report),
                figure=rings,
            ),
            "matrix.md": self.matrix(),
            "rapport.md": self.rapport(),
            "methode.md": self.render(
                "methode.md.jinja",
                "methode.md",
                "Methode",
                rules=[r for r in CATALOGUE.values() if self.police_hours or r.id != CAPACITY],
                input_codes=list(INPUT_CODES.values()),
                thresholds=self.thresholds(),
                agreement=self.report.agreement,
            ),
            "begrippen.md": self.render(
                "begrippen.md.jinja",
                "begrippen.md",
                "Begrippen",
                has_scenarios=bool(self.project.scenarios),
                has_interactions=bool(self.project.interactions),
            ),
            "wijzigingen.md": self.render(
                "wijzigingen.md.jinja",
                "wijzigingen.md",
                "Wijzigingen",
                diff=(
                    self.report.comparison.of_portfolio("plan") if self.report.comparison else None
                ),
                note=self.report.comparison_note or NO_COMPARISON,
            ),
        }
        for kind in KINDS:
            if kind.index_template is not None:
                pages[index_page(kind.name)] = self.index(kind)
        for kind in KINDS:
            for entity in self.project.entities(kind.name).values():
                pages[entity_page(kind.name, entity.id)] = self.entity(kind, entity)
        return pages

    def entity(self, kind: Kind, entity: Any) -> str:
        """The page of one entity: its kind's template with the entity and its findings,
        and what :data:`ENTITY_VIEWS` adds for the kind."""
        path = entity_page(kind.name, entity.id)
        subject = Subject(kind.name, entity.id)
        view = ENTITY_VIEWS.get(kind.name)
        return self.render(
            kind.template,
            path,
            self.project.name_of(subject),
            kind=kind,
            entity=entity,
            findings=self.by_subject[subject],
            **(view(self, entity, path) if view else {}),
        )

    def index(self, kind: Kind) -> str:
        """The index page of a kind: its template with all its entities, and what
        :data:`INDEX_VIEWS` adds for the kind."""
        assert kind.index_template is not None
        view = INDEX_VIEWS.get(kind.name)
        return self.render(
            kind.index_template,
            index_page(kind.name),
            kind.title,
            kind=kind,
            entities=list(self.project.entities(kind.name).values()),
            **(view(self, kind) if view else {}),
        )

    def home(self, rings: dict[str, Any]) -> str:
        counts: Counter[str] = Counter(m.status for m in self.project.measures.values())
        return self.render(
            "index.md.jinja",
            "index.md",
            "Home",  # the theme adds the site name to the browser title itself
            heading=self.options.title,
            measures=list(self.project.measures.values()),
            status_counts=[(s, counts[s]) for s in STATUS if counts[s]],
            figure=rings,
            summary=self.summary("index.md"),
        )

    @property
    def portfolios(self) -> list[Portfolio]:
        return list(self.report.portfolios.values())

    def portfolio_link(self, portfolio: Portfolio, current: str) -> str:
        if portfolio.id in self.project.scenarios:
            return relative(current, entity_page("scenario", portfolio.id))
        return relative(current, f"rapport.md#{RAPPORT_SECTIONS[portfolio.id]}")

    def summary(self, current: str) -> dict[str, Any]:
        """ "In het kort": what the policy in force misses, each option, what is left to decide.

        Every part comes from the report (:mod:`speelveld.render.decisions`); the order of
        problems is the order of the findings, never a ranking by level.
        """
        report = self.report
        in_force = decisions.in_force(report)
        open_ = decisions.problems(in_force)
        points = decisions.point_checks(report, self.tested)
        in_points = {f for point in points for f in point.findings}
        about_domains = [f for f in open_.values() if f.subject.kind == "domain"]
        return {
            "in_force": self.portfolio_view(in_force, current),
            "troubled": [
                {
                    "title": self.project.measures[m].title,
                    "link": relative(current, entity_page("measure", m)),
                }
                for m in decisions.troubled_measures(report, in_force)
            ],
            "served": [
                (self.project.domains[d], cover.positive)
                for d, cover in in_force.coverage.domains.items()
                if cover.positive
            ],
            "gaps": [self.finding_view(f, current) for f in about_domains],
            "points": [
                {
                    "check": point,
                    "findings": [self.finding_view(f, current) for f in point.findings],
                    "titles": [self.title(code).lower() for code in point.rules],
                    "measures": [
                        {
                            "title": self.project.measures[m].title,
                            "link": relative(current, entity_page("measure", m)),
                            "status": STATUS[self.project.measures[m].status].lower(),
                        }
                        for m in point.measures
                        if m in self.project.measures
                    ],
                }
                for point in points
            ],
            "rest": [
                self.finding_view(f, current)
                for f in open_.values()
                if f.subject.kind != "domain" and f not in in_points
            ],
            "options": [
                self.option_view(decisions.change(report, in_force, option), current)
                for option in decisions.options(report)
            ],
            "verdicts": [
                {
                    "finding": self.finding_view(v.finding, current),
                    "solved_by": [self.option_link(o, current) for o in v.solved_by],
                    "kept_by": [self.option_link(o, current) for o in v.kept_by],
                }
                for v in decisions.verdicts(report)
            ],
            "unsolved": [
                self.finding_view(f, current)
                for f in decisions.unsolved(report)
                if decisions.problem_key(f) not in open_
            ],
            "expiring": [self.accepted_view(f, current) for f in decisions.expiring(report)],
        }

    def option_link(self, portfolio: Portfolio, current: str) -> dict[str, str]:
        return {"title": portfolio.title, "link": self.portfolio_link(portfolio, current)}

    def option_view(self, change: decisions.Change, current: str) -> dict[str, Any]:
        """One option against another: the measures it adds and stops, the problems it
        solves, keeps and brings."""

        def measures(chosen: Iterable[Measure]) -> list[dict[str, str]]:
            return [
                {"title": m.title, "link": relative(current, entity_page("measure", m.id))}
                for m in chosen
            ]

        return {
            "portfolio": change.after,
            "link": self.portfolio_link(change.after, current),
            "count": len(change.after.measures),
            "adds": measures(change.adds),
            "stops": measures(m for m in change.stops if m.in_force),
            "leaves": measures(m for m in change.stops if not m.in_force),
            "solved": [self.solved_view(f, change.after, current) for f in change.solved],
            "kept": [self.finding_view(f, current) for f in change.kept],
            "new": [self.finding_view(f, current) for f in change.new],
            "notes": change.notes,
            "troubled": change.troubled,
            "accepted": sum(not f.counts for f in self.report.findings_of(change.after)),
        }

    def thresholds(self) -> list[dict[str, Any]]:
        """Every threshold of a rule that judges this project, with where it comes from."""
        config = self.project.config
        found = []
        for rule in CATALOGUE.values():
            if rule.id not in self.tested:
                continue
            for option in rule.options:
                setting = option.name
                value = config.threshold(setting)
                found.append(
                    {
                        "setting": setting,
                        "label": option.description.split(";")[0].rstrip("."),
                        "value": words.percent(value) if isinstance(value, float) else value,
                        "rule": rule,
                        "origin": self.origin(setting),
                    }
                )
        return found

    def origin(self, setting: str) -> str:
        """Where a threshold comes from: the project's source, the project, or Speelveld."""
        config = self.project.config
        if setting in config.threshold_sources:
            return config.threshold_sources[setting]
        _, option = OPTIONS[setting]
        return DEFAULT_THRESHOLD if config.threshold(setting) == option.default else OWN_THRESHOLD

    def solved_view(self, finding: Finding, after: Portfolio, current: str) -> dict[str, Any]:
        """A problem an option solves; if only as long as an assumed score holds, it says so."""
        view = self.finding_view(finding, current)
        fragile = after.fragile.get(decisions.problem_key(finding), ())
        if not fragile:
            return view | {"label": view["plain_label"]}
        return view | {
            "label": f"{view['plain_label']} (opgelost zolang een aanname klopt)",
            "assumed": self.assumed(fragile),
        }

    def matrix(self) -> str:
        ids = [m.id for m in self.counted]
        interacting = bool(self.project.interactions)
        return self.render(
            "matrix.md.jinja",
            "matrix.md",
            "Matrix",
            measures=self.counted,
            figure=figures.matrix(self.report, ids),
            row_sum=lambda m: sum(
                e.score for d, e in m.effects.items() if d in self.project.domains
            ),
            interactions=list(self.project.interactions.values()),
            scores=self.project.interaction_scores,
            interaction_figure=figures.interaction_matrix(self.report) if interacting else None,
            influence_figure=figures.influence(self.report) if interacting else None,
            positions=positions(self.project.interaction_scores, self.project.domains),
        )

    def rapport(self) -> str:
        report = self.report
        in_force, plan = report.portfolios[IN_FORCE_PORTFOLIO], report.plan
        return self.render(
            "rapport.md.jinja",
            "rapport.md",
            "Rapport",
            version=self.options.version,
            today=report.today,
            summary=self.summary("rapport.md"),
            measures=self.counted,
            in_force=self.portfolio_view(in_force, "rapport.md"),
            in_force_measures=report.measures_of(in_force),
            most_served=self.most_served(in_force),
            plan=self.portfolio_view(plan, "rapport.md"),
            proposals=[m for m in self.counted if m.status == "proposed"],
            changes=self.changes(in_force, plan, "rapport.md"),
            views=[self.portfolio_view(p, "rapport.md") for p in self.portfolios],
            options_figure=figures.options(report),
            horizons=[self.horizon_view(o, "rapport.md") for o in horizons.options(report)],
            horizons_assessed=horizons.assessed(report),
            quadrants=horizons.QUADRANT_NAMES,
            has_scenarios=bool(self.project.scenarios),
            findings_by_level=self.by_level(self.shown, "rapport.md"),
            accepted=[self.accepted_view(f, "rapport.md") for f in report.findings if not f.counts],
            idle_partners=[
                s
                for s in self.project.stakeholders.values()
                if not plan.coverage.stakeholder_use.get(s.id)
            ],
            idle_instruments=[
                i
                for i in self.project.instruments.values()
                if not plan.coverage.instrument_use.get(i.id)
            ],
        )

    def horizon_view(self, option: horizons.Option, current: str) -> dict[str, Any]:
        """One option's row of "Hier en nu, later, elders", and who bears its costs."""
        return {
            "option": option,
            "link": self.portfolio_link(option.portfolio, current),
            "cells": [
                f"{vocabulary.signed(option.cells[q].positive)} / "
                f"{vocabulary.signed(option.cells[q].negative)}"
                for q in horizons.QUADRANTS
            ],
            "bearers": [
                {
                    "group": group,
                    "effects": [
                        {
                            "title": b.measure.title,
                            "link": relative(current, entity_page("measure", b.measure.id)),
                            "domain": self.project.domains[b.domain].short,
                        }
                        for b in found
                    ],
                }
                for group, found in option.bearers.items()
            ],
        }

    def most_served(self, portfolio: Portfolio) -> dict[str, Any] | None:
        """The domain a portfolio serves most, by points of positive effect, and by which
        measures; ``None`` when it serves none."""
        domains = portfolio.coverage.domains
        total = sum(cover.positive_sum for cover in domains.values())
        if not total:
            return None
        top = max(domains.values(), key=lambda cover: cover.positive_sum)
        measures = self.report.measures_of(portfolio)
        return {
            "domain": self.project.domains[top.domain],
            "points": top.positive_sum,
            "total": total,
            "by": [
                (m, m.effects[top.domain].score)
                for m in measures
                if top.domain in m.effects and m.effects[top.domain].score > 0
            ],
        }

    def scenario_view(self, scenario: Scenario, path: str) -> dict[str, Any]:
        portfolio = self.report.portfolios[scenario.id]
        measures = self.project.measures
        return {
            "scenario": scenario,
            "view": self.portfolio_view(portfolio, path),
            "adopted": [measures[m] for m in scenario.adopt if m in measures],
            "stopped": [measures[m] for m in scenario.stop if m in measures],
            "changes": self.changes(self.report.portfolios[IN_FORCE_PORTFOLIO], portfolio, path),
            "beside_plan": self.scenario_beside_plan(portfolio, path),
        }

    def scenario_beside_plan(self, portfolio: Portfolio, path: str) -> dict[str, Any]:
        """A scenario against the plan, its extra problems told apart: those it keeps open
        where the plan solves them, and those it brings."""
        change = decisions.change(self.report, self.report.plan, portfolio)
        kept_open = decisions.already_open(self.report, change.new)
        return self.option_view(change, path) | {
            "kept_open": [self.finding_view(f, path) for f in kept_open],
            "brings": [self.finding_view(f, path) for f in change.new if f not in kept_open],
        }

    def portfolio_view(self, portfolio: Portfolio, current: str) -> dict[str, Any]:
        """A portfolio as the Rapport and the scenario pages show it."""
        coverage = portfolio.coverage
        count = len(portfolio.measures)
        findings = self.report.findings_of(portfolio)
        open_ = [f for f in findings if f.counts]
        return {
            "portfolio": portfolio,
            "link": self.portfolio_link(portfolio, current),
            "count": count,
            "coverage": coverage,
            "points": sum(c.positive_sum for c in coverage.domains.values()),
            "governance": {
                kind: (coverage.governance[kind], self.percent(coverage.governance[kind], count))
                for kind in ("hierarchical", "network", "mixed")
            },
            "owners": [
                (owner, number, self.percent(number, count))
                for owner, number in coverage.owners.most_common()
            ],
            "levels": Counter(f.severity.label for f in open_),
            "accepted": len(findings) - len(open_),
            "problem_domains": [
                self.project.domains[f.subject.id]
                for f in open_
                if f.subject.kind == "domain"
                and f.severity >= Severity.WARNING
                and f.subject.id in self.project.domains
            ],
            "findings_by_level": self.by_level(open_, current),
        }

    def changes(self, before: Portfolio, after: Portfolio, current: str) -> dict[str, Any]:
        """What going from one portfolio to another solves, leaves and brings."""

        def key(finding: Finding) -> tuple[str, Subject, str, str]:
            return (finding.code, finding.subject, finding.path, finding.pointer)

        old = {key(f): f for f in self.report.findings_of(before) if f.counts}
        new = {key(f): f for f in self.report.findings_of(after) if f.counts}
        groups = {
            "solved": [f for k, f in old.items() if k not in new],
            "remaining": [f for k, f in new.items() if k in old],
            "introduced": [f for k, f in new.items() if k not in old],
        }
        # Errors and warnings one by one; the many notes (who takes no part) as a number.
        return {
            **{
                name: [self.finding_view(f, current) for f in found if f.severity > Severity.INFO]
                for name, found in groups.items()
            },
            "notes": {
                name: sum(f.severity is Severity.INFO for f in found)
                for name, found in groups.items()
            },
            "domains": [
                (d, before.coverage.domains[d.id], after.coverage.domains[d.id])
                for d in self.project.domains.values()
            ],
            "points": (
                sum(c.positive_sum for c in before.coverage.domains.values()),
                sum(c.positive_sum for c in after.coverage.domains.values()),
            ),
        }

    def by_level(
        self, findings: Iterable[Finding], current: str
    ) -> list[tuple[str, list[dict[str, Any]]]]:
        """Findings grouped by level (errors first), then by rule: the rule's explanation,
        its findings, and whether they are one list of names (see ``Rule.listed``)."""
        levels = []
        findings = list(findings)
        for level in sorted(Severity, reverse=True):
            groups: dict[str, list[dict[str, str]]] = defaultdict(list)
            for finding in findings:
                if finding.severity == level and finding.counts:
                    groups[finding.code].append(self.subject_view(finding, current))
            if groups:
                levels.append(
                    (
                        level.label,
                        [
                            {"info": self.info(c), "findings": fs, "listed": self.listed(c)}
                            for c, fs in groups.items()
                        ],
                    )
                )
        return levels

    def accepted_view(self, finding: Finding, current: str) -> dict[str, Any]:
        assert finding.accepted is not None
        return self.finding_view(finding, current) | {
            "decision": finding.accepted,
            "by_name": self.project.name_of(Subject("stakeholder", finding.accepted.by)),
            "by_link": relative(current, entity_page("stakeholder", finding.accepted.by)),
            "portfolio_title": (
                self.report.portfolios[finding.portfolio].title if finding.portfolio else ""
            ),
        }

    @staticmethod
    def percent(part: int, whole: int) -> str:
        return f"{part / whole:.0%}" if whole else "—"

    @staticmethod
    def rule_link(code: str, current: str) -> str:
        """The explanation of a rule on the Methode page; input errors share one section."""
        return relative(current, f"methode.md#{code if code in CATALOGUE else 'invoerfouten'}")

    def info(self, code: str) -> CodeInfo:
        return codes.describe(code)

    @staticmethod
    def title(code: str) -> str:
        return codes.title(code)

    def assumed(self, assumptions: Iterable[Assumption]) -> str:
        """``berust op een aanname: Meldpilot op Normalisering (+1)``; empty for none."""
        scores = [
            f"{self.project.name_of(Subject('measure', a.measure))} op "
            f"{getattr(self.project.domains.get(a.domain), 'short', a.domain)} "
            f"({vocabulary.signed(a.score)})"
            for a in assumptions
        ]
        return f"{ASSUMED}: {'; '.join(scores)}" if scores else ""

    @staticmethod
    def listed(code: str) -> bool:
        rule = CATALOGUE.get(code)
        return rule is not None and rule.listed

    def subject_view(self, finding: Finding, current: str) -> dict[str, str]:
        subject = finding.subject
        kind = BY_NAME.get(subject.kind)
        assumed = self.assumed(finding.rests_on)
        if kind is None or subject.id not in self.project.entities(subject.kind):
            return {
                "message": finding.message,
                "subject_link": "",
                "subject_name": "",
                "assumed": assumed,
            }
        return {
            "message": finding.message,
            "subject_link": relative(current, entity_page(kind.name, subject.id)),
            "subject_name": self.project.name_of(subject),
            "assumed": assumed,
        }

    def finding_view(self, finding: Finding, current: str) -> dict[str, Any]:
        """A finding for readers: its level, what it concerns, the rule's name and summary,
        and a link to the rule's explanation."""
        view = self.subject_view(finding, current)
        name = view["subject_name"]
        named = not name or name in finding.message
        domain = self.project.domains.get(finding.subject.id)
        short = domain.short if finding.subject.kind == "domain" and domain else name
        label = f"{self.title(finding.code)} ({short})" if short else self.title(finding.code)
        return view | {
            "sentence": finding.message if named else f"{finding.message} ({name})",
            "level": finding.severity.label,
            "title": self.title(finding.code),
            "plain_label": label,
            "label": f"{label} ({ASSUMED})" if finding.rests_on else label,
            "listed": self.listed(finding.code),
            "summary": self.info(finding.code).summary,
            "rule_link": self.rule_link(finding.code, current),
            "accepted": finding.accepted is not None,
        }

    def domain_view(self, domain: Domain, path: str) -> dict[str, Any]:
        scored = [(m, m.effects[domain.id]) for m in self.counted if domain.id in m.effects]
        return {
            "domain": domain,
            "serving": sorted([p for p in scored if p[1].score > 0], key=lambda p: -p[1].score),
            "harming": sorted([p for p in scored if p[1].score < 0], key=lambda p: p[1].score),
            "partners": [s for s in self.project.stakeholders.values() if domain.id in s.domains],
            "domain_instruments": [
                i for i in self.project.instruments.values() if domain.id in i.domains
            ],
            "points": sum(c.positive_sum for c in self.report.coverage.domains.values()),
        }

    def partner_view(self, partner: Stakeholder, path: str) -> dict[str, Any]:
        """The measures a partner takes part in, each with its roles in it."""
        measures = []
        for measure in self.users(BY_NAME["stakeholder"], partner.id):
            roles: list[str] = [i.role for i in measure.stakeholders if i.id == partner.id]
            if measure.owner == partner.id:
                roles.insert(0, "owner")
            measures.append((measure, ", ".join(_ROLE[r] for r in roles)))
        return {"measures": measures}

    def instrument_view(self, instrument: Instrument, path: str) -> dict[str, Any]:
        """The measures that use an instrument, each with its status."""
        return {
            "measures": [
                (measure, STATUS[measure.status])
                for measure in self.users(BY_NAME["instrument"], instrument.id)
            ]
        }

    def users(self, kind: Kind, entity_id: str) -> list[Measure]:
        """The measures that use an entity of a ring of the speelveld, in the plan."""
        use = figures.ring_uses(self.report.coverage, kind)
        return [self.project.measures[m] for m in use.get(entity_id, [])]

    def ring_index_view(self, kind: Kind) -> dict[str, Any]:
        """The index of a ring of the speelveld: its members, with the measures of each."""
        assert kind.ring is not None
        return {
            "noun": kind.word.capitalize(),
            "intro": f"De {kind.ring.plural} in de {RING_PLACES[RINGS.index(kind)]} ring "
            "van het speelveld.",
            "use": figures.ring_uses(self.report.coverage, kind),
        }

    def measures_index_view(self, kind: Kind) -> dict[str, Any]:
        measures = list(self.project.measures.values())
        return {
            "measures": measures,
            "internal_build": self.report.internal,
            "by_status": [
                (s, [m for m in measures if m.status == s])
                for s in STATUS
                if any(m.status == s for m in measures)
            ],
        }

    def measure_view(self, measure: Measure, path: str) -> dict[str, Any]:
        rows = self.effect_rows(measure)
        return {
            "measure": measure,
            "bars": figures.effect_profile(self.report, measure.id),
            "rows": rows,
            "has_indirect": bool(self.project.interactions),
            "has_horizon": any(row["horizon"] for row in rows),
        }

    def effect_rows(self, measure: Measure) -> list[dict[str, Any]]:
        """Per domain: the effect, its indirect effect in words, and when, where and on
        whom it lands."""
        indirect = indirect_effects(self.into, measure.effects, self.project.domains)
        rows = []
        for domain in self.project.domains.values():
            effect = measure.effects.get(domain.id)
            rows.append(
                {
                    "domain": domain,
                    "effect": effect,
                    "indirect": self.indirect_text(indirect[domain.id])
                    if self.project.interactions
                    else "",
                    "horizon": self.horizon_text(effect),
                }
            )
        return rows

    def indirect_text(self, found: Indirect) -> str:
        """``-2 via Handhaving (+3 × -2)``: the indirect effect and the ways it comes about."""
        ways = [
            f"{self.project.domains[step.via].short} "
            f"({vocabulary.signed(step.direct)} × {vocabulary.signed(step.interaction)})"
            for step in found.steps
        ]
        return vocabulary.signed(found.score) + (f" via {words.and_list(ways)}" if ways else "")

    @staticmethod
    def horizon_text(effect: Effect | None) -> dict[str, str]:
        """When, where and on whom an effect lands, in words; empty where it does not say."""
        if effect is None or not (effect.when or effect.where or effect.groups):
            return {}
        return {
            "when": vocabulary.WHEN.get(effect.when or "", ""),
            "where": vocabulary.WHERE.get(effect.where or "", ""),
            **{
                bears: ", ".join(g.group for g in effect.groups if g.bears == bears)
                for bears in vocabulary.BEARS
            },
        }


#: Where a threshold comes from when the project does not say.
DEFAULT_THRESHOLD = "standaard van Speelveld"
OWN_THRESHOLD = "ingesteld door het project, zonder bron"

#: How readers see that a finding hangs on a score scored with little certainty.
ASSUMED = "berust op een aanname"

#: The rule that needs police hours; without them its explanation is left out.
CAPACITY = "capacity-exceeded"
#: The option without which no capacity is judged.
POLICE_HOURS = "police_hours_available"

#: The Rapport's section of each fixed portfolio, by the anchor of its heading.
RAPPORT_SECTIONS = {
    IN_FORCE_PORTFOLIO: "het-geldende-beleid",
    PLAN_PORTFOLIO: "wat-het-plan-verandert",
}

_ROLE = {"owner": "eigenaar", "lead": "trekker", "partner": "partner", "informed": "geïnformeerd"}
#: Where each ring lies in the speelveld, from the inside out, as its index page says.
RING_PLACES = ("middelste", "buitenste")

#: What an entity's page shows besides the entity and its findings, by the kind's name; a
#: kind without an entry has a page with only those. Each gets the entity and the page path.
ENTITY_VIEWS: dict[str, Callable[[_Pages, Any, str], dict[str, Any]]] = {
    "domain": _Pages.domain_view,
    "stakeholder": _Pages.partner_view,
    "instrument": _Pages.instrument_view,
    "measure": _Pages.measure_view,
    "scenario": _Pages.scenario_view,
}
#: What a kind's index page shows besides all its entities, by the kind's name.
INDEX_VIEWS: dict[str, Callable[[_Pages, Kind], dict[str, Any]]] = {
    "stakeholder": _Pages.ring_index_view,
    "instrument": _Pages.ring_index_view,
    "measure": _Pages.measures_index_view,
}


def render_pages(report: Report, options: SiteOptions) -> dict[str, str]:
    """Every generated page by its path under the docs folder."""
    return _Pages(report, options).all()


def render_rapport(
    report: Report, options: SiteOptions, scenarios: Iterable[str]
) -> dict[str, str]:
    """The Rapport and the pages of ``scenarios``, as :func:`render_pages` makes them: what
    a printed report holds, without the thousand other pages of a large site."""
    pages = _Pages(report, options)
    kind = BY_NAME["scenario"]
    return {"rapport.md": pages.rapport()} | {
        entity_page(kind.name, scenario): pages.entity(kind, report.project.scenarios[scenario])
        for scenario in scenarios
    }
