"""Report formats: one module per format, each a pure ``render(output) -> str``."""

from __future__ import annotations

from collections.abc import Callable

from . import github, json_format, junit, sarif, text
from .base import Output

__all__ = ["FORMATS", "Output"]

FORMATS: dict[str, Callable[[Output], str]] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
