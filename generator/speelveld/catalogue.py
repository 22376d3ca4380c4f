"""What every analysis rule is, apart from how it checks: id, scope, level, the words
readers see, and the options it owns in ``speelveld.yml``.

The data contract, the pages and the output formats read rules from here, so that none of
them imports the code of a rule; :mod:`speelveld.rules` pairs each entry with its check.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity

__all__ = ["CATALOGUE", "OPTIONS", "Option", "RuleInfo"]


@dataclass(frozen=True, slots=True)
class Option:
    """A threshold a rule reads, set under ``rules: {<rule>: {<name>: …}}``."""

    name: str
    type: type[int] | type[float]
    #: The value without a setting; ``None``: the rule judges only once it is set.
    default: int | float | None
    description: str
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    #: ``measure``: checked per measure; ``portfolio``: per portfolio of measures.
    scope: str
    level: Severity
    #: A short name for readers, such as "Domein niet gedekt".
    title: str
    summary: str
    remedy: str
    #: The longer explanation, with a good and a bad example.
    explanation: str
    options: tuple[Option, ...] = ()
    #: Whether the message says no more than the subject's name, so that readers see the
    #: findings of one portfolio as one list of names rather than a line each.
    listed: bool = False
    #: Whether the rule reads the scores of effects, so that a finding can rest on one.
    reads_scores: bool = False

    @property
    def settings(self) -> tuple[str, ...]:
        """The names of its options."""
        return tuple(option.name for option in self.options)


#: Every rule, in the order the documentation lists them.
RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        id="missing-assessment",
        scope="measure",
        level=Severity.ERROR,
        title="Domein niet beoordeeld",
        summary="De maatregel beoordeelt niet elk domein.",
        remedy="Voeg onder effects elk ontbrekend domein toe, met score 0 als er geen effect is.",
        explanation="""\
Een maatregel moet op elk domein van het speelveld beoordeeld zijn.

Beleid dat zich op één domein richt en geen oog heeft voor de neveneffecten op
de andere domeinen kan het einddoel schaden. Daarom staat elk domein onder
``effects``, ook als de score 0 is.

Goed (in een project met de domeinen preventie, hulpverlening en inkomen)::

    effects:
      preventie: {score: 2, rationale: Eerder zicht op betalingsachterstanden.}
      hulpverlening: {score: 1, rationale: Snellere doorverwijzing.}
      inkomen: {score: 0}

Fout (inkomen ontbreekt)::

    effects:
      preventie: {score: 2, rationale: Eerder zicht op betalingsachterstanden.}
      hulpverlening: {score: 1, rationale: Snellere doorverwijzing.}
""",
    ),
    RuleInfo(
        id="missing-rationale",
        scope="measure",
        level=Severity.ERROR,
        title="Score zonder onderbouwing",
        summary="Een score die niet 0 is, heeft geen onderbouwing.",
        remedy="Schrijf bij rationale waarom de maatregel dit domein zo raakt.",
        reads_scores=True,
        explanation="""\
Een score die niet 0 is, heeft een onderbouwing nodig.

Een score zonder onderbouwing is niet te toetsen of te bespreken. Leg uit
waarom de maatregel het domein raakt.

Goed::

    hulpverlening:
      score: -1
      rationale: De huisbezoeken kosten uren van het wijkteam die elders nodig zijn.

Fout::

    hulpverlening:
      score: -1
""",
    ),
    RuleInfo(
        id="scorers-disagree",
        scope="measure",
        level=Severity.WARNING,
        title="Scorers oneens",
        summary="De scorers van een effect verschillen sterk of oordelen tegengesteld.",
        remedy=(
            "Bespreek het effect met de scorers; leg de uitkomst vast in de rationale, of laat de "
            "verschillen zien aan het bestuur."
        ),
        explanation="""\
Waar scorers het sterk oneens zijn, hoort het gesprek bij het bestuur.

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
""",
    ),
    RuleInfo(
        id="unmitigated-side-effect",
        scope="measure",
        level=Severity.WARNING,
        title="Negatief effect zonder mitigatie",
        summary="Een negatief effect op een domein heeft geen mitigatie.",
        remedy="Beschrijf bij mitigation hoe het negatieve effect wordt beperkt.",
        reads_scores=True,
        explanation="""\
Een negatief effect op een domein vraagt om een mitigatie.

Een maatregel mag een domein raken, maar dan hoort erbij hoe de schade wordt
beperkt. Vanaf -2 (tegenwerkend) is het een fout, daarboven een waarschuwing.

