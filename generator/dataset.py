"""The validated, immutable dataset that the later stages read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from .loader import LoadedFile
from .models import Challenge, Institution, Meeting, Region, Veteran
from .models.national import National

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Record(Generic[M]):
    """One file's model with where it lives.

    ``key`` is unique across the dataset and stable: it is built from folder
    and file names only, so a URL never changes when a title does.
    """

    kind: str
    key: str
    id: str
    region: str
    institution: str | None
    model: M
    source: LoadedFile = field(compare=False, repr=False)

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True)
class Dataset:
    regions: dict[str, Record[Region]]
    institutions: dict[str, Record[Institution]]  # key: "region/institution"
    meetings: dict[str, Record[Meeting]]  # key: "region/institution/meeting"
    challenges: dict[str, Record[Challenge]]  # key: "region/institution/challenge"
    veterans: dict[str, Record[Veteran]]  # key: "region/veteran"
    unpublished: frozenset[str] = frozenset()  # keys held back (no consent)
    national: National | None = None  # regions/national.yml: the national portal's contact (national.py)

    def is_demo(self, region: str) -> bool:
        return self.regions[region].model.demo

    @property
    def any_demo(self) -> bool:
        return any(r.model.demo for r in self.regions.values())
