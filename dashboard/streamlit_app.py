"""Dashboard entry: `streamlit run dashboard/streamlit_app.py` (or `kpi serve`).

The page list is built on every rerun from the viewer's role: a page left out
cannot be reached, and every page checks the role again inside.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from altair.utils.schemapi import disable_debug_mode
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

from dashboard import auth, chrome, data, gate, ui, widget_words  # noqa: E402
from dashboard.navigation import build_pages  # noqa: E402
from kpi.access import Viewer  # noqa: E402
from kpi.text import t  # noqa: E402

# The charts are the reports' own (reports/charts.py, tested there) and are validated as a
# whole when drawn: their parts are not validated again as each is made, on every rerun
# (a tenth of a second per switch of indicator).
disable_debug_mode()
# Tables' own CSV download is not formula-safe; pages offer the guarded one instead.
st.set_option("client.disableDataExport", True)
st.set_page_config(
    page_title=t("page_title"),
    page_icon=str(chrome.FAVICON),  # a local file: no request leaves the machine
    layout="wide",
    initial_sidebar_state="auto",  # open on a desktop, closed on a phone
)


def sidebar_identity(viewer: Viewer, lang: str) -> None:
    """Plain text: an e-mail such as `https://evil.example/@bnv.gov.vn` is never a link."""
    role = viewer.role.en if lang == "en" else viewer.role.vi
    st.sidebar.text(f"{t('signed_in_as', lang)}: {viewer.email} · {t('role', lang)}: {role}")


def record_upload_right(may_upload: bool) -> None:
    """Tell the server guard whether this session may send files (dashboard/gate.py)."""
    ctx = get_script_run_ctx()
    is_active = Runtime.instance().is_active_session if Runtime.exists() else None
    gate.record(ctx.session_id if ctx else None, may_upload, is_active)


def page_frame(lang: str) -> None:
    """The page's language, shared style and the translator of Streamlit's own words."""
    chrome.page_language(lang)
    chrome.page_style()
    widget_words.apply(lang)


def identify() -> Viewer:
    """The viewer of this run. The upload right stays as the last finished run decided
    while this one works (an officer's file sent mid-run is not refused); a run stopped or
    failed before a viewer is known withdraws it, one replaced by a newer run leaves it."""
    try:
        auth.refuse_unsafe_start()
        ui.language_switch()
        page_frame(ui.lang())  # the sign-in and no-access pages too
        return auth.current_viewer()
    except RerunException:
        raise
    except BaseException:
        record_upload_right(False)
        raise


def main() -> None:
    ui.set_viewer(None)
    viewer = identify()
    lang = ui.lang()
    ui.set_viewer(viewer)
    record_upload_right(viewer.can_upload)
    sidebar_identity(viewer, lang)
    if data.has_demo():
        st.warning(t("demo_banner", lang), icon=":material/science:")
    navigation = st.navigation(build_pages(viewer, lang), position="sidebar")
    navigation.run()


main()
