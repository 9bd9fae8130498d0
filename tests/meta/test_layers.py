"""The layers of design.md hold: the core imports nothing from the edges or their libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import collectguard

PACKAGE = Path(collectguard.__file__).parent
CORE = ("model", "policy", "text", "pii", "wellbeing", "risk")
FORBIDDEN = (
    "collectguard.store",
    "collectguard.service",
    "collectguard.api",
    "collectguard.web",
    "collectguard.cli",
    "collectguard.audit",
    "sqlalchemy",
    "fastapi",
    "starlette",
    "dask",
    "distributed",
    "uvicorn",
    "alembic",
)
#: the pure core reads no clock and no environment
FORBIDDEN_CALLS = ("datetime.now", "datetime.utcnow", "date.today", "time.time", "os.environ", "os.getenv")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _core_files() -> list[Path]:
    files = []
    for part in CORE:
        folder = PACKAGE / part
        if folder.is_dir():
            files += sorted(folder.rglob("*.py"))
    return files


def test_core_imports_no_edge_or_io_library():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _core_files()
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert not offenders, offenders


def test_core_reads_no_clock_and_no_environment():
    offenders = [
        f"{path.relative_to(PACKAGE)} uses {call}"
        for path in _core_files()
        for call in FORBIDDEN_CALLS
        if call in path.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders


def test_public_api_is_curated():
    assert len(set(collectguard.__all__)) == len(collectguard.__all__)
    for name in collectguard.__all__:
        assert hasattr(collectguard, name), name
    assert {"decide", "load_pack", "History", "Decision", "Attempt", "Account", "__version__"} <= set(
        collectguard.__all__
    )


def test_modules_stay_small():
    """style.md: aim under 300 lines a module; 400 is the hard ceiling."""
    big = [
        f"{p.relative_to(PACKAGE)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert not big, big
