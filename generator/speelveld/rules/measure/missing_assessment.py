"""Een maatregel moet op elk domein van het speelveld beoordeeld zijn.

Beleid dat zich op één domein richt en geen oog heeft voor de neveneffecten op
de andere domeinen kan het einddoel schaden. Daarom staat elk domein onder
``effects``, ook als de score 0 is.

Goed (in een project met de domeinen preventie, hulpverlening en inkomen)::

    effects:
      preventie: {score: 2, rationale: Eerder zicht op betalingsachterstanden.}
      hulpverlening: {score: 1, rationale: Snellere doorverwijzing.}
      inkomen: {score: 0}

Fout (inkomen ontbreekt)::

    effects:
      preventie: {score: 2, rationale: Eerder zicht op betalingsachterstanden.}
      hulpverlening: {score: 1, rationale: Snellere doorverwijzing.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...words import plural
from ..base import Context, Problem

ID = "missing-assessment"
LEVEL = Severity.ERROR
TITLE = "Domein niet beoordeeld"
SUMMARY = "De maatregel beoordeelt niet elk domein."
REMEDY = "Voeg onder effects elk ontbrekend domein toe, met score 0 als er geen effect is."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        missing = [d for d in ctx.project.domains if d not in measure.effects]
        if missing:
            names = ", ".join(ctx.name("domain", d) for d in missing)
            yield Problem(
                Subject("measure", measure.id),
                ("effects",),
                f"de maatregel beoordeelt {plural(len(missing), 'domein', 'domeinen')} niet: "
                f"{names}. Beoordeel elk domein, met score 0 als er geen effect is",
            )
