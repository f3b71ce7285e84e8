"""Roles and scopes: who may read, who may write figures for which units."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kpi.text import t

LOCAL_ADMIN = "local-admin"  # the CLI acting with no --as, recorded so in the audit log


class Role(StrEnum):
    LEADER = "leader"
    OFFICER = "officer"
    ADMIN = "admin"
    APPROVER = "approver"  # thủ trưởng đơn vị: signs off the unit's figures

    @property
    def vi(self) -> str:
        return t(f"role.{self.value}", "vi")

    @property
    def en(self) -> str:
        return t(f"role.{self.value}", "en")

    @property
    def needs_units(self) -> bool:
        """Officers and approvers act for the units they are given."""
        return self in (Role.OFFICER, Role.APPROVER)


@dataclass(frozen=True)
class Viewer:
    """The person using the system now, and what they may do."""

    email: str
    role: Role
    unit_codes: frozenset[str] = field(default_factory=frozenset)
    is_demo: bool = False

    @property
    def can_upload(self) -> bool:
        return self.role in (Role.OFFICER, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def write_scope(self) -> frozenset[str] | None:
        """Units this viewer may write for; None means every unit (admin)."""
        if self.role is Role.ADMIN:
            return None
        if self.role is Role.OFFICER:
            return self.unit_codes
        return frozenset()

    @property
    def can_approve(self) -> bool:
        return self.role in (Role.APPROVER, Role.ADMIN)

    def approve_scope(self) -> frozenset[str] | None:
        """Units whose quarters this viewer may approve; None means every unit (admin)."""
        if self.role is Role.ADMIN:
            return None
        if self.role is Role.APPROVER:
            return self.unit_codes
        return frozenset()


PRODUCTION_WITHOUT_AUTH = t("safety.production_without_auth")


def _verified(value: object) -> bool:
    return value is True or str(value).strip().lower() == "true"


def sign_in_key(claims: Mapping[str, object], match: str) -> tuple[str, str]:
    """How a signed-in identity is matched to a stored user: (by, key).

    `by` is "email" (a verified e-mail claim), "sub" (the provider's subject), "unverified"
    (an e-mail the provider did not confirm: never matched) or "none" (nothing usable).
    With `match="sub"` only the subject counts, for providers that send no email_verified.
    """
    email = str(claims.get("email") or "").strip()
    sub = str(claims.get("sub") or "").strip()
    if match == "sub":
        return ("sub", sub) if sub else ("none", "")
    if email:
        return (
            ("email", email) if _verified(claims.get("email_verified")) else ("unverified", email)
        )
    return ("sub", sub) if sub else ("none", "")
