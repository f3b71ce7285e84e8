"""The audit page's one read: written figures, actions and upload attempts under one
filter (unit, person, quarter, type of action, refused only), so every table agrees.

The tables keep the stored codes; kpi.audit_text turns them into words for people.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kpi.audit_text import codes_of_kind, people
from kpi.storage import Storage
from kpi.storage.access import audit_entries, changes_frame, figure_upload_ids, normalise_email
from kpi.storage.queries import upload_list
from kpi.storage.repository import audit_frame

CHANGE_LIMIT = 2_000
ACTION_LIMIT = 1_000
UPLOAD_LIMIT = 500


@dataclass(frozen=True)
class AuditFilter:
    unit_code: str | None = None
    actor: str | None = None
    period: str | None = None  # '2026-Q3'
    kind: str | None = None  # kpi.audit_text.KINDS
    refused_only: bool = False

    @property
    def writes_figures(self) -> bool:
        """Whether figures written can match: only accepted uploads write them."""
        return not self.refused_only and self.kind in (None, "upload")

    @property
    def shows_uploads(self) -> bool:
        return self.kind in (None, "upload")


@dataclass(frozen=True)
class AuditTables:
    changes: pd.DataFrame | None  # None: the filter excludes written figures
    actions: pd.DataFrame
    uploads: pd.DataFrame | None  # None: the filter excludes upload attempts


def audit_tables(storage: Storage, chosen: AuditFilter) -> AuditTables:
    """The three tables of the audit page, newest first, each under the same filter."""
    actor = normalise_email(chosen.actor) if chosen.actor else None
    actions = audit_entries(
        storage,
        unit_code=chosen.unit_code,
        actor=actor,
        period=chosen.period,
        actions=codes_of_kind(chosen.kind) if chosen.kind else None,
        refused_only=chosen.refused_only,
    )
    changes = None
    if chosen.writes_figures:
        changes = changes_frame(
            storage,
            unit_code=chosen.unit_code,
            actor=actor,
            period=chosen.period,
            limit=CHANGE_LIMIT,
        )
    uploads = _uploads(storage, chosen, actor, actions) if chosen.shows_uploads else None
    return AuditTables(changes, actions.head(ACTION_LIMIT), uploads)


def _uploads(
    storage: Storage, chosen: AuditFilter, actor: str | None, actions: pd.DataFrame
) -> pd.DataFrame:
    """Attempts of the person; of the unit or quarter: those that wrote its figures or
    whose audit entry names it (a refusal lists the units outside scope)."""
    ids: set[int] | None = None
    if chosen.unit_code or chosen.period:
        ids = figure_upload_ids(storage, unit_code=chosen.unit_code, period=chosen.period)
        if not actions.empty:
            ids |= {int(i) for i in actions["upload_id"].dropna()}
    return upload_list(
        storage, UPLOAD_LIMIT, actor=actor, ids=ids, refused_only=chosen.refused_only
    )


def audit_people(storage: Storage) -> list[str]:
    """Everyone who acted: in the audit log or as the sender of an upload."""
    log = audit_frame(storage)
    senders = upload_list(storage, columns=["uploaded_by"])
    actors: list[object] = list(log["actor"]) if not log.empty else []
    return people(actors, senders["uploaded_by"])
