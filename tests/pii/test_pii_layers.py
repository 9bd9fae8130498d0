"""The pii core does no I/O edges: it imports no store, api, web, cli, audit, SQLAlchemy, FastAPI or Dask,
and reads no environment."""

from __future__ import annotations

import ast
from pathlib import Path

import collectguard.pii

FORBIDDEN = (
    "sqlalchemy",
    "fastapi",
    "dask",
    "collectguard.store",
    "collectguard.api",
    "collectguard.web",
    "collectguard.cli",
    "collectguard.audit",
    "collectguard.service",
)


def _modules() -> list[Path]:
    return sorted(Path(collectguard.pii.__file__).parent.rglob("*.py"))


def test_pii_imports_nothing_from_the_edges() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_pii_reads_no_environment() -> None:
    for path in _modules():
        assert "os.environ" not in path.read_text(encoding="utf-8"), path.name
