"""Project configuration: every option declared once, with type, default and why.

The configuration lives in ``speelveld.yml`` beside the data folders. It is
optional: a project without it is checked with the defaults below.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
)
from pydantic_core import PydanticCustomError

from .catalogue import OPTIONS, RULES, Option, RuleInfo
from .findings import Severity
from .ids import CONFIG_FILE, DEFAULT_MAX_FILE_BYTES
from .model import Accepted, Name, RuleId, one_of
from .yamlsource import Pointer

__all__ = ["CONFIG_FILE", "Config", "Framework", "GovernancePoint", "Principle", "Source"]

RuleSetting = Literal["error", "warning", "info", "off", False]

Text = Annotated[str, StringConstraints(min_length=1)]
#: The most characters of a text that a page quotes or lists inside its own Markdown (the
#: principle, a governance point): read in time that grows with the square of its length.
MAX_PASSAGE_CHARS = 5_000
#: Markdown that a page quotes or lists inside its own: see :data:`MAX_PASSAGE_CHARS`.
Passage = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PASSAGE_CHARS)]

#: An address a page can link to as it is: http or https, and no character that would
#: end a Markdown link or an HTML attribute early (encode those as %28, %29, %20 ...).
_URL = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$")


def _web_address(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError(
            "web_address",
            "'{value}' is geen webadres; begin met http:// of https:// en schrijf spaties, "
            "haakjes en aanhalingstekens gecodeerd (%20, %28, %29, %22)",
            {"value": value[:60]},
        )
    return value


Url = Annotated[
    str, AfterValidator(_web_address), Field(json_schema_extra={"pattern": _URL.pattern})
]

#: The time zone in which a municipality's days begin and end, unless it says otherwise.
DEFAULT_TIMEZONE = "Europe/Amsterdam"


def _time_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise PydanticCustomError(
            "time_zone",
            "'{value}' is geen tijdzone; schrijf een naam uit de tijdzonedatabase, zoals "
            "Europe/Amsterdam of Europe/Brussels",
            {"value": value[:60]},
        ) from None
    return value


TimeZone = Annotated[str, AfterValidator(_time_zone)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Strict):
    """The document the project's framework comes from."""

    title: Name = Field(description="Titel van het brondocument.")
    citation: Name = Field(
        description="Korte bronvermelding in de tekst, bijvoorbeeld 'Bureau (2024)'."
    )
    url: Url | None = Field(None, description="Webadres van het brondocument (http of https).")


class Principle(_Strict):
    """Why every measure is assessed on every domain, in the project's own words."""

    text: Passage = Field(
        description="Het uitgangspunt (Markdown), bij voorkeur letterlijk uit de bron: waarom "
        "elke maatregel op elk domein wordt beoordeeld."
    )
    section: Name | None = Field(
        None, description="De sectie van de bron waar het uitgangspunt staat."
    )


class GovernancePoint(_Strict):
    """One governance point of the project, with the rules that test it."""

    title: Name = Field(description="Het aandachtspunt in één zin.")
    text: Passage | None = Field(None, description="Toelichting (Markdown).")
    rules: list[RuleId] = Field(
        default_factory=list, description="Codes van de regels die dit aandachtspunt toetsen."
    )
    measures: list[Text] = Field(
        default_factory=list,
        description="Ids van de maatregelen die dit aandachtspunt uitvoeren, geldend of "
        "voorgesteld; het Rapport noemt ze bij het punt.",
    )


class Framework(_Strict):
    """What is particular to the project's policy framework; the pages cite it."""

    source: Source | None = Field(
        None, description="Het brondocument van het speelveld: titel, bronvermelding, webadres."
    )
    principle: Principle | None = Field(
        None,
        description="Waarom elke maatregel op elk domein wordt beoordeeld; staat op de "
        "pagina's Speelveld en Methode.",
    )
    context: Principle | None = Field(
        None,
        description="Hoe de bron het huidige beleid beschrijft (text, section); het Rapport "
        "zet het naast wat de gegevens van het geldende beleid laten zien.",
    )
    governance_section: Name | None = Field(
        None,
        description="De kop boven de aandachtspunten, zoals de bron die noemt.",
    )
    governance_points: list[GovernancePoint] = Field(
        default_factory=list,
        description="De aandachtspunten voor de governance, elk met de regels die het toetsen; "
        "staan op de pagina Methode.",
    )
    portfolios: list[Name] = Field(
        default_factory=list,
        description="Portefeuilles of disciplines om besluiten over te verbreden; genoemd bij "
        "owner-concentration.",
    )


