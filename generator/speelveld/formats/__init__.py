"""Report formats: one module per format, each a pure ``render(output) -> str``.

:data:`FORMATS` is the registry: the name of each format, as ``--format`` takes it, and the
module that renders it. The command line reads the names without importing a format;
:func:`renderer` imports the one that is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from .base import Output

__all__ = ["DIFF_FORMATS", "FORMATS", "Output", "renderer"]

#: The formats of ``speelveld check`` and ``speelveld import``, by name: their module.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}

#: The formats of ``speelveld diff``, by name: the function of :mod:`.diff` that renders it.
DIFF_FORMATS: dict[str, str] = {"text": "render_text", "markdown": "render_markdown"}


def renderer(name: str) -> Callable[[Output], str]:
    """The ``render`` of the format called ``name``."""
    module = importlib.import_module(f".{FORMATS[name]}", __package__)
    render: Callable[[Output], str] = module.render
    return render
