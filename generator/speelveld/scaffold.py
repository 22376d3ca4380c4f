"""``speelveld new``: a valid, commented starting file for each kind of entity.

Values the advisor must choose are ``INVULLEN`` placeholders, which ``speelveld check``
reports until they are filled in; everything else is already valid.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .kinds import BY_NAME
from .model import SCALE, signed
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


def template(kind: str, project: Project, answers: Answers) -> str:
    folder = BY_NAME[kind].folder
    header = f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{FILES[folder]}\n"
    return header + _BODIES[kind](project, answers)


def _measure(project: Project, answers: Answers) -> str:
    bestuur = sorted(s for s, v in project.stakeholders.items() if v.sector == "bestuur")
    scale = "\n".join(f"#   {signed(score)} {name}" for score, name in SCALE.items())
    effects = "".join(f"  {domain}:\n    score: 0\n" for domain in project.domains)
    return f"""\
# Een maatregel. Waarden die met {MARKER} beginnen moet u nog invullen;
# `speelveld check` meldt ze tot ze zijn ingevuld.
title: {_text(answers.title, "de titel van de maatregel")}
summary: {_text("", "wat de maatregel doet en waarom (Markdown)")}
# status: proposed, adopted, running, evaluated of stopped
status: proposed
# owner: een partner met sector bestuur: {_choices(bestuur)}
owner: {_text(answers.owner, "de bestuurlijk eigenaar")}
# governance: hierarchical, network of mixed
governance: network
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
# en evidence (waarop de inschatting steunt).
effects:
{effects}sources: []
"""


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
        lines = (
            "# Een partner in de middelste ring van het speelveld.\n"
            "# sector: overheid, zorg, onderwijs, bedrijfsleven, maatschappelijk of bestuur\n"
            "sector: maatschappelijk\n"
        )
    else:
        lines = (
            "# Een instrument in de buitenste ring van het speelveld.\n"
            "# governance: hierarchical (regels, handhaving) of network (samenwerking)\n"
            "governance: network\n"
        )
    return f"""\
{lines}name: {_text(answers.title, "de naam")}
description: {_text("", "de rol of werking (Markdown)")}
# domains: de domeinen waarin dit een rol speelt: {domains}
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
