"""PyYAML's parse errors, placed where the advisor must look and said in Dutch.

An unclosed quote or bracket is reported where it opens (PyYAML notices it
where the file ends or where a later quote happens to close it); a key indented
too far at that key; a stray control character at the character itself.
"""

from __future__ import annotations

import contextlib
import re

import yaml
from yaml.reader import ReaderError
from yaml.tokens import ScalarToken

from .findings import Finding, Severity

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: A line that starts with a key: what a text in quotes does not hold, but a file does.
_KEY_LINE = re.compile(r"\s*(- )?[\w.-]+:(\s|$)")
#: The start of a line up to a key, for a key that is indented too far.
_INDENTED_KEY = re.compile(r"( +)([\w.-]+)$")

#: (words in PyYAML's problem or context, Dutch explanation, report at the opening mark)
_KNOWN: tuple[tuple[str, str, bool], ...] = (
    (
        "while scanning a quoted scalar",
        "een aanhalingsteken dat hier opent, wordt nergens gesloten",
        True,
    ),
    (
        "while parsing a flow sequence",
        "een lijst die hier met [ opent, wordt niet goed met ] gesloten (of mist een komma)",
        True,
    ),
    (
        "while parsing a flow mapping",
        "een blok dat hier met { opent, wordt niet goed met } gesloten (of mist een komma)",
        True,
    ),
    (
        "cannot start any token",
        "hier staat een teken waarmee geen waarde kan beginnen, "
        "meestal een tab; spring in met spaties, geen tabs, en zet tekst die met @, ` of % "
        "begint tussen aanhalingstekens",
        False,
    ),
    (
        "mapping values are not allowed",
        "een dubbele punt op een plek waar geen sleutel kan "
        "staan; zet tekst met ': ' erin tussen aanhalingstekens",
        False,
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet: deze regel staat niet recht "
        "onder de andere sleutels van hetzelfde blok",
        False,
    ),
    (
        "could not find expected ':'",
        "een regel zonder dubbele punt na de sleutel, of tekst "
        "over meerdere regels die niet is ingesprongen",
        False,
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één document (---); zet één onderdeel per bestand",
        False,
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet: deze regel springt anders in dan het blok waar hij bij hoort",
        False,
    ),
    (
        "block sequence entries are not allowed",
        "een '- ' op een plek waar geen lijst kan beginnen; controleer de inspringing",
        False,
    ),
    (
        "found undefined alias",
        "een verwijzing (*naam) naar een anker dat niet bestaat; "
        "ankers en verwijzingen worden niet ondersteund",
        False,
    ),
    (
        "unknown escape character",
        "een onbekende code met \\ in tekst tussen dubbele "
        "aanhalingstekens; gebruik enkele aanhalingstekens",
        False,
    ),
    ("tab character", "een tab; spring in met spaties, geen tabs", False),
    (
        "did not find expected node content",
        "hier ontbreekt een waarde, of staat een teken als ], }, * of & op een plek waar het "
        "niet kan; zet tekst tussen aanhalingstekens",
        False,
    ),
    (
        "expected '-' indicator",
        "deze regel hoort bij een lijst maar begint niet met '- '",
        False,
    ),
    (
        "expected <document start>",
        "er staat tekst na het einde van de gegevens; controleer de inspringing",
        False,
    ),
    (
        "directive",
        "een regel die met % begint; zet tekst die met % begint tussen aanhalingstekens",
        False,
    ),
    (
        "comment or line break",
        "na een waarde tussen aanhalingstekens mag op dezelfde regel alleen commentaar (#) staan",
        False,
    ),
)


def syntax_finding(path: str, text: str, error: yaml.YAMLError) -> Finding:
    """The finding for a file that PyYAML could not parse."""
    if isinstance(error, ReaderError):
        return _reader(path, text, error)
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if "maximum nesting depth" in problem:
        mark = problem_mark or context_mark
        return _finding(path, mark, "yaml-unsupported", "de YAML is te diep genest")
    if problem_mark is not None:
        cause = _unclosed_quote(path, text, problem_mark.line) or _indented_too_far(
            path, text, problem_mark, problem
        )
        if cause is not None:
            return cause
    for words, explanation, at_opening in _KNOWN:
        if words in problem or words in context:
            mark = context_mark if at_opening and context_mark else problem_mark
            return _finding(path, mark or context_mark, "yaml-syntax", explanation)
    detail = f"{problem} ({context})" if context else problem or str(error).splitlines()[0]
    return _finding(
        path,
        problem_mark or context_mark,
        "yaml-syntax",
        f"de YAML kan hier niet worden gelezen ({detail}); controleer de inspringing "
        "(spaties, geen tabs), aanhalingstekens en haakjes",
    )


def _unclosed_quote(path: str, text: str, problem_line: int) -> Finding | None:
    """A quote that opens earlier and closes only at a later quote, with keys in between.

    PyYAML then sees one long text and stops where the next quote made the rest
    unreadable: the cause is the quote that was never closed on its own line.
    """
    lines = text.splitlines()
    for token in _tokens(text):
        if not (isinstance(token, ScalarToken) and token.style in ("'", '"')):
            continue
        start, end = token.start_mark, token.end_mark
        if start.line < end.line <= problem_line and any(
            _KEY_LINE.match(line) for line in lines[start.line + 1 : end.line + 1]
        ):
            message = (
                "een aanhalingsteken dat hier opent, wordt pas op regel "
                f"{end.line + 1} gesloten, zodat alles ertussen tekst is geworden; "
                "sluit het aanhalingsteken op deze regel"
            )
            return _finding(path, start, "yaml-syntax", message)
    return None


def _tokens(text: str) -> list[yaml.Token]:
    """The tokens of ``text`` up to where the scanner stops."""
    found: list[yaml.Token] = []
    scanner = yaml.scan(text, Loader=_Loader)
    with contextlib.suppress(yaml.YAMLError):
        for token in scanner:  # one by one: those before the scanner stops are kept
            found.append(token)
    return found


def _indented_too_far(path: str, text: str, mark: yaml.Mark, problem: str) -> Finding | None:
    """A key indented deeper than the line above it, which then continues that line's value."""
    if "mapping values are not allowed" not in problem:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    key = _INDENTED_KEY.fullmatch(lines[mark.line][: mark.column])
    above = next(
        (line for line in reversed(lines[: mark.line]) if line.strip() and not _comment(line)),
        None,
    )
    if key is None or above is None:
        return None
    indent, above_indent = len(key.group(1)), len(above) - len(above.lstrip(" "))
    if indent <= above_indent:
        return None
    message = (
        f"de sleutel '{key.group(2)}' springt verder in dan de regel erboven ({indent} "
        f"spaties tegen {above_indent}); zet hem recht onder de sleutels van zijn blok. "
        "Is het tekst die doorloopt, zet die dan tussen aanhalingstekens"
    )
    line, column = mark.line + 1, indent + 1
    return Finding(path, line, column, "yaml-syntax", Severity.ERROR, message)


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _finding(path: str, mark: yaml.Mark | None, code: str, message: str) -> Finding:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Finding(path, line, column, code, Severity.ERROR, message)


def _reader(path: str, text: str, error: ReaderError) -> Finding:
    position = error.position
    if yaml.__with_libyaml__:  # libyaml counts bytes of the UTF-8 text, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    message = (
        f"onzichtbaar stuurteken U+{ord(character):04X} (vaak meegekopieerd uit een "
        "tekstverwerker); verwijder het"
    )
    return Finding(path, line, column, "yaml-syntax", Severity.ERROR, message)
