"""The data format: one pydantic model per entity kind, the public contract.

Keys are English, texts are Dutch. Models are strict (``"2"`` is no number,
``no`` is no text) and forbid unknown keys, so a typo never drops data.
Cross-references (ids of other entities) are checked later, in
:mod:`speelveld.references`, because they need the whole project.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .catalogue import CATALOGUE
from .ids import MAX_ID_LENGTH, SLUG_PATTERN
from .suggest import did_you_mean

__all__ = ["IN_FORCE", "MAX_ID_LENGTH", "SCALE", "SLUG_PATTERN"]


#: The seven-point interaction scale of Nilsson et al. (2016), in Dutch.
SCALE: dict[int, str] = {
    3: "onlosmakelijk",
    2: "versterkend",
    1: "ondersteunend",
    0: "neutraal",
    -1: "beperkend",
    -2: "tegenwerkend",
    -3: "opheffend",
}


def signed(score: int) -> str:
    """A score as the scale writes it: +2, 0, -1."""
    return f"{score:+d}" if score else "0"


#: The most characters of a text that a page shows within a line, a table cell or a list
#: item (a name, a rationale, a source). The site engine reads such text in time that
#: grows with the square of its length, so a limit keeps every page quick to build.
MAX_LINE_CHARS = 1_000

#: A text of one or more paragraphs (Markdown): a description, a summary.
Text = Annotated[str, StringConstraints(min_length=1)]
#: A text that a page shows within a line or a table cell.
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE_CHARS)]
#: The most characters of a name or title: a page shows it in headings, links, tables and
#: chart labels, many times over.
MAX_NAME_CHARS = 200
#: A name or title.
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME_CHARS)]
Ref = Annotated[str, StringConstraints(min_length=1)]
Score = Annotated[int, Field(ge=-3, le=3, description="Score op de schaal van -3 tot en met +3.")]
Sector = Literal["overheid", "zorg", "onderwijs", "bedrijfsleven", "maatschappelijk", "bestuur"]
Status = Literal["proposed", "adopted", "running", "evaluated", "stopped"]
Role = Literal["lead", "partner", "informed"]
Level = Literal["none", "low", "medium", "high"]

#: The statuses of policy in force today, as against proposals and stopped measures.
IN_FORCE = ("adopted", "running", "evaluated")
#: The portfolios every project has; a scenario adds one under its own id.
IN_FORCE_PORTFOLIO = "in-force"
PLAN_PORTFOLIO = "plan"
#: Names a scenario cannot take: the portfolios above, and ``all`` that selects every one.
RESERVED_PORTFOLIOS = (IN_FORCE_PORTFOLIO, PLAN_PORTFOLIO, "all")


def reserved_problem(kind: str, entity_id: str) -> str:
    """Why ``entity_id`` cannot name an entity of ``kind`` although it is a valid id."""
    if kind == "scenario" and entity_id in RESERVED_PORTFOLIOS:
        return (
            f"'{entity_id}' is de naam van een vaste portefeuille "
            f"({', '.join(RESERVED_PORTFOLIOS)}); geef het scenario een andere bestandsnaam"
        )
    return ""


def one_of(known: Collection[str], error: str, message: str) -> AfterValidator:
    """A validator that accepts only a name in ``known``; ``message`` (with ``{value}`` and
    ``{hint}``) says so, with the nearest name as a suggestion."""

    def check(value: str) -> str:
        if value not in known:
            raise PydanticCustomError(
                error, message, {"value": value, "hint": did_you_mean(value, known)}
            )
        return value

    return AfterValidator(check)


#: The code of a rule; editors complete it from the schema.
RuleId = Annotated[
    str,
    one_of(CATALOGUE, "unknown_rule", "onbekende regel '{value}'.{hint}"),
    Field(json_schema_extra={"enum": list(CATALOGUE)}),
]

#: A date as ISO 8601 writes it; YAML reads it as a date, in quotes as text.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: A date as it is often typed in Dutch: day, month, year.
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
#: A date without hyphens, which YAML reads as a number: 20260115.
_DIGITS_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
DATE_EXAMPLE = "2026-03-10"


def date_advice(value: Any) -> str:
    """How to write a date, for a value that is none: with the value itself rewritten if
    it is a day-month-year date."""
    text = value.strip() if isinstance(value, str) else ""
    dutch = _DUTCH_DATE.fullmatch(text)
    digits = _DIGITS_DATE.fullmatch(str(value)) if isinstance(value, int) else None
    example = DATE_EXAMPLE
    if dutch:
        day, month, year = dutch.groups()
        example = f"{year}-{int(month):02d}-{int(day):02d}"
    elif digits:
        example = "-".join(digits.groups())
    if _ISO_DATE.fullmatch(text):
        return (
            "die dag bestaat niet; schrijf een bestaande datum als JJJJ-MM-DD, "
            f"bijvoorbeeld {example}"
        )
    return f"schrijf een datum als JJJJ-MM-DD, bijvoorbeeld {example}"


def _iso_date(value: Any) -> Any:
    """A date in quotes ('2026-03-10', as many YAML style guides ask) is a date too."""
    if not isinstance(value, str):
        return value
    if _ISO_DATE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "date_text",
        "'{value}' is geen datum: {advice}",
        {"value": value[:60], "advice": date_advice(value)},
    )


#: A date, written as YAML reads one (2026-03-10) or in quotes ('2026-03-10').
Date = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": f"^{_ISO_DATE.pattern}$"}),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Entity(_Strict):
    id: str = Field(description="De id; gelijk aan de bestandsnaam zonder .yml.")


class Domain(Entity):
    """A policy domain in the centre of the speelveld."""

    name: Name = Field(description="Volledige naam van het domein.")
    short: Name = Field(description="Kort label voor de infographic.")
    order: int = Field(ge=1, description="Volgorde in de infographic, vanaf 1.")
    description: Text = Field(description="Beschrijving (Markdown).")
    source: Line | None = Field(None, description="Bron, bijvoorbeeld een rapport en sectie.")


class Stakeholder(Entity):
    """A partner in the middle ring; sector ``bestuur`` holds portfolios."""

    name: Name = Field(description="Naam van de partner.")
    description: Text = Field(description="Rol van de partner (Markdown).")
    sector: Sector = Field(description="Sector van de partner.")
    domains: list[Ref] = Field(
        min_length=1, description="Domeinen waarin de partner een rol heeft."
    )
    source: Line | None = Field(None, description="Bron.")


class SideEffect(_Strict):
    score: Score
    rationale: Line = Field(description="Waarom het instrument dit domein raakt.")


class Instrument(Entity):
    """An instrument in the outer ring, with its known side effects."""

    name: Name = Field(description="Naam van het instrument.")
    description: Text = Field(description="Beschrijving (Markdown).")
    governance: Literal["hierarchical", "network"] = Field(
        description="Hiërarchisch (regels, handhaving) of netwerkgericht (samenwerking)."
    )
    domains: list[Ref] = Field(min_length=1, description="Domeinen waarop het instrument mikt.")
    side_effects: dict[str, SideEffect] = Field(
        default_factory=dict,
        description="Bekende neveneffecten op domeinen waar het instrument niet op mikt.",
    )
    source: Line | None = Field(None, description="Bron.")


class Involvement(_Strict):
    id: Ref = Field(description="Id van de partner.")
    role: Role = Field(description="Trekker (lead), partner of geïnformeerd (informed).")


def consensus(scores: list[int]) -> int:
    """The score of several scorers: their median, rounded toward 0 (``-1, 0, +2`` gives 0)."""
    ordered = sorted(scores)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    total = ordered[middle - 1] + ordered[middle]
    return int(total / 2)  # a half is rounded toward 0: +1.5 is +1, -1.5 is -1


class Scorer(_Strict):
    """One person's or partner's score of an effect, as scored together in a meeting."""

    by: Text = Field(description="Wie scoorde: de id van een partner, of een naam.")
    score: Score
    rationale: str = Field("", description="Waarom deze scorer zo scoort.")


def _score_of_scorers(data: Any) -> Any:
    """An effect with ``scores`` and no ``score`` takes the median of its scorers."""
    if not isinstance(data, dict) or "score" in data or not isinstance(data.get("scores"), list):
        return data
    values = [s.get("score") for s in data["scores"] if isinstance(s, dict)]
    scores = [v for v in values if type(v) is int]
    if not scores or len(scores) != len(data["scores"]):
        return data  # the scorers' own errors are reported where they are
    return {**data, "score": consensus(scores)}


#: When an effect lands, as the Beleidskompas asks: now, later (future generations), or both.
When = Literal["now", "later", "both"]
#: Where an effect lands: in the municipality, elsewhere (outside it), or both.
Where = Literal["here", "elsewhere", "both"]


class Group(_Strict):
    """A group of people an effect falls on, and whether it bears a cost or a benefit."""

    group: Text = Field(description="De groep, bijvoorbeeld huurders of omwonenden.")
    bears: Literal["cost", "benefit"] = Field(
        description="Of de groep de kosten draagt (cost) of de baat heeft (benefit)."
    )


class Effect(_Strict):
    scores: list[Scorer] = Field(
        default_factory=list,
        description="De scores van meerdere scorers; de score van het effect is dan hun mediaan, "
        "afgerond naar 0.",
    )
    score: Score
    rationale: Annotated[str, StringConstraints(max_length=MAX_LINE_CHARS)] = Field(
        "", description="Onderbouwing; verplicht als de score niet 0 is."
    )
    mitigation: Line | None = Field(None, description="Hoe een negatief effect wordt beperkt.")
    confidence: Literal["low", "medium", "high"] | None = Field(
        None, description="Hoe zeker de inschatting is."
    )
    evidence: Line | None = Field(None, description="Waarop de inschatting steunt.")
    when: When | None = Field(
        None,
        description="Wanneer het effect valt: nu (now), later, zoals bij toekomstige "
        "generaties (later), of beide (both).",
    )
    where: Where | None = Field(
        None,
        description="Waar het effect valt: in de gemeente (here), erbuiten, zoals in "
        "buurgemeenten (elsewhere), of beide (both).",
    )
    groups: list[Group] = Field(
        default_factory=list,
        description="Op wie het effect valt: groepen, elk met of zij de kosten (cost) of de "
        "baat (benefit) hebben.",
    )

    _median = model_validator(mode="before")(_score_of_scorers)

    @field_validator("score")
    @classmethod
    def _agrees_with_scorers(cls, score: int, info: ValidationInfo) -> int:
        scorers: list[Scorer] = info.data.get("scores") or []
        if scorers and score != consensus([s.score for s in scorers]):
            median = consensus([s.score for s in scorers])
            raise PydanticCustomError(
                "score_not_median",
                "score {score} wijkt af van {median}, de mediaan van de {count} scorers; "
                "laat score weg of maak hem {median}",
                {"score": signed(score), "median": signed(median), "count": len(scorers)},
            )
        return score


class Interaction(_Strict):
    """How a change in one domain works through in another: the cross-impact of SDG Synergies."""

    source: Ref = Field(alias="from", description="Het domein dat doorwerkt.")
    target: Ref = Field(alias="to", description="Het domein waarin het doorwerkt.")
    score: Score
    rationale: Text = Field(
        description="Waarom een verandering in het ene domein het andere raakt."
    )
    confidence: Literal["low", "medium", "high"] | None = Field(
        None, description="Hoe zeker de inschatting is."
    )
    sources: list[Text] = Field(default_factory=list, description="Waarop de inschatting steunt.")


class Interactions(_Strict):
    """``interactions.yml``: the interactions between the project's domains, one per pair."""

    interactions: list[Interaction] = Field(
        default_factory=list,
        description="Per geordend paar domeinen (from, to) hoe een verandering in from "
        "doorwerkt in to, van -3 tot +3; een paar dat ontbreekt, telt als 0.",
    )


