"""Where a project repository gets Speelveld from, and its GitHub set-up.

A project repository holds only the project's YAML, so its workflows and pre-commit hooks
install Speelveld from elsewhere: by default the released version that wrote them, or any
single pip requirement given with ``speelveld init --install`` (a version, a wheel path or
URL, a git URL). The workflows are files in ``ci/`` (checked as they are by actionlint);
only that requirement is filled in, as the value of an environment variable, so no shell
ever reads it as code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: The placeholder in the files of ``ci/`` that becomes the requirement, as a YAML text.
PLACEHOLDER = "@INSTALL@"
PACKAGE = "speelveld"


@dataclass(frozen=True)
class Service:
    """A CI service whose files ``speelveld init --ci NAME`` writes."""

    #: The service as the help of ``init`` names it.
    label: str
    #: Path in the project repository -> file in ``ci/``.
    files: Mapping[str, str]


#: Every CI service by the name ``--ci`` takes.
SERVICES = {
    "github": Service(
        "GitHub Actions",
        {
            ".github/workflows/pr.yml": "pr.yml",
            ".github/workflows/pages.yml": "pages.yml",
            ".github/dependabot.yml": "dependabot.yml",
        },
    ),
}

#: A public release version (PEP 440).
VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
_OPERATOR = r"(===|==|>=|<=|~=|!=|<|>)"
_SPECIFIER = rf"{_OPERATOR}\s*[0-9][\w.*+!-]*"
#: ``speelveld``, optionally with extras, then version specifiers or ``@ URL``.
_REQUIREMENT = re.compile(
    rf"{PACKAGE}(\[[\w,\s-]+\])?\s*((@\s*\S+)|({_SPECIFIER}(\s*,\s*{_SPECIFIER})*))?",
    re.IGNORECASE,
)
_URL = re.compile(r"(git\+)?(https?|file|ssh)://\S+")
_ARCHIVES = (".whl", ".tar.gz", ".zip")
#: What a requirement never holds: it is written into YAML, Markdown and a shell variable.
_FORBIDDEN = re.compile(r"[\"'`$\\\x00-\x1f\x7f]")


class InvalidInstall(ValueError):
    """The requirement is none that pip installs Speelveld from; the message is Dutch."""


def requirement(spec: str | None, version: str) -> str:
    """What pip installs: ``spec`` checked, or the release ``version`` when there is none.

    A bare version becomes ``speelveld==VERSION``; a path to a wheel or sdist that exists
    becomes its absolute path, since the hooks of pre-commit install from another folder.
    """
    if spec is None:
        if not VERSION.fullmatch(version):
            raise InvalidInstall(f"'{version}' is geen versienummer van een release van Speelveld")
        return f"{PACKAGE}=={version}"
    text = spec.strip()
    example = (
        "geef een versie (0.2.0), een vereiste (speelveld>=0.2,<0.3), een wheel "
        "(pad of URL) of een git-URL (git+https://…)"
    )
    if not text or _FORBIDDEN.search(text):
        raise InvalidInstall(f"--install '{spec}' is niet te gebruiken; {example}")
    if VERSION.fullmatch(text):
        return f"{PACKAGE}=={text}"
    if _REQUIREMENT.fullmatch(text) or _URL.fullmatch(text):
        return text
    if text.endswith(_ARCHIVES) and " " not in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise InvalidInstall(f"--install '{spec}': dat bestand bestaat niet")
        return str(path.resolve())
    raise InvalidInstall(f"--install '{spec}' is geen vereiste voor Speelveld; {example}")


def on_this_machine(install: str) -> bool:
    """Whether ``install`` is a file on this machine (a path or a ``file://`` URL): the
    hooks of pre-commit here can use it, a runner of a CI service cannot."""
    return install.startswith("file://") or Path(install).is_absolute()


def ci_files(install: str, service: str = "github") -> dict[str, str]:
    """The files of ``service`` by path (for GitHub: the workflows and Dependabot's
    configuration); they install ``install``."""
    if _FORBIDDEN.search(install) or not install.strip():
        raise InvalidInstall(f"'{install}' is geen vereiste voor pip")
    folder = resources.files("speelveld") / "ci"
    value = json.dumps(install, ensure_ascii=False)
    return {
        path: (folder / name).read_text("utf-8").replace(PLACEHOLDER, value)
        for path, name in SERVICES[service].files.items()
    }
