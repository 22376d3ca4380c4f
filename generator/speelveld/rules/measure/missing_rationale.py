"""Een score die niet 0 is, heeft een onderbouwing nodig.

Een score zonder onderbouwing is niet te toetsen of te bespreken. Leg uit
waarom de maatregel het domein raakt.

Goed::

    hulpverlening:
      score: -1
      rationale: De huisbezoeken kosten uren van het wijkteam die elders nodig zijn.

Fout::

    hulpverlening:
      score: -1
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem, known_effects

ID = "missing-rationale"
LEVEL = Severity.ERROR
TITLE = "Score zonder onderbouwing"
SUMMARY = "Een score die niet 0 is, heeft geen onderbouwing."
READS_SCORES = True
REMEDY = "Schrijf bij rationale waarom de maatregel dit domein zo raakt."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if effect.score != 0 and not effect.rationale.strip():
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"score {effect.score:+d} op {ctx.name('domain', domain)} heeft geen "
                    "onderbouwing; leg uit waarom de maatregel dit domein zo raakt",
                )
