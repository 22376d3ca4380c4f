"""The plotly.js that the site ships: only the trace types the figures draw.

``assets/plotly.min.js`` is built from the ``plotly.js`` npm package by
``scripts/build-plotly-bundle`` and committed; ``tests/test_bundle.py`` rebuilds it and
lists the trace types of every figure. In the site it is named by its content, so that a
browser may keep it as long as it likes and still never runs an old one.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

#: The bundle and its licence notices in the package's assets.
BUNDLE = "plotly.min.js"
LICENCE = "plotly.LICENSE.txt"
#: Hexadecimal digits of the content hash in the bundle's name in the site.
HASH_DIGITS = 12


def bundle_file() -> Path:
    return Path(str(resources.files("speelveld") / "assets" / BUNDLE))


def licence_file() -> Path:
    return Path(str(resources.files("speelveld") / "assets" / LICENCE))


def script_name(bundle: Path | None = None) -> str:
    """``plotly-<hash>.min.js``: the bundle's name in the site, after its content."""
    data = (bundle or bundle_file()).read_bytes()
    return f"plotly-{hashlib.sha256(data).hexdigest()[:HASH_DIGITS]}.min.js"
