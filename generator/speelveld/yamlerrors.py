"""PyYAML's parse errors, placed where the advisor must look and said in Dutch.

An unclosed quote or bracket is reported where it opens (PyYAML notices it
where the file ends or the next key starts); a stray control character at
the character itself.
"""

from __future__ import annotations

import yaml
from yaml.reader import ReaderError

from .findings import Finding, Severity

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
