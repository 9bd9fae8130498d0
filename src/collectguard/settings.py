"""The one Settings object: built at the edge (CLI or app factory) and passed down.

Values come from keyword arguments first, then ``COLLECTGUARD_*`` environment variables,
then defaults. Nothing else in the package reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic import ValidationError as PydanticValidationError

from collectguard.errors import ValidationError

__all__ = ["ENV_PREFIX", "Settings", "default_data_dir"]

ENV_PREFIX = "COLLECTGUARD_"


def default_data_dir(env: Mapping[str, str]) -> Path:
    """The user's data directory (XDG on Unix), where the default SQLite file lives."""
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", ".")) / ".local" / "share")
    return Path(base) / "collectguard"


class Settings(BaseModel):
    """Everything the service, API and CLI can be configured with (env prefix ``COLLECTGUARD_``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: a SQLAlchemy URL or a plain file path meaning SQLite; None → the user's data directory
    db: str | None = None
    #: the encryption secret (``COLLECTGUARD_SECRET_KEY``); wins over ``key_file``
    secret_key: SecretStr | None = None
    #: a key file written by ``Keyring.export``; None → ``collectguard.key`` beside the SQLite file
    key_file: Path | None = None
    #: directory of extra rule packs and overlays, referable by file stem
    packs_dir: Path | None = None
    #: packs used where no account names any (screening a draft)
    rulepacks: tuple[str, ...] = ("cn",)
    #: a reservation not completed within this many seconds counts as a placed call
    reservation_ttl_seconds: int = Field(default=900, ge=1)
    #: largest accepted request body, in bytes
    max_body_bytes: int = Field(default=64 * 1024, ge=256)
    #: the zone whose calendar days the dashboard's daily charts count in (the floor's own day)
    report_timezone: str = "Asia/Shanghai"
    #: the minimum pause of the crisis state, in hours, before a supervisor may clear it
    crisis_min_hold_hours: int = Field(default=72, ge=0)
    host: str = "127.0.0.1"
    port: int = Field(default=8400, ge=0, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    log_level: str = "info"
    #: JSON logs (one object per line) rather than plain text
    log_json: bool = True
    #: SQLite durability: NORMAL survives a crashed process, FULL also a lost power supply
    sqlite_synchronous: Literal["NORMAL", "FULL"] = "NORMAL"
    #: served workers load the screener and lexicons at start rather than on the first request
    warm_up: bool = True

    @field_validator("report_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Asia/Shanghai") from None
        return value

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``COLLECTGUARD_*`` variables, with explicit ``overrides`` winning."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = tuple(p.strip() for p in raw.split(",")) if name == "rulepacks" else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            settings = cls(**values)
        except PydanticValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise ValidationError(
                f"setting {ENV_PREFIX}{field.upper()}: {first['msg']}", field=field
            ) from None
        if settings.db is None:
            settings = settings.model_copy(update={"db": str(default_data_dir(env) / "collectguard.db")})
        return settings
