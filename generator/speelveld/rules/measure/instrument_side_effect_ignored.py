"""Een maatregel mag een bekend neveneffect van zijn instrument niet wegredeneren.

Instrumenten hebben bekende neveneffecten (``side_effects``), zoals
terugvordering van te veel betaalde toeslagen, die mensen bij de
hulpverlening kan wegjagen. Scoort de maatregel dat domein hoger dan het
instrument doet vermoeden, dan hoort er een mitigatie bij die uitlegt waarom
het neveneffect hier uitblijft.

Goed (de maatregel neemt het neveneffect over of mitigeert het)::

    instruments: [terugvordering]   # side_effects: hulpverlening -1
    effects:
      hulpverlening:
        score: 0
        rationale: Alleen administratieve vereenvoudiging.
        mitigation: Eerst een gesprek met de schuldhulp; het bereik wordt gevolgd.

Fout::

    instruments: [terugvordering]
    effects:
      hulpverlening: {score: 1, rationale: Duidelijker regels.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import signed
from ..base import Context, Problem

ID = "instrument-side-effect-ignored"
LEVEL = Severity.WARNING
TITLE = "Neveneffect van een instrument genegeerd"
SUMMARY = "De maatregel negeert een bekend neveneffect van een ingezet instrument."
READS_SCORES = True
REMEDY = (
    "Neem het neveneffect over in de score van dat domein, of beschrijf bij mitigation "
    "waarom het hier uitblijft."
)


def check(ctx: Context) -> Iterator[Problem]:
    instruments = ctx.project.instruments
    for measure in ctx.measures:
        for index, ref in enumerate(measure.instruments):
            instrument = instruments.get(ref)
            if instrument is None:
                continue
            for domain, side in instrument.side_effects.items():
                effect = measure.effects.get(domain)
                if side.score >= 0 or effect is None or effect.mitigation:
                    continue
                if effect.score > side.score:
                    yield Problem(
                        Subject("measure", measure.id),
                        ("instruments", index),
                        f"het instrument {instrument.name} heeft een bekend neveneffect "
                        f"{side.score:+d} op {ctx.name('domain', domain)}, maar de maatregel "
                        f"scoort dat domein {signed(effect.score)} zonder mitigatie",
                        domain=domain,
                    )
