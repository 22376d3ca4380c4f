"""GitHub Actions workflow commands: annotations on the pull request."""

from __future__ import annotations

from .base import Output

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(output: Output) -> str:
    lines = []
    for finding in output.findings:
        properties = []
        if finding.path:
            properties += [
                f"file={_property(output.path(finding))}",
                f"line={finding.line}",
                f"col={finding.column}",
            ]
        properties.append(f"title={_property(finding.code)}")
        command = _COMMAND[finding.severity.label]
        lines.append(f"::{command} {','.join(properties)}::{_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
