"""Waar scorers het sterk oneens zijn, hoort het gesprek bij het bestuur.

Een effect kan door meerdere mensen of partners gescoord zijn (``scores``); de score van
het effect is dan hun mediaan. Verschillen zij drie stappen of meer, of vindt de een het
effect positief en de ander negatief, dan is dat precies wat besproken moet worden
voordat een score als feit wordt gelezen.

Goed (dicht bij elkaar)::

    preventie:
      scores:
        - {by: wijkteam, score: 1, rationale: Meer huisbezoeken.}
        - {by: schuldhulp, score: 2, rationale: Eerder in beeld.}

Fout (de een negatief, de ander positief)::

    preventie:
      scores:
        - {by: wijkteam, score: -1, rationale: Kost uren van het wijkteam.}
        - {by: schuldhulp, score: 2, rationale: Eerder in beeld.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "scorers-disagree"
LEVEL = Severity.WARNING
TITLE = "Scorers oneens"
SUMMARY = "De scorers van een effect verschillen sterk of oordelen tegengesteld."
REMEDY = (
    "Bespreek het effect met de scorers; leg de uitkomst vast in de rationale, of laat de "
    "verschillen zien aan het bestuur."
)
#: From this distance between the highest and the lowest score, scorers disagree.
SPREAD = 3


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            scores = [s.score for s in effect.scores]
            if len(scores) < 2:
                continue
            low, high = min(scores), max(scores)
            if high - low >= SPREAD or (low < 0 < high):
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"de {len(scores)} scorers van {ctx.name('domain', domain)} lopen uiteen "
                    f"van {signed(low)} tot {signed(high)}; de score is hun mediaan "
                    f"{signed(effect.score)}",
                )
