"""The preview: ``mkdocs serve`` on a project, read over HTTP as a browser reads it.

Under serve an input error replaces the site with a Dutch page of findings (and the server
keeps answering); fixing the data brings the site back. A ``speelveld.yml`` or a data folder
made while the server runs is picked up without a restart. ``mkdocs build`` still stops.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import build

#: How long a rebuild after a change may take to show; the server polls every half second.
CHANGE_S = 60.0
BROKEN = "title: [Testservice\nsummary: kapot\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Preview:
    """A running ``mkdocs serve`` and what its pages say."""

    def __init__(self, process: subprocess.Popen[str], port: int, log: Path) -> None:
        self.process = process
        self.base = f"http://127.0.0.1:{port}"
        self.log = log

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error)

    def wait_for(self, path: str, what: str, holds: Callable[[int, str], bool]) -> str:
        """The page at ``path`` once ``holds``; fails with the server's log after a while."""
        deadline = time.monotonic() + CHANGE_S
        status, page = 0, ""
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve stopped:\n{self.output()}"
            status, page = self.get(path)
            if holds(status, page):
                return page
            time.sleep(0.3)
        pytest.fail(
            f"{path} did not show {what} within {CHANGE_S:.0f} s (last: HTTP {status})\n"
            f"{page[:600]}\n--- mkdocs serve ---\n{self.output()}"
        )

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")[-4000:]


@pytest.fixture
def project(site_project: Path) -> Path:
    return site_project


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[Preview]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    running = Preview(process, port, log)
    try:
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def is_site(status: int, page: str) -> bool:
    return status == 200 and "<h1" in page and "Invoerfouten in de gegevens" not in page


def shows_findings(status: int, page: str) -> bool:
    return status == 200 and "Invoerfouten in de gegevens" in page


def test_an_input_error_shows_in_the_preview_until_it_is_fixed(
    project: Path, preview: Preview
) -> None:
    home = preview.wait_for("/", "the site", is_site)
    assert 'id="nachtleven"' in home
    measure = project / "measures" / "testservice.yml"
    valid = measure.read_text("utf-8")
    measure.write_text(BROKEN, "utf-8")

    page = preview.wait_for("/", "the findings page", shows_findings)
    row = page.split("<tbody>")[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[:4] == ["measures/testservice.yml", "1", "8", "yaml-syntax"], row
    assert "1 invoerfout" in page
    # The page the advisor had open shows the findings too, and the server keeps serving.
    status, open_page = preview.get("/maatregelen/testservice/")
    assert shows_findings(status, open_page), open_page[:400]
    assert "measures/testservice.yml" in open_page
    assert "Aborted" not in preview.output()
    assert "De voorvertoning toont deze fouten in de browser" in preview.output()

    measure.write_text(valid, "utf-8")
    preview.wait_for("/", "the site again", is_site)
    status, page = preview.get("/maatregelen/testservice/")
    assert is_site(status, page)
    assert "Testservice" in page


def test_a_new_configuration_file_and_data_folder_are_picked_up(
    project: Path, preview: Preview, tmp_path: Path
) -> None:
    preview.wait_for("/", "the site", is_site)
    (project / "speelveld.yml").write_text("compare_with: bestaat-niet\n", "utf-8")
    preview.wait_for(
        "/wijzigingen/",
        "the comparison that speelveld.yml asks for",
        lambda status, page: status == 200 and "De vergelijking met" in page,
    )
    # A data folder that did not exist when the server started.
    aside = tmp_path / "instrumenten-apart"
    shutil.move(project / "instruments", aside)
    preview.wait_for("/", "the findings page without instruments/", shows_findings)
    shutil.copytree(aside, project / "instruments")
    preview.wait_for("/instrumenten/keurmerk/", "the instrument page", is_site)
    # From then on the new folder is watched like the others.
    keurmerk = project / "instruments" / "keurmerk.yml"
    keurmerk.write_text(keurmerk.read_text("utf-8").replace("name: ", "name: Nieuw ", 1), "utf-8")
    preview.wait_for(
        "/instrumenten/keurmerk/",
        "the renamed instrument",
        lambda status, page: is_site(status, page) and "Nieuw " in page,
    )
    # Without domains/ the folder is no project at all: the page says so.
    shutil.move(project / "domains", tmp_path / "domeinen-apart")
    page = preview.wait_for("/", "the page saying there is no project", shows_findings)
    assert "er is geen map domains/" in page
    shutil.move(tmp_path / "domeinen-apart", project / "domains")
    preview.wait_for("/domeinen/economie/", "the site with its domains", is_site)


def test_a_build_still_stops_on_an_input_error(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (project / "measures" / "testservice.yml").write_text(BROKEN, "utf-8")
    result = build(project, site)
    assert result.returncode != 0
    assert "measures/testservice.yml:1:8: fout yaml-syntax" in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert "Invoerfouten in de gegevens" not in (site / "index.html").read_text("utf-8")
