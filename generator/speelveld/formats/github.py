"""GitHub Actions workflow commands: annotations on the pull request.

Unsafe characters are first made visible (:func:`base.visible`), so that a file name
cannot colour the job log or split a command; then GitHub's own escaping applies.
"""

from __future__ import annotations

from ..printable import visible
from .base import Output, rests_on

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
        title = finding.code + (f" [{finding.portfolio}]" if finding.portfolio else "")
        message = finding.message + (f" ({rests_on(finding)})" if finding.rests_on else "")
        command = _COMMAND[finding.severity.label]
        if finding.accepted is not None:  # shown, but as a notice: it no longer counts
            command = "notice"
            title += " (bewust aanvaard)"
            decision = finding.accepted
            message += f" Bewust aanvaard door {decision.author}: {decision.decision}"
        properties.append(f"title={_property(title)}")
        lines.append(f"::{command} {','.join(properties)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
