"""Synthetic projects for benchmarks and demonstrations: realistic, deterministic, any size.

The same seed always gives the same files. Proportions follow a real project: about
one stakeholder per two measures and one instrument per three, most measures sound, and
a few of every kind of finding (missing rationales, unmitigated harm, unknown partners).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

THEMES = (
    "signalering",
    "preventie",
    "zorg",
    "handhaving",
    "onderwijs",
    "wonen",
    "werk",
    "economie",
    "veiligheid",
    "gezondheid",
    "jeugd",
    "nachtleven",
)
ACTORS = (
    "politie",
    "ggd",
    "wijkteam",
    "jeugdzorg",
    "scholen",
    "horeca",
    "ondernemers",
    "woningcorporaties",
    "taxibranche",
    "hotels",
    "hulpverlening",
    "openbaar-ministerie",
    "buurtbewoners",
    "sportclubs",
    "werkgevers",
    "zorgverzekeraars",
)
VERBS = (
    "versterkt",
    "verbetert",
    "ondersteunt",
    "vergroot",
    "bundelt",
    "verkort",
    "verbreedt",
    "verduidelijkt",
)
OBJECTS = (
    "de samenwerking tussen partners",
    "het zicht op signalen",
    "de meldingsbereidheid",
    "de informatiepositie van de gemeente",
    "de toegang tot hulp",
    "de kennis bij professionals",
    "het vertrouwen van de doelgroep",
    "de aanpak van daders",
)
CAVEATS = (
    "mits er voldoende capaciteit is",
    "zolang de doelgroep betrokken blijft",
    "als de afspraken regionaal worden afgestemd",
    "wanneer de evaluatie dat bevestigt",
    "met aandacht voor privacy",
    "op voorwaarde dat de partners meedoen",
)
MITIGATIONS = (
    "Vooraf overleg met de betrokken partners en een evaluatie na een jaar.",
    "Regionale afspraken om verplaatsing naar buurgemeenten te voorkomen.",
    "Een meldpunt voor signalen van onbedoelde effecten.",
    "Extra voorlichting aan de doelgroep over de wijziging.",
)
SECTORS = ("overheid", "zorg", "onderwijs", "bedrijfsleven", "maatschappelijk")
STATUSES = ("proposed", "adopted", "running", "running", "evaluated", "stopped")


def _sentence(rng: random.Random) -> str:
    return (
        f"De maatregel {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(CAVEATS)}. "
        f"Partners als {rng.choice(ACTORS)} en {rng.choice(ACTORS)} zijn daarvoor nodig."
    )


def _slug(words: tuple[str, ...], rng: random.Random, index: int) -> str:
    return f"{rng.choice(words)}-{index}"


def generate(
    measures: int, domains: int, seed: int, *, errors: bool = True
) -> dict[str, dict[str, Any]]:
    """The project as ``{"measures/x.yml": data, ...}``: plain data, ready to dump.

    With ``errors`` off the project has warnings and notes but no errors, so that a
    site can be built from it.
    """
    rng = random.Random(seed)
    files: dict[str, dict[str, Any]] = {}
    domain_ids = [f"domein-{THEMES[i % len(THEMES)]}-{i + 1}" for i in range(domains)]
    for order, domain in enumerate(domain_ids, start=1):
        files[f"domains/{domain}.yml"] = {
            "name": f"Domein {order}: {domain.split('-')[1]}",
            "short": domain.split("-")[1].capitalize(),
            "order": order,
            "description": _sentence(rng),
        }
    owners = [f"wethouder-{theme}" for theme in THEMES[: max(3, domains)]]
    for owner in owners:
        files[f"stakeholders/{owner}.yml"] = {
            "name": owner.replace("-", " ").capitalize(),
            "description": "Portefeuillehouder.",
            "sector": "bestuur",
            "domains": rng.sample(domain_ids, k=min(2, domains)),
        }
    partners = [_slug(ACTORS, rng, i) for i in range(max(4, measures // 2))]
    for partner in partners:
        files[f"stakeholders/{partner}.yml"] = {
            "name": partner.replace("-", " ").capitalize(),
            "description": _sentence(rng),
            "sector": rng.choice(SECTORS),
            "domains": rng.sample(domain_ids, k=rng.randint(1, min(3, domains))),
        }
    instruments = [f"instrument-{i}" for i in range(max(3, measures // 3))]
    for index, instrument in enumerate(instruments):
        targets = rng.sample(domain_ids, k=rng.randint(1, min(2, domains)))
        data: dict[str, Any] = {
            "name": f"Instrument {index}",
            "description": _sentence(rng),
            "governance": rng.choice(("hierarchical", "network")),
            "domains": targets,
        }
        others = [d for d in domain_ids if d not in targets]
        if others and rng.random() < 0.2:
            data["side_effects"] = {rng.choice(others): {"score": -1, "rationale": _sentence(rng)}}
        files[f"instruments/{instrument}.yml"] = data
    for index in range(measures):
        files[f"measures/maatregel-{index:05d}.yml"] = _measure(
            rng, index, domain_ids, owners, partners, instruments, errors
        )
    files.update(_scenarios(rng, files))
    return files


#: The scenarios of a synthetic project: which share of the proposals each adopts, and
#: which share of the policy in force it stops.
SCENARIOS = (
    ("alle-voorstellen", "Alle voorstellen", 1.0, 0.0),
    ("de-helft", "De helft van de voorstellen", 0.5, 0.0),
    ("omvormen", "Een kwart erbij, een tiende eraf", 0.25, 0.1),
)


def _scenarios(rng: random.Random, files: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Three scenarios over the generated measures, as a project compares its options."""
    statuses = {
        path.removeprefix("measures/").removesuffix(".yml"): data["status"]
        for path, data in files.items()
        if path.startswith("measures/")
    }
    proposed = [m for m, status in statuses.items() if status == "proposed"]
    in_force = [
        m for m, status in statuses.items() if status in ("adopted", "running", "evaluated")
    ]
    return {
        f"scenarios/{scenario}.yml": {
            "title": title,
            "description": _sentence(rng),
            "adopt": sorted(rng.sample(proposed, k=round(len(proposed) * adopt))),
            "stop": sorted(rng.sample(in_force, k=round(len(in_force) * stop))),
        }
        for scenario, title, adopt, stop in SCENARIOS
    }