class AcceptedInPortfolio(Accepted):
    """A portfolio finding accepted knowingly, such as an underserved domain."""

    subject: Text = Field(
        description="Waar de bevinding over gaat: domain:ID, stakeholder:ID, instrument:ID of "
        "portfolio."
    )
    portfolio: Text | None = Field(
        None,
        description="Alleen in deze portefeuille (in-force, plan of de id van een scenario); "
        "zonder: in elke.",
    )


#: A key of ``threshold_sources``: the name of a threshold of some rule.
Threshold = Annotated[
    str, one_of(OPTIONS, "unknown_threshold", "'{value}' is geen drempel van een regel.{hint}")
]


class RuleSettings(_Strict):
    """What ``speelveld.yml`` says of one rule: its level, and the options it owns."""

    level: RuleSetting | None = Field(
        None,
        description="Een ander niveau (error, warning, info), of off om de regel uit te zetten.",
    )


def _level_alone(value: Any) -> Any:
    """``domain-uncovered: off`` says the level alone."""
    return {"level": value} if isinstance(value, str | bool) else value


def _option_field(option: Option, description: str, **extra: Any) -> Any:
    return (
        # An option that is judged only once set may be set to nothing, as it was.
        option.type | None if option.default is None else option.type,
        Field(
            None,
            ge=option.minimum,
            le=option.maximum,
            description=f"{description} Zonder waarde: "
            + ("niet getoetst." if option.default is None else f"{option.default}."),
            **extra,
        ),
    )


def _settings_of(rule: RuleInfo) -> Any:
    # A rule without options shares one model: every model costs the start of every command.
    model = (
        create_model(
            "Rule_" + rule.id.replace("-", "_"),
            __base__=RuleSettings,
            __doc__=rule.summary,
            **{option.name: _option_field(option, option.description) for option in rule.options},
        )
        if rule.options
        else RuleSettings
    )
    return Annotated[
        model,
        BeforeValidator(_level_alone, json_schema_input_type=RuleSetting | model),
    ]


class _RulesBase(BaseModel):
    # A code that is no rule is reported by the analysis, with a suggestion, and does not
    # make the rest of the configuration void.
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)


if TYPE_CHECKING:
    Rules = _RulesBase
    _DeprecatedThresholds = _Strict
else:
    #: ``rules``: per rule its settings, one field per rule of the catalogue.
    Rules = create_model(
        "Rules",
        __base__=_RulesBase,
        **{
            rule.id: (
                _settings_of(rule) | None,
                Field(None, description=f"{rule.title}: {rule.summary}"),
            )
            for rule in RULES
        },
    )
    #: The thresholds as top-level keys, as ``speelveld.yml`` used to hold them: still read,
    #: with a note that says where they belong now.
    _DeprecatedThresholds = create_model(
        "_DeprecatedThresholds",
        __base__=_Strict,
        **{
            name: _option_field(
                option,
                f"Verouderd: zet dit onder rules: {rule.id}: {name}.",
                json_schema_extra={"deprecated": True},
            )
            for name, (rule, option) in OPTIONS.items()
        },
    )


