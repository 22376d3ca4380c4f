"""How fast the what-if page judges a choice in Chromium, on a built site.

    .venv/bin/python benchmarks/whatif.py SITE

Serves SITE on 127.0.0.1, opens ``wat-als/`` in headless Chromium (Debian's, as the browser
tests use it) and times ``speelveld.evaluate`` on every measure of the page at once, the
largest set a reader can choose: the median of 21 calls after one warm-up, in milliseconds.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMED = """
() => {
  const data = JSON.parse(document.getElementById('speelveld-wat-als-data').textContent);
  const ids = data.measures.map(m => m[0]);
  speelveld.evaluate(ids);
  const times = [];
  for (let n = 0; n < 21; n++) {
    const start = performance.now();
    speelveld.evaluate(ids);
    times.push(performance.now() - start);
  }
  return {times, measures: ids.length};
}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: only the measurement is printed."""


def main(site: Path) -> None:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/wat-als/")
            page.wait_for_function("window.speelveld && window.speelveld.evaluate")
            result = page.evaluate(TIMED)
            browser.close()
    finally:
        server.shutdown()
    print(f"{statistics.median(result['times']):.2f} ms for {result['measures']} measures")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
