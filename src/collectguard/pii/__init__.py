"""Personal data: find it (recognizers), hide it (operators), seal it (keyring)."""

from __future__ import annotations

from collectguard.pii.crypto import Keyring

__all__ = ["Keyring"]
