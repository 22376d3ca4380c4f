"""Real-browser harness: build the Amsterdam site once, serve it, drive Debian's Chromium.

The site is built with ``mkdocs build --strict`` from the repository's own mkdocs.yml into a
temporary folder, served on 127.0.0.1 by a quiet ThreadingHTTPServer, and opened in
headless Chromium (``/usr/bin/chromium``) through Playwright. Each test gets a fresh
browser context and page that records console errors, page errors and every request.

Nothing here skips: a missing Chromium, axe-core or playwright is a failure that says to
run ``scripts/install-browser-deps``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here needs Chromium: ``-m "not browser"`` runs the rest anywhere."""
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


REPO = BROWSER_TESTS.parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
AXE_SCRIPT = BROWSER_TESTS / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "run scripts/install-browser-deps (from the repository root) first"
VIEWPORT = {"width": 1280, "height": 900}
#: Per action and navigation; a local static site needs far less.
TIMEOUT_MS = 15_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a failing test reports what matters, not every request."""


@dataclass(frozen=True)
class Site:
    """The built site on disk and where it is served."""

    folder: Path
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path


def build_site(project: Path, folder: Path) -> Path:
    """``mkdocs build --strict`` of ``project`` into ``folder``; a failure says why."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(folder),
    ]
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        pytest.fail(
            f"the site does not build ({' '.join(command)} exited {result.returncode}):\n"
            + "\n".join(output.splitlines()[-60:]),
            pytrace=False,
        )
    assert (folder / "index.html").is_file(), f"mkdocs build wrote no index.html in {folder}"
    return folder


@pytest.fixture(scope="session")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Amsterdam site, built once per session with ``mkdocs build --strict``."""
    return build_site(REPO, tmp_path_factory.mktemp("site"))


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[Site]:
    """``folder`` served over HTTP on 127.0.0.1, on a free port, in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Site(folder=folder, base_url=f"http://127.0.0.1:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(site_folder: Path) -> Iterator[Site]:
    """The built Amsterdam site, served."""
    with serve(site_folder) as served:
        yield served


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by Playwright."""
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: {INSTALL_HINT}", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "the Python package playwright is missing: pip install -e '.[test]' "
            "(or 'playwright>=1.45,<2') into the virtual environment",
            pytrace=False,
        )
    manager = sync_playwright().start()
    try:
        try:
            chromium = manager.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
        except Exception as error:  # the message is the useful part
            pytest.fail(
                f"Chromium at {CHROMIUM} did not start: {error}\n{INSTALL_HINT}", pytrace=False
            )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        manager.stop()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    """axe-core's browser bundle, installed from tests/browser/package-lock.json."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE_SCRIPT} is missing): {INSTALL_HINT}", pytrace=False
        )
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return urlsplit(url).hostname == "127.0.0.1"


@dataclass
class SitePage:
    """A fresh page on the served site that records what a reader's browser would log."""

    page: Any
    site: Site = field(repr=False)
    artifacts: Path = field(repr=False)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list, repr=False)
    failed_requests: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        """Open ``path`` on the site and wait until the page and its requests settle."""
        response = self.page.goto(self.site.url(path), wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == 200, f"{path} answered HTTP {response.status}"
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path

    def screenshot(self, name: str) -> Path:
        """A full-page PNG in tests/artifacts, named after the page."""
        target = self.artifacts / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") + ".png")
        self.page.screenshot(path=str(target), full_page=True)
        return target

    def external_requests(self) -> list[str]:
        return [url for url in self.requests if not _is_local(url)]

    def assert_clean(self) -> None:
        """No console error, no uncaught exception, and nothing loaded from elsewhere."""
        problems: list[str] = []
        if self.console_errors:
            problems.append("console errors:\n  " + "\n  ".join(self.console_errors))
        if self.page_errors:
            problems.append(
                "page errors (uncaught exceptions):\n  " + "\n  ".join(self.page_errors)
            )
        external = self.external_requests()
        if external:
            problems.append(
                "requests to somewhere other than 127.0.0.1:\n  "
                + "\n  ".join(sorted(set(external)))
            )
        assert not problems, f"on {self.page.url}:\n" + "\n".join(problems)


@pytest.fixture
def site_page(browser: Any, site: Site, artifacts: Path) -> Iterator[SitePage]:
    """A fresh browser context and page per test, recording errors and requests.

    Requests to anywhere but 127.0.0.1 are recorded and then aborted, so that a page which
    tries to reach the internet fails its test quickly instead of waiting on the network.
    """
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    recorder = SitePage(page=page, site=site, artifacts=artifacts)

    def on_console(message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            if location.get("lineNumber") is not None:
                where += f":{location.get('lineNumber')}"
            recorder.console_errors.append(f"{message.text} ({where})" if where else message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: recorder.page_errors.append(str(error)))
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on(
        "requestfailed",
        lambda request: recorder.failed_requests.append(f"{request.url}: {request.failure}"),
    )

    def guard(route: Any) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    try:
        yield recorder
    finally:
        context.close()
