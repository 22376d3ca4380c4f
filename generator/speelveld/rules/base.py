"""What every rule shares: the problem it yields and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

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

    def enabled(self, rule_id: str) -> bool:
        return self.config.rules.get(rule_id, True) not in ("off", False)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Severity
    #: A short name for readers, such as "Domein niet gedekt".
    title: str
    summary: str
    remedy: str
    explanation: str
    scope: str
    check: Callable[[Context], Iterator[Problem]]
    #: The options of ``speelveld.yml`` that set the rule's thresholds.
    settings: tuple[str, ...] = ()
    #: Whether the message says no more than the subject's name, so that readers see the
    #: findings of one portfolio as one list of names rather than a line each.
    listed: bool = False
    #: Whether the rule reads the scores of effects, so that a finding can rest on one.
    reads_scores: bool = False

    def applies(self, config: Config) -> bool:
        """Whether the rule can judge this project: it is on, and every setting it needs is
        set (without available police hours, no capacity can be exceeded)."""
        on = config.rules.get(self.id) not in ("off", False)
        return on and all(getattr(config, setting) is not None for setting in self.settings)


def known_effects(ctx: Context, measure: Measure) -> Iterator[tuple[str, Effect]]:
    """The measure's effects on the project's domains; unknown keys are reported elsewhere."""
    for domain in ctx.project.domains:
        effect = measure.effects.get(domain)
        if effect is not None:
            yield domain, effect
