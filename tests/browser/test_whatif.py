"""The what-if page: the browser judges a set of measures as Python does, and the reader can
try a choice with the keyboard and share it as an address.

The portfolio rules exist twice, in speelveld/rules/portfolio and in assets/wat-als.js. The
parity tests run both on every case folder without input errors and on random sets of a
synthetic project of 1,000 measures (with thresholds, levels, police hours and an
acceptance of its own, and a full matrix of interactions between its domains): the coverage
per domain, the findings as (rule, level, subject, accepted), the indirect effects per
domain and what each segment of the rings stands for must be identical.
"""

from __future__ import annotations

import datetime
import random
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from speelveld import interactions
from speelveld.codes import is_input_error
from speelveld.demo import generate, write
from speelveld.pipeline import check
from speelveld.render import figures, whatif
from speelveld.report import Portfolio, Report

from ..conftest import BASE, Case, case_folders
from .conftest import SitePage
from .test_site import assert_axe_clean

WAT_ALS_JS = Path(str(resources.files("speelveld") / "assets" / "wat-als.js"))
#: How many random sets of the large project are judged both ways.
RANDOM_SETS = 60


@pytest.fixture(scope="module")
def judge(browser: Any) -> Iterator[Any]:
    """A blank page with wat-als.js and nothing else: no site, no request."""
    page = browser.new_page()
    page.set_content("<!doctype html><html lang='nl'><body></body></html>")
    page.add_script_tag(path=str(WAT_ALS_JS))
    yield page
    page.close()


def python_side(report: Report, portfolio: Portfolio) -> dict[str, Any]:
    domains = report.project.domains
    indirect = interactions.totals(report.indirect, portfolio.measures, domains)
    coverage = {
        domain: {
            "positive": cover.positive,
            "negative": cover.negative,
            "total": cover.total,
            "share": cover.share,
        }
        for domain, cover in portfolio.coverage.domains.items()
    }
    findings = sorted(
        (f.code, f.severity.label, str(f.subject), f.accepted is not None)
        for f in report.findings_of(portfolio)
    )
    return {"coverage": coverage, "findings": findings, "indirect": indirect}


JUDGE = """
([data, sets]) => {
  const model = window.speelveld.model(data);
  return sets.map(([ids, portfolio, refs]) => {
    const result = model.evaluate(ids, portfolio);
    const coverage = {};
    for (const [domain, c] of Object.entries(result.coverage)) {
      coverage[domain] = {positive: c.positive, negative: c.negative, total: c.total,
                          share: c.share};
    }
    const findings = result.findings.map(f => [f.rule, f.level, f.subject, f.accepted]);
    return {coverage, findings, indirect: result.indirect,
            view: refs ? model.view(ids, refs) : null};
  });
}
"""


def browser_side(judge: Any, report: Report, portfolios: list[Portfolio]) -> list[dict[str, Any]]:
    data = whatif.data(report)
    refs = figures.speelveld(report)["rings"]["segments"]
    sets = [[list(p.measures), p.id, refs] for p in portfolios]
    results: list[dict[str, Any]] = judge.evaluate(JUDGE, [data, sets])
    for result in results:
        result["findings"] = sorted(tuple(f) for f in result["findings"])
    return results


def assert_same(judge: Any, report: Report, portfolios: list[Portfolio], where: str) -> None:
    views = figures.speelveld(report)["rings"]["views"]
    for portfolio, found in zip(portfolios, browser_side(judge, report, portfolios), strict=True):
        expected = python_side(report, portfolio)
        label = f"{where}, {portfolio.id}"
        assert found["coverage"] == expected["coverage"], label
        assert found["findings"] == expected["findings"], label
        assert found["indirect"] == expected["indirect"], label
        view = views[portfolio.id]
        assert found["view"] == {k: view[k] for k in ("counts", "states", "uncovered")}, label


def test_every_case_is_judged_the_same_in_the_browser(judge: Any, tmp_path: Path) -> None:
    judged = indirect = 0
    for folder in case_folders():
        case = Case.read(folder)
        report = check(case.build(tmp_path / str(judged) / "project"), today=case.today)
        if any(is_input_error(f) for f in report.findings):
            shutil.rmtree(tmp_path / str(judged))
            continue  # the portfolio rules do not run on data with input errors
        assert_same(judge, report, list(report.portfolios.values()), str(folder))
        judged += 1
        indirect += bool(report.project.interactions)
    assert judged >= 40, f"only {judged} case folders were judged"
    assert indirect >= 3, f"only {indirect} judged case folders have interactions"


