"""Compare two versions of a project: what changed, and what that did.

A version is a directory or a git revision. A revision is exported with
``git archive`` into a temporary directory, so no working tree is touched.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .codes import DEPENDS_ON_ERROR, INCOMPLETE, INPUT_CODES, UNUSED_ACCEPTANCE
from .coverage import DomainCoverage
from .findings import PORTFOLIO, Finding
from .loader import is_project
from .model import Measure
from .oserrors import reason
from .printable import visible
from .report import Report


class VersionNotFound(Exception):
    """The revision or directory does not exist (a usage problem)."""


@dataclass(frozen=True, slots=True)
class MeasureChange:
    id: str
    title: str
    #: The fields that changed, by the names readers know them by (``effecten``).
    fields: tuple[str, ...]
    #: domain -> (score before, score after); ``None`` where not assessed
    scores: dict[str, tuple[int | None, int | None]]


def field_name(key: str) -> str:
    """What readers call a field of a measure: its title (``effects`` is ``effecten``)."""
    info = Measure.model_fields.get(key)
    return info.title if info is not None and info.title else key


@dataclass(frozen=True, slots=True)
class Comparison:
    base_label: str
    head_label: str
    base: Report
    head: Report
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[MeasureChange, ...]
    introduced: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    #: Findings of the base that the head did not judge again: an input error holds up
    #: their rule, so they are neither solved nor still there.
    paused: tuple[Finding, ...] = ()
    #: What the comparison leaves out and why: a scenario that only one version has.
    notes: tuple[str, ...] = ()

    def of_portfolio(self, portfolio: str) -> Comparison:
        """Only the findings of ``portfolio`` (and those of no portfolio); ``all`` keeps all.

        A scenario that only one version has is compared with nothing: its findings would
        all seem new or solved. It is named in :attr:`notes` instead, and left out.
        """
        before, after = _scenarios(self.base), _scenarios(self.head)
        chosen = (before | after) if portfolio == "all" else {portfolio} & (before | after)
        one_sided = sorted(s for s in chosen if (s in before) != (s in after))

        def kept(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
            return tuple(
                f
                for f in findings
                if (portfolio == "all" or f.portfolio in ("", portfolio))
                and f.portfolio not in one_sided
            )

        notes = tuple(
            f"het scenario '{s}' bestaat alleen in "
            f"{self.head_label if s in after else self.base_label}, niet in "
            f"{self.base_label if s in after else self.head_label}; voor dit scenario is "
            "niets vergeleken"
            for s in one_sided
        )
        return replace(
            self,
            introduced=kept(self.introduced),
            resolved=kept(self.resolved),
            paused=kept(self.paused),
            notes=notes,
        )

    def domain_name(self, domain: str) -> str:
        """The domain's name in the head version, else in the base version, else its id."""
        for report in (self.head, self.base):
            found = report.project.domains.get(domain)
            if found is not None:
                return found.name
        return domain

    def scores(self, measure_id: str) -> list[tuple[str, int]]:
        """The head version's score per domain of a measure, in the head's domain order."""
        effects = self.head.project.measures[measure_id].effects
        return [(d, effects[d].score) for d in _in_order(self.head.project.domains, effects)]

    def coverage(self) -> Iterator[tuple[str, DomainCoverage | None, DomainCoverage | None]]:
        """Per domain (of either version, head order first) the coverage before and after."""
        before, after = self.base.coverage.domains, self.head.coverage.domains
        for domain in [*after, *(d for d in before if d not in after)]:
            yield domain, before.get(domain), after.get(domain)


def compare(base: Report, head: Report, base_label: str, head_label: str) -> Comparison:
    old, new = base.project.measures, head.project.measures
    changed = []
    for measure_id in sorted(old.keys() & new.keys()):
        before, after = old[measure_id].model_dump(), new[measure_id].model_dump()
        fields = tuple(field_name(n) for n in after if before.get(n) != after.get(n))
        if not fields:
            continue
        scores = {}
        for domain in _in_order(head.project.domains, [*after["effects"], *before["effects"]]):
            was = before["effects"].get(domain, {}).get("score")
            now = after["effects"].get(domain, {}).get("score")
            if was != now:
                scores[domain] = (was, now)
        changed.append(MeasureChange(measure_id, new[measure_id].title, fields, scores))
    base_ids = {f.identity for f in base.findings}
    head_ids = {f.identity for f in head.findings}
    gone = [f for f in base.findings if f.identity not in head_ids]
    waits = _waiting(head)
    return Comparison(
        base_label=base_label,
        head_label=head_label,
        base=base,
        head=head,
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(changed),
        introduced=_by_severity(f for f in head.findings if f.identity not in base_ids),
        resolved=_by_severity(f for f in gone if not waits(f)),
        paused=_by_severity(f for f in gone if waits(f)),
    )


def _scenarios(report: Report) -> set[str]:
    """The ids of every scenario of a version, its file valid or not."""
    project = report.project
    return set(project.scenarios) | {s.id for s in project.with_errors if s.kind == "scenario"}


