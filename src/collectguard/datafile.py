"""Reading a YAML data file and naming the file, entry and field when it does not validate.

Shared by every loader of the data layer (rule packs, thresholds, risk weights), so that a
broken file reads the same whichever part of collectguard it belongs to.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import yaml

from collectguard.errors import DataFileError

M = TypeVar("M", bound=pydantic.BaseModel)


def read_yaml(path: Path) -> Any:
    """The parsed file, or a DataFileError naming it (unreadable, not UTF-8, not YAML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not valid YAML: {exc}") from exc


def describe(path: Path, data: Any, exc: pydantic.ValidationError, list_key: str) -> DataFileError:
    """'file, entry id (thresholds[3]), field at_least: why' from pydantic's first error."""
    first = exc.errors()[0]
    loc = list(first["loc"])
    where = ""
    if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
        entries = data.get(list_key) if isinstance(data, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        entry_id = entry.get("id", "?") if isinstance(entry, dict) else "?"
        where = f" entry {entry_id} ({list_key}[{loc[1]}])"
        loc = loc[2:]
    field = ".".join(str(p) for p in loc) or "(entry)"
    return DataFileError(f"{path.name}:{where} field {field}: {first['msg']}", field=field)


def load_validated(path: Path, model: type[M], *, label: str | None = None) -> M:
    """A YAML (or ``.json``) data file validated by ``model``; errors name the file and field."""
    name = label or path.name
    try:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise DataFileError(f"{name}: cannot read: {exc}") from exc
    try:
        return model.model_validate(raw)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DataFileError(f"{name}: field {field}: {first['msg']}", field=field) from exc
