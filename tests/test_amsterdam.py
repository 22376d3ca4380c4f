"""The embedded Amsterdam dataset: complete, sourced, faithful to its report.

The report is Regioplan (2019), "Seksuele uitbuiting in Amsterdam". Its section names
are committed in ``tests/amsterdam/report-sections.txt``; every citation in the data
names one of them. The diagnosis the report makes of the policy in force (normalisering
gets relatively little attention, the mandate lies with the burgemeester and the
wethouder Zorg, the governance is mainly hierarchical) is pinned twice: on the data
alone, and through ``speelveld check --portfolio`` as a user sees it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from speelveld.cli import main
from speelveld.coverage import summarise
from speelveld.findings import Severity
from speelveld.model import Measure
from speelveld.pipeline import check
from speelveld.project import Project
from speelveld.reader import load_project

from .conftest import REPOSITORY, TESTS

#: The section names of the report, derived from its headings.
SECTIONS = [
    line
    for line in (TESTS / "amsterdam" / "report-sections.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
#: "Regioplan (2019), " and the sections it cites, separated by "; ", up to a full stop
#: or a bracket.
CITATION = re.compile(r"Regioplan \(2019\)(?:, ([^.()]*))?")
ASSUMPTION = "Aanname van de opstellers"
#: How a measure that works out what the report only recommends investigating says so.
ELABORATION = "Uitwerking van de opstellers"
IN_FORCE = ("adopted", "running", "evaluated")
DATA_FOLDERS = ("domains", "stakeholders", "instruments", "measures", "scenarios")
SCENARIO_KEYS = {"title", "description", "adopt", "stop", "source"}


@pytest.fixture(scope="module")
def report():
    return check(REPOSITORY)


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, findings = load_project(REPOSITORY)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    return loaded


@pytest.fixture(scope="module")
def scenarios() -> dict[str, dict[str, Any]]:
    found = {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in sorted((REPOSITORY / "scenarios").glob("*.yml"))
    }
    assert len(found) >= 2
    return found


def in_force(project: Project) -> dict[str, Measure]:
    return {m: v for m, v in project.measures.items() if v.status in IN_FORCE}


def portfolio(project: Project, scenario: dict[str, Any]) -> dict[str, Measure]:
    """The policy in force minus ``stop`` plus ``adopt``."""
    kept = {m: v for m, v in in_force(project).items() if m not in scenario.get("stop", [])}
    return kept | {m: project.measures[m] for m in scenario["adopt"]}


def shares(project: Project, measures: dict[str, Measure]) -> dict[str, float]:
    domains = summarise(project, list(measures.values())).domains
    return {d: cover.share for d, cover in domains.items()}


def texts(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every string in a parsed YAML value, with where it is."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}[{index}]")


def data_texts() -> Iterator[tuple[str, str]]:
    for folder in DATA_FOLDERS:
        for path in sorted((REPOSITORY / folder).glob("*.yml")):
            yield from texts(yaml.safe_load(path.read_text("utf-8")), f"{folder}/{path.name}")
    interactions = REPOSITORY / "interactions.yml"
    yield from texts(yaml.safe_load(interactions.read_text("utf-8")), interactions.name)


# --- the data as a whole ---------------------------------------------------------------


def test_no_errors_in_the_plan(report) -> None:
    assert [f for f in report.selected("plan") if f.severity is Severity.ERROR] == []


def test_the_four_domains_in_the_report_order(report) -> None:
    assert list(report.project.domains) == [
        "signalering",
        "seksuele-gezondheid",
        "normalisering",
        "handhaving",
    ]


def test_sizes_and_portfolio_holders(report) -> None:
    project = report.project
    assert len(project.stakeholders) >= 18
    assert len(project.instruments) >= 12
    assert len(project.measures) >= 12
    bestuur = {s for s, v in project.stakeholders.items() if v.sector == "bestuur"}
    assert {"burgemeester", "wethouder-zorg", "economische-zaken", "wonen", "werk"} <= bestuur


def test_every_entity_cites_the_report(report) -> None:
    project = report.project
    for kind in ("domains", "stakeholders", "instruments"):
        for entity in getattr(project, kind).values():
            assert (entity.source or "").startswith("Regioplan (2019), "), entity.id
    for measure in project.measures.values():
        assert measure.sources, measure.id
        for source in measure.sources:
            assert source.startswith("Regioplan (2019), "), measure.id


def test_every_citation_names_a_section_of_the_report() -> None:
    cited = 0
    for where, text in data_texts():
        for match in CITATION.finditer(text):
            assert match.group(1), f"{where}: 'Regioplan (2019)' without a section"
            for section in match.group(1).split("; "):
                assert section.strip() in SECTIONS, f"{where}: unknown section {section!r}"
                cited += 1
    assert cited > 100


def test_numbered_references_exist_in_the_report() -> None:
    """ "(deelvraag 6)" or "aandachtspunt 5" would name a part the report does not have."""
    numbers = {
        kind: {int(n) for s in SECTIONS for n in re.findall(rf"{kind} (\d+)$", s)}
        for kind in ("deelvraag", "aandachtspunt")
    }
    assert numbers == {"deelvraag": {1, 2, 3, 4, 5}, "aandachtspunt": {1, 2, 3, 4}}
    for where, text in data_texts():
        for kind, allowed in numbers.items():
            for number in re.findall(rf"\b{kind} (\d+)", text):
                assert int(number) in allowed, f"{where}: {kind} {number}"


def test_the_framework_cites_sections_of_the_report(project: Project) -> None:
    framework = project.config.framework
    assert framework is not None
    assert framework.principle is not None
    assert framework.principle.section in SECTIONS
    assert f"Aanbevelingen, {framework.governance_section}" in SECTIONS


def test_the_framework_carries_the_four_governance_points_as_the_report_titles_them(
    project: Project,
) -> None:
    framework = project.config.framework
    assert framework is not None
    assert [point.title for point in framework.governance_points] == [
        "Combineer hiërarchische met netwerkgerichte governance.",
        "Zorg voor integrale en multidisciplinaire beleidsontwikkeling en besluitvorming.",
        "Sluit in de aanpak aan bij de komende Wet regulering sekswerk en lokale "
        "ontwikkelingen in omliggende gemeenten en andere grote steden.",
        "Efficiënte inzet van capaciteit.",
    ]


def test_every_measure_assesses_every_domain_with_reasons(report) -> None:
    for measure in report.project.measures.values():
        assert set(measure.effects) == set(report.project.domains)
        for effect in measure.effects.values():
            assert effect.score == 0 or effect.rationale


def test_every_score_says_what_it_rests_on(project: Project) -> None:
    """A score the report supports cites it; a score of the modellers says so, with low
    confidence, in the rationale and in the evidence alike."""
    for measure in project.measures.values():
        for domain, effect in measure.effects.items():
            where = f"{measure.id}.{domain}"
            assumed = ASSUMPTION in effect.rationale
            assert assumed == (ASSUMPTION in (effect.evidence or "")), where
            if assumed:
                assert effect.confidence == "low", where
            if effect.score != 0:
                assert effect.confidence is not None, where
                assert (effect.evidence or "").startswith(
                    ("Regioplan (2019), ", ASSUMPTION, ELABORATION)
                ), where


def test_every_interaction_says_what_it_rests_on(project: Project) -> None:
    """An interaction the report supports cites the section; one the modellers derive says
    so, with low confidence, in its rationale and its sources alike."""
    assert project.interactions, "interactions.yml is missing or has input errors"
    supported = 0
    for (source, target), interaction in project.interactions.items():
        where = f"{source} -> {target}"
        assumed = interaction.rationale.startswith(ASSUMPTION)
        assert interaction.sources, where
        for cited in interaction.sources:
            assert cited.startswith(ASSUMPTION if assumed else "Regioplan (2019), "), where
        assert (interaction.confidence == "low") == assumed, where
        supported += not assumed
    assert supported >= 2


def test_when_and_where_follow_the_report(project: Project) -> None:
    """Education of boys and girls serves those who could be victims later; regional
    alignment works here and in the surrounding municipalities; the B8/3 practice costs the
    police officers involved their time now."""
    education = project.measures["seksuele-gezondheid-jongeren"].effects["seksuele-gezondheid"]
    assert (education.when, education.where) == ("later", "here")
    regional = project.measures["regionale-afstemming-verplaatsing"].effects["handhaving"]
    assert regional.where == "both"
    aangiftes = project.measures["politiecapaciteit-b8-3-aangiftes"].effects["handhaving"]
    assert aangiftes.when == "now"
    assert [(g.group, g.bears) for g in aangiftes.groups] == [
        ("de betrokken medewerkers van de politie", "cost")
    ]


def test_no_effect_is_held_with_high_confidence(project: Project) -> None:
    """The report evaluates no measure, so no score it supports can be certain."""
    confidences = {e.confidence for m in project.measures.values() for e in m.effects.values()}
    assert "high" not in confidences
    assert {"low", "medium"} <= confidences


def test_licensing_carries_its_known_side_effects(report) -> None:
    side = report.project.instruments["vergunningen"].side_effects
    assert side["normalisering"].score < 0
    assert side["signalering"].score < 0
    for effect in side.values():
        assert effect.rationale.startswith(ASSUMPTION)


# --- the policy in force: only what the report describes as current practice ----------


def test_the_policy_in_force_is_what_the_report_describes_as_current(project: Project) -> None:
    """The hierarchical approach, the meldpilot, the police capacity spent on B8/3
    aangiftes, and the zorgtaken of the mandate."""
    assert set(in_force(project)) == {
        "hierarchische-aanpak",
        "meldpilot-ondernemers",
        "politiecapaciteit-b8-3-aangiftes",
        "zorgtaken-hulp-slachtoffers",
    }
    approach = project.measures["hierarchische-aanpak"]
    assert set(approach.instruments) == {"strafrecht", "apv", "politiecontroles"}
    assert any("Aandachtspunten voor de governancestructuur" in s for s in approach.sources)


def test_the_measures_in_force_are_owned_by_the_burgemeester_and_the_wethouder_zorg(
    project: Project,
) -> None:
    """Aandachtspunt 2: the mandate lies with the burgemeester and the wethouder Zorg."""
    owners = {measure.owner for measure in in_force(project).values()}
    assert owners == {"burgemeester", "wethouder-zorg"}


def test_the_governance_in_force_is_mainly_hierarchical(project: Project) -> None:
    """The governance structure is mainly hierarchical; the meldpilot shows a first move
    towards network governance."""
    kinds = Counter(measure.governance for measure in in_force(project).values())
    assert kinds["hierarchical"] > kinds["network"]
    assert kinds.most_common(1)[0][0] == "hierarchical"
    assert kinds["hierarchical"] > kinds["mixed"]
    network = [m for m, v in in_force(project).items() if v.governance == "network"]
    assert network == ["meldpilot-ondernemers"]


def test_no_police_hours_since_the_report_gives_no_number(project: Project) -> None:
    assert project.config.threshold("police_hours_available") is None
    assert [m for m, v in project.measures.items() if v.capacity is not None] == []
    b83 = project.measures["politiecapaciteit-b8-3-aangiftes"]
    assert b83.effects["handhaving"].score < 0
    assert "capacity.police_hours_per_year" in b83.summary


def test_current_policy_carries_the_reports_diagnosis(report) -> None:
    """Regioplan (2019), aandachtspunt 2: normalisering gets relatively little attention.

    The policy in force today (adopted, running, evaluated) shows it; the report's
    recommendations, as proposals, are what lift it.
    """
    project = report.project
    today = summarise(project, list(in_force(project).values())).domains
    threshold = project.config.threshold("min_domain_share")
    assert today["normalisering"].share < threshold
    assert today["normalisering"].share < today["handhaving"].share
    assert report.coverage.domains["normalisering"].share > today["normalisering"].share


def test_the_rapport_opens_with_the_reports_diagnosis_of_the_policy_in_force(report) -> None:
    """Normalisering, the two mandates, hierarchical governance and police capacity."""
    from speelveld.render.pages import SiteOptions, render_pages

    rapport = render_pages(report, SiteOptions())["rapport.md"]
    diagnosis = rapport.split("## Het geldende beleid")[1].split("## Wat het plan verandert")[0]
    findings = diagnosis.split("### Bevindingen over het geldende beleid")[1].split("###")[0]
    assert "(domeinen/normalisering.md): Normalisering van sekswerk" in findings
    owners = diagnosis.split("### Eigenaren van het geldende beleid")[1]
    assert re.findall(r"^\| \[([^\]]+)\]\(partners/", owners, re.M) == [
        "Burgemeester",
        "Wethouder Zorg",
    ]
    governance = diagnosis.split("### Sturing in het geldende beleid")[1].split("###")[0]
    counts = dict(re.findall(r"^\| (\w+) \| (\d+) \|", governance, re.M))
    assert int(counts["hiërarchisch"]) > int(counts["netwerkgericht"])
    in_force = diagnosis.split("### Bevindingen")[0]
    assert "(maatregelen/politiecapaciteit-b8-3-aangiftes.md)" in in_force
    change = rapport.split("## Wat het plan verandert")[1].split("## Scenario's naast elkaar")[0]
    solved = change.split("### Opgelost door het plan")[1].split("###")[0]
    assert "normalisering" in solved


# --- the recommendations: proposals, with the partners the report names -----------------


def test_the_plan_gives_economische_zaken_wonen_and_werk_measures_on_normalisering(
    project: Project,
) -> None:
    proposed = {m: v for m, v in project.measures.items() if v.status == "proposed"}
    for discipline in ("economische-zaken", "wonen", "werk"):
        owned = [v for v in proposed.values() if v.owner == discipline]
        assert owned, discipline
        assert all(v.effects["normalisering"].score > 0 for v in owned), discipline
        assert all(any("aandachtspunt 2" in s for s in v.sources) for v in owned), discipline


def test_the_partners_of_aandachtspunt_1_work_on_normalisering(project: Project) -> None:
    named = {
        "hulpverlening",
        "onderwijs",
        "jeugdzorg",
        "horeca",
        "exploitanten",
        "taxibranche",
        "woningverhuurders",
    }
    for partner in named:
        assert "normalisering" in project.stakeholders[partner].domains, partner
    collaboration = [
        v
        for v in project.measures.values()
        if v.status == "proposed"
        and named <= {s.id for s in v.stakeholders}
        and v.effects["normalisering"].score > 0
    ]
    assert collaboration


def test_the_rijksoverheid_the_commercial_sector_and_society_have_a_role_in_normalisering(
    project: Project,
) -> None:
    for partner in ("rijksoverheid", "commerciele-sector", "samenleving"):
        assert project.stakeholders[partner].domains == ["normalisering"], partner


def test_the_signal_sources_of_deelvraag_5_are_partners_in_signalering(
    project: Project,
) -> None:
    sources = (
        "jeugdzorg",  # zorginstellingen
        "persoonlijke-omgeving",
        "slachtoffers",
        "exploitanten",
        "hotels",
        "woningverhuurders",
        "meld-misdaad-anoniem",
    )
    for partner in sources:
        assert "signalering" in project.stakeholders[partner].domains, partner
    assert "signalering" in project.instruments["politiecontroles"].domains


def test_only_portfolio_holders_own_measures(project: Project) -> None:
    """The lokale driehoek is named once, for its information position; it holds no
    mandate in the report."""
    assert project.stakeholders["lokale-driehoek"].sector != "bestuur"
    assert {m.owner for m in project.measures.values()} <= {
        s for s, v in project.stakeholders.items() if v.sector == "bestuur"
    }


# --- the scenarios ------------------------------------------------------------------------


def test_scenarios_adopt_proposals_and_stop_measures_in_force(
    project: Project, scenarios: dict[str, dict[str, Any]]
) -> None:
    for name, scenario in scenarios.items():
        assert set(scenario) <= SCENARIO_KEYS, name
        assert scenario["title"].strip(), name
        assert scenario["description"].strip(), name
        adopt, stop = scenario["adopt"], scenario.get("stop", [])
        assert adopt, name
        assert len(set(adopt)) == len(adopt), name
        for measure in adopt:
            assert project.measures[measure].status == "proposed", (name, measure)
        for measure in stop:
            assert project.measures[measure].status in IN_FORCE, (name, measure)
        assert scenario["source"].startswith("Regioplan (2019), "), name


def test_all_four_aandachtspunten_adopt_only_proposals_of_the_aandachtspunten(
    project: Project, scenarios: dict[str, dict[str, Any]]
) -> None:
    """Each adopted proposal cites an aandachtspunt; the two proposals of the modellers,
    built on the conclusions and the speelveld, stay out."""
    everything = scenarios["alle-aandachtspunten"]
    grounded = {
        m
        for m, v in project.measures.items()
        if v.status == "proposed" and any(re.search(r"aandachtspunt \d$", s) for s in v.sources)
    }
    assert set(everything["adopt"]) <= grounded
    assert {"seksuele-gezondheid-jongeren", "training-signalering-betrokkenen"}.isdisjoint(
        everything["adopt"]
    )


def test_aandachtspunten_3_and_4_alone_leave_normalisering_and_the_owners_as_they_are(
    project: Project, scenarios: dict[str, dict[str, Any]]
) -> None:
    everything = portfolio(project, scenarios["alle-aandachtspunten"])
    governance = portfolio(project, scenarios["aandachtspunten-3-en-4"])
    assert (
        shares(project, everything)["normalisering"]
        > shares(project, governance)["normalisering"]
        > shares(project, in_force(project))["normalisering"]
    )
    assert {m.owner for m in governance.values()} == {"burgemeester", "wethouder-zorg"}
    assert {"economische-zaken", "wonen", "werk"} <= {m.owner for m in everything.values()}


# --- the diagnosis as `speelveld check --portfolio` reports it -------------------------------


def portfolio_findings(name: str) -> list[dict[str, Any]]:
    """The JSON findings of ``speelveld check --portfolio name`` about that portfolio."""
    result = CliRunner().invoke(
        main, ["check", str(REPOSITORY), "--portfolio", name, "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return [f for f in findings if f["portfolio"] == name]


def about(findings: list[dict[str, Any]], codes: set[str], subject: str) -> list[str]:
    return [f["code"] for f in findings if f["code"] in codes and f["subject"] == subject]


NORMALISERING_GAP = {"domain-underserved", "domain-uncovered"}


def test_check_finds_normalisering_underserved_in_the_policy_in_force() -> None:
    findings = portfolio_findings("in-force")
    assert about(findings, NORMALISERING_GAP, "domain:normalisering")


def test_the_mandate_of_burgemeester_and_wethouder_zorg_is_the_balance_the_report_sees() -> None:
    """Regioplan (2019), aandachtspunt 2: the two mandates "zorgt voor balans"."""
    findings = portfolio_findings("in-force")
    assert not [f for f in findings if f["code"] == "owner-concentration"]
    config = yaml.safe_load((REPOSITORY / "speelveld.yml").read_text("utf-8"))
    assert config["rules"]["owner-concentration"]["min_owner_count"] == 2
    assert "Dit zorgt voor balans" in config["threshold_sources"]["min_owner_count"]
    assert config["threshold_sources"]["max_owner_share"].startswith("Keuze van de opstellers")


def test_check_finds_the_plan_serves_normalisering_with_enough_owners() -> None:
    findings = portfolio_findings("plan")
    assert not about(findings, NORMALISERING_GAP, "domain:normalisering")
    assert not [f for f in findings if f["code"] == "owner-concentration"]


def test_check_compares_the_scenarios_as_the_report_would() -> None:
    everything = portfolio_findings("alle-aandachtspunten")
    assert not about(everything, NORMALISERING_GAP, "domain:normalisering")
    assert not [f for f in everything if f["code"] == "owner-concentration"]
    governance = portfolio_findings("aandachtspunten-3-en-4")
    # Five of the six measures with the burgemeester: more than the three quarters in force.
    assert about(governance, {"owner-concentration"}, "stakeholder:burgemeester")
    assert not about(governance, {"owner-concentration"}, "portfolio")


# --- the diagnosis as the report gives it, on the site ---------------------------------------


@pytest.fixture(scope="module")
def site_pages() -> dict[str, str]:
    from speelveld.render.pages import SiteOptions, render_pages

    return render_pages(check(REPOSITORY), SiteOptions())


def test_the_underserved_normalisering_says_it_rests_on_assumptions(
    site_pages: dict[str, str],
) -> None:
    """Its one point of seven hangs on the authors' assumed scores, and the Rapport says so."""
    [finding] = [
        f
        for f in portfolio_findings("in-force")
        if f["code"] == "domain-underserved" and f["subject"] == "domain:normalisering"
    ]
    assert {(a["measure"], a["domain"]) for a in finding["rests_on"]} >= {
        ("meldpilot-ondernemers", "normalisering")
    }
    rapport = site_pages["rapport.md"]
    gap = next(line for line in rapport.splitlines() if line.startswith("- **Domein krijgt"))
    assert "berust op een aanname: Meldpilot voor ondernemers op Normalisering (+1)" in gap
    assert "zwaarste" not in rapport
    assert "zwaarste" not in site_pages["index.md"]


