"""Combineer hiërarchische met netwerkgerichte sturing.

Hiërarchische sturing (regels, vergunningen, handhaving) en netwerkgerichte
sturing (samenwerking, vertrouwen) vullen elkaar aan. Deze regel waarschuwt
als het aandeel hiërarchische of netwerkgerichte maatregelen boven
``max_governance_share`` komt; gemengde maatregelen tellen voor geen van
beide.

Goed: 5 hiërarchisch, 4 netwerkgericht, 3 gemengd.

Fout: 9 van de 10 maatregelen zijn hiërarchisch.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO, Severity
from ...words import percent
from ..base import Context, Problem

ID = "governance-imbalance"
SETTINGS = ("max_governance_share",)
LEVEL = Severity.WARNING
TITLE = "Eenzijdige sturing"
SUMMARY = "Te veel maatregelen hebben dezelfde soort sturing."
REMEDY = "Vul aan met maatregelen van de andere soort sturing, of met gemengde."

_DUTCH = {"hierarchical": "hiërarchisch", "network": "netwerkgericht"}


def check(ctx: Context) -> Iterator[Problem]:
    count = sum(ctx.coverage.governance.values())
    limit = ctx.config.max_governance_share
    for kind, label in _DUTCH.items():
        share = ctx.coverage.governance[kind] / count if count else 0.0
        if share > limit:
            yield Problem(
                PORTFOLIO,
                ("max_governance_share",),
                f"{percent(share, limit)} van de maatregelen is {label}; meer dan "
                f"{percent(limit)}. Combineer hiërarchische met netwerkgerichte sturing",
            )
