"""Which pages a viewer gets: built on every rerun from the viewer's role.

A page left out of the list cannot be reached; every page still checks the role
inside, because a page can be opened by its URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st

from kpi.access import Role, Viewer
from kpi.text import t

PAGES = Path(__file__).parent / "app_pages"


class PageSpec(NamedTuple):
    file: str
    title_key: str
    icon: str


OVERVIEW = PageSpec("overview.py", "nav_overview", ":material/dashboard:")
LEADER_PAGES = [
    OVERVIEW,
    PageSpec("indicator.py", "nav_indicator", ":material/monitoring:"),
    PageSpec("alerts.py", "nav_alerts", ":material/notifications:"),
    PageSpec("reports.py", "nav_reports", ":material/description:"),
    PageSpec("tasks.py", "nav_tasks", ":material/task_alt:"),
]
UPLOAD = PageSpec("upload.py", "nav_upload", ":material/upload_file:")
SUBMISSIONS = PageSpec("submissions.py", "nav_submissions", ":material/event_available:")
AUDIT = PageSpec("audit.py", "nav_audit", ":material/shield_person:")
USERS = PageSpec("admin_users.py", "nav_users", ":material/manage_accounts:")
APPROVALS = PageSpec("approvals.py", "nav_approvals", ":material/verified:")
CYCLE_ADMIN = PageSpec("admin_cycle.py", "nav_cycle_admin", ":material/event_busy:")


def page_specs(viewer: Viewer) -> dict[str, list[PageSpec]]:
    """Leader pages for everyone; upload for those who may write; the audit log for admins."""
    data_pages = [UPLOAD, SUBMISSIONS] if viewer.can_upload else [SUBMISSIONS]
    if viewer.can_approve:
        data_pages = [*data_pages, APPROVALS]
    sections = {"nav_section_monitor": LEADER_PAGES, "nav_section_data": data_pages}
    if viewer.role is Role.ADMIN:
        sections["nav_section_admin"] = [USERS, CYCLE_ADMIN, AUDIT]
    return sections


def build_pages(viewer: Viewer, lang: str) -> dict[str, list[st.Page]]:
    return {
        t(section, lang): [
            st.Page(
                PAGES / spec.file,
                title=t(spec.title_key, lang),
                icon=spec.icon,
                default=spec is OVERVIEW,
            )
            for spec in specs
        ]
        for section, specs in page_specs(viewer).items()
    }
