"""What every rule shares: the problem it yields and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ..catalogue import RuleInfo
from ..config import Config
from ..coverage import Coverage
from ..findings import Severity, Subject
from ..model import Effect, Measure
from ..project import Project
from ..yamlsource import Pointer


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule found; the runner adds the location and the configured level."""

    subject: Subject
    pointer: Pointer
    #: The message, or what makes it: a rule whose message costs more than finding the
    #: problem gives a function, since a trial of a moved score only asks whether it is there.
    message: str | Callable[[], str]
    #: A stronger level than the rule's default, for graver cases.
    level: Severity | None = None
    #: The domain concerned, where neither the subject nor the pointer names it.
    domain: str = ""

    @property
    def text(self) -> str:
        """The message itself."""
        return self.message if isinstance(self.message, str) else self.message()

    @property
    def concerns(self) -> str:
        """The domain the problem is about: named, the subject, or ``effects.<domain>``."""
        if self.domain or self.subject.kind == "domain":
            return self.domain or self.subject.id
        if len(self.pointer) > 1 and self.pointer[0] == "effects":
            return str(self.pointer[1])
        return ""


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule reads: the project, and the measures and coverage of one portfolio."""

    project: Project
    coverage: Coverage
    measures: list[Measure] = field(default_factory=list)
    #: Whether the project says of any effect when or where it lands: then it assesses
    #: horizons, and a strong effect that says neither is worth a note.
    horizons: bool = False
    #: Per domain, the domains that work through in it and how (``interactions.incoming``),
    #: made once for every rule and every trial of a moved score.
    into: Mapping[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: Per measure of the project as loaded, its indirect effect on every domain; a measure
    #: with a moved score (a trial of what a finding rests on) is worked out anew.
    indirect: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def config(self) -> Config:
        return self.project.config

    def name(self, kind: str, entity_id: str) -> str:
        """What readers call an entity: its name or title (its id if it has neither)."""
        return self.project.name_of(Subject(kind, entity_id))

    def threshold(self, name: str) -> float:
        """The value of a rule's option that has one (see :meth:`Config.threshold`)."""
        value = self.config.threshold(name)
        assert value is not None, f"{name} is judged only when it is set"
        return value


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the catalogue with the check that finds its problems."""

    info: RuleInfo
    check: Callable[[Context], Iterator[Problem]]

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def scope(self) -> str:
        return self.info.scope

    def applies(self, config: Config) -> bool:
        return config.judges(self.info)


def known_effects(ctx: Context, measure: Measure) -> Iterator[tuple[str, Effect]]:
    """The measure's effects on the project's domains; unknown keys are reported elsewhere."""
    for domain in ctx.project.domains:
        effect = measure.effects.get(domain)
        if effect is not None:
            yield domain, effect
