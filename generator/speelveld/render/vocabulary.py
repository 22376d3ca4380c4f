"""Dutch words for the English values of the data format."""

from __future__ import annotations

from ..model import signed

__all__ = ["signed"]

STATUS = {
    "proposed": "Voorgesteld",
    "adopted": "Vastgesteld",
    "running": "Lopend",
    "evaluated": "Geëvalueerd",
    "stopped": "Gestopt",
}
GOVERNANCE = {"hierarchical": "hiërarchisch", "network": "netwerkgericht", "mixed": "gemengd"}
SECTOR = {
    "overheid": "overheid",
    "zorg": "zorg",
    "onderwijs": "onderwijs",
    "bedrijfsleven": "bedrijfsleven",
    "maatschappelijk": "maatschappelijk",
    "bestuur": "bestuur",
}
ROLE = {"lead": "trekker", "partner": "partner", "informed": "geïnformeerd"}
LEVELS = {"none": "geen", "low": "laag", "medium": "middel", "high": "hoog"}
CONFIDENCE = {"low": "laag", "medium": "middel", "high": "hoog"}
#: The levels of findings in the words of readers: a shortcoming that the rules hold against
#: the policy, a concern, and a note. (The codes and the command line keep error, warning
#: and info.)
LEVEL = {"error": "Knelpunt", "warning": "Zorgpunt", "info": "Opmerking"}
LEVEL_PLURAL = {"error": "Knelpunten", "warning": "Zorgpunten", "info": "Opmerkingen"}
#: A governance point as the rules judge the policy in force.
POINT_STATE = {"holds": "voldoet", "fails": "voldoet niet", "untested": "niet getoetst"}
#: When and where an effect lands, and what a group bears.
WHEN = {"now": "nu", "later": "later", "both": "nu en later"}
WHERE = {"here": "hier", "elsewhere": "elders", "both": "hier en elders"}
BEARS = {"cost": "kosten", "benefit": "baat"}