def _waiting(head: Report) -> Callable[[Finding], bool]:
    """Whether a finding of a rule was not judged again in ``head``, for an input error.

    The portfolio rules do not run while any input error is there; the rules of an entity
    whose own file has errors, or that names one that has, do not run either. An input
    error that is gone is solved: only the findings of rules can wait.
    """
    portfolio_waits = any(f.code == INCOMPLETE for f in head.findings)
    subjects = set(head.project.with_errors)
    subjects |= {f.subject for f in head.findings if f.code == DEPENDS_ON_ERROR}

    def waits(finding: Finding) -> bool:
        if finding.code in INPUT_CODES and finding.code != UNUSED_ACCEPTANCE:
            return False
        if finding.portfolio or finding.subject == PORTFOLIO:
            return portfolio_waits
        return finding.subject in subjects

    return waits


def _in_order(domains: Collection[str], keys: Iterable[str]) -> list[str]:
    """``keys`` once each: the project's domains in their order, then any others."""
    wanted = dict.fromkeys(keys)
    return [d for d in domains if d in wanted] + [k for k in wanted if k not in domains]


def _by_severity(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Errors first, then by place, as a reviewer reads them."""
    return tuple(sorted(findings, key=lambda f: (-f.severity, f)))


def commit_of(spec: str, project: Path) -> str | None:
    """The commit a revision names, or ``None`` for a directory or what git cannot resolve.

    One git call: enough to know whether an earlier version read before is still the same.
    """
    if Path(spec).is_dir() or spec.startswith("-"):
        return None
    try:
        named = _git(project, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    except VersionNotFound:
        return None
    return named.decode().strip() or None


@contextmanager
def version(spec: str, project: Path) -> Iterator[Path]:
    """The project directory of ``spec``: a directory as it is, or a revision exported.

    A revision's links are kept as links: one inside the project is followed as in a
    working tree, one that leaves it (or is absolute) is then refused by the loader
    with an ``ignored-file`` note, as it would be in the working tree; none is
    followed while the archive is unpacked.
    """
    candidate = Path(spec)
    if candidate.is_dir():
        yield candidate
        return
    if spec.startswith("-"):
        raise VersionNotFound(f"'{spec}' is geen map en geen git-revisie")
    prefix = _git(project, "rev-parse", "--show-prefix").decode().strip()
    try:
        _git(project, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    except VersionNotFound:
        raise VersionNotFound(f"'{spec}' is geen map en geen git-revisie") from None
    top = Path(_git(project, "rev-parse", "--show-toplevel").decode().strip())
    tree = f"{spec}:{prefix}" if prefix else spec
    if prefix:
        try:
            _git(top, "cat-file", "-e", f"{spec}:{prefix.rstrip('/')}")
        except VersionNotFound:
            raise VersionNotFound(
                f"in revisie '{spec}' bestond de projectmap {prefix.rstrip('/')} nog niet"
            ) from None
    archive = _git(top, "archive", "--format=tar", tree)
    with tempfile.TemporaryDirectory(prefix="speelveld-") as folder:
        try:
            _unpack(archive, Path(folder))
        except (tarfile.TarError, OSError) as error:
            raise VersionNotFound(f"revisie '{spec}' kon niet worden uitgepakt: {error}") from None
        if not is_project(Path(folder)):
            where = f"de map {prefix.rstrip('/')}" if prefix else "de repository"
            raise VersionNotFound(
                f"in revisie '{spec}' is {where} nog geen Speelveld-project: "
                "er is geen map domains/"
            )
        yield Path(folder)


def _unpack(archive: bytes, folder: Path) -> None:
    """Unpack a ``git archive``; a link is made as a link and never followed here.

    tarfile's ``data`` filter refuses an absolute link or one that leaves the folder,
    and would stop at it; such a link is made afterwards as it was committed, so that
    the loader reports it as a link outside the project instead of missing a file.
    """
    refused: list[tarfile.TarInfo] = []

    def keep(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
        try:
            return tarfile.data_filter(member, destination)
        except tarfile.FilterError:
            if member.issym():
                refused.append(member)
            return None

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter=keep)
    for link in refused:
        place = folder / link.name
        if place.parent.is_dir() and not os.path.lexists(place) and _inside(folder, place):
            os.symlink(link.linkname, place)


def _inside(folder: Path, place: Path) -> bool:
    """Whether ``place`` itself lies inside ``folder`` (its parent folders are no links)."""
    return Path(os.path.realpath(place.parent)).is_relative_to(Path(os.path.realpath(folder)))


#: git's own words for the usual problems, and what they mean here.
_GIT_PROBLEMS = (
    ("not a git repository", "de projectmap ligt niet in een git-repository"),
    (
        "dubious ownership",
        "git vertrouwt deze repository niet (andere eigenaar; zie safe.directory)",
    ),
    ("does not have any commits", "de repository heeft nog geen commits"),
    ("unknown revision", "die revisie bestaat niet"),
    ("not a tree object", "die revisie bevat deze map niet"),
    ("bad revision", "die revisie bestaat niet"),
)


def _git(project: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(project), *args], capture_output=True, check=False
        )
    except FileNotFoundError:
        raise VersionNotFound("git is niet geïnstalleerd") from None
    except OSError as error:
        raise VersionNotFound(f"git kon niet worden gestart: {reason(error)}") from None
    if result.returncode != 0:
        lines = result.stderr.decode(errors="replace").strip().splitlines()
        said = lines[-1] if lines else ""
        for words, meaning in _GIT_PROBLEMS:
            if any(words in line for line in lines):
                raise VersionNotFound(meaning)
        detail = f" ({visible(said.removeprefix('fatal: '))})" if said else ""
        raise VersionNotFound(f"git {args[0]} mislukte{detail}")
    return result.stdout
