"""The one web server: the Streamlit dashboard and, beside it, the read API at /api/v1.

`streamlit run dashboard/server.py` (what `kpi serve` runs) finds `app` below and
serves it with uvicorn. Routes and middleware of the whole server are put together
here and nowhere else.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from starlette.routing import Mount

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

from kpi.api import PREFIX, create_api  # noqa: E402

SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"

app = st.App(SCRIPT, routes=[Mount(PREFIX, app=create_api())], middleware=[])
