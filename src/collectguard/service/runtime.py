"""What every use case needs: the database, the keyring, the clock, the settings and the packs."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from collectguard.errors import UnknownRulePackError, ValidationError
from collectguard.pii import Keyring
from collectguard.policy import RulePack, load_pack, shipped_pack_names
from collectguard.service.snapshot import SnapshotCache
from collectguard.settings import Settings
from collectguard.store import Database
from collectguard.store import audit as audit_log

__all__ = ["Clock", "Runtime", "new_id", "system_clock"]

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """A random id such as ``acc_3f9c…``: 80 bits, unguessable, no meaning."""
    return f"{prefix}_{secrets.token_hex(10)}"


#: the shipped pack's region, for the signals package's playbooks (``cn`` → ``cn``)
_REGION = {"us-regf": "us"}


@dataclass
class Runtime:
    settings: Settings
    db: Database
    keyring: Keyring
    clock: Clock
    _packs: dict[str, RulePack] = field(default_factory=dict)
    #: decision inputs of recently checked accounts, revalidated by version
    snapshots: SnapshotCache = field(default_factory=SnapshotCache)

    def now(self) -> datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValidationError("the clock returned a naive datetime", field="clock")
        return now

    def report_day(self, at: datetime) -> str:
        """The calendar day of ``at`` on the floor's clock (``report_timezone``), as ISO text."""
        return at.astimezone(ZoneInfo(self.settings.report_timezone)).date().isoformat()

    def packs(self, names: tuple[str, ...] | list[str]) -> tuple[RulePack, ...]:
        """Rule packs by name, from ``packs_dir`` first, then the shipped ones; loaded once."""
        out = []
        for name in names:
            pack = self._packs.get(name)
            if pack is None:
                pack = self._packs[name] = self._load(name)
            out.append(pack)
        return tuple(out)

    def jurisdictions(self, names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """The shipped base pack of each named pack: an overlay screens and reads replies as its base does."""
        return tuple(p.base or p.name for p in self.packs(names))

    def region(self, names: tuple[str, ...] | list[str]) -> str:
        """The support-line region of an account's packs (``us-regf`` → ``us``), overlays by their base."""
        bases = self.jurisdictions(names)
        return _REGION.get(bases[0], bases[0]) if bases else "cn"

    def pack_names(self) -> list[str]:
        """Every pack an account may name: the shipped ones and those in ``packs_dir``."""
        names = set(shipped_pack_names())
        if self.settings.packs_dir is not None:
            names |= {p.stem for p in Path(self.settings.packs_dir).glob("*.y*ml")}
        return sorted(names)

    def _load(self, name: str) -> RulePack:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise UnknownRulePackError(f"unknown rule pack {name!r}", field="rulepacks")
        directory = self.settings.packs_dir
        if directory is not None:
            for suffix in (".yaml", ".yml"):
                candidate = Path(directory) / f"{name}{suffix}"
                if candidate.is_file():
                    return load_pack(candidate)
        try:
            return load_pack(name)
        except UnknownRulePackError as exc:
            raise UnknownRulePackError(exc.message, field="rulepacks") from None

    def audit(
        self,
        session: Session,
        *,
        actor: str,
        action: str,
        subject: str,
        payload: dict[str, Any] | None = None,
    ) -> None:
        """Append to the audit chain inside the caller's transaction."""
        audit_log.append(
            session, at=self.now(), actor=actor, action=action, subject=subject, payload=payload or {}
        )