def test_no_finding_that_rests_on_an_assumption_is_shown_without_the_mark(
    report, site_pages: dict[str, str]
) -> None:
    """Wherever Home or the Rapport states such a finding, the same line says it rests on an
    assumption; the findings of every option count, not only the policy in force."""
    resting = {f.message for f in report.findings if f.rests_on}
    assert resting
    shown = 0
    for page in ("rapport.md", "index.md"):
        for line in site_pages[page].replace("\\", "").splitlines():
            for message in resting:
                if message in line:
                    shown += 1
                    assert "berust op een aanname" in line, (page, line)
    assert shown >= 2 * 2  # in short and among the findings, on both pages


def test_the_rapport_sets_the_reports_diagnosis_beside_the_data(
    site_pages: dict[str, str],
) -> None:
    """The report calls current policy hierarchical, with mostly attention for enforcement;
    the data count effects per domain. The Rapport quotes the one and explains the other."""
    section = site_pages["rapport.md"].split("## Het geldende beleid")[1].split("\n## ")[0]
    assert "vooral\n> aandacht voor handhaving en controle" in section or (
        "vooral aandacht voor handhaving en controle" in " ".join(section.split())
    )
    sentence = " ".join(section.split("In de gegevens")[1].split("\n\n")[0].split())
    assert sentence.startswith("is 2 van de 4 geldende maatregelen hiërarchisch") or (
        sentence.startswith("zijn 2 van de 4 geldende maatregelen hiërarchisch")
    )
    assert "dat gaat over de sturing" in sentence
    assert "het meest Signalering en doorverwijzing, met 4 van de 7 punten" in sentence


