"""API tokens: shown once, stored only as a hash, revocable; names and scopes checked."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kpi.services.tokens import (
    TokenError,
    add_token,
    authenticate,
    hash_token,
    list_tokens,
    revoke_token,
)
from kpi.storage import Storage


def test_secret_is_never_stored(storage: Storage) -> None:
    secret = add_token(storage, "ioc")
    with storage.engine.connect() as conn:
        stored = conn.execute(text("SELECT name, token_hash, scope FROM api_tokens")).all()
    assert [tuple(r) for r in stored] == [("ioc", hash_token(secret), "read")]
    assert secret not in repr(stored) and len(secret) > 40
    listed = list_tokens(storage)
    assert "token_hash" not in listed.columns and list(listed["name"]) == ["ioc"]


def test_authenticate_until_revoked(storage: Storage) -> None:
    secret = add_token(storage, "portal")
    client = authenticate(storage, secret)
    assert client is not None and (client.name, client.scope) == ("portal", "read")
    assert list_tokens(storage)["last_used_at"].notna().all()
    assert authenticate(storage, secret + "x") is None
    revoke_token(storage, "portal")
    assert authenticate(storage, secret) is None
    with pytest.raises(TokenError):
        revoke_token(storage, "portal")


@pytest.mark.parametrize(("name", "scope"), [("a b", "read"), ("", "read"), ("ok", "write")])
def test_bad_names_and_scopes(storage: Storage, name: str, scope: str) -> None:
    with pytest.raises(TokenError):
        add_token(storage, name, scope)


def test_a_name_is_used_once(storage: Storage) -> None:
    add_token(storage, "ioc")
    with pytest.raises(TokenError, match="ioc"):
        add_token(storage, "ioc")
