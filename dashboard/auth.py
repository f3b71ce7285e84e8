"""Who is looking: the signed-in user, or (demo mode only) the labelled demo role switcher.

Pages call `current_viewer()` and build nothing that the viewer's role does not allow.
"""

from __future__ import annotations

import streamlit as st

from kpi.access import Role, Viewer

DEMO_KEY = "demo_role"
DEMO_USERS = {
    Role.LEADER: Viewer("lanh-dao@demo.local", Role.LEADER, is_demo=True),
    Role.OFFICER: Viewer(
        "can-bo@demo.local", Role.OFFICER, frozenset({"VPB", "TTCNTT"}), is_demo=True
    ),
    Role.ADMIN: Viewer("quan-tri@demo.local", Role.ADMIN, is_demo=True),
}


def demo_role_switcher() -> Viewer:
    """Sidebar switcher, clearly labelled: it exists only with demo data, never in production."""
    labels = {role: role.vi for role in DEMO_USERS}
    role = st.sidebar.radio(
        "Vai trò minh họa (demo)",
        options=list(DEMO_USERS),
        format_func=lambda r: labels[r],
        key=DEMO_KEY,
        help="Chỉ có trong chế độ minh họa. Bản triển khai thật dùng đăng nhập OpenID Connect.",
    )
    return DEMO_USERS[role]


def current_viewer() -> Viewer:
    return demo_role_switcher()