def test_aandachtspunt_4_is_on_the_rapport_with_its_measures(site_pages: dict[str, str]) -> None:
    summary = site_pages["rapport.md"].split("## In het kort")[1].split("\n## ")[0]
    point = next(line for line in summary.splitlines() if line.startswith("4. "))
    assert "Efficiënte inzet van capaciteit" in point
    assert "Huidige inzet van politiecapaciteit op kansarme B8/3\\-aangiftes" in point
    assert "(lopend)" in point
    assert "Efficiënte inzet van politiecapaciteit" in point.split("Maatregelen bij dit punt")[1]


def test_the_disciplines_are_the_authors_elaboration_of_an_investigation(
    project: Project,
) -> None:
    for discipline in ("economische-zaken", "wonen", "werk"):
        summary = project.measures[f"{discipline}-normalisering"].summary
        assert "Uitwerking door de opstellers: het rapport beveelt een onderzoek aan" in summary
    assert '"mogelijk ook"' in project.measures["werk-normalisering"].summary


def test_the_introduction_quotes_the_report_and_says_where_the_rings_come_from() -> None:
    text = " ".join((REPOSITORY / "docs/over/introductie.md").read_text("utf-8").split())
    quote = (
        "De aandacht lijkt echter verhoudingsgewijs minder uit te gaan naar het domein "
        "'Normalisering van sekswerk en ondernemen in de seksbranche'"
    )
    assert quote in text
    assert "De ringen op deze site zijn daarom opnieuw opgebouwd uit de tekst" in text


