"""Nothing in the package belongs to one project: its framework comes from speelveld.yml.

A project on another theme, with three or six domains, gets a site without a word of
the Amsterdam dataset; the Amsterdam site keeps its report's framing through its own
``framework`` section, and a project with a framework of its own sees that one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speelveld.catalogue import CATALOGUE
from speelveld.cli import main
from speelveld.findings import Severity
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import REPOSITORY, TESTS, build

NEUTRAL = TESTS / "neutral"

#: Words of the Amsterdam theme and its report. "Zorg" is also an everyday Dutch word
#: and a sector, so only its use as a portfolio name is forbidden.
FORBIDDEN = [
    re.compile(pattern, flags)
    for pattern, flags in (
        (r"amsterdam", re.I),
        (r"regioplan", re.I),
        (r"seks", re.I),
        (r"prostitu", re.I),
        (r"uitbuiting", re.I),
        (r"politie", re.I),
        (r"vier\s+domeinen", re.I),
        (r"\bveiligheid\b", re.I),
        (r"economische\s+zaken", re.I),
        (r"\bwonen\b", re.I),
        (r"wethouder\s+zorg", re.I),
        (r"veiligheid\s+en\s+zorg", re.I),
        (r"\bZorg\b", 0),
    )
]

#: Three more domains for the six-domain variant.
EXTRA_DOMAINS = {
    "participatie": ("Meedoen in de samenleving", "Meedoen"),
    "gezondheid": ("Gezondheid en stress", "Gezondheid"),
    "kinderen": ("Kinderen in armoede", "Kinderen"),
}

FRAMEWORK = """\
framework:
  source:
    title: "Armoedebeleid 2025-2028"
    citation: "Gemeente Voorbeeld (2024)"
    url: "https://example.org/armoedebeleid"
  principle:
    text: Wie alleen schulden regelt en het inkomen vergeet, ziet de schulden terugkomen.
    section: Hoofdstuk 2
  governance_section: Drie sporen voor de uitvoering
  governance_points:
    - title: Werk samen in de wijk.
      text: Het wijkteam is de spil; formele regels komen daarna.
      rules: [governance-imbalance, governance-mismatch]
    - title: Verdeel de verantwoordelijkheid.
      rules: [owner-concentration]
    - title: Houd de uitvoering haalbaar.
      rules: [capacity-exceeded]
  portfolios: [Werk en Inkomen, Onderwijs]
