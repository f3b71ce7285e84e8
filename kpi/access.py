"""Roles and scopes: who may read, who may write figures for which units."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

LOCAL_ADMIN = "local-admin"  # the CLI acting with no --as, recorded so in the audit log


class Role(StrEnum):
    LEADER = "leader"
    OFFICER = "officer"
    ADMIN = "admin"

    @property
    def vi(self) -> str:
        return {"leader": "Lãnh đạo", "officer": "Cán bộ đầu mối", "admin": "Quản trị"}[self.value]

    @property
    def en(self) -> str:
        return {"leader": "Leader", "officer": "Data officer", "admin": "Administrator"}[self.value]


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
