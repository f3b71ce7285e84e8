"""Bearer tokens of the read API: made once, shown once, stored only as a hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

import pandas as pd

from kpi.messages import Explained, say
from kpi.services.ports import Store
from kpi.storage import Storage
from kpi.storage import api as store

SCOPES = ("read",)
PREFIX = "kpi_"
NAME_RULE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class TokenError(Explained, ValueError):
    """A token name or scope we cannot accept, or a token that does not exist."""


@dataclass(frozen=True, slots=True)
class Client:
    """Who is calling: the token's name and scope."""

    name: str
    scope: str


def hash_token(secret: str) -> str:
    """SHA-256 of the secret: tokens are 256 random bits, so no salt or stretching is needed."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def add_token(storage: Store, name: str, scope: str = "read", actor: str = "cli") -> str:
    """Create a token and return its secret (the only time it is seen)."""
    if not NAME_RULE.match(name):
        raise TokenError(say("svc.tokens.bad_name", name=name))
    if scope not in SCOPES:
        raise TokenError(say("svc.tokens.bad_scope", scope=scope, scopes=", ".join(SCOPES)))
    with storage.unit_of_work() as uow:
        if uow.tokens.exists(name):
            raise TokenError(say("svc.tokens.exists", name=name))
        secret = PREFIX + secrets.token_urlsafe(32)
        uow.tokens.add(name, hash_token(secret), scope, created_by=actor)
        uow.audit.add(actor, "api.token.add", detail={"name": name, "scope": scope})
        uow.commit()
    return secret


def revoke_token(storage: Store, name: str, actor: str = "cli") -> None:
    with storage.unit_of_work() as uow:
        if not uow.tokens.revoke(name):
            raise TokenError(say("svc.tokens.none_active", name=name))
        uow.audit.add(actor, "api.token.revoke", detail={"name": name})
        uow.commit()


def list_tokens(storage: Storage) -> pd.DataFrame:
    """Name, scope, who made it and when, revoked and last used: never the secret."""
    return store.tokens_frame(storage)


def authenticate(storage: Storage, secret: str) -> Client | None:
    """The client behind a bearer secret, or None when it is unknown or revoked."""
    if not secret.startswith(PREFIX):
        return None
    found = store.live_token(storage, hash_token(secret))
    return Client(*found) if found else None


def log_call(
    storage: Storage,
    *,
    client: Client | None,
    method: str,
    path: str,
    query: str,
    status: int,
    started: dt.datetime,
    remote: str | None,
) -> None:
    """One row per API call, refused ones included."""
    elapsed = dt.datetime.now(dt.UTC) - started
    store.log_call(
        storage,
        {
            "at": started,
            "token_name": client.name if client else None,
            "method": method[:8],
            "path": path,
            "query": query[:2000],
            "status": status,
            "duration_ms": int(elapsed.total_seconds() * 1000),
            "client": (remote or "")[:64] or None,
        },
    )


def calls(storage: Storage, limit: int = 1000) -> pd.DataFrame:
    return store.calls_frame(storage, limit)
