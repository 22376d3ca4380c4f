"""The analysis rules: one module per rule, listed once in :data:`REGISTRY`.

A rule module has an ``ID``, a default ``LEVEL``, a short Dutch ``TITLE`` for readers, a
one-line Dutch ``SUMMARY``, a ``REMEDY``, a docstring (the longer explanation, with a good
and a bad example) and a ``check(context)`` that yields :class:`Problem`. Optional:
``SETTINGS`` (the options of ``speelveld.yml`` it reads), ``LISTED`` (its message only
names the subject) and ``READS_SCORES`` (what it finds depends on the scores of effects).
"""

from __future__ import annotations

import inspect
from types import ModuleType

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

#: Every rule, in the order the documentation lists them.
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


def _rule(module: ModuleType) -> Rule:
    return Rule(
        id=module.ID,
        level=module.LEVEL,
        title=module.TITLE,
        summary=module.SUMMARY,
        remedy=module.REMEDY,
        explanation=inspect.cleandoc(module.__doc__ or ""),
        scope=module.__name__.split(".")[-2],
        check=module.check,
        settings=getattr(module, "SETTINGS", ()),
        listed=getattr(module, "LISTED", False),
        reads_scores=getattr(module, "READS_SCORES", False),
    )


REGISTRY: dict[str, Rule] = {rule.id: rule for rule in map(_rule, MODULES)}