def test_the_methode_says_which_thresholds_are_speelvelds_and_which_the_reports(
    site_pages: dict[str, str],
) -> None:
    rows = [line for line in site_pages["methode.md"].splitlines() if line.startswith("| ")]
    origin = {row.split(" | ")[0].strip("| "): row.split(" | ")[-1].strip(" |") for row in rows}
    owners = next(v for k, v in origin.items() if "verschillende bestuurlijke eigenaren" in k)
    assert owners.startswith("Regioplan (2019), Aanbevelingen, aandachtspunt 2")
    share = next(v for k, v in origin.items() if "aandeel van een domein" in k)
    assert share == "standaard van Speelveld"


# --- where and when the effects land, and how the domains work through ---------------------


def test_the_amsterdam_site_shows_here_and_now_and_the_interactions(amsterdam) -> None:
    rapport = (amsterdam / "rapport" / "index.html").read_text("utf-8")
    section = rapport.split('id="hier-en-nu-later-elders"')[1].split("<h2")[0]
    table = section.split('id="hier-en-nu-tabel"')[1].split("</table>")[0]
    header, *rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", header)
    ] == [
        "Optie",
        "Hier en nu",
        "Hier, later",
        "Elders, nu",
        "Elders, later",
        "Zonder wanneer of waar",
    ]
    assert len(rows) == 2 + len(list((REPOSITORY / "scenarios").glob("*.yml")))
    assert "Nuloptie (geldend beleid)" in rows[0]
    assert "de betrokken medewerkers van de politie" in section
    matrix = (amsterdam / "matrix" / "index.html").read_text("utf-8")
    for chart in ("interacties", "invloed"):
        assert f'data-figure="{chart}-data"' in matrix
        body = matrix.split(f'id="{chart}-tabel"')[1].split("</table>")[0]
        assert body.count("<tr>") == 1 + 4, chart
    page = (amsterdam / "maatregelen" / "meldpilot-ondernemers" / "index.html").read_text("utf-8")
    assert "Indirect (indicatief)" in page


