"""Speelveld's cost beside the floor it cannot go below, measured as whole processes.

    .venv/bin/python benchmarks/run.py            # 100, 1,000 and 10,000 measures
    .venv/bin/python benchmarks/run.py --sizes 100 1000 --runs 5
    .venv/bin/python benchmarks/run.py --sizes 1000 --runs 1   # quick, with the page weights
    .venv/bin/python benchmarks/run.py --sizes 1000 --scale 0 --no-text

For each size it generates a project (``speelveld demo-data``), then times, as separate
processes and as the median of ``--runs`` runs: the floor (read and parse every YAML file
with PyYAML's C loader, nothing else), ``speelveld check --format json --output FILE``,
and (up to 1,000 measures) ``mkdocs build`` with the plugin, whose own time the plugin
logs at debug level, the weight of its pages, and ``speelveld export xlsx`` and
``speelveld export pdf``. It weighs the pages of the built sites and of the repository's own
(Amsterdam) site as a reader's browser loads them: the bytes that headless Chromium fetches
from a local server, with an empty cache, until the network is idle (``--no-browser`` skips
this), and times the what-if page's ``speelveld.evaluate`` there. At ``--scale`` measures
(5,000) whose summaries are about 3 KB of Markdown each, it times ``check`` and ``mkdocs
build`` once each, with their peak memory, the size of the site and of its search index.
And it times what advisor text costs a build per megabyte: one description of a megabyte in
one paragraph, and the worst a file can hold (``sources`` of the longest lines, full of
Markdown), which says whether a file of ``max_file_bytes`` can hold up a build. It prints a
table, the ratios and whether each target holds. At 1,000 measures it also times ``speelveld
check`` of a six-domain project without and with a full matrix of interactions between its
domains, and ``speelveld check`` with and without asking what each finding rests on, where
every portfolio has a finding about a domain that may rest on an assumed score.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

import speelveld
from speelveld.demo import generate, write
from speelveld.ids import DEFAULT_MAX_FILE_BYTES

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
BIN = Path(sys.executable).parent
MKDOCS_YML = "site_name: Benchmark\ntheme:\n  name: material\nplugins:\n  - search\n  - speelveld\n"
PLUGIN_LINE = re.compile(
    r"speelveld: (\d+) bestanden \((\d+) ongewijzigd .*?\), (\d+) pagina's in ([\d.]+) s"
)
BUILD_LIMIT = 1000


def measured(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float, str]:
    """Median seconds and the highest peak memory over ``runs`` runs."""
    results = [timed(command, cwd) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        max(r[1] for r in results),
        results[-1][2],
    )


def timed(
    command: list[str], cwd: Path | None = None, cpu: list[float] | None = None
) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB) and output of one run; its CPU seconds into ``cpu``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    read, write_end = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child becomes the measured process
        os.close(read)
        os.dup2(write_end, 1)
        os.dup2(write_end, 2)
        if cwd is not None:
            os.chdir(cwd)
        os.execve(command[0], command, env)
    os.close(write_end)
    with os.fdopen(read, encoding="utf-8", errors="replace") as stream:
        output = stream.read()
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, output


def project(folder: Path, measures: int, errors: bool, summary_bytes: int = 0) -> Path:
    """A synthetic project with a site; ``summary_bytes`` makes every summary that long."""
    files = generate(measures, 4, seed=1, errors=errors)
    if summary_bytes:
        rng = random.Random(7)
        for path, data in files.items():
            if path.startswith("measures/"):
                data["summary"] = long_summary(rng, summary_bytes)
    write(files, folder)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


#: Words for summaries of any length: Markdown as advisors write it, with emphasis and links.
PHRASES = (
    "De maatregel versterkt de samenwerking tussen partners",
    "zodat signalen *eerder* worden opgepakt",
    "zoals het [rapport](https://example.org/rapport) aanbeveelt",
    "met aandacht voor **privacy** en de rol van de `meldcode`",
    "en met een evaluatie na een jaar",
    "wanneer de partners dat samen afspreken",
)


def long_summary(rng: random.Random, size: int) -> str:
    """About ``size`` characters of Markdown in paragraphs of about 600."""
    paragraphs, length = [], 0
    while length < size:
        sentence = ", ".join(rng.choice(PHRASES) for _ in range(4)) + "."
        if not paragraphs or len(paragraphs[-1]) > 600:
            paragraphs.append(sentence)
        else:
            paragraphs[-1] += " " + sentence
        length += len(sentence) + 1
    return "\n\n".join(paragraphs)


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """The page's own HTML, and the scripts and styles it loads (plotly.js excluded)."""
    html = page.read_text(encoding="utf-8")
    assets = 0
    for reference in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
        target = (page.parent / reference).resolve()
        if target.is_file() and not target.name.startswith("plotly-"):
            assets += target.stat().st_size
    return len(html.encode()), assets


