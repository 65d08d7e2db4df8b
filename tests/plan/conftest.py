from __future__ import annotations

import pytest

from generator.dataset import Dataset
from generator.validate import load_dataset

from ..conftest import FIXTURES, REPO


@pytest.fixture(scope="session")
def demo() -> Dataset:
    """The repository's demo data, loaded and validated (no build)."""
    loaded = load_dataset(REPO)
    assert loaded.dataset is not None
    return loaded.dataset


@pytest.fixture(scope="session")
def small() -> Dataset:
    loaded = load_dataset(FIXTURES / "valid")
    assert loaded.dataset is not None
    return loaded.dataset