class Risks(_Strict):
    displacement: Level = Field(
        "none",
        description="Risico dat het probleem zich verplaatst: naar elders of buiten het zicht.",
    )
    note: Line | None = Field(None, description="Toelichting op het risico.")


class Capacity(_Strict):
    police_hours_per_year: int = Field(ge=0, description="Benodigde politie-uren per jaar.")


class Accepted(_Strict):
    """A finding accepted knowingly by the executive, with the decision that says why."""

    rule: RuleId = Field(description="De code van de regel waarvan de bevinding is aanvaard.")
    domain: Ref | None = Field(
        None, description="Alleen de bevinding over dit domein (zonder: elke van die regel)."
    )
    by: Ref = Field(description="Wie besloot: een partner met sector bestuur.")
    decision: Line = Field(description="Het besluit en waarom het neveneffect wordt aanvaard.")
    date: Date = Field(description="Datum van het besluit, JJJJ-MM-DD.")
    until: Date | None = Field(
        None,
        description="Tot wanneer het besluit geldt, JJJJ-MM-DD; daarna telt de bevinding weer.",
    )


class Measure(Entity):
    """A proposed or adopted policy measure, assessed on every domain."""

    # Each field's title is what readers call it (effecten, not effects): a comparison of
    # two versions names the fields that changed by it.

    title: Name = Field(title="titel", description="Titel van de maatregel.")
    summary: Text = Field(title="samenvatting", description="Samenvatting (Markdown).")
    status: Status = Field(title="stand", description="Stand van de maatregel.")
    owner: Ref = Field(
        title="eigenaar", description="Bestuurlijk eigenaar: een partner met sector bestuur."
    )
    governance: Literal["hierarchical", "network", "mixed"] = Field(
        title="sturing", description="Sturing: hiërarchisch, netwerkgericht of gemengd."
    )
    stakeholders: list[Involvement] = Field(
        default_factory=list, title="betrokken partners", description="Betrokken partners."
    )
    instruments: list[Ref] = Field(
        default_factory=list, title="instrumenten", description="Ingezette instrumenten."
    )
    effects: dict[str, Effect] = Field(
        title="effecten", description="Effect per domein; elk domein beoordeeld."
    )
    risks: Risks | None = Field(None, title="risico's", description="Risico's, zoals verplaatsing.")
    capacity: Capacity | None = Field(None, title="capaciteit", description="Benodigde capaciteit.")
    sources: list[Line] = Field(default_factory=list, title="bronnen", description="Bronnen.")
    visibility: Literal["public", "internal"] = Field(
        "public", title="zichtbaarheid", description="Intern: niet in de openbare publicatie."
    )
    accepted: list[Accepted] = Field(
        default_factory=list,
        title="bewust aanvaarde bevindingen",
        description="Bevindingen over deze maatregel die het bestuur bewust aanvaardt.",
    )

    @property
    def counted(self) -> bool:
        """Stopped measures no longer shape the portfolio."""
        return self.status != "stopped"

    @property
    def in_force(self) -> bool:
        return self.status in IN_FORCE


class Scenario(Entity):
    """A choice to put before the executive: the policy in force, minus some, plus proposals."""

    title: Name = Field(description="Titel van het scenario.")
    description: Text = Field(description="Wat het scenario inhoudt en waarom (Markdown).")
    adopt: list[Ref] = Field(
        default_factory=list, description="Voorgestelde maatregelen die het scenario invoert."
    )
    stop: list[Ref] = Field(
        default_factory=list, description="Geldende maatregelen die het scenario stopt."
    )
    source: Line | None = Field(None, description="Bron, bijvoorbeeld een rapport en sectie.")
