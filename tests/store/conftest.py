"""Service-test fixtures live in cg_service_fixtures (shared with tests/api and tests/store)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "service"))

from cg_service_fixtures import *  # noqa: F403
