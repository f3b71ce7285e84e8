"""Who may read and write: users, roles, unit scopes, and the audit of what they did.

A change to a user and its audit entry are written in one unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence

from kpi.access import Role, Viewer
from kpi.messages import Explained, PerLang, say
from kpi.services.ports import Store
from kpi.storage.access import (
    audit_entries,
    changes_frame,
    normalise_email,
    users_frame,
    viewer_for_email,
    viewer_for_sign_in,
)

__all__ = [
    "AccessError",
    "add_user",
    "audit_entries",
    "changes_frame",
    "normalise_email",
    "remove_user",
    "users_frame",
    "viewer_for_email",
    "viewer_for_sign_in",
]


class AccessError(Explained, ValueError):
    """A user or unit reference that cannot be used."""


def add_user(
    store: Store,
    email: str,
    role: Role,
    unit_refs: Sequence[str] = (),
    *,
    actor: str,
    sub: str | None = None,
) -> Viewer:
    """Create or update a user; officers need at least one unit they may write for."""
    key = normalise_email(email)
    if "@" not in key and sub is None:
        raise AccessError(say("svc.users.bad_email", email=email))
    with store.unit_of_work() as uow:
        registry = uow.units.registry()
        codes = []
        for ref in unit_refs:
            unit = registry.resolve(ref)
            if unit is None:
                raise AccessError(say("svc.no_unit", ref=ref))
            codes.append(unit.code)
        if role.needs_units and not codes:
            raise AccessError(
                say("svc.users.needs_unit", role=PerLang(role.vi.lower(), role.en.lower()))
            )
        units = sorted(set(codes))
        before = uow.users.save(key, role.value, sub, units)
        detail = {"email": key, "role": role.value, "before_role": before, "units": units}
        uow.audit.add(actor, "users.add", detail=detail)
        uow.commit()
    return Viewer(key, role, frozenset(codes))


def remove_user(store: Store, email: str, *, actor: str) -> bool:
    key = normalise_email(email)
    with store.unit_of_work() as uow:
        role = uow.users.remove(key)
        if role is None:
            return False
        uow.audit.add(actor, "users.remove", detail={"email": key, "role": role})
        uow.commit()
    return True
