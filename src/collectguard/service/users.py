"""Users, API keys and passwords.

An API key is 256 random bits shown once. Only a keyed SHA-256 digest (HMAC with a key
derived from the keyring) is stored, so checking a key is one hash and one indexed
lookup — microseconds, unlike a password hash — and a stolen table reveals no key.
Dashboard passwords use argon2, where slowness is the point.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from collectguard.errors import AuthenticationError, ConflictError, NotFoundError, ValidationError
from collectguard.service.roles import require
from collectguard.service.runtime import Runtime, new_id
from collectguard.service.types import ROLES, Actor, UserInfo
from collectguard.store.models import ApiKey, User

__all__ = [
    "authenticate",
    "check_password",
    "create_user",
    "digest",
    "digests",
    "list_users",
    "new_api_key",
    "set_password",
]

_PREFIX = "cgk_"
_hasher = PasswordHasher()


def digests(rt: Runtime, api_key: str) -> list[str]:
    """The key's digest under every key of the keyring: a key issued before a rotation still signs in."""
    return [rt.keyring.tokenize(api_key, kind="API_KEY", kid=kid) for kid in rt.keyring.key_ids]


def digest(rt: Runtime, api_key: str) -> str:
    """The stored form of a key: a keyed SHA-256 (HMAC) under a key derived from the keyring."""
    return rt.keyring.tokenize(api_key, kind="API_KEY")


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.name, user.role, user.created_at, user.active)


def create_user(rt: Runtime, name: str, role: str, *, actor: Actor) -> tuple[UserInfo, str]:
    """A user with one role and a first API key; the key is returned once and never stored."""
    require(actor, "users")
    name = name.strip()
    if not name or len(name) > 128:
        raise ValidationError("a user name is 1 to 128 characters", field="name")
    if role not in ROLES:
        raise ValidationError(f"{role!r} is not one of: {', '.join(ROLES)}", field="role")
    key = _PREFIX + secrets.token_urlsafe(32)
    now = rt.now()
    user = User(id=new_id("usr"), name=name, role=role, created_at=now, password_hash=None, active=True)
    try:
        with rt.db.write() as session:
            session.add(user)
            session.flush()
            session.add(ApiKey(id=new_id("key"), user_id=user.id, digest=digest(rt, key), created_at=now))
            rt.audit(
                session,
                actor=actor.id,
                action="user.create",
                subject=user.id,
                payload={"name": name, "role": role},
            )
    except IntegrityError:
        raise ConflictError(f"a user named {name!r} exists", field="name") from None
    return _info(user), key


def new_api_key(rt: Runtime, user_id: str, *, actor: Actor) -> str:
    """Another key for an existing user (rotation); shown once."""
    require(actor, "users")
    key = _PREFIX + secrets.token_urlsafe(32)
    with rt.db.write() as session:
        if session.get(User, user_id) is None:
            raise NotFoundError(f"no user {user_id!r}", field="user_id")
        session.add(ApiKey(id=new_id("key"), user_id=user_id, digest=digest(rt, key), created_at=rt.now()))
        rt.audit(session, actor=actor.id, action="user.key", subject=user_id)
    return key


def revoke_keys(rt: Runtime, name: str, *, actor: Actor) -> int:
    """Revoke every API key of a user (a process that cached one honours it within 10 s)."""
    require(actor, "users")
    with rt.db.write() as session:
        user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise NotFoundError(f"no user {name!r}", field="name")
        keys = list(
            session.execute(
                select(ApiKey).where(ApiKey.user_id == user.id, ApiKey.revoked_at.is_(None))
            ).scalars()
        )
        now = rt.now()
        for key in keys:
            key.revoked_at = now
        rt.audit(
            session, actor=actor.id, action="user.revoke_keys", subject=user.id, payload={"keys": len(keys)}
        )
    return len(keys)


def authenticate(rt: Runtime, api_key: str) -> Actor:
    """The actor behind an API key, or AuthenticationError."""
    if not api_key or not api_key.startswith(_PREFIX) or len(api_key) > 200:
        raise AuthenticationError("missing or malformed API key")
    with rt.db.read() as session:
        row = session.execute(
            select(User)
            .join(ApiKey, ApiKey.user_id == User.id)
            .where(
                ApiKey.digest.in_(digests(rt, api_key)),
                ApiKey.revoked_at.is_(None),
                User.active.is_(True),
            )
        ).scalar_one_or_none()
    if row is None:
        raise AuthenticationError("unknown or revoked API key")
    return Actor(row.id, row.name, row.role)


def set_password(rt: Runtime, name: str, password: str, *, actor: Actor) -> None:
    """Set a dashboard password (argon2)."""
    require(actor, "users")
    if len(password) < 8:
        raise ValidationError("a password has at least 8 characters", field="password")
    with rt.db.write() as session:
        user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise NotFoundError(f"no user {name!r}", field="name")
        user.password_hash = _hasher.hash(password)
        rt.audit(session, actor=actor.id, action="user.password", subject=user.id)


def check_password(rt: Runtime, name: str, password: str) -> Actor:
    """The actor for a dashboard sign-in, or AuthenticationError (same message either way)."""
    with rt.db.read() as session:
        user = session.execute(
            select(User).where(User.name == name, User.active.is_(True))
        ).scalar_one_or_none()
    try:
        if user is None or user.password_hash is None:
            raise VerificationError()
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise AuthenticationError("wrong user name or password") from None
    return Actor(user.id, user.name, user.role)


def list_users(rt: Runtime, *, role: str | None = None) -> list[UserInfo]:
    with rt.db.read() as session:
        query = select(User).order_by(User.name)
        if role:
            query = query.where(User.role == role)
        return [_info(u) for u in session.execute(query).scalars()]
