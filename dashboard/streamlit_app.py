"""Dashboard entry: `streamlit run dashboard/streamlit_app.py` (or `kpi serve`).

The page list is built on every rerun from the viewer's role: a page left out
cannot be reached, and every page checks the role again inside.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

from dashboard import auth, data, ui  # noqa: E402
from dashboard.navigation import build_pages  # noqa: E402
from kpi.access import Viewer  # noqa: E402
from kpi.i18n import t  # noqa: E402

st.set_page_config(
    page_title="KPI Monitor · Bộ Nội vụ",
    page_icon=":material/monitoring:",
    layout="wide",
    initial_sidebar_state="expanded",
)


def sidebar_identity(viewer: Viewer, lang: str) -> None:
    role = viewer.role.en if lang == "en" else viewer.role.vi
    email = ui.literal(viewer.email)
    st.sidebar.caption(f"{t('signed_in_as', lang)}: {email} · {t('role', lang)}: {role}")


def main() -> None:
    ui.language_switch()
    lang = ui.lang()
    viewer = auth.current_viewer()
    ui.set_viewer(viewer)
    sidebar_identity(viewer, lang)
    if data.has_demo():
        st.warning(t("demo_banner", lang), icon=":material/science:")
    navigation = st.navigation(build_pages(viewer, lang), position="sidebar")
    navigation.run()


main()
