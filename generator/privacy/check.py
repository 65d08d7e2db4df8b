"""Run the confidentiality lint over a dataset (filled in by the privacy issue)."""

from __future__ import annotations

from pathlib import Path

from ..dataset import Dataset
from ..diagnostics import Diagnostic


def check_dataset(root: Path, ds: Dataset) -> list[Diagnostic]:
    return []
