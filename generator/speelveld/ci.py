"""The GitHub set-up of a project repository: what ``speelveld init --ci github`` writes.

Such a repository holds only the project's YAML, so the workflows install a released
Speelveld, pinned to one version, from the package index: never the repository itself. The
workflows are files in ``ci/`` (checked as they are by actionlint); only the version is filled in.
"""

from __future__ import annotations

import re
from importlib import resources

#: The placeholder in the files of ``ci/`` that becomes the pinned version.
PLACEHOLDER = "@VERSION@"

#: Path in the project repository -> file in ``ci/``.
FILES = {
    ".github/workflows/pr.yml": "pr.yml",
    ".github/workflows/pages.yml": "pages.yml",
    ".github/dependabot.yml": "dependabot.yml",
}

#: A public release version (PEP 440): it is written into a shell command, so nothing else.
VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")


def ci_files(version: str) -> dict[str, str]:
    """The GitHub workflows and Dependabot configuration, by path, for Speelveld ``version``."""
    if not VERSION.fullmatch(version):
        raise ValueError(f"'{version}' is geen versienummer van een release van Speelveld")
    folder = resources.files("speelveld") / "ci"
    return {
        path: (folder / name).read_text("utf-8").replace(PLACEHOLDER, version)
        for path, name in FILES.items()
    }
