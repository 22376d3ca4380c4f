"""Project configuration: every option declared once, with type, default and why.

The configuration lives in ``speelveld.yml`` beside the data folders. It is
optional: a project without it is checked with the defaults below.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .ids import CONFIG_FILE, DEFAULT_MAX_FILE_BYTES

__all__ = ["CONFIG_FILE", "Config"]

RuleSetting = Literal["error", "warning", "info", "off", False]


class Config(BaseModel):
    """Thresholds of the portfolio rules and switches for every rule."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    min_measures_per_domain: int = Field(
        1,
        ge=0,
        description="domain-uncovered: het minimum aantal maatregelen dat een domein positief "
        "(+1 of hoger) scoort.",
    )
    min_domain_share: float = Field(
        0.15,
        ge=0,
        le=1,
        description="domain-underserved: het minimale aandeel van een domein in alle positieve "
        "effecten samen.",
    )
    max_governance_share: float = Field(
        0.8,
        ge=0,
        le=1,
        description="governance-imbalance: het maximale aandeel hiërarchische of "
        "netwerkgerichte maatregelen.",
    )
    max_owner_share: float = Field(
        0.7,
        ge=0,
        le=1,
        description="owner-concentration: het maximale aandeel maatregelen van één eigenaar.",
    )
    min_owner_count: int = Field(
        3,
        ge=0,
        description="owner-concentration: het minimum aantal verschillende bestuurlijke eigenaren.",
    )
    police_hours_available: int | None = Field(
        None,
        ge=0,
        description="capacity-exceeded: de beschikbare politie-uren per jaar; zonder waarde "
        "wordt de capaciteit niet getoetst.",
    )
    max_file_bytes: int = Field(
        DEFAULT_MAX_FILE_BYTES,
        ge=1,
        description="De grootste YAML-file die wordt gelezen, in bytes; grotere worden geweigerd.",
    )
    compare_with: str | None = Field(
        None,
        min_length=1,
        description="De eerdere versie (een git-tag of -revisie, zoals het laatste "
        "raadsbesluit) waarmee de pagina Wijzigingen de huidige portefeuille vergelijkt.",
    )
    rules: dict[str, RuleSetting] = Field(
        default_factory=dict,
        description="Per regelcode een ander niveau (error, warning, info) of off om de regel "
        "uit te zetten.",
    )
