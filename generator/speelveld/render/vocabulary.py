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
LEVEL = {"error": "Fout", "warning": "Waarschuwing", "info": "Melding"}
LEVEL_PLURAL = {"error": "Fouten", "warning": "Waarschuwingen", "info": "Meldingen"}
