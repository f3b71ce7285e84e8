"""Who may read and write: users, roles, unit scopes, and the audit of what they did."""

from __future__ import annotations

from kpi.storage.access import (
    AccessError,
    add_user,
    audit_entries,
    changes_frame,
    normalise_email,
    remove_user,
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