def _measure(
    rng: random.Random,
    index: int,
    domain_ids: list[str],
    owners: list[str],
    partners: list[str],
    instruments: list[str],
    errors: bool,
) -> dict[str, Any]:
    involved = rng.sample(partners, k=min(len(partners), rng.randint(1, 4)))
    effects: dict[str, Any] = {}
    for domain in domain_ids:
        score = rng.choice((-2, -1, 0, 0, 0, 1, 1, 2, 2, 3))
        effect: dict[str, Any] = {"score": score}
        if score and (not errors or rng.random() > 0.02):
            effect["rationale"] = _sentence(rng)
        if score < 0 and (rng.random() > 0.15 or (not errors and score <= -2)):
            effect["mitigation"] = rng.choice(MITIGATIONS)
        if rng.random() < 0.5:
            effect["confidence"] = rng.choice(("low", "medium", "high"))
        effects[domain] = effect
    data: dict[str, Any] = {
        "title": f"Maatregel {index}: {rng.choice(OBJECTS)} {rng.choice(VERBS)}",
        "summary": " ".join(_sentence(rng) for _ in range(2)),
        "status": rng.choice(STATUSES),
        "owner": rng.choice(owners),
        "governance": rng.choice(("hierarchical", "network", "mixed")),
        "stakeholders": [
            {"id": p, "role": "lead" if i == 0 else rng.choice(("partner", "informed"))}
            for i, p in enumerate(involved)
        ],
        "instruments": rng.sample(instruments, k=min(len(instruments), rng.randint(1, 2))),
        "effects": effects,
        "sources": [f"Raadsbesluit {2015 + index % 10}, nummer {index}"],
    }
    if rng.random() < 0.1:
        data["risks"] = {"displacement": rng.choice(("low", "medium", "high"))}
    if errors and rng.random() < 0.01:
        data["stakeholders"][0]["id"] += "x"  # a typo: an unknown partner
    return data


def write(files: dict[str, dict[str, Any]], out: Path) -> None:
    for relative, data in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88),
            encoding="utf-8",
        )
