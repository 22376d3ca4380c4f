"""``speelveld new``: a commented starting file for each kind of entity.

Every value the advisor must choose (a title, a status, a sector, a kind of governance, a
score per domain) is an ``INVULLEN`` placeholder that says what belongs there and which
values are allowed; ``speelveld check`` reports each until it is filled in, and nothing
is decided for the advisor. What follows from the project (the domains to assess, the
next free order) is filled in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

from .kinds import BY_NAME
from .model import SCALE, Instrument, Measure, Sector, Status, signed
from .placeholders import MARKER
from .project import Project
from .schema import FILES, SCHEMA_FOLDER


@dataclass(frozen=True, slots=True)
class Answers:
    """What an advisor answered in the terminal; empty means: leave the placeholder."""

    title: str = ""
    owner: str = ""
    lead: str = ""


def _text(value: str, hint: str) -> str:
    """A YAML scalar: the value, quoted, or a placeholder that says what belongs there."""
    return json.dumps(value or f"{MARKER}: {hint}", ensure_ascii=False)


def _choices(values: list[str]) -> str:
    return ", ".join(values) if values else "(nog geen)"


def _one_of(values: tuple[str, ...]) -> str:
    """``a, b of c``: the allowed values, as a placeholder says them."""
    return f"{', '.join(values[:-1])} of {values[-1]}" if len(values) > 1 else values[0]


def _literal(model: type[Measure] | type[Instrument], field: str) -> tuple[str, ...]:
    """The values the model allows for ``field``."""
    return tuple(str(v) for v in get_args(model.model_fields[field].annotation))


def template(kind: str, project: Project, answers: Answers) -> str:
    folder = BY_NAME[kind].folder
    header = f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{FILES[folder]}\n"
    return header + _BODIES[kind](project, answers)


def _measure(project: Project, answers: Answers) -> str:
    bestuur = sorted(s for s, v in project.stakeholders.items() if v.sector == "bestuur")
    scale = "\n".join(f"#   {signed(score)} {name}" for score, name in SCALE.items())
    effects = "".join(
        f"  {json.dumps(domain.id)}:\n"
        f"    score: {_text('', f'de score op {domain.name}, van -3 tot +3')}\n"
        for domain in project.domains.values()
    )
    statuses = f"de stand ({_one_of(get_args(Status))})"
    governance = f"de sturing ({_one_of(_literal(Measure, 'governance'))})"
    return f"""\
# Een maatregel. Waarden die met {MARKER} beginnen moet u nog invullen;
# `speelveld check` meldt ze tot ze zijn ingevuld.
title: {_text(answers.title, "de titel van de maatregel")}
summary: {_text("", "wat de maatregel doet en waarom (Markdown)")}
# status: voorgesteld (proposed), vastgesteld (adopted), lopend (running), geëvalueerd
# (evaluated) of gestopt (stopped)
status: {_text("", statuses)}
# owner: een partner met sector bestuur: {_choices(bestuur)}
owner: {_text(answers.owner, "de bestuurlijk eigenaar")}
# governance: hiërarchisch (hierarchical), netwerkgericht (network) of gemengd (mixed)
governance: {_text("", governance)}
stakeholders:
  # role: lead (precies één trekker), partner of informed
  - id: {_text(answers.lead, "de id van de trekker")}
    role: lead
# instruments: ids uit instruments/: {_choices(sorted(project.instruments))}
instruments:
  - {_text("", "de id van een instrument")}
# effects: het effect op elk domein, op de schaal van -3 tot +3:
{scale}
# Een score die niet 0 is heeft een rationale (waarom); een negatieve score ook een
# mitigation (hoe de schade wordt beperkt). Optioneel: confidence (low, medium, high)
# en evidence (waarop de inschatting steunt). Met confidence: low is de score een aanname;
# een bevinding die op zo'n score berust, zegt dat (rests_on). Scoorden meerdere mensen of
# partners het effect, zet ze dan onder scores, elk met by (wie), score en rationale; de
# score is dan hun mediaan (afgerond naar 0) en mag wegblijven:
#   scores:
#     - {{by: de id van een partner of een naam, score: 1, rationale: waarom}}
# Wanneer en waar het effect valt, en op wie (zoals het Beleidskompas vraagt):
#   when: now, later of both; where: here, elsewhere (buiten de gemeente) of both
#   groups:
#     - {{group: wie het treft, bears: cost (de kosten) of benefit (de baat)}}
effects:
{effects}sources: []
"""


def interactions_template(project: Project) -> str:
    """``interactions.yml`` with every ordered pair of the project's domains to score.

    Every pair is there, so that none is overlooked; a pair that does not work through may
    be removed (it counts as 0) or scored 0.
    """
    scale = "\n".join(f"#   {signed(score)} {name}" for score, name in SCALE.items())
    domains = list(project.domains.values())
    pairs = "".join(
        f"""\
  # Van {source.name} naar {target.name}
  - from: {json.dumps(source.id)}
    to: {json.dumps(target.id)}
    score: {_text("", f"hoe {source.short} doorwerkt in {target.short}, van -3 tot +3")}
    rationale: {_text("", "waarom, met de bron")}