Goed::

    hulpverlening:
      score: -1
      rationale: Strengere controles kunnen mensen bij de hulpverlening wegjagen.
      mitigation: Vooraf overleg met de cliëntenraad en een evaluatie na een jaar.

Fout::

    hulpverlening:
      score: -2
      rationale: Strengere controles kunnen mensen bij de hulpverlening wegjagen.
""",
    ),
    RuleInfo(
        id="instrument-side-effect-ignored",
        scope="measure",
        level=Severity.WARNING,
        title="Neveneffect van een instrument genegeerd",
        summary="De maatregel negeert een bekend neveneffect van een ingezet instrument.",
        remedy=(
            "Neem het neveneffect over in de score van dat domein, of beschrijf bij mitigation "
            "waarom het hier uitblijft."
        ),
        reads_scores=True,
        explanation="""\
Een maatregel mag een bekend neveneffect van zijn instrument niet wegredeneren.

Instrumenten hebben bekende neveneffecten (``side_effects``), zoals
terugvordering van te veel betaalde toeslagen, die mensen bij de
hulpverlening kan wegjagen. Scoort de maatregel dat domein hoger dan het
instrument doet vermoeden, dan hoort er een mitigatie bij die uitlegt waarom
het neveneffect hier uitblijft.

Goed (de maatregel neemt het neveneffect over of mitigeert het)::

    instruments: [terugvordering]   # side_effects: hulpverlening -1
    effects:
      hulpverlening:
        score: 0
        rationale: Alleen administratieve vereenvoudiging.
        mitigation: Eerst een gesprek met de schuldhulp; het bereik wordt gevolgd.

Fout::

    instruments: [terugvordering]
    effects:
      hulpverlening: {score: 1, rationale: Duidelijker regels.}
""",
    ),
    RuleInfo(
        id="indirect-harm",
        scope="measure",
        level=Severity.WARNING,
        title="Indirecte schade",
        summary=(
            "Een maatregel schaadt een domein via een ander domein (indirect -2 of lager), terwijl "
            "hij het direct niet schaadt."
        ),
        remedy=(
            "Beoordeel het effect op dit domein opnieuw met de doorwerking in gedachten, of "
            "beschrijf bij het domein waarlangs de schade loopt hoe die wordt beperkt."
        ),
        reads_scores=True,
        explanation="""\
Een maatregel schaadt een domein niet via een ander domein.

Domeinen werken op elkaar door: ``interactions.yml`` zegt per paar domeinen hoe een
verandering in het ene doorwerkt in het andere, van -3 tot +3. Het indirecte effect van
een maatregel op een domein is de som, over de andere domeinen, van zijn directe score
daar maal de interactie naar dit domein, gedeeld door 3 en afgerond naar 0: één stap, geen
kringloop. Is het indirecte effect -2 of lager terwijl de maatregel het domein direct niet
schaadt (0 of hoger), dan ziet de directe beoordeling een schade over het hoofd. De
melding noemt het domein waarlangs de schade loopt. Het getal is indicatief.

Goed (strenger terugvorderen werkt -1 door op hulp; +3 op terugvordering geeft indirect
-1)::

    # interactions.yml
    interactions:
      - {from: terugvordering, to: hulp, score: -1, rationale: Minder vertrouwen.}

Fout (het werkt -2 door; +3 op terugvordering geeft indirect -2, terwijl de maatregel
hulp direct 0 scoort)::

    # interactions.yml
    interactions:
      - {from: terugvordering, to: hulp, score: -2, rationale: Mensen mijden de hulp.}
""",
    ),
    RuleInfo(
        id="horizon-unassessed",
        scope="measure",
        level=Severity.INFO,
        title="Wanneer en waar niet beoordeeld",
        summary="Een sterk effect (±2 of meer) zegt niet wanneer en niet waar het valt.",
        remedy=(
            "Vul bij het effect when (now, later of both) en where (here, elsewhere of both) in, en"
            " zo nodig groups: wie de kosten draagt en wie de baat heeft."
        ),
        reads_scores=True,
        explanation="""\
Een sterk effect zegt wanneer en waar het valt.

Het Beleidskompas vraagt in de Gevolgenscan niet alleen wat een maatregel doet, maar ook
wanneer en waar: hier en nu, later (bijvoorbeeld voor toekomstige generaties) of
elders (buiten de gemeente, zoals in buurgemeenten). Een effect van +2 of
sterker, of -2 of sterker, zegt daarom ``when`` (``now``, ``later``, ``both``) of ``where``
(``here``, ``elsewhere``, ``both``). Zolang geen enkel effect van het project wanneer of waar
noemt, meldt de regel niets: het Rapport toont dan elk effect als hier en nu.