#: The large project's own configuration: thresholds, a level, police hours, an acceptance.
LARGE_CONFIG = {
    "rules": {
        "instrument-unused": "warning",
        "domain-net-negative": "error",
        "domain-uncovered": {"min_measures_per_domain": 2},
        "domain-underserved": {"min_domain_share": 0.2},
        "governance-imbalance": {"max_governance_share": 0.5},
        "owner-concentration": {"level": "error", "max_owner_share": 0.4, "min_owner_count": 4},
        "capacity-exceeded": {"police_hours_available": 20000},
    },
}


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[list[str]]]:
    """1,000 measures with random sets of them as scenarios, checked once."""
    folder = tmp_path_factory.mktemp("large") / "project"
    files = generate(1000, 6, seed=11, errors=False)
    rng = random.Random(5)
    for path, data in files.items():
        if path.startswith("measures/") and rng.random() < 0.15:
            data["capacity"] = {"police_hours_per_year": rng.choice((200, 800, 2500))}
    domains = sorted(
        p.removeprefix("domains/").removesuffix(".yml") for p in files if "domains/" in p
    )
    owner = next(p for p, d in files.items() if d.get("sector") == "bestuur")
    accepted = [
        {
            "subject": f"domain:{domains[0]}",
            "rule": "domain-uncovered",
            "by": owner.removeprefix("stakeholders/").removesuffix(".yml"),
            "decision": "Bewust: dit domein volgt later.",
            "date": datetime.date(2026, 1, 1),
        }
    ]
    write({k: v for k, v in files.items() if not k.startswith("scenarios/")}, folder)
    (folder / "speelveld.yml").write_text(
        yaml.safe_dump({**LARGE_CONFIG, "accepted": accepted}), "utf-8"
    )
    # A full matrix of interactions: every ordered pair of the six domains, some of them 0.
    pairs = [
        {"from": a, "to": b, "score": rng.randint(-3, 3), "rationale": "Zo werkt het door."}
        for a in domains
        for b in domains
        if a != b
    ]
    (folder / "interactions.yml").write_text(yaml.safe_dump({"interactions": pairs}), "utf-8")
    statuses = {
        p.stem: yaml.safe_load(p.read_text("utf-8"))["status"]
        for p in (folder / "measures").glob("*.yml")
    }
    in_force = sorted(m for m, s in statuses.items() if s in ("adopted", "running", "evaluated"))
    proposed = sorted(m for m, s in statuses.items() if s == "proposed")
    choosable = in_force + proposed
    sets = []
    for index in range(RANDOM_SETS):
        size = round(len(choosable) ** rng.random()) if index % 3 else rng.randint(0, 6)
        chosen = set(rng.sample(choosable, k=min(size, len(choosable))))
        sets.append(sorted(chosen))
        scenario = {
            "title": f"Keuze {index}",
            "description": "Een willekeurige keuze.",
            "adopt": [m for m in proposed if m in chosen],
            "stop": [m for m in in_force if m not in chosen],
        }
        (folder / "scenarios").mkdir(exist_ok=True)
        (folder / "scenarios" / f"keuze-{index}.yml").write_text(yaml.safe_dump(scenario), "utf-8")
    return check(folder), sets


def test_random_sets_of_a_large_project_are_judged_the_same(
    judge: Any, large: tuple[Report, list[list[str]]]
) -> None:
    report, sets = large
    assert not [f for f in report.findings if is_input_error(f)]
    assert len(report.project.interactions) == 30
    scenarios = [report.portfolios[f"keuze-{n}"] for n in range(len(sets))]
    assert [sorted(p.measures) for p in scenarios] == sets
    fired = {f.code for p in scenarios for f in p.findings}
    # The sets are varied enough to make every portfolio rule speak at least once.
    assert fired >= {
        "domain-uncovered",
        "domain-underserved",
        "governance-imbalance",
        "owner-concentration",
        "capacity-exceeded",
        "stakeholder-unengaged",
        "instrument-unused",
    }, fired
    assert any(f.accepted for p in scenarios for f in p.findings)
    assert_same(judge, report, scenarios, "large project")


def test_the_page_offers_evaluate_that_agrees_with_python(site_page: SitePage) -> None:
    site_page.goto("/wat-als/")
    report = check(Path(__file__).resolve().parents[2])
    for portfolio in report.portfolios.values():
        found = site_page.page.evaluate(
            "([ids, id]) => speelveld.evaluate(ids, id)", [list(portfolio.measures), portfolio.id]
        )
        expected = python_side(report, portfolio)
        assert (
            sorted((f["rule"], f["level"], f["subject"], f["accepted"]) for f in found["findings"])
            == expected["findings"]
        ), portfolio.id
        for domain, cover in expected["coverage"].items():
            assert {k: found["coverage"][domain][k] for k in cover} == cover, portfolio.id
        assert found["indirect"] == expected["indirect"], portfolio.id
    assert report.project.interactions, "the Amsterdam project has interactions.yml"
    site_page.assert_clean()


# --- the page, as a reader uses it -------------------------------------------------------------

PROPOSAL = "seksuele-gezondheid-jongeren"
DOMAIN = "seksuele-gezondheid"


