"""The codes of input problems: what the loader, the validator and the acceptances report.

Analysis rules are described in :mod:`speelveld.catalogue`; together the two tables are
every code a finding can carry, and :func:`describe` and :func:`title` read either.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import CATALOGUE
from .findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    severity: Severity
    summary: str
    remedy: str


#: Not an input error itself, but its consequence: the portfolio rules did not run.
INCOMPLETE = "portfolio-incomplete"
#: An ``accepted`` entry that no finding matches any more.
UNUSED_ACCEPTANCE = "unused-acceptance"
#: A reference to an entity whose own file has input errors: what depends on it waits.
DEPENDS_ON_ERROR = "depends-on-error"
#: A threshold set where ``speelveld.yml`` used to hold it, at the top level.
DEPRECATED_SETTING = "deprecated-setting"

INPUT_CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo(
            "yaml-syntax",
            Severity.ERROR,
            "Het bestand is geen geldige YAML of geen UTF-8, of het bestand of de map kan niet "
            "worden gelezen: geen leesrecht, of geen gewoon bestand (een named pipe, socket of "
            "apparaat, of een symbolische link naar niets of in een kring); de melding zegt wat "
            "het is.",
            "Controleer op de genoemde plek de inspringing (spaties, geen tabs), "
            "aanhalingstekens en haakjes; sla het bestand op als UTF-8; geef leesrecht; "
            "verwijder wat geen gewoon bestand is uit de datamap.",
        ),
        CodeInfo(
            "yaml-unsupported",
            Severity.ERROR,
            "Het bestand gebruikt YAML die Speelveld bewust niet leest: ankers en verwijzingen "
            "(&, *), tags (!!) of te diepe nesting.",
            "Schrijf de waarde voluit en laat tags weg.",
        ),
        CodeInfo(
            "file-too-large",
            Severity.ERROR,
            "Het bestand is groter dan max_file_bytes.",
            "Splits de inhoud of verhoog max_file_bytes in speelveld.yml.",
        ),
        CodeInfo(
            "ignored-file",
            Severity.INFO,
            "Een bestand of map in een datamap, een datamap of speelveld.yml wordt niet gelezen "
            "(andere extensie, submap of link naar buiten het project).",
            "Geef gegevensbestanden de extensie .yml en zet ze direct in de datamap.",
        ),
        CodeInfo(
            "duplicate-key",
            Severity.ERROR,
            "Een sleutel staat twee keer in dezelfde mapping; YAML zou de eerste negeren.",
            "Voeg de twee waarden samen of verwijder er één.",
        ),
        CodeInfo(
            "schema",
            Severity.ERROR,
            "Een veld ontbreekt, is onbekend, heeft het verkeerde type of een niet toegestane "
            "waarde.",
            "Volg de melding: die noemt het veld en wat er is toegestaan.",
        ),
        CodeInfo(
            "invalid-id",
            Severity.ERROR,
            "De bestandsnaam is geen geldige id (kleine letters, cijfers en koppeltekens, "
            "hoogstens 64 tekens), of het veld id wijkt af van de bestandsnaam.",
            "Hernoem het bestand, bijvoorbeeld naar 'mijn-maatregel.yml'.",
        ),
        CodeInfo(
            "duplicate-id",
            Severity.ERROR,
            "Twee bestanden hebben dezelfde id (x.yml naast x.yaml).",
            "Verwijder of hernoem een van de twee.",
        ),
        CodeInfo(
            "unknown-reference",
            Severity.ERROR,
            "Een verwijzing naar een domein, partner, instrument of maatregel dat niet bestaat.",
            "Gebruik de id (bestandsnaam) van een bestaand bestand; de melding noemt de "
            "dichtstbijzijnde.",
        ),
        CodeInfo(
            DEPENDS_ON_ERROR,
            Severity.INFO,
            "Een verwijzing naar een onderdeel waarvan het bestand invoerfouten heeft: het "
            "onderdeel bestaat, maar telt niet mee. De regels voor wat ernaar verwijst wachten "
            "tot dat bestand klopt, zodat ze niets melden dat alleen uit die fouten volgt.",
            "Los de invoerfouten op in het bestand dat de melding noemt.",
        ),
        CodeInfo(
            "placeholder",
            Severity.ERROR,
            "Een waarde die speelveld new als INVULLEN heeft klaargezet, is nog niet "
            "ingevuld; het onderdeel telt pas mee als alles is ingevuld.",
            "Vervang de tekst die met INVULLEN begint door de echte waarde.",
        ),
        CodeInfo(
            "invalid-reference",
            Severity.ERROR,
            "De verwijzing bestaat, maar past niet: de eigenaar of wie aanvaardt is geen "
            "partner met sector bestuur, een partner staat twee keer bij een maatregel, een "
            "scenario voert een maatregel in die geen voorstel is of stopt er een die niet geldt, "
            "of een interactie verbindt een domein met zichzelf of noemt een paar twee keer.",
            "Kies een bestuurlijke eigenaar (sector bestuur), noem elke partner en elk paar "
            "domeinen één keer, en laat een interactie van een domein naar een ander gaan.",
        ),
        CodeInfo(
            UNUSED_ACCEPTANCE,
            Severity.WARNING,
            "Een besluit onder accepted aanvaardt een bevinding die er niet (meer) is.",
            "Verwijder het besluit, of pas regel, domein of onderwerp aan als het een andere "
            "bevinding bedoelt.",
        ),
        CodeInfo(
            INCOMPLETE,
            Severity.INFO,
            "Er zijn invoerfouten, dus de regels over de portefeuille zijn niet uitgevoerd: "
            "hun bevindingen zouden de fouten alleen weerspiegelen.",
            "Los eerst de invoerfouten op; daarna toetst speelveld check ook de portefeuille.",
        ),
        CodeInfo(
            DEPRECATED_SETTING,
            Severity.INFO,
            "Een drempel staat in speelveld.yml nog bovenaan, waar hij vroeger stond; hij "
            "telt, maar hoort nu onder de regel die hem gebruikt.",
            "Zet de drempel onder rules, bij de regel die de melding noemt.",
        ),
    )
}


def describe(code: str) -> CodeInfo:
    """What a code means and what to do, for a rule or an input problem alike."""
    rule = CATALOGUE.get(code)
    if rule is None:
        return INPUT_CODES[code]
    return CodeInfo(rule.id, rule.level, rule.summary, rule.remedy)


def title(code: str) -> str:
    """A rule's short name for readers; the summary of an input code."""
    rule = CATALOGUE.get(code)
    return rule.title if rule is not None else INPUT_CODES[code].summary.rstrip(".")


def is_input_error(finding: Finding) -> bool:
    """An error in the input: the data cannot be trusted until it is fixed."""
    return finding.code in INPUT_CODES and finding.severity is Severity.ERROR
