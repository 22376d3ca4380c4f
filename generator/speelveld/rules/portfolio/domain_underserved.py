"""Geen domein blijft ver achter in het totale positieve effect.

Een domein kan maatregelen hebben en toch verhoudingsgewijs weinig aandacht
krijgen. Deze regel meet het aandeel van elk domein in de som van alle
positieve scores en waarschuwt onder ``min_domain_share``. Over een domein
dat ``domain-uncovered`` al meldt, zwijgt deze regel.

Goed: elk domein krijgt 20 procent of meer van het positieve effect.

Fout: één domein met 5 procent, terwijl de drempel 15 procent is.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...words import percent
from ..base import Context, Problem

ID = "domain-underserved"
SETTINGS = ("min_domain_share",)
LEVEL = Severity.WARNING
TITLE = "Domein krijgt te weinig"
SUMMARY = "Een domein krijgt een te klein aandeel van het positieve effect."
READS_SCORES = True
REMEDY = "Zoek maatregelen die dit domein versterken, of neem het mee in bestaande maatregelen."


def check(ctx: Context) -> Iterator[Problem]:
    minimum = ctx.config.min_domain_share
    uncovered = ctx.config.min_measures_per_domain if ctx.enabled("domain-uncovered") else 0
    domains = ctx.coverage.domains
    if not any(cover.positive_sum for cover in domains.values()):
        return
    for domain, cover in domains.items():
        if cover.positive >= uncovered and cover.share < minimum:
            yield Problem(
                Subject("domain", domain),
                (),
                f"{ctx.name('domain', domain)} krijgt {percent(cover.share, minimum)} van het "
                f"positieve effect; minder dan {percent(minimum)}",
            )