def test_a_scenario_page_tells_what_it_keeps_open_from_what_it_brings(
    site_pages: dict[str, str],
) -> None:
    """Beside the plan, aandachtspunten 1 and 2 alone keep the policy in force's uncovered
    sexual health open, and bring an underserved enforcement that the policy in force has
    not: the first is what the plan solves, the second is new."""
    page = site_pages["scenarios/aandachtspunten-1-en-2.md"]
    sentence = next(line for line in page.splitlines() if line.startswith("**Tegenover het plan"))
    kept, brought = sentence.split("Daardoor blijft open wat het plan wel oplost: ")[1].split(
        " Het brengt wat het plan niet heeft: "
    )
    assert kept == "Domein niet gedekt (Seksuele gezondheid)."
    assert brought.startswith("Domein krijgt te weinig (Handhaving)")
    assert "Seksuele gezondheid" not in brought


def test_a_scenario_page_counts_only_what_the_scenario_does(site_pages: dict[str, str]) -> None:
    """A scenario that stops nothing is not said to stop 0 measures."""

    def sentence(page: str) -> str:
        text = " ".join(site_pages[page].split())
        return text[text.index("Het scenario is") :].split(" in totaal.")[0]

    assert sentence("scenarios/aandachtspunten-1-en-2.md") == (
        "Het scenario is het geldende beleid plus 6 voorstellen die het invoert: 10 maatregelen"
    )
    assert sentence("scenarios/aandachtspunten-3-en-4.md") == (
        "Het scenario is het geldende beleid, min 1 maatregel die het stopt, plus 3 voorstellen "
        "die het invoert: 6 maatregelen"
    )