def coverage_row(site_page: SitePage, name: str) -> list[str]:
    row = site_page.page.locator("#speelveld-wat-als-dekking tbody tr", has_text=name)
    return [" ".join(t.split()) for t in row.locator("th, td").all_inner_texts()]


def open_points(site_page: SitePage) -> list[tuple[str, str]]:
    items = site_page.page.locator("#speelveld-wat-als-punten li[data-rule]")
    return [
        (str(item.get_attribute("data-rule")), str(item.get_attribute("data-subject")))
        for item in items.all()
    ]


def test_a_proposal_switched_on_with_the_keyboard_changes_the_outcome_and_the_address(
    site_page: SitePage, axe_source: Path
) -> None:
    site_page.goto("/wat-als/")
    page = site_page.page
    name = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "domains" / f"{DOMAIN}.yml").read_text("utf-8")
    )["name"]
    before = coverage_row(site_page, name)
    assert before[1] == "0", before
    assert ("domain-uncovered", f"domain:{DOMAIN}") in open_points(site_page)
    box = page.locator(f"input[type=checkbox][value='{PROPOSAL}']")
    assert not box.is_checked()
    # Tab from the box before it, then Space: a keyboard reader's way to the proposal.
    previous = page.locator("#speelveld-wat-als input[type=checkbox]").nth(
        page.locator("#speelveld-wat-als input[type=checkbox]").evaluate_all(
            f"boxes => boxes.findIndex(b => b.value === '{PROPOSAL}')"
        )
        - 1
    )
    previous.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == PROPOSAL
    page.keyboard.press("Space")
    assert box.is_checked()
    after = coverage_row(site_page, name)
    assert after[1] == "1", after
    assert ("domain-uncovered", f"domain:{DOMAIN}") not in open_points(site_page)
    address = page.url
    assert "#maatregelen=" in address
    assert PROPOSAL in address.split("#maatregelen=")[1].split(",")
    status = page.locator("#speelveld-wat-als-stand").inner_text()
    assert "5 maatregelen" in status, status
    assert_axe_clean(site_page, axe_source, "/wat-als/")

    # The address alone gives the same choice.
    fresh = page.context.new_page()
    fresh.goto(address, wait_until="load")
    fresh.wait_for_load_state("networkidle")
    assert fresh.locator(f"input[type=checkbox][value='{PROPOSAL}']").is_checked()
    row = fresh.locator("#speelveld-wat-als-dekking tbody tr", has_text=name)
    assert [" ".join(t.split()) for t in row.locator("th, td").all_inner_texts()] == after
    checked = fresh.locator("#speelveld-wat-als input[type=checkbox]:checked").evaluate_all(
        "boxes => boxes.map(b => b.value)"
    )
    assert sorted(checked) == sorted(address.split("#maatregelen=")[1].split(","))
    fresh.close()
    site_page.assert_clean()


def test_the_rings_follow_the_choice(site_page: SitePage) -> None:
    site_page.goto("/wat-als/")
    page = site_page.page
    page.wait_for_selector("#wat-als-speelveld .js-plotly-plot g.slice")
    marks = "els => els.filter(e => /[\u2205\u26a0]/.test(e.textContent)).length"
    before = page.locator("#wat-als-speelveld g.slice text").evaluate_all(marks)
    page.locator("input[name=speelveld-begin][value=plan]").check()
    page.wait_for_function(
        f"document.querySelectorAll('#wat-als-speelveld g.slice text').length && "
        f"[...document.querySelectorAll('#wat-als-speelveld g.slice text')]"
        f".filter(e => /[\u2205\u26a0]/.test(e.textContent)).length !== {before}"
    )
    after = page.locator("#wat-als-speelveld g.slice text").evaluate_all(marks)
    # The plan uses more partners and instruments than the policy in force: fewer marks.
    assert after < before
    site_page.assert_clean()


def test_a_shared_address_with_unknown_ids_keeps_the_known_ones(site_page: SitePage) -> None:
    site_page.goto(f"/wat-als/#maatregelen={PROPOSAL},geen-maatregel,%3Cb%3E")
    checked = site_page.page.locator(
        "#speelveld-wat-als input[type=checkbox]:checked"
    ).evaluate_all("boxes => boxes.map(b => b.value)")
    assert checked == [PROPOSAL]
    site_page.assert_clean()


def test_the_base_project_starts_from_its_policy_in_force(tmp_path: Path) -> None:
    """Python's side of the start: the first option on the page is the policy in force."""
    project = shutil.copytree(BASE, tmp_path / "project")
    data = whatif.data(check(project))
    assert [p[0] for p in data["portfolios"]][:2] == ["in-force", "plan"]
    in_force = {data["measures"][n][0] for n in data["portfolios"][0][2]}
    assert in_force == {m[0] for m in data["measures"] if m[2] == 1}
