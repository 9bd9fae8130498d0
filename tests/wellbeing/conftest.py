from __future__ import annotations

import pytest

from collectguard.wellbeing import load_thresholds


@pytest.fixture(scope="session")
def thresholds():
    return load_thresholds()
