from __future__ import annotations

import sys
from pathlib import Path

# the service fixtures (a migrated service on SQLite or PostgreSQL, one user per role, an HTTP client)
sys.path.insert(0, str(Path(__file__).parents[1] / "service"))

from cg_service_fixtures import *  # noqa: F403
