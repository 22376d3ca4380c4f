"""The analysis rules: one module per rule, listed once in :data:`REGISTRY`.

A rule module has an ``ID`` and a ``check(context)`` that yields :class:`Problem`; what the
rule is (level, words for readers, options) is its entry in :mod:`speelveld.catalogue`.
"""

from __future__ import annotations

from types import ModuleType

from ..catalogue import CATALOGUE
from .base import Context, Problem, Rule
from .measure import (
    displacement_unmitigated,
    governance_mismatch,
    horizon_unassessed,
    indirect_harm,
    instrument_side_effect_ignored,
    many_leads,
    missing_assessment,
    missing_rationale,
    no_instrument,
    no_lead,
    scorers_disagree,
    unmitigated_side_effect,
    unsupported_domain,
)
from .portfolio import (
    capacity_exceeded,
    domain_net_negative,
    domain_uncovered,
    domain_underserved,
    governance_imbalance,
    instrument_unused,
    owner_concentration,
    stakeholder_unengaged,
)

__all__ = ["REGISTRY", "Context", "Problem", "Rule"]

#: The code of every rule in the catalogue.
MODULES: tuple[ModuleType, ...] = (
    missing_assessment,
    missing_rationale,
    scorers_disagree,
    unmitigated_side_effect,
    instrument_side_effect_ignored,
    indirect_harm,
    horizon_unassessed,
    no_lead,
    many_leads,
    no_instrument,
    unsupported_domain,
    governance_mismatch,
    displacement_unmitigated,
    domain_uncovered,
    domain_underserved,
    domain_net_negative,
    stakeholder_unengaged,
    instrument_unused,
    governance_imbalance,
    owner_concentration,
    capacity_exceeded,
)


_CHECKS = {module.ID: module.check for module in MODULES}
#: Every rule of the catalogue with its check, in the catalogue's order.
REGISTRY: dict[str, Rule] = {
    rule_id: Rule(info, _CHECKS[rule_id]) for rule_id, info in CATALOGUE.items()
}