def plotly_script(site: Path) -> Path:
    """The site's plotly.js, named after its content."""
    [script] = (site / "assets" / "speelveld").glob("plotly-*.min.js")
    return script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--no-browser", action="store_true", help="do not weigh the pages in Chromium"
    )
    parser.add_argument(
        "--scale", type=int, default=SCALE, help="measures with long summaries; 0 skips"
    )
    parser.add_argument("--no-text", action="store_true", help="skip the cost of text per MB")
    options = parser.parse_args()
    largest_site = max((s for s in options.sizes if s <= BUILD_LIMIT), default=None)
    # Measure the tool as installed: with bytecode, as pip compiles a package it installs.
    package = Path(speelveld.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    work = Path(tempfile.mkdtemp(prefix="speelveld-bench-"))
    weights: dict[str, dict[str, Weight]] = {}
    try:
        rows = {
            size: measure_size(
                work,
                size,
                options.runs,
                rebuild=size == largest_site,
                collector=size == max(options.sizes),
            )
            for size in options.sizes
        }
        if not options.no_browser:
            weights[AMSTERDAM] = weigh(build_amsterdam(work / "amsterdam-site"))
            for size in options.sizes:
                if size <= BUILD_LIMIT:
                    weights[f"{size:,} measures"] = weigh(work / f"site-{size}-out")
        extra: dict[str, float] = {}
        if options.scale:
            extra |= measure_scale(work, options.scale)
        if not options.no_text:
            extra |= measure_text(work, options.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(report(rows, options.runs, weights, extra))


# --- the weight of the pages in a browser ------------------------------------------------------

AMSTERDAM = "Amsterdam"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: A phone's screen in CSS pixels: the reader the page weight matters most to.
PHONE_WIDTH, PHONE_HEIGHT = 390, 844
#: The pages weighed, by name: their address in the site, or the folder whose first page is
#: weighed; the what-if page only where the site has one.
WEIGHED = {
    "Home": "",
    "Speelveld": "speelveld/",
    "Matrix": "matrix/",
    "Maatregel": "maatregelen/*/",
    "Rapport": "rapport/",
    "Partner": "partners/*/",
    "Wat als": "wat-als/",
}
#: What marks a page with a chart in its HTML.
CHART_MARK = 'class="speelveld-chart"'
#: What the bytes are, by the path they were fetched from; the first that matches.
KINDS = (
    ("search index", re.compile(r"search_index\.js(on)?$")),
    ("plotly.js", re.compile(r"/plotly-[^/]*\.js$")),
    ("scripts", re.compile(r"\.m?js$")),
    ("styles", re.compile(r"\.css$")),
    ("fonts", re.compile(r"\.(woff2?|ttf|otf|eot)$")),
    ("HTML", re.compile(r"(/|\.html)$")),
)
OTHER = "other"
#: True once every chart of the page is drawn.
CHARTS_DRAWN = (
    "() => [...document.querySelectorAll('.speelveld-chart')]"
    ".every((chart) => chart.querySelector('svg.main-svg'))"
)
#: The columns of the weight tables, in order.
COLUMNS = ("HTML", "scripts", "plotly.js", "styles", "fonts", "search index", OTHER)


@dataclass
class Weight:
    """The bytes a page made the browser fetch, by kind, and whether it has a chart."""

    chart: bool
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def build_amsterdam(site: Path) -> Path:
    """The repository's own project, built as the README builds it."""
    _, _, output = timed(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        REPOSITORY,
    )
    if not (site / "index.html").is_file():
        raise SystemExit(f"the Amsterdam site did not build:\n{output[-2000:]}")
    return site


def weighed_pages(site: Path) -> dict[str, str]:
    """The addresses of the pages to weigh that this site has."""
    found = {}
    for name, address in WEIGHED.items():
        if "*" in address:
            pages = sorted(
                p.parent for p in site.glob(f"{address}index.html") if p.parent.parent != site
            )
            if pages:
                found[name] = pages[0].relative_to(site).as_posix() + "/"
        elif (site / address / "index.html").is_file():
            found[name] = address
    # Every page without a chart loads the same scripts, styles and search index: the one
    # with the most HTML is the heaviest of them.
    plain = [
        page
        for page in site.rglob("index.html")
        if CHART_MARK not in page.read_text("utf-8", errors="replace")
    ]
    if plain:
        heaviest = max(plain, key=lambda page: (page.stat().st_size, page.as_posix()))
        address = heaviest.parent.relative_to(site).as_posix().strip(".") + "/"
        found[f"Most HTML without a chart ({address.lstrip('/')})"] = address.lstrip("/")
    return found


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and counts the bytes of every response body it sends, by path."""

    sent: list[tuple[str, int]]

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        before = source.tell()
        super().copyfile(source, outputfile)
        self.sent.append((self.path.split("?")[0], source.tell() - before))

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@contextmanager
def counting_server(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """``site`` on 127.0.0.1 without compression; the address and the list of what it sent."""
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_CountingHandler,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def kind_of(path: str) -> str:
    return next((kind for kind, pattern in KINDS if pattern.search(path)), OTHER)


def weigh(site: Path) -> dict[str, Weight]:
    """Per page, the bytes that Chromium fetches to show it, from a fresh context (an empty
    cache) until the network has been idle for half a second."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("weighing pages needs playwright: pip install -e '.[test]'") from None
    if not CHROMIUM.is_file():
        raise SystemExit(f"weighing pages needs {CHROMIUM}: run scripts/install-browser-deps")
    weights = {}
    with counting_server(site) as (base, sent), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for name, address in weighed_pages(site).items():
                context = browser.new_context(
                    viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
                    service_workers="block",
                )
                sent.clear()
                try:
                    page = context.new_page()
                    page.goto(base + address, wait_until="networkidle", timeout=60_000)
                    # Drawing a large chart keeps the page busy: idle again after it.
                    page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
                    page.wait_for_load_state("networkidle", timeout=60_000)
                    chart = page.locator(".speelveld-chart").count() > 0
                finally:
                    context.close()
                weight = Weight(chart)
                for path, size in sent:
                    kind = kind_of(path)
                    weight.by_kind[kind] = weight.by_kind.get(kind, 0) + size
                weights[name] = weight
        finally:
            browser.close()
    return weights


#: ``speelveld check`` with the cyclic collector left running, to show what pausing it saves.
WITH_COLLECTOR = (
    "import contextlib, sys; import speelveld.collector as c; "
    "c.paused = contextlib.nullcontext; from speelveld.cli import main; "
    "sys.argv[0] = 'speelveld'; main()"
)


#: ``speelveld check`` after importing what asks what each finding rests on, and the same
#: without asking: both import the same before check starts, so that only the asking differs.
WITH_ASSUMPTIONS = (
    "import sys; import speelveld.assumptions as a; "
    "from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"
)
WITHOUT_ASSUMPTIONS = WITH_ASSUMPTIONS.replace(
    "from speelveld.cli",
    "a.in_portfolios = lambda *args: ({}, {}); a.in_measures = lambda *args: {}; "
    "from speelveld.cli",
)


#: ``speelveld export pdf`` after importing what writes the PDF, and the same with pydyf's
#: list of page references made anew at every use: what keeping it saves.
PDF_AS_IS = (
    "import sys, contextlib; import speelveld.council as c; "
    "from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"
)
REFERENCES_REBUILT = PDF_AS_IS.replace(
    "from speelveld.cli", "c._page_references_kept = contextlib.nullcontext; from speelveld.cli"
)


#: ``speelveld check`` that parses every file itself, to show what the second process saves.
ONE_PROCESS = (
    "import sys; import speelveld.loader as l; l.usable_cores = lambda: 1; "
    "from speelveld.cli import main; sys.argv[0] = 'speelveld'; main()"
)


def measure_size(
    work: Path, size: int, runs: int, *, rebuild: bool, collector: bool = False
) -> dict[str, float]:
    # Valid data, so that the portfolio rules run for the policy in force, the plan and
    # each of the three scenarios the synthetic project has.
    data = project(work / f"check-{size}", size, errors=False)
    row: dict[str, float] = {"files": sum(1 for _ in data.glob("*/*.yml"))}
    floor = [sys.executable, str(HERE / "floor.py"), str(data)]
    row["floor"], row["floor_mb"], _ = measured(floor, runs)
    output = str(work / "report.json")
    check = [str(BIN / "speelveld"), "check", str(data), "--format", "json", "--output", output]
    row["check"], row["check_mb"], _ = measured(check, runs)
    if collector:
        with_collector = [sys.executable, "-c", WITH_COLLECTOR, *check[1:]]
        row["check_with_gc"], _, _ = measured(with_collector, runs)
    if size == 1000:
        row |= measure_interactions(work, size, runs)
        one_process = [sys.executable, "-c", ONE_PROCESS, *check[1:]]
        row["check_one_process"], _, _ = measured(one_process, runs)
        row |= measure_assumptions(work, data, runs)
    if size <= BUILD_LIMIT:
        row |= measure_exports(work, data, runs, rebuilt=size == 1000)
        row |= measure_build(work, size, runs)
        if rebuild:
            row |= measure_rebuild(work / f"site-{size}")
    return row


#: The domains of the project that weighs the interactions: a full matrix is 6 × 5 pairs.
INTERACTING_DOMAINS = 6


def measure_interactions(work: Path, size: int, runs: int) -> dict[str, float]:
    """``speelveld check`` of a six-domain project without interactions.yml, and with every
    ordered pair of its domains scored (none of them 0, strong ones among them): what the
    indirect effects and the findings they bring cost. The two are timed in turn, so that
    other work on the machine weighs on both alike, and compared pair by pair."""
    data = work / f"interacting-{size}"
    write(generate(size, INTERACTING_DOMAINS, seed=1, errors=False), data)
    output = str(work / "report-interacting.json")
    check = [str(BIN / "speelveld"), "check", str(data), "--format", "json", "--output", output]
    domains = sorted(path.stem for path in (data / "domains").glob("*.yml"))
    scores = (-3, -2, -1, 1, 2, 3)
    pairs = [
        f"  - {{from: {a}, to: {b}, score: {scores[(i + 2 * j) % len(scores)]}, "
        "rationale: Zo werkt het door.}\n"
        for i, a in enumerate(domains)
        for j, b in enumerate(domains)
        if a != b
    ]
    matrix = "interactions:\n" + "".join(pairs)
    without, with_interactions = [], []
    for _ in range(runs):
        (data / "interactions.yml").unlink(missing_ok=True)
        without.append(timed(check)[0])
        (data / "interactions.yml").write_text(matrix, "utf-8")
        with_interactions.append(timed(check)[0])
    return {
        "check_six_domains": statistics.median(without),
        "check_interactions": statistics.median(with_interactions),
        # Each pair timed back to back: the median of their ratios drifts least with the load.
        "interactions_ratio": statistics.median(
            b / a for a, b in zip(without, with_interactions, strict=True)
        ),
    }


#: A share of the positive effect that every domain of the synthetic project (four, about
#: a quarter each) falls short of: every portfolio then has a finding that may rest on a score.
UNDERSERVED = "rules:\n  domain-underserved:\n    min_domain_share: 0.3\n"


def measure_assumptions(work: Path, data: Path, runs: int) -> dict[str, float]:
    """``speelveld check`` with and without asking what each finding rests on, at its worst:
    every portfolio has a finding of a rule that reads scores, so that every assumed score of
    every portfolio is tried. The two are timed in turn and compared pair by pair."""
    data = Path(shutil.copytree(data, work / "assumed"))
    (data / "speelveld.yml").write_text(UNDERSERVED, "utf-8")
    output = work / "report-assumed.json"
    check = ["check", str(data), "--portfolio", "all", "--format", "json", "--output", str(output)]
    with_, without = [], []
    for _ in range(runs):
        with_.append(timed([sys.executable, "-c", WITH_ASSUMPTIONS, *check])[0])
        without.append(timed([sys.executable, "-c", WITHOUT_ASSUMPTIONS, *check])[0])
    found = json.loads(output.read_text("utf-8"))["findings"]
    tried = {f["portfolio"] for f in found if f["code"] == "domain-underserved"}
    if len(tried) < 2:
        raise SystemExit(f"the worst case of rests_on has findings in {len(tried)} portfolios")
    return {
        "check_assumptions": statistics.median(with_),
        "check_without_assumptions": statistics.median(without),
        "assumptions_ratio": statistics.median(a / b for a, b in zip(with_, without, strict=True)),
    }


def measure_exports(work: Path, data: Path, runs: int, *, rebuilt: bool) -> dict[str, float]:
    """``speelveld export xlsx`` and ``export pdf`` of the project, as whole processes;
    ``rebuilt``: also the PDF with and without the kept page references, in turn."""
    speelveld = str(BIN / "speelveld")
    book, pdf = str(work / "speelveld.xlsx"), str(work / "rapport.pdf")
    xlsx_command = [speelveld, "export", "xlsx", "--project", str(data), "--out", book]
    pdf_command = [speelveld, "export", "pdf", "--project", str(data), "--out", pdf]
    xlsx, _, _ = measured(xlsx_command, runs)
    # One run: the PDF takes seconds, and its spread is small beside the target.
    rapport, rapport_mb, _ = measured(pdf_command, 1)
    row = {"xlsx": xlsx, "pdf": rapport, "pdf_mb": rapport_mb}
    if rebuilt:
        row["pdf_kept"] = timed([sys.executable, "-c", PDF_AS_IS, *pdf_command[1:]])[0]
        row["pdf_rebuilt"] = timed([sys.executable, "-c", REFERENCES_REBUILT, *pdf_command[1:]])[0]
    return row


def measure_build(work: Path, size: int, runs: int) -> dict[str, float]:
    source = project(work / f"site-{size}", size, errors=False)
    site = work / f"site-{size}-out"
    builds = []
    for _ in range(runs):
        seconds, peak, output = timed([str(BIN / "mkdocs"), "build", "-v", "-d", str(site)], source)
        match = PLUGIN_LINE.search(output)
        if match is None:
            raise SystemExit(f"no plugin timing in the build log:\n{output[-2000:]}")
        builds.append((seconds, peak, float(match.group(4)), float(match.group(3))))
    home, home_assets = page_weight(site, site / "index.html")
    measure_page = sorted((site / "maatregelen").glob("maatregel-*/index.html"))[0]
    return {
        "build": statistics.median(b[0] for b in builds),
        "build_mb": max(b[1] for b in builds),
        "plugin": statistics.median(b[2] for b in builds),
        "pages": builds[-1][3],
        "home_kb": home / 1024,
        "home_assets_kb": home_assets / 1024,
        "measure_kb": page_weight(site, measure_page)[0] / 1024,
        "speelveld_kb": page_weight(site, site / "speelveld/index.html")[0] / 1024,
        "whatif_kb": page_weight(site, site / "wat-als/index.html")[0] / 1024,
        "evaluate_ms": evaluate_ms(site),
        "plotly_kb": plotly_script(site).stat().st_size / 1024,
    }


def evaluate_ms(site: Path) -> float:
    """``speelveld.evaluate`` on every measure of the what-if page, in Chromium."""
    done = subprocess.run(
        [sys.executable, str(HERE / "whatif.py"), str(site)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split(" ms")[0])


#: The size of the project whose build is measured with long summaries.
SCALE = 5000
#: How long those summaries are, in characters.
SUMMARY_BYTES = 3000


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_scale(work: Path, measures: int) -> dict[str, float]:
    """``check`` and ``mkdocs build`` of a large project with long summaries, once each."""
    data = project(work / f"scale-{measures}", measures, False, SUMMARY_BYTES)
    output = str(work / "scale.json")
    check = [str(BIN / "speelveld"), "check", str(data), "--format", "json", "--output", output]
    checked, check_mb, _ = timed(check)
    site = work / f"scale-{measures}-site"
    cpu: list[float] = []
    built, build_mb, _ = timed([str(BIN / "mkdocs"), "build", "-d", str(site)], data, cpu)
    return {
        "scale": measures,
        "scale_data_mb": folder_size(data) / 1e6,
        "scale_check": checked,
        "scale_check_mb": check_mb,
        "scale_build": built,
        "scale_build_mb": build_mb,
        "scale_build_cpu": cpu[0],
        "scale_site_mb": folder_size(site) / 1e6,
        "scale_index_mb": (site / "search" / "search_index.json").stat().st_size / 1e6,
    }


#: One sentence of advisor Markdown with emphasis, a link and code.
SENTENCE = "Een zin met *nadruk* en een [link](https://example.org/pad) en `code` erbij. "
#: Markdown at its most expensive for the site engine: a line of syntax, as long as allowed.
WORST_LINE = ("*a* _b_ `c` [d](https://e.f) <g> &h; {i} \\j ![k](l) " * 40)[:1000]


def measure_text(work: Path, runs: int) -> dict[str, float]:
    """Seconds of build per megabyte of advisor text: a description in one paragraph, and
    a file of the longest lines a page shows in a list, each line full of Markdown."""
    base = project(work / "text", 20, errors=False)
    plain = median_build(base, runs)
    domain = sorted((base / "domains").glob("*.yml"))[0]
    original = domain.read_text("utf-8")
    described = yaml.safe_load(original)
    described["description"] = SENTENCE * (1_000_000 // len(SENTENCE))
    domain.write_text(yaml.safe_dump(described, allow_unicode=True, width=10**7), "utf-8")
    description_mb = domain.stat().st_size / 1e6
    description = median_build(base, runs)
    domain.write_text(original, "utf-8")
    measure = sorted((base / "measures").glob("*.yml"))[0]
    listed = yaml.safe_load(measure.read_text("utf-8"))
    listed["sources"] = [WORST_LINE] * (1_000_000 // len(WORST_LINE))
    measure.write_text(yaml.safe_dump(listed, allow_unicode=True, width=10**7), "utf-8")
    worst_mb = measure.stat().st_size / 1e6
    worst = median_build(base, runs)
    return {
        "text_plain": plain,
        "text_description": (description - plain) / description_mb,
        "text_worst": (worst - plain) / worst_mb,
        "text_worst_file": worst - plain,
        "text_worst_mb": worst_mb,
        "max_file_mb": DEFAULT_MAX_FILE_BYTES / 1e6,
    }


def median_build(source: Path, runs: int) -> float:
    site = source.with_name(f"{source.name}-site")
    command = [str(BIN / "mkdocs"), "build", "-d", str(site)]
    return statistics.median(timed(command, source)[0] for _ in range(runs))


def measure_rebuild(source: Path) -> dict[str, float]:
    """Two builds as serve makes them, without and (on a copy in git) with ``compare_with``."""
    plain = _rebuilds(source)
    compared = source.with_name(source.name + "-vergelijking")
    shutil.copytree(source, compared, ignore=shutil.ignore_patterns("site"))
    with_base = _rebuilds(compared, "--compare")
    return {
        "rebuild_files": float(plain[1][0]),
        "rebuild_reused": float(plain[1][1]),
        "first_plugin": float(plain[0][3]),
        "rebuild_plugin": float(plain[1][3]),
        "rebuild_compare_plugin": float(with_base[1][3]),
    }


def _rebuilds(source: Path, *options: str) -> list[tuple[str, ...]]:
    _, _, output = timed([sys.executable, str(HERE / "rebuild.py"), str(source), *options])
    lines: list[tuple[str, ...]] = PLUGIN_LINE.findall(output)
    if len(lines) != 2:
        raise SystemExit(f"rebuild: expected two plugin log lines:\n{output[-2000:]}")
    return lines


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    models = [
        line.split(":", 1)[1].strip()
        for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
        if line.startswith("model name")
    ]
    cpu = models[0] if models else platform.processor()
    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}"


def table(rows: dict[int, dict[str, float]]) -> list[str]:
    header = (
        "measures",
        "files",
        "floor s",
        "check s",
        "check/floor",
        "floor MB",
        "check MB",
        "build s",
        "plugin s",
        "plugin/build",
    )
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for size, row in rows.items():
        cells = [
            f"{size:,}",
            f"{row['files']:,.0f}",
            f"{row['floor']:.2f}",
            f"{row['check']:.2f}",
            f"{row['check'] / row['floor']:.2f}",
            f"{row['floor_mb']:.0f}",
            f"{row['check_mb']:.0f}",
        ]
        if "build" in row:
            share = row["plugin"] / row["build"]
            cells += [f"{row['build']:.2f}", f"{row['plugin']:.3f}", f"{share:.1%}"]
        else:
            cells += ["-", "-", "-"]
        lines.append(" | ".join(cells))
    return lines


#: Targets at --scale measures with long summaries, set from the measurement on 2 shared
#: cores (reference/prestaties.md): a build of 149-164 s of CPU (154-208 s on the clock),
#: peaks of 754 and 199 MB, a site of 237 MB with a search index of 41.4 MB, a check of
#: 3.2-3.5 s. The build is held to its CPU time, which a busy machine disturbs far less
#: than the time on the clock.
SCALE_TARGETS = (
    ("scale_build_cpu", "CPU seconds of mkdocs build at {n:,} measures with long summaries", 200),
    ("scale_build_mb", "peak memory of that build (MB)", 850),
    ("scale_check", "check at {n:,} measures with long summaries (s)", 6),
    ("scale_check_mb", "peak memory of that check (MB)", 250),
    ("scale_site_mb", "size of that site (MB)", 260),
    ("scale_index_mb", "size of its search index (MB)", 45),
)


def extra_targets(extra: dict[str, float]) -> list[tuple[str, float, float]]:
    """The targets of the large project and of advisor text, where measured."""
    found = []
    if "scale" in extra and extra["scale"] == SCALE:
        found += [(name.format(n=SCALE), extra[key], limit) for key, name, limit in SCALE_TARGETS]
    if "text_description" in extra:
        found.append(
            ("build seconds per MB of a description in one paragraph", extra["text_description"], 5)
        )
        found.append(
            ("build seconds per MB of the costliest text a file can hold", extra["text_worst"], 25)
        )
        found.append(
            (
                "build seconds of a file of max_file_bytes at that cost",
                extra["text_worst"] * extra["max_file_mb"],
                30,
            )
        )
    return found


def targets(rows: dict[int, dict[str, float]]) -> list[tuple[str, float, float]]:
    """(what, measured, at most) for each target that this run measured."""
    found = []
    thousand, ten_thousand = rows.get(1000), rows.get(10000)
    if thousand:
        found.append(
            ("check / floor at 1,000 measures", thousand["check"] / thousand["floor"], 2.0)
        )
        if "build" in thousand:
            share = thousand["plugin"] / thousand["build"]
            found.append(("plugin / build at 1,000 measures", share, 0.10))
            found.append(("measure page HTML at 1,000 measures (KB)", thousand["measure_kb"], 60))
            found.append(("Home page HTML at 1,000 measures (KB)", thousand["home_kb"], 150))
            found.append(
                ("Speelveld page HTML at 1,000 measures (KB)", thousand["speelveld_kb"], 150)
            )
            found.append(
                ("what-if page HTML and data at 1,000 measures (KB)", thousand["whatif_kb"], 300)
            )
            found.append(
                (
                    "speelveld.evaluate of 1,000 measures in Chromium (ms)",
                    thousand["evaluate_ms"],
                    50,
                )
            )
    if thousand and "xlsx" in thousand:
        found.append(("export xlsx at 1,000 measures (s)", thousand["xlsx"], 5))
        found.append(("export pdf at 1,000 measures (s)", thousand["pdf"], 30))
    if thousand and "pdf_rebuilt" in thousand:
        saved = thousand["pdf_kept"] / thousand["pdf_rebuilt"]
        found.append(("export pdf / with page references made at every use", saved, 0.97))
    if thousand and ten_thousand:
        found.append(
            ("check(10,000) / check(1,000)", ten_thousand["check"] / thousand["check"], 11)
        )
    if ten_thousand:
        found.append(
            ("peak memory of check at 10,000 measures (MB)", ten_thousand["check_mb"], 500)
        )
    for size, row in rows.items():
        if "rebuild_files" in row:
            again = row["rebuild_files"] - row["rebuild_reused"]
            found.append(("files parsed again in a rebuild after one change", again, 1))
            ratio = row["rebuild_compare_plugin"] / row["rebuild_plugin"]
            found.append(
                (f"serve rebuild with compare_with / without at {size:,} measures", ratio, 1.3)
            )
        if "assumptions_ratio" in row:
            cost = row["assumptions_ratio"]
            found.append((f"check / check without rests_on at {size:,} measures", cost, 1.2))
        if "interactions_ratio" in row:
            grown = row["interactions_ratio"]
            found.append(
                (
                    f"check with a full 6 × 6 interaction matrix / without at {size:,} measures",
                    grown,
                    1.1,
                )
            )
        if "check_one_process" in row:
            saved = row["check"] / row["check_one_process"]
            found.append((f"check / check in one process at {size:,} measures", saved, 0.9))
        if "check_with_gc" in row:
            saved = row["check"] / row["check_with_gc"]
            found.append(
                (f"check / check with the cyclic collector at {size:,} measures", saved, 0.9)
            )
    return found


def weight_targets(weights: dict[str, dict[str, Weight]]) -> list[tuple[str, float, float]]:
    """(what, measured, at most) for the weight of the pages in the browser; 1 MB is
    1,000,000 bytes."""
    found = []
    amsterdam, thousand = weights.get(AMSTERDAM, {}), weights.get("1,000 measures", {})
    if "Speelveld" in amsterdam:
        total = amsterdam["Speelveld"].total / 1e6
        found.append(("Speelveld page in Chromium, Amsterdam (MB)", total, 2.0))
    without = [w.total for w in amsterdam.values() if not w.chart]
    if without:
        found.append(
            ("heaviest page without a chart in Chromium, Amsterdam (KB)", max(without) / 1e3, 600)
        )
    if "Speelveld" in thousand:
        total = thousand["Speelveld"].total / 1e6
        found.append(("Speelveld page in Chromium at 1,000 measures (MB)", total, 2.5))
    if "Maatregel" in thousand:
        total = thousand["Maatregel"].total / 1e6
        found.append(("measure page in Chromium at 1,000 measures (MB)", total, 1.0))
    if weights:
        loading = sum(
            1
            for pages in weights.values()
            for weight in pages.values()
            if not weight.chart and weight.by_kind.get("plotly.js")
        )
        found.append(("pages without a chart that load plotly.js", loading, 0))
    return found


def weight_table(pages: dict[str, Weight]) -> list[str]:
    header = ("page", "total KB", *(f"{column} KB" for column in COLUMNS), "chart")
    lines = [" | ".join(header), " | ".join("---" for _ in header)]
    for name, weight in pages.items():
        cells = [f"{weight.by_kind.get(column, 0) / 1e3:,.0f}" for column in COLUMNS]
        total = f"{weight.total / 1e3:,.0f}"
        lines.append(" | ".join([name, total, *cells, "yes" if weight.chart else "no"]))
    return lines


def report(
    rows: dict[int, dict[str, float]],
    runs: int,
    weights: dict[str, dict[str, Weight]],
    extra: dict[str, float],
) -> int:
    print(f"Machine: {machine()}; medians of {runs} runs of whole processes\n")
    print("\n".join(table(rows)))
    for site, pages in weights.items():
        print(
            f"\nBytes Chromium loads per page, {site} (uncompressed, 1 KB = 1,000 bytes; local "
            "server, empty cache, until the network is idle):\n"
        )
        print("\n".join(weight_table(pages)))
    if "scale" in extra:
        print(
            f"\nAt {extra['scale']:,.0f} measures with summaries of about {SUMMARY_BYTES:,} "
            f"characters ({extra['scale_data_mb']:.1f} MB of YAML), one run each: check "
            f"{extra['scale_check']:.1f} s (peak {extra['scale_check_mb']:.0f} MB), mkdocs "
            f"build {extra['scale_build']:.1f} s ({extra['scale_build_cpu']:.1f} s of CPU, peak "
            f"{extra['scale_build_mb']:.0f} MB); the "
            f"site is {extra['scale_site_mb']:.1f} MB, its search index "
            f"{extra['scale_index_mb']:.1f} MB"
        )
    if "text_description" in extra:
        print(
            f"\nAdvisor text, beside a build of {extra['text_plain']:.2f} s: a description "
            f"in one paragraph costs {extra['text_description']:.2f} s per MB; the costliest "
            f"text a file can hold (lines of {len(WORST_LINE):,} characters full of Markdown) "
            f"{extra['text_worst']:.2f} s per MB, {extra['text_worst_file']:.1f} s for the "
            f"file of {extra['text_worst_mb']:.2f} MB; max_file_bytes is "
            f"{extra['max_file_mb']:.2f} MB"
        )
    for size, row in rows.items():
        if "xlsx" in row:
            print(
                f"\nExports at {size:,} measures: workbook {row['xlsx']:.2f} s, PDF "
                f"{row['pdf']:.2f} s (peak {row['pdf_mb']:.0f} MB)"
            )
        if "build" in row:
            print(
                f"\nPage weight at {size:,} measures: home page {row['home_kb']:.1f} KB, "
                f"measure page {row['measure_kb']:.1f} KB, speelveld page "
                f"{row['speelveld_kb']:.1f} KB, what-if page {row['whatif_kb']:.1f} KB of HTML "
                f"(its data included; speelveld.evaluate of all its measures "
                f"{row['evaluate_ms']:.1f} ms); the theme's scripts and styles "
                f"{row['home_assets_kb']:.0f} KB; plotly.js {row['plotly_kb']:.0f} KB, "
                "loaded once and only by pages with a chart"
            )
        if "check_interactions" in row:
            print(
                f"\nInteractions at {size:,} measures and six domains: check "
                f"{row['check_six_domains']:.2f} s without interactions.yml, "
                f"{row['check_interactions']:.2f} s with all 30 ordered pairs"
            )
        if "assumptions_ratio" in row:
            print(
                f"What findings rest on at {size:,} measures, every portfolio with a finding "
                f"about a domain: check {row['check_assumptions']:.2f} s, "
                f"{row['check_without_assumptions']:.2f} s without asking"
            )
        if "rebuild_files" in row:
            print(
                f"Rebuild after one changed measure, as in mkdocs serve: the plugin took "
                f"{row['first_plugin']:.3f} s the first time and {row['rebuild_plugin']:.3f} s "
                f"again, reusing {row['rebuild_reused']:,.0f} of {row['rebuild_files']:,.0f} files"
            )
    print()
    failed = 0
    for name, value, limit in [*targets(rows), *weight_targets(weights), *extra_targets(extra)]:
        failed += value > limit
        print(f"{'PASS' if value <= limit else 'FAIL'}  {name}: {value:.2f} (at most {limit:g})")
    return 1 if failed else 0


if __name__ == "__main__":
    main()