"""


def built(project: Path, site: Path) -> Path:
    """The site of ``project``, which must have no error that would stop the build."""
    errors = [f for f in check(project).findings if f.severity is Severity.ERROR]
    assert errors == [], errors
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def readable(site: Path) -> dict[str, str]:
    """Every HTML page and the search index, by path."""
    files = [*site.rglob("*.html"), site / "search" / "search_index.json"]
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in files}


def forbidden_words(site: Path) -> list[str]:
    return [
        f"{path}: {match.group(0)!r}"
        for path, text in readable(site).items()
        for pattern in FORBIDDEN
        if (match := pattern.search(text))
    ]


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text("utf-8")


def copy(target: Path) -> Path:
    return Path(shutil.copytree(NEUTRAL, target))


def six_domains(project: Path) -> Path:
    """The neutral project with three more domains, each served by a measure."""
    for order, (domain, (name, short)) in enumerate(EXTRA_DOMAINS.items(), start=4):
        text = {"name": name, "short": short, "order": order, "description": f"{name}."}
        (project / "domains" / f"{domain}.yml").write_text(yaml.safe_dump(text), "utf-8")
    team = project / "stakeholders" / "wijkteam.yml"
    data = yaml.safe_load(team.read_text("utf-8"))
    data["domains"] += list(EXTRA_DOMAINS)
    team.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for file in (project / "measures").glob("*.yml"):
        data = yaml.safe_load(file.read_text("utf-8"))
        serving = file.stem == "signalen-betalingsachterstand"
        for domain in EXTRA_DOMAINS:
            effect = {"score": 1, "rationale": "Het huisbezoek kijkt breder."}
            data["effects"][domain] = effect if serving else {"score": 0}
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return project


@pytest.fixture(scope="module")
def neutral_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("neutral")
    return built(copy(folder / "project"), folder / "site")


def test_the_fixture_is_a_complete_three_domain_project(neutral_site: Path) -> None:
    assert len(list((neutral_site / "domeinen").glob("*/index.html"))) == 3
    assert "search/search_index.json" in readable(neutral_site)


def test_a_project_on_another_theme_shows_nothing_of_amsterdam(neutral_site: Path) -> None:
    assert forbidden_words(neutral_site) == []


def ripple(project: Path) -> Path:
    """``project`` with every ordered pair of its domains in interactions.yml, and effects
    that say when and where they land and who bears them."""
    domains = sorted(p.stem for p in (project / "domains").glob("*.yml"))
    pairs = [
        {"from": a, "to": b, "score": (i * 5 + j * 3) % 7 - 3, "rationale": "Zo werkt het door."}
        for i, a in enumerate(domains)
        for j, b in enumerate(domains)
        if a != b
    ]
    (project / "interactions.yml").write_text(yaml.safe_dump({"interactions": pairs}), "utf-8")
    measure = project / "measures" / "signalen-betalingsachterstand.yml"
    data = yaml.safe_load(measure.read_text("utf-8"))
    data["effects"]["preventie"] |= {
        "when": "both",
        "where": "here",
        "groups": [
            {"group": "huishoudens met schulden", "bears": "benefit"},
            {"group": "schuldeisers", "bears": "cost"},
        ],
    }
    measure.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return project


def test_six_domains_read_as_neutrally(tmp_path: Path) -> None:
    project = ripple(six_domains(copy(tmp_path / "project")))
    site = built(project, tmp_path / "site")
    assert len(list((site / "domeinen").glob("*/index.html"))) == 6
    assert forbidden_words(site) == []
    # The Rapport totals every option by here and now, later and elsewhere, as a table.
    rapport = page(site, "rapport")
    section = rapport.split('id="hier-en-nu-later-elders"')[1].split("<h2")[0]
    table = section.split('id="hier-en-nu-tabel"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 1 + len(check(project).portfolios)  # the header, and every option
    assert "Nuloptie (geldend beleid)" in rows[1]
    assert "Wie de kosten draagt" in section
    assert "schuldeisers (" in section
    # The Matrix: the interactions and the plane as charts, each with its table of 6 rows.
    matrix = page(site, "matrix")
    for chart, table_id in (("interacties", "interacties-tabel"), ("invloed", "invloed-tabel")):
        assert f'id="{chart}-data"' in matrix
        assert f'data-figure="{chart}-data" data-plotly' in matrix
        rows = matrix.split(f'id="{table_id}"')[1].split("</table>")[0].count("<tr>")
        assert rows == 1 + 6, chart


def test_without_a_framework_the_method_explains_itself(neutral_site: Path) -> None:
    methode = page(neutral_site, "methode")
    assert "Daarom beoordeelt elke maatregel zijn effect op <strong>elk</strong> domein" in methode
    assert "Wat de regels toetsen" in methode
    for rule in CATALOGUE.values():
        if rule.id != "capacity-exceeded":
            assert f'<a href="#{rule.id}">{rule.summary.rstrip(".")}</a>' in methode, rule.id
            assert f'id="{rule.id}"' in methode, rule.id
    assert "Aandachtspunten" not in methode
    assert "volgt" not in page(neutral_site, "speelveld").split("<h2")[0]


def test_without_police_hours_the_capacity_parts_are_left_out(neutral_site: Path) -> None:
    assert "capaciteit" not in page(neutral_site, "rapport").lower()
    assert 'id="capacity-exceeded"' not in page(neutral_site, "methode")


@pytest.mark.parametrize(
    ("measure_hours", "config"),
    [(True, ""), (False, "rules: {capacity-exceeded: {police_hours_available: 500}}\n")],
)
def test_police_hours_bring_the_capacity_parts_back(
    tmp_path: Path, measure_hours: bool, config: str
) -> None:
    project = copy(tmp_path / "project")
    if measure_hours:
        measure = project / "measures" / "strengere-terugvordering.yml"
        measure.write_text(measure.read_text("utf-8") + "capacity: {police_hours_per_year: 40}\n")
    (project / "speelveld.yml").write_text(config, "utf-8")
    pages = render_pages(check(project), SiteOptions())
    assert "## Politiecapaciteit" in pages["rapport.md"]
    assert '<div class="speelveld-rule" id="capacity-exceeded" markdown>' in pages["methode.md"]


def test_the_command_line_names_no_number_of_domains() -> None:
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    description = " ".join((main.help or "").split())
    assert description.startswith("Speelveld:")
    assert description in " ".join(top.output.split())
    assert not re.search(r"\b(\d+|twee|drie|vier|vijf|zes|zeven|acht)\b", description, re.I)
    number_of_domains = re.compile(r"\b(\d+|twee|drie|vier|vijf|zes)\s+domein", re.I)
    assert not number_of_domains.search(top.output)
    for name in main.commands:
        assert not number_of_domains.search(runner.invoke(main, [name, "--help"]).output), name


def test_the_amsterdam_method_cites_its_report_through_the_framework(amsterdam: Path) -> None:
    config = yaml.safe_load((REPOSITORY / "speelveld.yml").read_text("utf-8"))
    points = config["framework"]["governance_points"]
    methode = page(amsterdam, "methode")
    assert "Dit speelveld volgt Regioplan (2019)" in methode
    assert "Beleid dat zich eenzijdig richt op één of enkele van deze domeinen" in methode
    heading = 'id="aandachtspunten-voor-de-governancestructuur">Aandachtspunten voor de'
    assert f"{heading} governancestructuur<a" in methode
    section = methode.split('id="aandachtspunten-voor-de-governancestructuur"')[1]
    section = section.split("</ol>")[0]
    assert section.count("<li>") == len(points) == 4
    assert "<strong>Combineer hiërarchische met netwerkgerichte governance.</strong>" in section
    title = CATALOGUE["owner-concentration"].summary.rstrip(".")
    assert f'<a href="#owner-concentration">{title}</a>' in section
    assert "Economische Zaken, Wonen en Werk" in section
    rapport = page(amsterdam, "rapport")
    assert "Zie aandachtspunt 1 van Regioplan (2019)" in rapport


def test_the_capacity_section_follows_the_amsterdam_data(amsterdam: Path) -> None:
    report = check(REPOSITORY)
    uses_hours = report.project.config.threshold("police_hours_available") is not None or any(
        m.capacity for m in report.project.measures.values()
    )
    assert ("Politiecapaciteit" in page(amsterdam, "rapport")) == uses_hours
    assert ('id="capacity-exceeded"' in page(amsterdam, "methode")) == uses_hours


def test_a_framework_of_its_own_shows_on_the_pages(tmp_path: Path) -> None:
    project = copy(tmp_path / "project")
    (project / "speelveld.yml").write_text(FRAMEWORK, "utf-8")
    site = built(project, tmp_path / "site")
    methode = page(site, "methode")
    assert (
        'Dit speelveld volgt Gemeente Voorbeeld (2024):\n<a href="https://example.org/armoedebeleid">'
        "Armoedebeleid 2025-2028</a>."
    ) in methode
    assert "<blockquote>\n<p>Wie alleen schulden regelt" in methode
    assert "— Gemeente Voorbeeld (2024), Hoofdstuk 2" in methode
    assert 'id="drie-sporen-voor-de-uitvoering"' in methode
    assert "<strong>Werk samen in de wijk.</strong> Het wijkteam is de spil" in methode
    title = CATALOGUE["governance-mismatch"].summary.rstrip(".")
    assert f'<a href="#governance-mismatch">{title}</a>' in methode
    assert "Portefeuilles om bij de besluitvorming te betrekken: Werk en Inkomen en Onderwijs" in (
        methode
    )
    assert "De regel over capaciteit toetst dit pas als" in methode
    assert "Wat de regels toetsen" not in methode
    speelveld = page(site, "speelveld")
    assert "Het speelveld naar Gemeente Voorbeeld (2024)" in speelveld
    assert "Wie alleen schulden regelt" in speelveld
    assert "Het speelveld volgt Gemeente Voorbeeld (2024)" in page(site, "")
    rapport = page(site, "rapport")
    assert "ook over Werk en Inkomen en Onderwijs" in rapport
    assert "Zie aandachtspunt 2 van Gemeente Voorbeeld (2024)" in rapport
    assert forbidden_words(site) == []


@pytest.mark.parametrize(
    ("setting", "line", "column", "message"),
    [
        (
            "governance_points:\n    - title: Iets.\n      rules: [owner-concentration, no-leed]\n",
            4,
            36,
            "onbekende regel 'no-leed'. Bedoelt u 'no-lead'?",
        ),
        (
            "source: {title: Iets, citation: Iemand, url: 'javascript:alert(1)'}\n",
            2,
            48,
            "'javascript:alert(1)' is geen webadres",
        ),
    ],
)
def test_a_wrong_framework_is_a_located_schema_error(
    tmp_path: Path, setting: str, line: int, column: int, message: str
) -> None:
    project = copy(tmp_path / "project")
    (project / "speelveld.yml").write_text("framework:\n  " + setting, "utf-8")
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 1
    assert f"speelveld.yml:{line}:{column}: fout schema " in result.output
    assert message in result.output
