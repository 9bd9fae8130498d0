"""Where the encryption key comes from: the secret setting, a key file, or a generated key file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from collectguard.errors import ValidationError
from collectguard.pii import Keyring
from collectguard.settings import Settings
from collectguard.store import sqlite_path

__all__ = ["KeySource", "load_keyring"]

KEY_FILE_NAME = "collectguard.key"


@dataclass(frozen=True, slots=True)
class KeySource:
    keyring: Keyring
    #: set when a key file was generated now: the edge tells the operator
    notice: str | None = None


def load_keyring(settings: Settings, url: str) -> KeySource:
    """The keyring from ``secret_key``, else ``key_file``, else a key file beside the SQLite file."""
    if settings.secret_key is not None:
        return KeySource(Keyring.from_secret(settings.secret_key.get_secret_value()))
    path = settings.key_file
    if path is None:
        db_file = sqlite_path(url)
        if db_file is None:
            raise ValidationError(
                "set COLLECTGUARD_SECRET_KEY or --key-file: a key file is generated only beside a SQLite file",
                field="secret_key",
            )
        path = db_file.parent / KEY_FILE_NAME
    if path.exists():
        try:
            return KeySource(Keyring.from_export(path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            raise ValidationError(f"{path}: not a key file", field="key_file") from None
    return KeySource(_generate(path), notice=f"generated a new key file {path} (mode 0600); back it up")


def _generate(path: Path) -> Keyring:
    keyring = Keyring.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use its key
        return Keyring.from_export(path.read_text(encoding="utf-8"))
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(keyring.export())
    return keyring
