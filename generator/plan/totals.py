"""Outcome figures: one meeting's, or a portal's sum over its held meetings."""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import percent
from ..models.meeting import Outcome
from .views import Figures


@dataclass(frozen=True)
class Totals:
    meetings: int = 0
    companies: int = 0
    veterans: int = 0
    interviews: int = 0
    second_interviews: int = 0
    matches: int = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.meetings, self.companies, self.veterans, self.interviews, self.second_interviews, self.matches)

    @property
    def rate(self) -> float | None:
        return self.matches / self.companies if self.companies else None

    @classmethod
    def of(cls, o: Outcome) -> Totals:
        """One held meeting's figures."""
        return cls(1, o.companies, o.veterans, o.interviews, o.second_interviews, o.matches)


def figures(t: Totals) -> Figures:
    """Totals as printed (with the matching rate as text)."""
    return Figures(t.meetings, t.companies, t.veterans, t.interviews, t.second_interviews, t.matches,
                   percent(t.matches, t.companies))
