"""Every Markdown file of the repository renders as written: no code block that runs on
because its fence is never closed, and no heading swallowed by a code block."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from speelveld.starter import EXAMPLE_DOMAINS, Starter, starter_files

from .conftest import REPOSITORY

#: A heading of level 2 or deeper: what no shell, YAML or Python line in a code block is.
_HEADING = re.compile(r"#{2,6} \S")


def problems(text: str) -> list[str]:
    """What makes ``text`` render otherwise than it reads, by line."""
    lines = text.splitlines()
    found = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            last = lines[end - 1].strip() if end - 1 > start else ""
            marker = token.markup[0]
            if not (last.startswith(token.markup) and set(last) == {marker}):
                found.append(f"regel {start + 1}: het codeblok wordt nooit gesloten")
        first = start + (2 if token.type == "fence" else 1)
        for offset, line in enumerate(token.content.splitlines()):
            if _HEADING.match(line):
                found.append(f"regel {first + offset}: een kop in een codeblok: {line}")
            elif token.type == "fence" and _opens_inside(line, token.markup):
                found.append(
                    f"regel {first + offset}: een codeblok opent binnen een codeblok, dat "
                    f"dus niet gesloten is: {line}"
                )
    return found


def _opens_inside(line: str, markup: str) -> bool:
    """A fence with an info string that could have closed the block around it: the block
    was left open, and its end is taken for a new one."""
    match = re.match(r"(`{3,}|~{3,})\S", line)
    return bool(match) and match[1][0] == markup[0] and len(match[1]) >= len(markup)


def markdown_files() -> list[Path]:
    """Every Markdown file git knows of or would add, in this working copy."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [REPOSITORY / path for path in sorted(set(listed)) if (REPOSITORY / path).is_file()]


def test_the_repository_has_its_markdown_files() -> None:
    names = {path.relative_to(REPOSITORY).as_posix() for path in markdown_files()}
    assert {"README.md", "reference/README.md", "docs/prestaties.md"} <= names


@pytest.mark.parametrize(
    "path", markdown_files(), ids=lambda path: path.relative_to(REPOSITORY).as_posix()
)
def test_every_markdown_file_renders_as_written(path: Path) -> None:
    assert problems(path.read_text("utf-8")) == []


def test_the_readme_of_a_new_project_renders_as_written() -> None:
    readme = starter_files(Starter("Titel", EXAMPLE_DOMAINS, "speelveld==1.0.0"))["README.md"]
    assert problems(readme) == []


def test_an_unclosed_fence_and_a_swallowed_heading_are_found() -> None:
    broken = "# Titel\n\nTekst.\n\n```markdown\n\n## Een kop\n\nMeer tekst.\n"
    assert problems(broken) == [
        "regel 5: het codeblok wordt nooit gesloten",
        "regel 7: een kop in een codeblok: ## Een kop",
    ]
    fine = "```sh\n# een commentaar\nmake test\n```\n\n~~~~yaml\na: 1\n~~~~\n"
    assert problems(fine) == []
    nested = "````markdown\n```yaml\na: 1\n```\n````\n"
    assert problems(nested) == []


def test_a_fence_left_open_before_the_next_one_is_found() -> None:
    """The README once ran on for 140 lines: a fence opened, and the next one closed it."""
    text = "Tekst\n\n```markdown\n\n**Vet.**\n\n```yaml\na: 1\n```\n\nMeer.\n"
    assert problems(text) == [
        "regel 7: een codeblok opent binnen een codeblok, dat dus niet gesloten is: ```yaml"
    ]


def test_the_readme_is_short() -> None:
    assert len((REPOSITORY / "README.md").read_text("utf-8").splitlines()) <= 250