class Config(_DeprecatedThresholds):
    """Thresholds of the portfolio rules and switches for every rule."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    max_file_bytes: int = Field(
        DEFAULT_MAX_FILE_BYTES,
        ge=1,
        description="De grootste YAML-file die wordt gelezen, in bytes; grotere worden geweigerd.",
    )
    timezone: TimeZone = Field(
        DEFAULT_TIMEZONE,
        description="De tijdzone waarin een dag begint en eindigt: daarin beslist Speelveld of "
        "een aanvaarding is verlopen en of een besluit in de toekomst ligt, op elke machine "
        "hetzelfde.",
    )
    compare_with: str | None = Field(
        None,
        min_length=1,
        description="De eerdere versie (een git-tag of -revisie, zoals het laatste "
        "raadsbesluit) waarmee de pagina Wijzigingen de huidige portefeuille vergelijkt.",
    )
    rules: Rules = Field(
        default_factory=Rules,
        description="Per regelcode een ander niveau (error, warning, info) of off om de regel "
        "uit te zetten, of een mapping met level en de drempels van de regel, zoals "
        "domain-underserved: {min_domain_share: 0.2}.",
    )
    accepted: list[AcceptedInPortfolio] = Field(
        default_factory=list,
        description="Bevindingen over de portefeuille die het bestuur bewust aanvaardt, elk met "
        "het onderwerp (subject), de regel, wie besloot (by), het besluit en de datum.",
    )
    threshold_sources: dict[Threshold, Text] = Field(
        default_factory=dict,
        description="Waar een drempel vandaan komt, per drempel (zoals min_domain_share): een "
        "besluit of een bron. De Methode toont het; zonder staat er 'standaard van Speelveld' "
        "of 'ingesteld door het project'.",
    )
    framework: Framework | None = Field(
        None,
        description="Wat eigen is aan het beleidskader van het project: de bron, het "
        "uitgangspunt, de aandachtspunten voor de governance en de portefeuilles. Zonder "
        "waarde tonen de pagina's een algemene uitleg.",
    )

    def today(self) -> datetime.date:
        """The date now in the project's time zone, whatever the machine's own."""
        return datetime.datetime.now(zoneinfo.ZoneInfo(self.timezone)).date()

    def settings(self, rule_id: str) -> RuleSettings | None:
        """What ``rules`` says of the rule, if anything."""
        settings: RuleSettings | None = getattr(self.rules, rule_id, None)
        return settings

    def level(self, rule_id: str) -> RuleSetting | None:
        """The level set for the rule, ``off``/``False``, or ``None`` for its own."""
        settings = self.settings(rule_id)
        return settings.level if settings is not None else None

    def enabled(self, rule_id: str) -> bool:
        return self.level(rule_id) not in ("off", False)

    def judges(self, rule: RuleInfo) -> bool:
        """Whether the rule can judge this project: it is on, and every option it needs is
        set (without available police hours, no capacity can be exceeded)."""
        return self.enabled(rule.id) and all(
            self.threshold(option.name) is not None for option in rule.options
        )

    def reported_level(self, rule: RuleInfo) -> Severity:
        """The level the rule reports at: as ``rules`` sets it, else its own."""
        level = self.level(rule.id)
        return Severity.parse(level) if isinstance(level, str) else rule.level

    def threshold(self, name: str) -> int | float | None:
        """The value of a rule's option: under the rule, else the old top-level key, else
        its default."""
        rule, option = OPTIONS[name]
        settings = self.settings(rule.id)
        if settings is not None and name in settings.model_fields_set:
            value: int | float | None = getattr(settings, name)
            return value
        old: int | float | None = getattr(self, name)
        return old if name in self.model_fields_set else option.default

    def threshold_pointer(self, name: str) -> Pointer:
        """Where ``speelveld.yml`` sets the option (or would)."""
        rule, _ = OPTIONS[name]
        settings = self.settings(rule.id)
        if name in self.model_fields_set and not (settings and name in settings.model_fields_set):
            return (name,)
        return ("rules", rule.id, name)

    def deprecated(self) -> list[str]:
        """The thresholds set as top-level keys, where ``speelveld.yml`` used to hold them."""
        return [name for name in OPTIONS if name in self.model_fields_set]

    def unknown_rules(self) -> list[str]:
        """The codes under ``rules`` that name no rule."""
        return list(self.rules.model_extra or {})
