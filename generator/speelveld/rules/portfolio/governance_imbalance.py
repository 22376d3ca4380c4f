"""Combineer hiërarchische met netwerkgerichte sturing.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO
from ...words import percent
from ..base import Context, Problem

ID = "governance-imbalance"

_DUTCH = {"hierarchical": "hiërarchisch", "network": "netwerkgericht"}


def check(ctx: Context) -> Iterator[Problem]:
    count = sum(ctx.coverage.governance.values())
    limit = ctx.threshold("max_governance_share")
    for kind, label in _DUTCH.items():
        share = ctx.coverage.governance[kind] / count if count else 0.0
        if share > limit:
            yield Problem(
                PORTFOLIO,
                ctx.config.threshold_pointer("max_governance_share"),
                f"{percent(share, limit)} van de maatregelen is {label}; meer dan "
                f"{percent(limit)}. Combineer hiërarchische met netwerkgerichte sturing",
            )
