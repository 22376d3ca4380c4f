"""What `mkdocs serve` does after an edit: build, change one measure, build again.

Prints the plugin's own log line of both builds (files, files reused, seconds).
"""

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

project = Path(sys.argv[1])
logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stdout)
logging.getLogger("mkdocs.plugins.speelveld.plugin").setLevel(logging.DEBUG)

build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
measure = sorted((project / "measures").glob("*.yml"))[0]
measure.write_text(measure.read_text("utf-8") + "# gewijzigd\n", "utf-8")
build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