"""
        for source in domains
        for target in domains
        if source.id != target.id
    )
    return f"""\
# yaml-language-server: $schema={SCHEMA_FOLDER}/{FILES["interactions"]}
# Hoe een verandering in het ene domein doorwerkt in het andere: per geordend paar
# domeinen (from, to) een score op dezelfde schaal als de effecten:
{scale}
# Een maatregel die from versterkt, werkt zo indirect door in to; de maatregelpagina's tonen
# dat indirecte effect (indicatief), en de regel indirect-harm meldt een maatregel die een
# domein via een ander schaadt. Elk paar van de {len(domains)} domeinen staat hieronder, met
# waarden die met {MARKER} beginnen: vul ze in, of verwijder een paar dat niet doorwerkt
# (een paar dat ontbreekt telt als 0). Optioneel per paar: confidence (low, medium, high;
# low is een aanname) en sources (een lijst van bronnen).
interactions:
{pairs or "  []"}"""


def _next_order(project: Project) -> int:
    """One past the highest ``order`` in any domain file, finished or not.

    Domains that still hold placeholders or schema errors are not among the validated
    domains, but their files already claim an order.
    """
    orders = [
        doc.data.get("order")
        for doc in project.documents_of("domain").values()
        if isinstance(doc.data, dict)
    ]
    numbers = [o for o in orders if isinstance(o, int) and not isinstance(o, bool)]
    return max([*numbers, *(d.order for d in project.domains.values())], default=0) + 1


def _domain(project: Project, answers: Answers) -> str:
    order = _next_order(project)
    return f"""\
# Een domein in het midden van het speelveld.
name: {_text(answers.title, "de naam van het domein")}
short: {_text("", "een kort label voor de infographic")}
order: {order}
description: {_text("", "wat dit domein omvat (Markdown)")}
"""


def _member(kind: str, project: Project, answers: Answers) -> str:
    domains = _choices(list(project.domains))
    if kind == "stakeholder":
        about = (
            "# Een partner in de middelste ring van het speelveld. Met sector bestuur kan de\n"
            "# partner eigenaar van een maatregel zijn.\n"
        )
        choice = f"sector: {_text('', f'de sector ({_one_of(get_args(Sector))})')}\n"
    else:
        governance = _one_of(_literal(Instrument, "governance"))
        about = "# Een instrument in de buitenste ring van het speelveld.\n"
        choice = (
            "# governance: hierarchical (regels, handhaving) of network (samenwerking)\n"
            f"governance: {_text('', f'de sturing ({governance})')}\n"
        )
    return f"""\
{about}name: {_text(answers.title, "de naam")}
description: {_text("", "de rol of werking (Markdown)")}
{choice}# domains: de domeinen waarin dit een rol speelt: {domains}
domains:
  - {_text("", "de id van een domein")}
"""


def _scenario(project: Project, answers: Answers) -> str:
    proposed = _choices(sorted(m for m, v in project.measures.items() if v.status == "proposed"))
    in_force = _choices(sorted(m for m, v in project.measures.items() if v.in_force))
    return f"""\
# Een scenario: het geldende beleid, min wat het stopt, plus de voorstellen die het invoert.
# De site zet de scenario's naast elkaar, zodat het bestuur kan kiezen.
title: {_text(answers.title, "de titel van het scenario")}
description: {_text("", "wat het scenario inhoudt en waarom (Markdown)")}
# adopt: voorgestelde maatregelen die het scenario invoert: {proposed}
adopt: []
# stop: geldende maatregelen die het scenario stopt: {in_force}
stop: []
"""


_BODIES: dict[str, Callable[[Project, Answers], str]] = {
    "measure": _measure,
    "domain": _domain,
    "stakeholder": lambda project, answers: _member("stakeholder", project, answers),
    "instrument": lambda project, answers: _member("instrument", project, answers),
    "scenario": _scenario,
}
