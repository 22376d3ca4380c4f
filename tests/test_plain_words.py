"""Pages for readers speak Dutch words: names, not codes, ids or configuration keys.

A reviewer finds codes and file positions in the collapsed details ("Voor reviewers");
everything else a reader sees names rules by their Dutch title and entities by name. The
guides for advisors and the internal benchmark page are not for readers and are skipped.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from speelveld.catalogue import CATALOGUE
from speelveld.codes import INPUT_CODES
from speelveld.config import Config
from speelveld.kinds import KINDS

from .conftest import REPOSITORY, TESTS, build

#: Content a reader does not see without asking for it, or that is not text at all.
HIDDEN = {"script", "style", "details", "svg", "template", "head", "title"}
FOR_ADVISORS = ("gidsen/", "prestaties/", "assets/", "search/")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def codes_and_ids(project: Path) -> set[str]:
    """Rule and input codes, configuration keys, and the project's ids with a hyphen.

    A one-word id (``politie``) is also an ordinary word, so only compound ids are looked for.
    """
    ids = {
        file.stem
        for kind in KINDS
        for file in (project / kind.folder).glob("*.yml")
        if "-" in file.stem
    }
    return {*CATALOGUE, *INPUT_CODES, *Config.model_fields, *ids}


def offenders(site: Path, project: Path) -> dict[str, list[str]]:
    words = codes_and_ids(project)
    pattern = re.compile(
        r"(?<![\w/.-])("
        + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    found = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(FOR_ADVISORS):
            continue
        hits = sorted(set(pattern.findall(visible_text(page.read_text("utf-8")))))
        if hits:
            found[relative] = hits
    return found


def test_the_amsterdam_site_shows_no_code_key_or_id_to_readers(amsterdam: Path) -> None:
    assert offenders(amsterdam, REPOSITORY) == {}


def test_a_three_domain_site_shows_no_code_key_or_id_to_readers(tmp_path: Path) -> None:
    project = shutil.copytree(TESTS / "neutral", tmp_path / "project")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert offenders(tmp_path / "site", project) == {}


def test_codes_stay_within_reach_of_reviewers(amsterdam: Path) -> None:
    """The check above is not vacuous: the codes are on the pages, inside the details."""
    methode = (amsterdam / "methode" / "index.html").read_text("utf-8")
    assert "<code>domain-underserved</code>" in methode
    assert "domain-underserved" not in visible_text(methode)
    assert "min_domain_share" in methode


@pytest.mark.parametrize("pattern", [r"\w\((en|s)\)", r"\b[Jj]e\b", r"\b[Jj]ouw\b"])
def test_no_clumsy_plurals_or_informal_address(amsterdam: Path, pattern: str) -> None:
    for page in amsterdam.rglob("*.html"):
        if not page.relative_to(amsterdam).as_posix().startswith(("assets/", "search/")):
            text = visible_text(page.read_text("utf-8"))
            assert not re.search(pattern, text), (page, re.search(pattern, text))
