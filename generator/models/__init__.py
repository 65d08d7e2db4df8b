"""Pydantic models of the five file kinds. Field names are a public contract."""

from .challenge import Challenge
from .institution import Institution
from .meeting import Meeting
from .region import Region
from .veteran import Veteran

__all__ = ["MODELS", "Challenge", "Institution", "Meeting", "Region", "Veteran"]


def __getattr__(name: str) -> object:
    # MODELS is kept for existing imports; the record kinds live in generator/registry.py.
    if name == "MODELS":
        from ..registry import MODELS

        return MODELS
    raise AttributeError(name)