Goed::

    preventie:
      score: 2
      rationale: Voorlichting op school.
      when: later
      where: here

Fout (in een project dat bij andere effecten wel wanneer of waar noemt)::

    preventie:
      score: 2
      rationale: Voorlichting op school.
""",
    ),
    RuleInfo(
        id="no-lead",
        scope="measure",
        level=Severity.ERROR,
        title="Geen trekker",
        summary="De maatregel heeft geen trekker (role: lead).",
        remedy="Geef precies één betrokken partner de rol lead.",
        explanation="""\
Een maatregel heeft een trekker nodig.

Zonder partner met de rol ``lead`` is niemand verantwoordelijk voor de
uitvoering.

Goed::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: woningcorporatie, role: partner}

Fout::

    stakeholders:
      - {id: woningcorporatie, role: partner}
""",
    ),
    RuleInfo(
        id="many-leads",
        scope="measure",
        level=Severity.WARNING,
        title="Meer dan één trekker",
        summary="De maatregel heeft meer dan één trekker.",
        remedy="Houd één partner als lead en maak de andere partner.",
        explanation="""\
Een maatregel heeft één trekker, niet meer.

Met meer trekkers is onduidelijk wie aanspreekbaar is; de anderen zijn
partners.

Goed::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: schuldhulpverlening, role: partner}

Fout::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: schuldhulpverlening, role: lead}
""",
    ),
    RuleInfo(
        id="no-instrument",
        scope="measure",
        level=Severity.WARNING,
        title="Geen instrument",
        summary="De maatregel zet geen instrument in.",
        remedy="Noem bij instruments de instrumenten waarmee de maatregel wordt uitgevoerd.",
        explanation="""\
Een maatregel zet ten minste één instrument in.

Zonder instrument is niet te zien hoe de maatregel wordt uitgevoerd, en
ontbreken de bekende neveneffecten van dat instrument in de toets.

Goed::

    instruments: [training-signalering]

Fout::

    instruments: []
""",
    ),
    RuleInfo(
        id="unsupported-domain",
        scope="measure",
        level=Severity.WARNING,
        title="Geen partner in een gediend domein",
        summary=(
            "Geen betrokken partner speelt een rol in een domein dat de maatregel positief scoort."
        ),
        remedy="Betrek een partner die in dit domein werkt, of stel de score bij.",
        reads_scores=True,
        explanation="""\
Een positief effect op een domein heeft een partner in dat domein nodig.

Als geen van de betrokken partners een rol speelt in een domein dat de
maatregel positief scoort, is niet duidelijk wie dat effect waarmaakt.

Goed (het wijkteam werkt in het domein preventie)::

    stakeholders: [{id: wijkteam, role: lead}]
    effects:
      preventie: {score: 2, rationale: Vroeg signaleren.}

Fout (alleen de deurwaarders, die geen rol hebben in preventie)::

    stakeholders: [{id: deurwaarders, role: lead}]
    effects:
      preventie: {score: 2, rationale: Voorlichting.}
""",
    ),
    RuleInfo(
        id="governance-mismatch",
        scope="measure",
        level=Severity.INFO,
        title="Sturing past niet bij de instrumenten",
        summary="De sturing van de maatregel past niet bij zijn instrumenten.",
        remedy=(
            "Controleer governance: kies mixed als hiërarchische en netwerkinstrumenten samengaan."
        ),
        explanation="""\
De sturing van een maatregel past bij zijn instrumenten.

Een hiërarchische maatregel die alleen netwerkinstrumenten inzet, of
andersom, is vaak verkeerd getypeerd. Een bewuste combinatie van
hiërarchische en netwerkgerichte sturing begint bij een juiste typering.

Goed::

    governance: mixed
    instruments: [verordening, wijkoverleg]

Fout (alle instrumenten zijn netwerkinstrumenten)::

    governance: hierarchical
    instruments: [wijkoverleg, voorlichting]
""",
    ),
    RuleInfo(
        id="displacement-unmitigated",
        scope="measure",
        level=Severity.WARNING,
        title="Verplaatsing niet beperkt",
        summary=(
            "Middelgroot of groot verplaatsingsrisico, of schade elders, zonder enige mitigatie."
        ),
        remedy=(
            "Beschrijf bij het geraakte domein een mitigation, bijvoorbeeld regionale afstemming."
        ),
        reads_scores=True,
        explanation="""\
Een maatregel die een probleem naar elders verplaatst, beschrijft hoe hij dat beperkt.

