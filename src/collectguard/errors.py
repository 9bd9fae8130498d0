"""The one error hierarchy of collectguard.

Every error the package raises on purpose derives from :class:`CollectguardError`,
so an edge can catch one type and turn it into an HTTP 4xx body or a CLI exit code 2::

    CollectguardError
    ├── ValidationError          bad input: a field that is missing, mistyped or out of range
    │   ├── NaiveTimestampError  a timestamp without a UTC offset (never silently UTC)
    │   └── EncodingError        bytes that are not valid UTF-8
    ├── DataFileError            a rule pack, lexicon or playbook file that does not validate
    │   └── OverlayLoosensError  a company overlay that would loosen a pack below the law
    ├── UnknownRulePackError     a rule pack name that is not shipped or installed
    ├── NotFoundError            an account, party, attempt or user that does not exist
    ├── ConflictError            a write that contradicts stored state (idempotency mismatch …)
    ├── PermissionDeniedError    the caller's role may not do this
    ├── AuthenticationError      no or wrong credentials
    ├── CryptoError              decryption failed: wrong key or tampered data
    └── AuditChainError          the audit hash chain is broken
"""

from __future__ import annotations


class CollectguardError(Exception):
    """Base of every deliberate error; ``field`` names the input path when there is one."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ValidationError(CollectguardError):
    code = "invalid"


class NaiveTimestampError(ValidationError):
    code = "naive_timestamp"


class EncodingError(ValidationError):
    code = "bad_encoding"


class DataFileError(CollectguardError):
    """A data file that does not validate; the message names the file, entry and field."""

    code = "bad_data_file"


class OverlayLoosensError(DataFileError):
    code = "overlay_loosens"


class UnknownRulePackError(CollectguardError):
    code = "unknown_rulepack"


class NotFoundError(CollectguardError):
    code = "not_found"


class ConflictError(CollectguardError):
    code = "conflict"


class PermissionDeniedError(CollectguardError):
    code = "forbidden"


class AuthenticationError(CollectguardError):
    code = "unauthenticated"


class CryptoError(CollectguardError):
    code = "crypto"


class AuditChainError(CollectguardError):
    code = "audit_chain_broken"
