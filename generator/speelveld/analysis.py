"""Run the rules over a loaded project: measure rules once, portfolio rules per portfolio.

A portfolio is a set of measures judged as a whole. Every project has two: the
policy in force (measures adopted, running or evaluated) and the plan (in force plus
every proposal). Every scenario adds one: the policy in force, minus what it stops,
plus what it adopts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import replace

from . import acceptance, assumptions, interactions
from .codes import DEPENDS_ON_ERROR, INCOMPLETE, INPUT_CODES, is_input_error
from .coverage import summarise
from .findings import PORTFOLIO, Assumption, Finding, Severity, Subject
from .model import IN_FORCE_PORTFOLIO, PLAN_PORTFOLIO, Measure
from .project import Project
from .report import Portfolio
from .rules import REGISTRY, Context, Rule
from .suggest import did_you_mean

PORTFOLIO_TITLES = {IN_FORCE_PORTFOLIO: "Geldend beleid", PLAN_PORTFOLIO: "Plan"}


def portfolio_measures(project: Project) -> Iterator[tuple[str, str, list[Measure]]]:
    """Id, title and measures of every portfolio: in force, the plan, each scenario."""
    measures = project.measures
    in_force = [m for m in measures.values() if m.in_force]
    yield IN_FORCE_PORTFOLIO, PORTFOLIO_TITLES[IN_FORCE_PORTFOLIO], in_force
    yield (
        PLAN_PORTFOLIO,
        PORTFOLIO_TITLES[PLAN_PORTFOLIO],
        [m for m in measures.values() if m.counted],
    )
    for scenario in project.scenarios.values():
        chosen = {m.id for m in in_force} - set(scenario.stop) | set(scenario.adopt)
        yield scenario.id, scenario.title, [m for m in measures.values() if m.id in chosen]


def analyse(
    project: Project,
    loaded: list[Finding],
    today: datetime.date,
    indirect: Mapping[str, Mapping[str, int]] | None = None,
) -> tuple[dict[str, Portfolio], list[Finding]]:
    """Every portfolio with its findings, and all findings (``loaded`` first) sorted.

    ``indirect`` is every measure's indirect effect on every domain, if the caller has made
    it already (:func:`interactions.of_measures`). With input errors the portfolio rules do
    not run: their findings would only echo
    the errors (a measure dropped for a typo leaves its domains uncovered). Likewise the
    measure rules say nothing of a measure that names an entity whose file has errors
    (a partner missing for one unknown key would leave its domains unsupported).
    """
    # A rule name mistyped under ``rules`` drops no data: the portfolio rules still run.
    broken = sorted({f.path for f in loaded if is_input_error(f)})
    waiting = paused(loaded)
    findings = [*loaded, *_unknown_rule_settings(project)]
    sets = list(portfolio_measures(project))
    horizons = assesses_horizons(project)
    scores = project.interaction_scores
    into = interactions.incoming(scores)
    if indirect is None:
        indirect = interactions.of_measures(scores, project.domains, project.measures.values())
    contexts = {
        portfolio: Context(
            project, summarise(project, measures), measures, horizons, into, indirect
        )
        for portfolio, _, measures in sets
    }
    for rule in _enabled(project, "measure"):  # once per measure: those of the plan
        found = _run(project, rule, contexts[PLAN_PORTFOLIO], "")
        findings.extend(f for f in found if f.subject not in waiting)
    for portfolio, context in contexts.items():
        if broken:
            break
        for rule in _enabled(project, "portfolio"):
            findings.extend(_run(project, rule, context, portfolio))
    if broken:
        findings.append(_incomplete(project, broken))
    findings, fragile = _rests_on(project, contexts, findings, checked=not broken)
    findings = sorted(
        acceptance.apply(project, findings, today, portfolios_checked=not broken, paused=waiting)
    )
    portfolios = {
        portfolio: Portfolio(
            portfolio,
            title,
            tuple(m.id for m in measures),
            contexts[portfolio].coverage,
            tuple(f for f in findings if f.portfolio == portfolio),
            fragile.get(portfolio, {}),
        )
        for portfolio, title, measures in sets
    }
    return portfolios, findings


def assesses_horizons(project: Project) -> bool:
    """Whether any effect of the project says when or where it lands."""
    return any(
        effect.when is not None or effect.where is not None
        for measure in project.measures.values()
        for effect in measure.effects.values()
    )


def paused(findings: list[Finding]) -> set[Subject]:
    """The subjects whose rules wait: they name an entity whose own file has input errors,
    so their findings would only echo those errors."""
    return {f.subject for f in findings if f.code == DEPENDS_ON_ERROR}


def _rests_on(
    project: Project, contexts: dict[str, Context], findings: list[Finding], *, checked: bool
) -> tuple[list[Finding], dict[str, dict[assumptions.ProblemKey, tuple[Assumption, ...]]]]:
    """The findings with the assumed scores they rest on, and per portfolio what it solves
    only as long as such a score holds (:mod:`speelveld.assumptions`)."""
    scored = {
        scope: [r for r in _enabled(project, scope) if r.info.reads_scores] for scope in SCOPES
    }
    measure = assumptions.in_measures(
        project, contexts[PLAN_PORTFOLIO], findings, scored["measure"]
    )
    if checked:
        portfolio, fragile = assumptions.in_portfolios(
            project, contexts, findings, scored["portfolio"]
        )
    else:
        portfolio, fragile = {}, {}
    rested = []
    for finding in findings:
        key = assumptions.key(finding)
        found = portfolio.get((finding.portfolio, key)) if finding.portfolio else measure.get(key)
        rested.append(replace(finding, rests_on=tuple(sorted(set(found)))) if found else finding)
    return rested, fragile


#: The scopes of the rules: once per measure, once per portfolio.
SCOPES = ("measure", "portfolio")


def _enabled(project: Project, scope: str) -> Iterator[Rule]:
    for rule in REGISTRY.values():
        if rule.scope == scope and rule.applies(project.config):
            yield rule


def _run(project: Project, rule: Rule, context: Context, portfolio: str) -> Iterator[Finding]:
    setting = project.config.level(rule.id)
    for problem in rule.check(context):
        level = Severity.parse(setting) if isinstance(setting, str) else problem.level
        yield project.finding(
            problem.subject,
            problem.pointer,
            rule.id,
            level or rule.info.level,
            problem.text,
            domain=problem.concerns,
            portfolio=portfolio,
        )


def _incomplete(project: Project, broken: list[str]) -> Finding:
    """Why no portfolio finding is reported: they would echo the input errors."""
    files = "1 bestand heeft" if len(broken) == 1 else f"{len(broken)} bestanden hebben"
    return project.finding(
        PORTFOLIO,
        (),
        INCOMPLETE,
        Severity.INFO,
        f"onvolledig: {files} invoerfouten ({', '.join(broken[:3])}"
        f"{', …' if len(broken) > 3 else ''}); de regels over de portefeuille zijn niet "
        "uitgevoerd tot die zijn opgelost",
    )


def _unknown_rule_settings(project: Project) -> list[Finding]:
    known = [*REGISTRY]
    return [
        project.finding(
            PORTFOLIO,
            ("rules", code),
            "schema",
            Severity.ERROR,
            f"onbekende regel '{code}' onder rules.{did_you_mean(code, known)}"
            + (" Invoerfouten zijn niet uit te zetten." if code in INPUT_CODES else ""),
            key=True,
        )
        for code in project.config.unknown_rules()
    ]
