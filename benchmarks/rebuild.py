"""What `mkdocs serve` does after an edit: build, change one measure, build again.

    python benchmarks/rebuild.py PROJECT [--compare]

Prints the plugin's own log line of both builds (files, files reused, seconds). With
``--compare`` the project first becomes a git repository tagged ``v1`` and its
``speelveld.yml`` compares with that tag, as a site that shows what changed since the
last council decision; the second build shows what keeping the earlier version saves.
"""

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

project = Path(sys.argv[1])
if "--compare" in sys.argv[2:]:
    for args in (
        ["init", "-q"],
        ["config", "user.email", "benchmark@example.org"],
        ["config", "user.name", "Benchmark"],
        ["add", "-A"],
        ["commit", "-qm", "v1"],
        ["tag", "v1"],
    ):
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)
    with (project / "speelveld.yml").open("a", encoding="utf-8") as config:
        config.write("\ncompare_with: v1\n")
logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stdout)
logging.getLogger("mkdocs.plugins.speelveld.plugin").setLevel(logging.DEBUG)

build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
measure = sorted((project / "measures").glob("*.yml"))[0]
measure.write_text(measure.read_text("utf-8") + "# gewijzigd\n", "utf-8")
build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
