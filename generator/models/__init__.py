"""Pydantic models of the five file kinds. Field names are a public contract."""

from .challenge import Challenge
from .institution import Institution
from .meeting import Meeting
from .region import Region
from .veteran import Veteran

MODELS = {
    "region": Region,
    "institution": Institution,
    "meeting": Meeting,
    "challenge": Challenge,
    "veteran": Veteran,
}

__all__ = ["MODELS", "Challenge", "Institution", "Meeting", "Region", "Veteran"]