Een maatregel kan een probleem verplaatsen in plaats van oplossen: naar een
andere plek, zoals een buurgemeente, of buiten het zicht van de gemeente en
haar partners. Dat zegt een middelgroot of groot risico (``risks.displacement``), of een
negatief effect dat elders valt (``where: elsewhere`` of ``both``). Dan hoort erbij ten
minste één effect met een mitigatie.

Goed::

    risks: {displacement: medium, note: Kan naar buurgemeenten verschuiven.}
    effects:
      hulpverlening:
        score: -1
        rationale: Minder inloopspreekuren in de wijk.
        mitigation: Afspraken met buurgemeenten over dezelfde spreekuren.

Fout::

    risks: {displacement: high}
    effects:
      hulpverlening: {score: -1, rationale: Minder inloopspreekuren in de wijk.}

Fout (de schade valt in de buurgemeenten)::

    effects:
      handhaving: {score: -1, rationale: Overlast verschuift naar buiten., where: elsewhere}
""",
    ),
    RuleInfo(
        id="domain-uncovered",
        scope="portfolio",
        level=Severity.ERROR,
        title="Domein niet gedekt",
        summary="Een domein heeft te weinig maatregelen die het positief dienen.",
        remedy="Voeg een maatregel toe die dit domein dient, of versterk een bestaande.",
        reads_scores=True,
        options=(
            Option(
                "min_measures_per_domain",
                int,
                1,
                "Het minimum aantal maatregelen dat een domein positief (+1 of hoger) scoort.",
            ),
        ),
        explanation="""\
Elk domein wordt door ten minste één maatregel positief gediend.

Elk domein van het speelveld is van belang voor effectief beleid. Een domein
dat geen enkele maatregel met +1 of hoger heeft, is een gat in het speelveld.
De drempel is ``min_measures_per_domain``.

Goed: elk domein heeft een maatregel met score +1 of hoger.

Fout: geen enkele maatregel scoort ``preventie`` positief.
""",
    ),
    RuleInfo(
        id="domain-underserved",
        scope="portfolio",
        level=Severity.WARNING,
        title="Domein krijgt te weinig",
        summary="Een domein krijgt een te klein aandeel van het positieve effect.",
        remedy=(
            "Zoek maatregelen die dit domein versterken, of neem het mee in bestaande maatregelen."
        ),
        reads_scores=True,
        options=(
            Option(
                "min_domain_share",
                float,
                0.15,
                "Het minimale aandeel van een domein in alle positieve effecten samen.",
                maximum=1,
            ),
        ),
        explanation="""\
Geen domein blijft ver achter in het totale positieve effect.

Een domein kan maatregelen hebben en toch verhoudingsgewijs weinig aandacht
krijgen. Deze regel meet het aandeel van elk domein in de som van alle
positieve scores en waarschuwt onder ``min_domain_share``. Over een domein
met minder positieve maatregelen dan ``min_measures_per_domain`` zwijgt deze regel: dat
is het domein dat ``domain-uncovered`` meldt.

Goed: elk domein krijgt 20 procent of meer van het positieve effect.

Fout: één domein met 5 procent, terwijl de drempel 15 procent is.
""",
    ),
    RuleInfo(
        id="domain-net-negative",
        scope="portfolio",
        level=Severity.WARNING,
        title="Domein per saldo geschaad",
        summary="De maatregelen samen schaden een domein meer dan ze het dienen.",
        remedy="Mitigeer of heroverweeg de maatregelen met negatieve scores op dit domein.",
        reads_scores=True,
        explanation="""\
Het portfolio als geheel schaadt geen domein.

Als de som van alle scores op een domein onder 0 ligt, doen de maatregelen
samen dat domein meer kwaad dan goed.

Goed: scores +2, -1 en 0 op ``hulpverlening`` (som +1).

Fout: scores +1, -1 en -1 op ``hulpverlening`` (som -1).
""",
    ),
    RuleInfo(
        id="stakeholder-unengaged",
        scope="portfolio",
        level=Severity.INFO,
        title="Partner niet betrokken",
        summary="Een partner is bij geen enkele maatregel betrokken.",
        remedy="Betrek de partner bij een maatregel, of ga na of hij nog bij het speelveld hoort.",
        listed=True,
        explanation="""\
Elke partner van het speelveld is bij ten minste één maatregel betrokken.

De middelste ring van het speelveld noemt de partners die betrokken moeten
zijn en blijven. Een partner zonder maatregel is mogelijk een gemiste kans.

Goed: ``woningcorporatie`` staat bij de maatregel tegen huisuitzettingen.

