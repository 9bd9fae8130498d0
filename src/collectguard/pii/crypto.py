"""Keys for personal data: AES-256-GCM with key ids so keys rotate, HMAC-SHA256 for pseudonyms.

Keys are always passed in (a key file or a secret read at the edge); nothing here reads the
environment. A token names the key that sealed it, so old ciphertexts stay readable after a new
key becomes active, and the caller's ``context`` (say ``"party:42/phone"``) is bound as
associated data, so a ciphertext moved to another field does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from collectguard.errors import CryptoError, ValidationError
from collectguard.pii.normalize import canonical_value

__all__ = ["Keyring"]

_VERSION = "v1"
_NONCE = 12
_KID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_EXPORT_FORMAT = "collectguard-keyring"


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"collectguard", info=info).derive(material)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Keyring:
    """AES-256-GCM with key ids so keys can rotate; HMAC-SHA256 for tokens/blind indexes."""

    __slots__ = ("_active", "_aead", "_keys", "_token_keys")

    def __init__(self, keys: Mapping[str, bytes], active: str) -> None:
        if not keys:
            raise ValidationError("a keyring needs at least one key", field="keys")
        for kid, key in keys.items():
            if not isinstance(kid, str) or not _KID.match(kid):
                raise ValidationError(f"key id {kid!r} must be 1-64 of A-Z a-z 0-9 _ -", field="keys")
            if not isinstance(key, bytes | bytearray) or len(key) != 32:
                raise ValidationError(f"key {kid!r} must be 32 bytes", field=f"keys.{kid}")
        if active not in keys:
            raise ValidationError(f"active key {active!r} is not in the keyring", field="active")
        self._keys = {kid: bytes(key) for kid, key in keys.items()}
        self._active = active
        self._aead = {kid: AESGCM(key) for kid, key in self._keys.items()}
        # Pseudonym keys are derived, not the encryption keys themselves: one key, one purpose.
        self._token_keys = {
            kid: _hkdf(key, b"collectguard/token/hmac-sha256/v1") for kid, key in self._keys.items()
        }

    @property
    def active(self) -> str:
        """The key id new ciphertexts and tokens use."""
        return self._active

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    @classmethod
    def from_secret(cls, secret: str | bytes) -> Keyring:
        """One key derived (HKDF-SHA256) from a secret such as ``COLLECTGUARD_SECRET_KEY``."""
        material = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
        if len(material) < 16:
            raise ValidationError("the secret must be at least 16 bytes", field="secret")
        key = _hkdf(material, b"collectguard/aes-256-gcm/v1")
        kid = hmac.new(key, b"collectguard/kid", hashlib.sha256).hexdigest()[:12]
        return cls({kid: key}, kid)

    @classmethod
    def generate(cls) -> Keyring:
        """A fresh random key, for a first start or a rotation (merge with :meth:`with_key`)."""
        key = os.urandom(32)
        kid = hmac.new(key, b"collectguard/kid", hashlib.sha256).hexdigest()[:12]
        return cls({kid: key}, kid)

    def with_key(self, kid: str, key: bytes, *, activate: bool = True) -> Keyring:
        """A keyring that also holds ``kid``; old tokens stay readable, new ones use it if active."""
        keys = {**self._keys, kid: key}
        return Keyring(keys, kid if activate else self._active)

    def export(self) -> str:
        """The key-file text (JSON). Keep it secret: it holds the raw keys."""
        body = {
            "format": _EXPORT_FORMAT,
            "version": 1,
            "active": self._active,
            "keys": {kid: _b64(key) for kid, key in self._keys.items()},
        }
        return json.dumps(body, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_export(cls, text: str) -> Keyring:
        """Read the text written by :meth:`export`; a malformed file is a ``ValidationError``."""
        try:
            body = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"key file is not JSON (line {exc.lineno})", field="key_file") from None
        if not isinstance(body, dict) or body.get("format") != _EXPORT_FORMAT:
            raise ValidationError(f"key file format must be {_EXPORT_FORMAT!r}", field="key_file.format")
        raw_keys = body.get("keys")
        active = body.get("active")
        if not isinstance(raw_keys, dict) or not isinstance(active, str):
            raise ValidationError("key file needs 'keys' (object) and 'active' (string)", field="key_file")
        keys: dict[str, bytes] = {}
        for kid, encoded in raw_keys.items():
            try:
                keys[kid] = _unb64(str(encoded))
            except (binascii.Error, ValueError):
                raise ValidationError("key is not base64", field=f"key_file.keys.{kid}") from None
        return cls(keys, active)

    def _aad(self, kid: str, context: str) -> bytes:
        return f"collectguard/{_VERSION}/{kid}/{context}".encode()

    def encrypt(self, plaintext: str, *, context: str = "") -> str:
        """``v1.<kid>.<base64url(nonce + ciphertext + tag)>``; ``context`` is bound as AAD."""
        nonce = os.urandom(_NONCE)
        sealed = self._aead[self._active].encrypt(
            nonce, plaintext.encode("utf-8"), self._aad(self._active, context)
        )
        return f"{_VERSION}.{self._active}.{_b64(nonce + sealed)}"

    def decrypt(self, token: str, *, context: str = "") -> str:
        """The plaintext, or ``CryptoError`` on a wrong key, tampering, unknown kid or wrong context."""
        parts = token.split(".") if isinstance(token, str) else []
        if len(parts) != 3 or parts[0] != _VERSION:
            raise CryptoError("not a collectguard ciphertext (expected v1.<kid>.<data>)")
        _, kid, data = parts
        aead = self._aead.get(kid)
        if aead is None:
            raise CryptoError(f"ciphertext sealed with unknown key id {kid!r}")
        try:
            blob = _unb64(data)
        except (binascii.Error, ValueError):
            raise CryptoError("ciphertext is not valid base64") from None
        if len(blob) < _NONCE + 16:
            raise CryptoError("ciphertext is truncated")
        try:
            plain = aead.decrypt(blob[:_NONCE], blob[_NONCE:], self._aad(kid, context))
        except InvalidTag:
            raise CryptoError("decryption failed: wrong key, wrong context or tampered data") from None
        return plain.decode("utf-8")

    def tokenize(self, value: str, *, kind: str, kid: str | None = None) -> str:
        """A stable keyed pseudonym (64 hex) of ``value`` as a ``kind``; joins work, reversal does not.

        Tokens follow the active key; pass ``kid`` to compute one under an older key, e.g. to
        look up a blind index written before a rotation.
        """
        key = self._token_keys.get(kid or self._active)
        if key is None:
            raise CryptoError(f"unknown key id {kid!r}")
        message = f"{kind.upper()}\x00{canonical_value(value, kind)}".encode()
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    def __repr__(self) -> str:
        return f"Keyring(active={self._active!r}, keys={len(self._keys)})"