Fout: ``woningcorporatie`` staat bij geen enkele maatregel.
""",
    ),
    RuleInfo(
        id="instrument-unused",
        scope="portfolio",
        level=Severity.INFO,
        title="Instrument niet ingezet",
        summary="Een instrument wordt door geen enkele maatregel ingezet.",
        remedy=(
            "Zet het instrument in bij een maatregel, of ga na of het nog bij het speelveld hoort."
        ),
        listed=True,
        explanation="""\
Elk instrument van het speelveld wordt door ten minste één maatregel ingezet.

Een instrument in de buitenste ring dat nergens wordt gebruikt, is een
mogelijkheid die blijft liggen.

Goed: ``budgetcursus`` wordt ingezet door een maatregel.

Fout: geen enkele maatregel noemt ``budgetcursus``.
""",
    ),
    RuleInfo(
        id="governance-imbalance",
        scope="portfolio",
        level=Severity.WARNING,
        title="Eenzijdige sturing",
        summary="Te veel maatregelen hebben dezelfde soort sturing.",
        remedy="Vul aan met maatregelen van de andere soort sturing, of met gemengde.",
        options=(
            Option(
                "max_governance_share",
                float,
                0.8,
                "Het maximale aandeel hiërarchische of netwerkgerichte maatregelen.",
                maximum=1,
            ),
        ),
        explanation="""\
Combineer hiërarchische met netwerkgerichte sturing.

Hiërarchische sturing (regels, vergunningen, handhaving) en netwerkgerichte
sturing (samenwerking, vertrouwen) vullen elkaar aan. Deze regel waarschuwt
als het aandeel hiërarchische of netwerkgerichte maatregelen boven
``max_governance_share`` komt; gemengde maatregelen tellen voor geen van
beide.

Goed: 5 hiërarchisch, 4 netwerkgericht, 3 gemengd.

Fout: 9 van de 10 maatregelen zijn hiërarchisch.
""",
    ),
    RuleInfo(
        id="owner-concentration",
        scope="portfolio",
        level=Severity.WARNING,
        title="Eigenaarschap te geconcentreerd",
        summary="De maatregelen liggen bij te weinig bestuurlijke eigenaren.",
        remedy="Beleg maatregelen ook bij andere portefeuilles.",
        options=(
            Option(
                "max_owner_share",
                float,
                0.7,
                "Het maximale aandeel maatregelen van één eigenaar.",
                maximum=1,
            ),
            Option(
                "min_owner_count",
                int,
                3,
                "Het minimum aantal verschillende bestuurlijke eigenaren.",
            ),
        ),
        explanation="""\
Besluitvorming over meerdere portefeuilles.

Integrale besluitvorming betrekt meer dan één portefeuille: een domein
waarvoor geen bestuurder verantwoordelijk is, krijgt weinig aandacht. Deze
regel waarschuwt als één eigenaar meer dan ``max_owner_share`` van de
maatregelen heeft, of als minder dan ``min_owner_count`` eigenaren
maatregelen hebben. De portefeuilles die een project wil betrekken, staan in
``framework.portfolios``.

Goed: vier eigenaren, de grootste met 40 procent van de maatregelen.

Fout: één wethouder is eigenaar van 9 van de 10 maatregelen.
""",
    ),
    RuleInfo(
        id="capacity-exceeded",
        scope="portfolio",
        level=Severity.ERROR,
        title="Te weinig politiecapaciteit",
        summary="De maatregelen vragen meer politie-uren dan beschikbaar.",
        remedy="Prioriteer maatregelen of maak afspraken over extra capaciteit.",
        options=(
            Option(
                "police_hours_available",
                int,
                None,
                "De beschikbare politie-uren per jaar; zonder waarde wordt de capaciteit niet "
                "getoetst.",
            ),
        ),
        explanation="""\
De maatregelen vragen niet meer politiecapaciteit dan er is.

Maatregelen die samen meer politie-uren vragen dan er zijn, worden niet
uitgevoerd zoals bedoeld. Als ``police_hours_available`` is ingesteld, telt
deze regel de ``capacity.police_hours_per_year`` van alle maatregelen op.

Goed: 8.000 uur gevraagd, 10.000 beschikbaar.

Fout: 12.000 uur gevraagd, 10.000 beschikbaar.
""",
    ),
)
CATALOGUE: dict[str, RuleInfo] = {rule.id: rule for rule in RULES}
#: Every option, by its name (unique across rules), with the rule that owns it.
OPTIONS: dict[str, tuple[RuleInfo, Option]] = {
    option.name: (rule, option) for rule in RULES for option in rule.options
}
